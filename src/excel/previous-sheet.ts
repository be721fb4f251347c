// The managed sheet a spec will replace, if it still exists, and whether it can be refreshed in
// place: same title rows, same tables in the same order with the same headers at the rows the
// layout puts them (given their present sizes). Otherwise it is replaced as a whole.
import type { SheetSpec } from '../sheets/spec';
import type { ManagedSheet } from './managed';
import { layoutSheet } from './sheet-layout';

export interface SheetInfo {
  id: string;
  name: string;
  position: number;
}

export interface Previous {
  info: SheetInfo;
  record: ManagedSheet;
  /** Body rows of each table as they are now, when the sheet can be refreshed in place. */
  bodyRows: number[] | null;
  charts: Excel.Chart[];
  pivots: Excel.PivotTable[];
}

/** The managed sheet of this kind that exists now, from the record (no request needed). */
export function existingSheet(managed: readonly ManagedSheet[], sheets: readonly SheetInfo[], kind: string): { record: ManagedSheet; info: SheetInfo } | null {
  const record = managed.find((m) => m.kind === kind);
  const info = record && sheets.find((s) => s.id === record.sheetId);
  return record && info ? { record, info } : null;
}

/** Looks at the existing sheet (one or two requests): its tables, charts and pivot tables. */
export async function inspectPrevious(
  context: Excel.RequestContext,
  spec: SheetSpec,
  found: { record: ManagedSheet; info: SheetInfo },
): Promise<Previous> {
  const { record, info } = found;
  const sheet = context.workbook.worksheets.getItem(info.id);
  const tables = sheet.tables.load('items/name');
  const charts = sheet.charts.load('items/name');
  const pivots = sheet.pivotTables.load('items/name');
  await context.sync();
  const previous: Previous = { info, record, bodyRows: null, charts: charts.items, pivots: pivots.items };
  if (!sameTables(spec, record, tables.items.map((t) => t.name))) return previous;
  const probes = tables.items.map((t) => ({ rows: t.rows.load('count'), header: t.getHeaderRowRange().load('values,rowIndex') }));
  await context.sync();
  const bodyRows = probes.map((p) => p.rows.count);
  const replay = layoutSheet(spec, bodyRows);
  const fits = probes.every((p, i) => p.header.rowIndex === replay.tables[i]?.headerRow && sameList(p.header.values[0] ?? [], replay.tables[i]?.headers ?? []));
  previous.bodyRows = fits ? bodyRows : null;
  return previous;
}

function sameTables(spec: SheetSpec, record: ManagedSheet, onSheet: string[]): boolean {
  const names = spec.tables.map((t) => t.name);
  return (
    record.titleRows === spec.titleLines.length &&
    sameList(record.tables.map((t) => t.name), names) &&
    sameList(onSheet, names) &&
    sameList(record.captions, spec.tables.map((t) => t.caption !== undefined))
  );
}

function sameList(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
