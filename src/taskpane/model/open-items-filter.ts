// The Open items tab's list as a view-model: the engine's items with their stable keys, the
// user's filters (side, status, due, handled, search), the order (any column, either way) and the
// grouping by party. The due rules come from core/due-status; keys and allocations from core.
import { daysOverdue, isDueWithin, isNotYetDue, isOverdue } from '../../core/due-status';
import type { Day } from '../../core/date';
import type { Item } from '../../core/report-types';
import type { SettlingEntry } from '../../core/settlements';
import { ENTRY_TYPES, type Side } from '../../core/types';
import { itemRef } from '../../store/item-ref';
import type { ItemRef } from '../../store/records';
import { drain, STEP, type Steps } from './steps';

export type StatusFilter = 'open' | 'all';
export type DueFilter = 'any' | 'overdue' | 'notDue' | 'within';

/** The grid's columns; each one can order the list. */
export const GRID_COLUMNS = ['party', 'document', 'type', 'date', 'dueDate', 'daysLate', 'amount', 'open', 'currency'] as const;
export type GridColumn = (typeof GRID_COLUMNS)[number];

export interface SortOrder {
  column: GridColumn;
  descending: boolean;
}

export interface ItemFilter {
  side: Side;
  status: StatusFilter;
  due: DueFilter;
  /** The N of "due within N days". */
  withinDays: number;
  hideHandled: boolean;
  search: string;
  /** null: the order that fits the status (open: by due date; all: newest first). */
  sort: SortOrder | null;
  groupByParty: boolean;
}

export const DEFAULT_FILTER: ItemFilter = {
  side: 'AR',
  status: 'open',
  due: 'any',
  withinDays: 5,
  hideHandled: false,
  search: '',
  sort: null,
  groupByParty: false,
};

/** The order when the user chose none: open items by due date (oldest due first); everything newest first. */
export function effectiveSort(filter: Pick<ItemFilter, 'sort' | 'status'>): SortOrder {
  return filter.sort ?? (filter.status === 'all' ? { column: 'date', descending: true } : { column: 'dueDate', descending: false });
}

/** An item with its key and what a search looks at, computed once per ledger. */
export interface ItemRow {
  /** The item's key (core/item-key.ts); for a settling entry its row id, which is no item key. */
  key: string;
  item: Item;
  /** Set on the row of an entry that settled an item (a payment, a credit note): shown, never annotated. */
  settles?: SettlingEntry;
  /** Party id, party name and document number, lower case. */
  text: string;
  /** Digits of |amount| and |open| in minor units: "1234.56" finds 123456. */
  amountDigits: string;
}

export function itemRows(items: readonly Item[]): ItemRow[] {
  return items.map((item) => ({
    key: item.key,
    item,
    text: `${item.partyId}\u0001${item.partyName}\u0001${item.docNo}`.toLowerCase(),
    amountDigits: `${Math.abs(item.amount)}\u0001${Math.abs(item.open)}`,
  }));
}

/**
 * The entries that settled items, as rows of "All transactions": their own amount, open 0, dated
 * on their entry date. Their key is the entry's row id, so nothing is ever stored against them.
 */
export function settlingRows(entries: readonly SettlingEntry[]): ItemRow[] {
  return entries.map((s) => {
    const { id, settles: _settles, settlesDocNo: _doc, ...fields } = s;
    const item: Item = { ...fields, key: id, open: 0, openBase: 0, settledDate: s.entryDate };
    return {
      key: s.id,
      item,
      settles: s,
      text: `${s.partyId}\u0001${s.partyName}\u0001${s.docNo}\u0001${s.settlesDocNo}`.toLowerCase(),
      amountDigits: `${Math.abs(s.amount)}`,
    };
  });
}

/** What the store keys the row's annotations by: its item's key, and its party. */
export function rowRef(row: ItemRow): ItemRef {
  return itemRef(row.item);
}

