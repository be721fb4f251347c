// What the pane remembers per administration across reloads, beside the item drafts and in the same
// browser storage: the Open items filters (side, status, due, search, order, grouping) and the
// payables chosen for the next payment. A stored value that no longer reads right is ignored
// (the defaults come back), never half-applied.
import { GRID_COLUMNS, DEFAULT_FILTER, type GridColumn, type ItemFilter, type SortOrder } from './open-items-filter';

export interface ViewMemory {
  filter(adminId: string): ItemFilter;
  putFilter(adminId: string, filter: ItemFilter): void;
  paymentSelection(adminId: string): ReadonlySet<string>;
  /** Throws when the storage refuses it (full): the caller tells the user. */
  putPaymentSelection(adminId: string, keys: ReadonlySet<string>): void;
}

const PREFIX = 'subledger.view';

type Fields = Record<string, unknown>;

function isSort(value: unknown): value is SortOrder | null {
  if (value === null) return true;
  if (typeof value !== 'object') return false;
  const s = value as Fields;
  return GRID_COLUMNS.includes(s.column as GridColumn) && typeof s.descending === 'boolean';
}

/** The stored filter when every field reads right, else null. */
export function readFilter(value: unknown): ItemFilter | null {
  if (typeof value !== 'object' || value === null) return null;
  const f = { ...DEFAULT_FILTER, ...(value as Fields) } as Fields;
  const ok =
    (f.side === 'AR' || f.side === 'AP') &&
    (f.status === 'open' || f.status === 'all') &&
    ['any', 'overdue', 'notDue', 'within'].includes(f.due as string) &&
    Number.isInteger(f.withinDays) &&
    (f.withinDays as number) >= 0 &&
    typeof f.hideHandled === 'boolean' &&
    typeof f.search === 'string' &&
    typeof f.groupByParty === 'boolean' &&
    isSort(f.sort);
  if (!ok) return null;
  const { side, status, due, withinDays, hideHandled, search, sort, groupByParty } = f as unknown as ItemFilter;
  return { side, status, due, withinDays, hideHandled, search, sort, groupByParty };
}

function readKeys(value: unknown): ReadonlySet<string> {
  return Array.isArray(value) && value.every((k) => typeof k === 'string') ? new Set(value) : new Set();
}

/** The memory in a Web Storage (localStorage in the pane). */
export function storageMemory(storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>): ViewMemory {
  const key = (what: string, adminId: string) => `${PREFIX}.${what}:${adminId}`;
  const read = (what: string, adminId: string): unknown => {
    try {
      return JSON.parse(storage.getItem(key(what, adminId)) ?? 'null');
    } catch {
      return null;
    }
  };
  return {
    filter: (adminId) => readFilter(read('filter', adminId)) ?? DEFAULT_FILTER,
    putFilter(adminId, filter) {
      try {
        storage.setItem(key('filter', adminId), JSON.stringify(filter));
      } catch {
        // a full storage forgets the filter; the list itself is unaffected
      }
    },
    paymentSelection: (adminId) => readKeys(read('payment', adminId)),
    putPaymentSelection(adminId, keys) {
      if (keys.size === 0) storage.removeItem(key('payment', adminId));
      else storage.setItem(key('payment', adminId), JSON.stringify([...keys]));
    },
  };
}

/** Memory for this page only (where the browser gives no storage). */
export function pageMemory(): ViewMemory {
  const map = new Map<string, string>();
  return storageMemory({
    getItem: (k) => map.get(k) ?? null,
    setItem: (k, v) => void map.set(k, v),
    removeItem: (k) => void map.delete(k),
  });
}
