// SheetSpecs into an .xlsx file with ExcelJS (used by `subledger build` and the task pane's
// "Download workbook"): title lines, real tables with SUBTOTAL totals rows, number formats,
// frozen header, conditional formats, print setup and page breaks. Charts and pivot tables are
// beyond ExcelJS: a chart's series get data bars instead, pivots are left out (see README.md).
import ExcelJS from 'exceljs';
import type { SheetSpec, TableSpec } from '../sheets/spec';
import { StyleCache } from './cells';
import { addConditionalFormats, chartDataBars } from './conditional';
import { applyPrintSetup, freezeHeader } from './print';
import { writeTable, type TablePlacement } from './tables';

export interface RenderOptions {
  /** Called after each sheet with the number of sheets done and the total. */
  onProgress?: (done: number, total: number, sheet: string) => void;
}

function writeTitles(ws: ExcelJS.Worksheet, lines: readonly string[], styles: StyleCache): number {
  lines.forEach((line, i) => {
    const cell = ws.getRow(i + 1).getCell(1);
    cell.value = line;
    cell.style = i === 0 ? { font: { bold: true, size: 14 } } : styles.get('@');
  });
  return lines.length > 0 ? lines.length + 2 : 1;
}

function setWidths(ws: ExcelJS.Worksheet, tables: readonly TableSpec[]): void {
  const widths: number[] = [];
  for (const table of tables) {
    table.columns.forEach((column, j) => {
      widths[j] = Math.max(widths[j] ?? 0, column.width);
    });
  }
  widths.forEach((width, j) => {
    ws.getColumn(j + 1).width = width;
  });
}

function renderSheet(workbook: ExcelJS.Workbook, spec: SheetSpec, styles: StyleCache): void {
  const ws = workbook.addWorksheet(spec.name);
  let row = writeTitles(ws, spec.titleLines, styles);
  let priority = 1;
  const nextPriority = () => priority++;
  const placements = new Map<string, { table: TableSpec; placement: TablePlacement }>();
  for (const table of spec.tables) {
    const placement = writeTable(ws, table, row, styles);
    placements.set(table.name, { table, placement });
    addConditionalFormats(ws, table, placement, table.conditionalFormats ?? [], nextPriority);
    row = placement.nextRow + 1;
  }
  for (const chart of spec.charts ?? []) {
    const placed = placements.get(chart.table);
    if (placed) addConditionalFormats(ws, placed.table, placed.placement, chartDataBars(chart), nextPriority);
  }
  setWidths(ws, spec.tables);
  const first = spec.tables[0];
  const headerRow = first === undefined ? null : (placements.get(first.name)?.placement.headerRow ?? null);
  freezeHeader(ws, spec, headerRow);
  applyPrintSetup(ws, spec, headerRow);
}

/**
 * The author written into a workbook's document properties (creator and last modified by).
 * `subledger build` replaces an existing file only when both still say this and it has not been
 * modified since it was created: a workbook it wrote that nobody saved since.
 */
export const WORKBOOK_AUTHOR = 'Subledger';

export async function renderXlsx(specs: SheetSpec[], options: RenderOptions = {}): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = WORKBOOK_AUTHOR;
  workbook.lastModifiedBy = WORKBOOK_AUTHOR;
  workbook.created = workbook.modified = new Date();
  workbook.calcProperties.fullCalcOnLoad = true;
  const styles = new StyleCache();
  specs.forEach((spec, i) => {
    renderSheet(workbook, spec, styles);
    options.onProgress?.(i + 1, specs.length, spec.name);
  });
  // Deflate level 1: most of a build's time went into compressing the sheets at the default level
  // (6), for a file only a little smaller.
  const buffer = await workbook.xlsx.writeBuffer({ zip: { compression: 'DEFLATE', compressionOptions: { level: 1 } } });
  return new Uint8Array(buffer);
}