/** A search for an amount: only digits and separators ("1.234,56", "-50"); its digits, else null. */
function amountQuery(query: string): string | null {
  if (!/^[-+]?[\d.,\s']+$/.test(query) || !/\d/.test(query)) return null;
  const [whole = '', fraction] = splitDecimal(query.replace(/[-+\s']/g, ''));
  const digits = whole.replace(/\D/g, '') + (fraction ?? '');
  return digits.replace(/^0+(?=\d)/, '');
}

/** "1.234,56" → ["1.234", "56"]; a last separator followed by 1–2 digits is the decimal one. */
function splitDecimal(text: string): [string, string?] {
  const m = /^(.*)[.,](\d{1,2})$/.exec(text);
  return m ? [m[1] ?? '', (m[2] ?? '').padEnd(2, '0')] : [text];
}

function dueMatches(filter: ItemFilter, dueDate: Day, asOf: Day): boolean {
  switch (filter.due) {
    case 'any':
      return true;
    case 'overdue':
      return isOverdue(dueDate, asOf);
    case 'notDue':
      return isNotYetDue(dueDate, asOf);
    case 'within':
      return isDueWithin(dueDate, asOf, filter.withinDays);
  }
}

function searchMatches(row: ItemRow, text: string, amount: string | null): boolean {
  if (text === '') return true;
  if (row.text.includes(text)) return true;
  if (amount === null || amount === '') return false;
  return row.amountDigits.split('\u0001').some((d) => d.startsWith(amount));
}

/** Whether a row passes the filters (side, status, handled, due, search). */
export function rowTest(filter: ItemFilter, asOf: Day, handled: ReadonlySet<string>): (row: ItemRow) => boolean {
  const text = filter.search.trim().toLowerCase();
  const amount = amountQuery(text);
  return (row) =>
    row.item.ledger === filter.side &&
    (filter.status === 'all' || row.item.open !== 0) &&
    (!filter.hideHandled || !handled.has(row.key)) &&
    dueMatches(filter, row.item.dueDate, asOf) &&
    searchMatches(row, text, amount);
}

/** The rows the filters let through, in the engine's order. */
export function filterItems(
  rows: readonly ItemRow[],
  filter: ItemFilter,
  asOf: Day,
  handled: ReadonlySet<string>,
): ItemRow[] {
  return rows.filter(rowTest(filter, asOf, handled));
}

/** Sum of the open amounts in base currency of the rows (what the list's footer shows). */
export function openTotal(rows: readonly ItemRow[]): number {
  let total = 0;
  for (const row of rows) total += row.item.openBase;
  return total;
}

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });
const TYPE_ORDER = new Map<string, number>(ENTRY_TYPES.map((t, i) => [t, i]));

/** Days late of a row still owed (a settled row or a credit has none: they sort before the others). */
export function daysLateOf(row: ItemRow, asOf: Day): number | null {
  return row.item.open <= 0 ? null : daysOverdue(row.item.dueDate, asOf);
}

function compareBy(column: GridColumn, a: ItemRow, b: ItemRow, asOf: Day): number {
  const x = a.item;
  const y = b.item;
  switch (column) {
    case 'party':
      return collator.compare(x.partyName, y.partyName) || collator.compare(x.partyId, y.partyId);
    case 'document':
      return collator.compare(x.docNo, y.docNo);
    case 'type':
      return (TYPE_ORDER.get(x.entryType) ?? 0) - (TYPE_ORDER.get(y.entryType) ?? 0);
    case 'date':
      return x.docDate - y.docDate || x.entryDate - y.entryDate;
    case 'dueDate':
      return x.dueDate - y.dueDate;
    case 'daysLate':
      return (daysLateOf(a, asOf) ?? -Infinity) - (daysLateOf(b, asOf) ?? -Infinity);
    case 'amount':
      return x.amountBase - y.amountBase || x.amount - y.amount;
    case 'open':
      return x.openBase - y.openBase || x.open - y.open;
    case 'currency':
      return collator.compare(x.currency, y.currency);
  }
}

/** Rows sorted natively at once before the sorted runs are merged (a few milliseconds each). */
const RUN = 4096;

/**
 * The rows in the chosen order; rows that tie keep the engine's order (party, due date, document),
 * whichever way the column runs. Amounts order by their base value, so a dollar and a euro compare.
 */
export function sortRows(rows: readonly ItemRow[], order: SortOrder, asOf: Day): ItemRow[] {
  return drain(sortSteps(rows, order, asOf));
}

/**
 * `sortRows` in steps: runs of rows sorted at once, then merged pairwise a step at a time. Ties are
 * broken by the rows' positions, so the order is total and the same as one sort of the whole list.
 */
export function* sortSteps(rows: readonly ItemRow[], order: SortOrder, asOf: Day): Steps<ItemRow[]> {
  const sign = order.descending ? -1 : 1;
  const n = rows.length;
  const before = (i: number, j: number) => sign * compareBy(order.column, rows[i] as ItemRow, rows[j] as ItemRow, asOf) || i - j;
  let from = new Int32Array(n);
  for (let i = 0; i < n; i++) from[i] = i;
  for (let start = 0; start < n; start += RUN) {
    from.subarray(start, Math.min(n, start + RUN)).sort(before);
    yield;
  }
  let to = new Int32Array(n);
  for (let width = RUN; width < n; width *= 2) {
    for (let low = 0; low < n; low += 2 * width) {
      const mid = Math.min(low + width, n);
      const high = Math.min(low + 2 * width, n);
      // runs already in order (a list sorted on this column before): copied as they are
      if (mid >= high || before(from[mid - 1] as number, from[mid] as number) < 0) {
        to.set(from.subarray(low, high), low);
        continue;
      }
      let i = low;
      let j = mid;
      let k = low;
      while (i < mid && j < high) {
        to[k++] = before(from[i] as number, from[j] as number) < 0 ? (from[i++] as number) : (from[j++] as number);
        if (k % STEP === 0) yield;
      }
      while (i < mid) to[k++] = from[i++] as number;
      while (j < high) to[k++] = from[j++] as number;
    }
    [from, to] = [to, from];
    yield;
  }
  const sorted: ItemRow[] = [];
  for (let k = 0; k < n; k++) {
    sorted.push(rows[from[k] as number] as ItemRow);
    if (k % STEP === 0) yield;
  }
  return sorted;
}
