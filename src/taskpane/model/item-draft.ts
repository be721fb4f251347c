// What the user typed in an item's dialog and has not saved yet: the handled mark, the note, a
// payment agreement and a follow-up. One Save writes every part that changed; a part that could
// not be written stays in the draft. A draft closed unsaved is kept (per administration and item,
// in the browser's storage), so nothing typed is lost by Close, Esc or a reload.
export interface ItemDraft {
  /** null: unchanged. */
  handled: boolean | null;
  /** null: unchanged. */
  note: string | null;
  agreementDate: string;
  agreementAmount: string;
  followUpDate: string;
  followUpText: string;
}

export const EMPTY_DRAFT: Readonly<ItemDraft> = {
  handled: null,
  note: null,
  agreementDate: '',
  agreementAmount: '',
  followUpDate: '',
  followUpText: '',
};

/** The parts of a draft one Save writes. */
export type DraftPart = 'handled' | 'note' | 'agreement' | 'followUp';

/** True when anything was typed or changed that is not saved. */
export function isDirty(draft: ItemDraft): boolean {
  return (
    draft.handled !== null ||
    draft.note !== null ||
    draft.agreementDate !== '' ||
    draft.agreementAmount.trim() !== '' ||
    draft.followUpDate !== '' ||
    draft.followUpText.trim() !== ''
  );
}

/** The draft after `part` was saved: that part back to unchanged. */
export function withoutPart(draft: ItemDraft, part: DraftPart): ItemDraft {
  switch (part) {
    case 'handled':
      return { ...draft, handled: null };
    case 'note':
      return { ...draft, note: null };
    case 'agreement':
      return { ...draft, agreementDate: '', agreementAmount: '' };
    case 'followUp':
      return { ...draft, followUpDate: '', followUpText: '' };
  }
}

/** The stored drafts, by administration and item key. */
export interface DraftShelf {
  get(adminId: string, itemKey: string): ItemDraft | null;
  put(adminId: string, itemKey: string, draft: ItemDraft): void;
  drop(adminId: string, itemKey: string): void;
}

const PREFIX = 'subledger.itemDraft';

function isDraft(value: unknown): value is ItemDraft {
  if (typeof value !== 'object' || value === null) return false;
  const d = value as Record<string, unknown>;
  return (
    (d.handled === null || typeof d.handled === 'boolean') &&
    (d.note === null || typeof d.note === 'string') &&
    ['agreementDate', 'agreementAmount', 'followUpDate', 'followUpText'].every((k) => typeof d[k] === 'string')
  );
}

/** Drafts in a Web Storage (localStorage in the pane). `put` throws when the storage is full. */
export function storageShelf(storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>): DraftShelf {
  const key = (adminId: string, itemKey: string) => `${PREFIX}:${adminId}:${itemKey}`;
  return {
    get(adminId, itemKey) {
      try {
        const parsed: unknown = JSON.parse(storage.getItem(key(adminId, itemKey)) ?? 'null');
        return isDraft(parsed) && isDirty(parsed) ? parsed : null;
      } catch {
        return null;
      }
    },
    put(adminId, itemKey, draft) {
      if (isDirty(draft)) storage.setItem(key(adminId, itemKey), JSON.stringify(draft));
      else storage.removeItem(key(adminId, itemKey));
    },
    drop(adminId, itemKey) {
      storage.removeItem(key(adminId, itemKey));
    },
  };
}

/** Drafts kept in memory only (where the browser gives no storage). */
export function memoryShelf(): DraftShelf {
  const map = new Map<string, string>();
  return storageShelf({
    getItem: (k) => map.get(k) ?? null,
    setItem: (k, v) => void map.set(k, v),
    removeItem: (k) => void map.delete(k),
  });
}
