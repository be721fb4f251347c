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

async function readTable(context: Excel.RequestContext, spec: ManagedTable): Promise<UserEdit[]> {
  const table = context.workbook.tables.getItemOrNullObject(spec.name);
  await context.sync();
  if (table.isNullObject) return [];
  const header = table.getHeaderRowRange().load('values');
  const rows = table.rows.load('count');
  await context.sync();
  const headers = (header.values[0] ?? []).map(String);
  const wanted = wantedColumns(spec, headers);
  if (wanted.key < 0) return [];
  const edits: UserEdit[] = [];
  for (let start = 0; start < rows.count; start += ROWS_PER_READ) {
    const count = Math.min(ROWS_PER_READ, rows.count - start);
    const read = (index: number): Excel.Range =>
      table.getDataBodyRange().getCell(start, index).getResizedRange(count - 1, 0).load('values');
    const key = read(wanted.key);
    const fields = wanted.fields.map(({ field, index }) => ({ field, range: read(index) }));
    await context.sync();
    for (let r = 0; r < count; r++) {
      const rowKey = String(key.values[r]?.[0] ?? '');
      if (rowKey === '') continue;
      const edit: UserEdit = { rowKey, handled: false, note: '', followUp: null };
      for (const { field, range } of fields) setField(edit, field, range.values[r]?.[0]);
      edits.push(edit);
    }
  }
  return edits;
}

function wantedColumns(spec: ManagedTable, headers: string[]): { key: number; fields: { field: Field; index: number }[] } {
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

/**
 * Calls `onEdits` with all user edits whenever a managed open-items table changes. Resolves with
 * a function that stops watching.
 */
export async function watchUserEdits(onEdits: (edits: UserEdit[]) => void, onError?: (error: unknown) => void): Promise<() => Promise<void>> {
  const registrations = await Excel.run(async (context) => {
    const managed = (await loadManaged(context)).filter(isOpenItems);
    const tables = managed.flatMap((m) => m.tables).map((t) => context.workbook.tables.getItemOrNullObject(t.name));
    await context.sync();
    const handler = async (): Promise<void> => {
      try {
        onEdits(await readUserEdits());
      } catch (error) {
        onError?.(error);
      }
    };
    const results = tables.filter((t) => !t.isNullObject).map((t) => t.onChanged.add(handler));
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
