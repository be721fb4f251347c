// The last request of a sheet's sync: the staged content goes live. REPLACE deletes the old sheet
// and gives the staging sheet its name, place and table names; REFRESH keeps the old sheet and
// its tables (so formulas pointing at them keep working), resizes each table by whole rows and
// copies the staged cells over it. See render.ts for why.
import type { SheetSpec } from '../sheets/spec';
import { type ManagedSheet, queueSaveManaged, replaceRecord } from './managed';
import type { Previous } from './previous-sheet';
import type { SheetLayout } from './sheet-layout';
import { CHART_PREFIX, queueDecorations, queueTotals } from './sheet-writer';

export interface SwapJob {
  context: Excel.RequestContext;
  spec: SheetSpec;
  layout: SheetLayout;
  managed: readonly ManagedSheet[];
  /** The record of the sheet once it is in place. */
  record: (sheetId: string, name: string) => ManagedSheet;
}

/** While the previous sheet still holds a name, the new table or pivot table uses a temporary one. */
export function temporary(name: string, previous: Previous | null): string {
  return previous ? `${name}_new` : name;
}

/** The old sheet goes, the staging sheet takes its name and place; tables get their stable names. */
export async function replaceSheet(job: SwapJob, staging: Excel.Worksheet, name: string, previous: Previous | null): Promise<ManagedSheet> {
  if (previous) job.context.workbook.worksheets.getItem(previous.info.id).delete();
  staging.name = name;
  staging.visibility = 'Visible';
  if (previous) {
    staging.position = previous.info.position;
    for (const t of job.spec.tables) staging.tables.getItem(temporary(t.name, previous)).name = t.name;
    for (const p of job.spec.pivots ?? []) staging.pivotTables.getItem(temporary(p.name, previous)).name = p.name;
  }
  const record = job.record(staging.id, name);
  queueSaveManaged(job.context, replaceRecord(job.managed, record));
  await job.context.sync();
  return record;
}

/** The old sheet stays: its tables are resized and the staged content is copied over them. */
export async function refreshSheet(job: SwapJob, staging: Excel.Worksheet, previous: Previous): Promise<ManagedSheet> {
  const { context, layout } = job;
  const sheet = context.workbook.worksheets.getItem(previous.info.id);
  for (const c of previous.charts.filter((c) => c.name.startsWith(CHART_PREFIX))) c.delete();
  for (const p of previous.pivots.filter((p) => previous.record.pivots.includes(p.name))) p.delete();
  sheet.horizontalPageBreaks.removePageBreaks();
  resizeTables(sheet, layout, previous.bodyRows ?? []);
  for (const t of layout.tables) sheet.getRangeByIndexes(t.bodyRow, 0, t.bodyRows, t.cols).conditionalFormats.clearAll();
  copyStaged(sheet, staging, layout);
  const tables = new Map<string, Excel.Table>();
  for (const t of layout.tables) {
    const table = context.workbook.tables.getItem(t.spec.name);
    queueTotals(table, t, t.spec.name);
    tables.set(t.spec.name, table);
  }
  queueDecorations(sheet, job.spec, layout, { tables, pivotName: (n) => n });
  staging.delete();
  const record = job.record(previous.info.id, previous.info.name);
  queueSaveManaged(context, replaceRecord(job.managed, record));
  await context.sync();
  return record;
}

/**
 * Grows a table by inserting whole rows above its last body row, shrinks it by deleting its
 * first body rows (Table.resize needs ExcelApi 1.13). Tables are done top to bottom, so when
 * table i is reached the ones above already have their new size and its body starts at the new
 * layout's row.
 */
function resizeTables(sheet: Excel.Worksheet, layout: SheetLayout, oldRows: readonly number[]): void {
  layout.tables.forEach((t, i) => {
    const before = oldRows[i] ?? t.bodyRows;
    const delta = t.bodyRows - before;
    if (delta > 0) sheet.getRangeByIndexes(t.bodyRow + before - 1, 0, delta, 1).getEntireRow().insert('Down');
    if (delta < 0) sheet.getRangeByIndexes(t.bodyRow, 0, -delta, 1).getEntireRow().delete('Up');
  });
}

/** Titles, and each table's caption, header and body (its totals row keeps its formulas). */
function copyStaged(sheet: Excel.Worksheet, staging: Excel.Worksheet, layout: SheetLayout): void {
  const copy = (row: number, rows: number, cols: number): void =>
    sheet.getRangeByIndexes(row, 0, rows, cols).copyFrom(staging.getRangeByIndexes(row, 0, rows, cols), 'All');
  if (layout.titleRows > 0) copy(0, layout.titleRows, layout.width);
  for (const t of layout.tables) {
    const top = t.captionRow ?? t.headerRow;
    copy(top, t.bodyRow + t.bodyRows - top, t.cols);
  }
}
