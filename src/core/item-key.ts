// A stable key of an open item, ledger·party·doc·type, that survives re-imports of the same
// data: notes, "handled" flags and follow-ups are stored against it. Printable, so it may sit in
// a worksheet cell:  itemKey({ledger:'AR', partyId:'C001', docNo:'INV-7', entryType:'invoice'})
//   → "AR·C001·INV-7·invoice"   (a "·" or "%" inside a part is written %C2%B7 / %25)
// A note taken on the party itself (a call) is kept under a party note key instead, which is
// never an item key:  partyNoteKey('AR', 'C001') → "party·AR·C001"  (the id as is, after the side).
import type { EntryType, Side } from './types';

export interface ItemKeyParts {
  ledger: Side;
  partyId: string;
  docNo: string;
  entryType: EntryType;
}

function escapePart(text: string): string {
  return text.replace(/%/g, '%25').replace(/·/g, '%C2%B7');
}

export function itemKey(item: ItemKeyParts): string {
  return `${item.ledger}·${escapePart(item.partyId)}·${escapePart(item.docNo)}·${item.entryType}`;
}

/**
 * Keys for a list of items, unique within it: rows that share ledger·party·doc·type (two
 * unallocated rows of one payment) get `#2`, `#3`, … in list order.
 */
export function uniqueItemKeys(items: readonly ItemKeyParts[]): string[] {
  const seen = new Map<string, number>();
  return items.map((item) => {
    const key = itemKey(item);
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    return n === 1 ? key : `${key}#${n}`;
  });
}

const PARTY_NOTE_PREFIX = 'party·';

/** The key of a note on the party itself (not on one of its items). */
export function partyNoteKey(side: Side, partyId: string): string {
  return `${PARTY_NOTE_PREFIX}${side}·${partyId}`;
}

/** True for a party note key: a key that names no item, so item views leave it out. */
export function isPartyNoteKey(key: string): boolean {
  return key.startsWith(PARTY_NOTE_PREFIX);
}

/** The party a party note key is about; null for any other key. */
export function partyOfNoteKey(key: string): { side: Side; partyId: string } | null {
  if (!isPartyNoteKey(key)) return null;
  const rest = key.slice(PARTY_NOTE_PREFIX.length);
  const side = rest.slice(0, 2);
  if ((side !== 'AR' && side !== 'AP') || rest[2] !== '·') return null;
  return { side, partyId: rest.slice(3) };
}
