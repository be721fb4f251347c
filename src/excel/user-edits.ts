// The user's own columns of the open-items sheets (Handled, Note, Follow-up), read back from the
// workbook as plain data for the store. Rows are matched by the hidden key column, not by
// position, so sorting or filtering the table in Excel changes nothing. Columns are found by their
// header (the user may move them); only the needed columns are read, in chunks of rows that keep
// each response well under 5 MB.
import { type Day, fromExcelSerial, parseIsoDate } from '../core/date';
import { loadManaged, type ManagedSheet, type ManagedTable } from './managed';

export interface UserEdit {
  rowKey: string;
  handled: boolean;
  note: string;
  followUp: Day | null;
}

type Field = 'handled' | 'note' | 'followUp';
const FIELDS: readonly Field[] = ['handled', 'note', 'followUp'];
const ROWS_PER_READ = 10_000;

/** Which user column feeds which field, by the column's spec key (`handled`, `note`, `followUp`). */
function fieldOf(key: string): Field | null {
  const lower = key.toLowerCase();
  if (lower.includes('handled')) return 'handled';
  if (lower.includes('follow')) return 'followUp';
  if (lower.includes('note')) return 'note';
  return null;
}

const isOpenItems = (sheet: ManagedSheet): boolean => sheet.kind.startsWith('open-items');

/** The user's edits of every managed open-items table, one entry per row with a key. */
export async function readUserEdits(which: (sheet: ManagedSheet) => boolean = isOpenItems): Promise<UserEdit[]> {
  return Excel.run(async (context) => {
    const managed = (await loadManaged(context)).filter(which);
    const edits: UserEdit[] = [];
    for (const table of managed.flatMap((m) => m.tables).filter((t) => t.keyHeader !== null)) {
      edits.push(...(await readTable(context, table)));
    }
    return edits;
  });
}

/** Body rows `[first, first + count)` of a table; null for all of them. */
type RowSpan = { first: number; count: number } | null;

async function readTable(context: Excel.RequestContext, spec: ManagedTable, span: RowSpan = null): Promise<UserEdit[]> {
  const table = context.workbook.tables.getItemOrNullObject(spec.name);
  await context.sync();
  if (table.isNullObject) return [];
  const header = table.getHeaderRowRange().load('values,rowIndex');
  const rows = table.rows.load('count');
  await context.sync();
  const wanted = wantedColumns(spec, (header.values[0] ?? []).map(String));
  if (wanted.key < 0) return [];
  const first = Math.max(0, span?.first ?? 0);
  const end = Math.min(rows.count, span ? span.first + span.count : rows.count);
  const edits: UserEdit[] = [];
  for (let start = first; start < end; start += ROWS_PER_READ) {
    edits.push(...(await readRows(context, table, wanted, start, Math.min(ROWS_PER_READ, end - start))));
  }
  return edits;
}

/** One request: the key and user columns of `count` body rows from `start`. */
async function readRows(context: Excel.RequestContext, table: Excel.Table, wanted: Wanted, start: number, count: number): Promise<UserEdit[]> {
  const read = (index: number): Excel.Range => table.getDataBodyRange().getCell(start, index).getResizedRange(count - 1, 0).load('values');
  const key = read(wanted.key);
  const fields = wanted.fields.map(({ field, index }) => ({ field, range: read(index) }));
  await context.sync();
  const edits: UserEdit[] = [];
  for (let r = 0; r < count; r++) {
    const rowKey = String(key.values[r]?.[0] ?? '');
    if (rowKey === '') continue;
    const edit: UserEdit = { rowKey, handled: false, note: '', followUp: null };
    for (const { field, range } of fields) setField(edit, field, range.values[r]?.[0]);
    edits.push(edit);
  }
  return edits;
}

interface Wanted {
  key: number;
  fields: { field: Field; index: number }[];
}

function wantedColumns(spec: ManagedTable, headers: string[]): Wanted {
  const key = spec.keyHeader === null ? -1 : headers.indexOf(spec.keyHeader);
  const fields = spec.userColumns
    .map((c) => ({ field: fieldOf(c.key), index: headers.indexOf(c.header) }))
    .filter((f): f is { field: Field; index: number } => f.field !== null && f.index >= 0 && FIELDS.includes(f.field));
  return { key, fields };
}

const YES = new Set(['true', 'x', 'yes', 'y', 'ja', 'j', 'oui', 'o', '1', 'waar', 'vrai', '✓']);

function setField(edit: UserEdit, field: Field, value: unknown): void {
  if (field === 'handled') edit.handled = value === true || value === 1 || (typeof value === 'string' && YES.has(value.trim().toLowerCase()));
  else if (field === 'note') edit.note = typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';
  else edit.followUp = typeof value === 'number' ? fromExcelSerial(value) : typeof value === 'string' ? parseIsoDate(value) : null;
}

/** The sheet rows of an address (`Sheet!H6:J8`, `I7`): 0-based first row and count. */
export function rowsOf(address: string): { row: number; rows: number } | null {
  const m = /(?:^|!)\$?[A-Z]{1,3}\$?(\d+)(?::\$?[A-Z]{1,3}\$?(\d+))?$/.exec(address);
  if (!m) return null;
  const a = Number(m[1]) - 1;
  const b = m[2] === undefined ? a : Number(m[2]) - 1;
  return { row: Math.min(a, b), rows: Math.abs(b - a) + 1 };
}

/**
 * Calls `onEdits` with the edits of the rows the user just changed in a managed open-items table
 * (read by key, like readUserEdits). Resolves with a function that stops watching.
 */
export async function watchUserEdits(onEdits: (edits: UserEdit[]) => void, onError?: (error: unknown) => void): Promise<() => Promise<void>> {
  const registrations = await Excel.run(async (context) => {
    const specs = (await loadManaged(context)).filter(isOpenItems).flatMap((m) => m.tables).filter((t) => t.keyHeader !== null);
    const tables = specs.map((spec) => ({ spec, table: context.workbook.tables.getItemOrNullObject(spec.name) }));
    await context.sync();
    const results = tables
      .filter(({ table }) => !table.isNullObject)
      .map(({ spec, table }) => table.onChanged.add(async (event) => changed(spec, event.address).then(onEdits, (error: unknown) => onError?.(error))));
    await context.sync();
    return results;
  });
  return async () => {
    for (const result of registrations) {
      await Excel.run(result.context, async (context) => {
        result.remove();
        await context.sync();
      });
    }
  };
}

/** The edits of the body rows an event's address covers. */
async function changed(spec: ManagedTable, address: string): Promise<UserEdit[]> {
  const rows = rowsOf(address);
  return Excel.run(async (context) => {
    const table = context.workbook.tables.getItem(spec.name);
    const body = table.getDataBodyRange().load('rowIndex');
    await context.sync();
    const span = rows ? { first: rows.row - body.rowIndex, count: rows.rows } : null;
    return readTable(context, spec, span);
  });
}
