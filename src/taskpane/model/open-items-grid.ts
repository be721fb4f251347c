// The Open items grid's layout as a view-model: which columns fit the pane's width (the rest go to
// the row's detail line, nothing is cut), and the list as lines: item rows, or per party a heading
// with its subtotals (each currency in its own, never one symbol over mixed currencies).
import { GRID_COLUMNS, type GridColumn, type ItemRow } from './open-items-filter';
import { openByCurrency, type CurrencyTotals } from './currency-totals';
import { drain, STEP, type Steps } from './steps';

/** Width in CSS pixels each column needs; the party column takes what is left (at least its width). */
export const COLUMN_WIDTH: Readonly<Record<GridColumn, number>> = {
  party: 96,
  document: 104,
  type: 92,
  date: 88,
  dueDate: 88,
  daysLate: 56,
  amount: 112,
  open: 112,
  currency: 48,
};

/** Which columns stay when the width runs out: the first ones stay longest. */
export const COLUMN_PRIORITY: readonly GridColumn[] = ['party', 'open', 'dueDate', 'daysLate', 'document', 'amount', 'type', 'date', 'currency'];

/** The row's own controls (selection box, details button) and its padding. */
export const ROW_CHROME = 84;

export interface GridLayout {
  /** In the grid's column order. */
  shown: GridColumn[];
  /** In the grid's column order; shown in each row's detail line. */
  hidden: GridColumn[];
}

/** The columns that fit `width` pixels of list, by priority; at least party and open amount. */
export function layoutFor(width: number): GridLayout {
  let room = width - ROW_CHROME;
  const chosen = new Set<GridColumn>();
  for (const column of COLUMN_PRIORITY) {
    const need = COLUMN_WIDTH[column];
    if (chosen.size >= 2 && need > room) break;
    chosen.add(column);
    room -= need;
  }
  return { shown: GRID_COLUMNS.filter((c) => chosen.has(c)), hidden: GRID_COLUMNS.filter((c) => !chosen.has(c)) };
}

export interface GroupLine {
  kind: 'group';
  /** ledger·party: unique per list (one side at a time, but kept exact). */
  id: string;
  partyId: string;
  partyName: string;
  count: number;
  totals: CurrencyTotals;
}

export interface RowLine {
  kind: 'row';
  row: ItemRow;
}

export type GridLine = GroupLine | RowLine;

/** The rows as lines: as they are, or grouped per party (parties in the order they first appear). */
export function gridLines(rows: readonly ItemRow[], groupByParty: boolean): GridLine[] {
  return drain(gridLineSteps(rows, groupByParty));
}

/** `gridLines` in steps. */
export function* gridLineSteps(rows: readonly ItemRow[], groupByParty: boolean): Steps<GridLine[]> {
  const lines: GridLine[] = [];
  if (!groupByParty) {
    for (let i = 0; i < rows.length; i++) {
      lines.push({ kind: 'row', row: rows[i] as ItemRow });
      if (i % STEP === 0) yield;
    }
    return lines;
  }
  const groups = new Map<string, ItemRow[]>();
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i] as ItemRow;
    const id = `${row.item.ledger}\u0001${row.item.partyId}`;
    const list = groups.get(id);
    if (list) list.push(row);
    else groups.set(id, [row]);
    if (i % STEP === 0) yield;
  }
  let done = 0;
  for (const [id, list] of groups) {
    const first = (list[0] as ItemRow).item;
    lines.push({ kind: 'group', id, partyId: first.partyId, partyName: first.partyName, count: list.length, totals: openByCurrency(list) });
    for (const row of list) lines.push({ kind: 'row', row });
    done += list.length;
    if (done >= STEP) {
      done = 0;
      yield;
    }
  }
  return lines;
}
