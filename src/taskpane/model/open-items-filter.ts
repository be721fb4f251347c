// The Open items tab's list as a view-model: the engine's items with their stable keys, and the
// user's filters (side, status, due, handled, search). The due rules come from core/due-status.
import { isDueWithin, isNotYetDue, isOverdue } from '../../core/due-status';
import type { Day } from '../../core/date';
import type { Item } from '../../core/report-types';
import type { Side } from '../../core/types';
import { itemRef } from '../../store/item-ref';
import type { ItemRef } from '../../store/records';

export type StatusFilter = 'open' | 'all';
export type DueFilter = 'any' | 'overdue' | 'notDue' | 'within';

export interface ItemFilter {
  side: Side;
  status: StatusFilter;
  due: DueFilter;
  /** The N of "due within N days". */
  withinDays: number;
  hideHandled: boolean;
  search: string;
}

export const DEFAULT_FILTER: ItemFilter = {
  side: 'AR',
  status: 'open',
  due: 'any',
  withinDays: 5,
  hideHandled: false,
  search: '',
};

/** An item with its key and what a search looks at, computed once per ledger. */
export interface ItemRow {
  key: string;
  item: Item;
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

/** The rows the filters let through, in the engine's order. */
export function filterItems(
  rows: readonly ItemRow[],
  filter: ItemFilter,
  asOf: Day,
  handled: ReadonlySet<string>,
): ItemRow[] {
  const text = filter.search.trim().toLowerCase();
  const amount = amountQuery(text);
  return rows.filter(
    (row) =>
      row.item.ledger === filter.side &&
      (filter.status === 'all' || row.item.open !== 0) &&
      (!filter.hideHandled || !handled.has(row.key)) &&
      dueMatches(filter, row.item.dueDate, asOf) &&
      searchMatches(row, text, amount),
  );
}

/** Sum of the open amounts in base currency of the rows (what the list's footer shows). */
export function openTotal(rows: readonly ItemRow[]): number {
  let total = 0;
  for (const row of rows) total += row.item.openBase;
  return total;
}
