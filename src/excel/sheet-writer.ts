// The Office.js writes of one sheet, queued on a request context (the caller decides the syncs):
// number formats per column (text `@` before any value lands), the values as chunks of rows,
// tables with their SUBTOTAL totals row, conditional formats, charts, pivot tables, frozen header
// and print setup (narrow margins, wrapped headers and text columns). Nothing here calls `context.sync()`.
import { cellNumberFormat, criterionFormula, wrapsText } from '../sheets/formats';
import { PRINT_MARGINS, type ChartSpec, type ConditionalFormatSpec, type PivotSpec, type SheetSpec } from '../sheets/spec';
import { jsonBytes, type Op } from './payload';
import { a1, type Cell, type SheetLayout, type TableLayout, textRows, totalsFormulas, widthInPoints } from './sheet-layout';

/**
 * One value for every cell of a range: the Range reference says that values, formulas and
 * numberFormat accept a single value applied to all cells (the typings only show 2D arrays).
 */
function everyCell<T>(value: T): T[][] {
  return value as unknown as T[][];
}

const TEXT = '@';

/** Formats of the whole sheet: text rows and columns first, then each column's number format. */
export function formatOps(sheet: Excel.Worksheet, spec: SheetSpec, layout: SheetLayout): Op[] {
  const ops: Op[] = [];
  const op = (bytes: number, queue: () => void) => ops.push({ bytes: bytes + 160, queue });
  for (const row of textRows(spec, layout)) op(0, () => (sheet.getRangeByIndexes(row, 0, 1, layout.width).numberFormat = everyCell(TEXT)));
  for (const t of layout.tables) {
    op(0, () => (sheet.getRangeByIndexes(t.headerRow, 0, 1, t.cols).format.wrapText = true));
    t.spec.columns.forEach((column, c) => {
      if (column.currencyColumn !== undefined) ops.push(...currencyFormatOps(sheet, t, c));
      else op(column.numberFormat.length, () => (bodyColumn(sheet, t, c).numberFormat = everyCell(column.numberFormat)));
      if (wrapsText(column)) op(0, () => (bodyColumn(sheet, t, c).format.wrapText = true));
    });
    if (t.keyColumn !== null) {
      const key = t.keyColumn;
      op(0, () => {
        bodyColumn(sheet, t, key).numberFormat = everyCell(TEXT);
        bodyColumn(sheet, t, key).columnHidden = true;
      });
    }
  }
  op(0, () => queueWidths(sheet, layout));
  return ops;
}

function bodyColumn(sheet: Excel.Worksheet, t: TableLayout, col: number): Excel.Range {
  return sheet.getRangeByIndexes(t.bodyRow, col, t.bodyRows, 1);
}

/** A money column in each row's currency: one format per run of rows with the same currency. */
function currencyFormatOps(sheet: Excel.Worksheet, t: TableLayout, col: number): Op[] {
  const column = t.spec.columns[col]!;
  const formats = t.spec.rows.map((row) => cellNumberFormat(column, row, t.spec.columns));
  const ops: Op[] = [];
  let start = 0;
  for (let r = 1; r <= formats.length; r++) {
    if (r < formats.length && formats[r] === formats[start]) continue;
    const [from, count, format] = [start, r - start, formats[start]!];
    ops.push({ bytes: 160 + format.length, queue: () => (sheet.getRangeByIndexes(t.bodyRow + from, col, count, 1).numberFormat = everyCell(format)) });
    start = r;
  }
  return ops;
}

function queueWidths(sheet: Excel.Worksheet, layout: SheetLayout): void {
  const widths: number[] = [];
  for (const t of layout.tables) t.spec.columns.forEach((c, i) => (widths[i] = Math.max(widths[i] ?? 0, c.width)));
  widths.forEach((w, i) => (sheet.getRangeByIndexes(0, i, 1, 1).format.columnWidth = widthInPoints(w)));
  if (layout.titleRows > 0) {
    const title = sheet.getRangeByIndexes(0, 0, 1, 1).format.font;
    title.bold = true;
    title.size = 14;
  }
}

/** The cell values as ops of up to `budget` bytes each, split in halves on demand. */
export function valueOps(sheet: Excel.Worksheet, cells: Cell[][], budget: number): Op[] {
  const width = cells[0]?.length ?? 1;
  const rowBytes = cells.map((row) => jsonBytes(row) + 1);
  const chunk = (start: number, count: number): Op => {
    let bytes = 200;
    for (let r = start; r < start + count; r++) bytes += rowBytes[r]!;
    const op: Op = {
      bytes,
      rows: count,
      queue: () => (sheet.getRangeByIndexes(start, 0, count, width).values = cells.slice(start, start + count)),
    };
    if (count > 1) {
      const half = Math.floor(count / 2);
      op.split = () => [chunk(start, half), chunk(start + half, count - half)];
    }
    return op;
  };
  const ops: Op[] = [];
  let start = 0;
  let bytes = 200;
  for (let r = 0; r < cells.length; r++) {
    if (r > start && bytes + rowBytes[r]! > budget) {
      ops.push(chunk(start, r - start));
      start = r;
      bytes = 200;
    }
    bytes += rowBytes[r]!;
  }
  if (cells.length > start) ops.push(chunk(start, cells.length - start));
  return ops;
}

/** Adds a table over its header and body, named `name`, with its totals row. */
export function queueTable(sheet: Excel.Worksheet, t: TableLayout, name: string): Excel.Table {
  const table = sheet.tables.add(sheet.getRangeByIndexes(t.headerRow, 0, 1 + t.bodyRows, t.cols), true);
  table.name = name;
  table.style = 'TableStyleMedium2';
  queueTotals(table, t, name);
  return table;
}

export function queueTotals(table: Excel.Table, t: TableLayout, name: string): void {
  table.showTotals = t.totalsRow !== null;
  if (t.totalsRow !== null) table.getTotalRowRange().formulas = [totalsFormulas(t, name)];
}

const OPERATORS = {
  greaterThan: 'GreaterThan',
  lessThan: 'LessThan',
  equal: 'EqualTo',
  greaterThanOrEqual: 'GreaterThanOrEqual',
  lessThanOrEqual: 'LessThanOrEqual',
} as const;

const color = (hex: string): string => (hex.startsWith('#') ? hex : `#${hex}`);

function queueConditionalFormat(range: Excel.Range, cf: ConditionalFormatSpec): void {
  if (cf.kind === 'dataBar') {
    range.conditionalFormats.add('DataBar').dataBar.positiveFormat.fillColor = color(cf.color);
  } else if (cf.kind === 'colorScale') {
    range.conditionalFormats.add('ColorScale').colorScale.criteria = {
      minimum: { type: 'LowestValue', color: color(cf.minColor) },
      maximum: { type: 'HighestValue', color: color(cf.maxColor) },
    };
  } else {
    const rule = range.conditionalFormats.add('CellValue').cellValue;
    rule.format.fill.color = color(cf.fill);
    if (cf.fontColor !== undefined) rule.format.font.color = color(cf.fontColor);
    rule.rule = { formula1: criterionFormula(cf.value), operator: OPERATORS[cf.operator] };
  }
}

/** Names of the add-in's charts start with this, so a re-sync replaces only those. */
export const CHART_PREFIX = 'Subledger chart ';

const CHART_TYPES = {
  columnClustered: 'ColumnClustered',
  columnStacked: 'ColumnStacked',
  barClustered: 'BarClustered',
  barStacked: 'BarStacked',
  pie: 'Pie',
} as const;

function tableOf(layout: SheetLayout, name: string): TableLayout | undefined {
  return layout.tables.find((t) => t.spec.name === name);
}

function columnIndex(t: TableLayout, key: string): number {
  const index = t.spec.columns.findIndex((c) => c.key === key);
  if (index < 0) throw new Error(`table ${t.spec.name} has no column "${key}"`);
  return index;
}

function queueChart(sheet: Excel.Worksheet, layout: SheetLayout, chart: ChartSpec, index: number): void {
  const t = tableOf(layout, chart.table);
  if (!t) throw new Error(`chart "${chart.title}": no table ${chart.table} on the sheet`);
  const category = bodyColumn(sheet, t, columnIndex(t, chart.category));
  const [first, ...more] = chart.series.map((key) => columnIndex(t, key));
  if (first === undefined) return;
  const added = sheet.charts.add(CHART_TYPES[chart.type], sheet.getRangeByIndexes(t.headerRow, first, 1 + t.bodyRows, 1), 'Columns');
  added.name = `${CHART_PREFIX}${index + 1}`;
  added.title.text = chart.title;
  added.series.getItemAt(0).setXAxisValues(category);
  for (const col of more) {
    const series = added.series.add(t.headers[col]);
    series.setValues(bodyColumn(sheet, t, col));
    series.setXAxisValues(category);
  }
  const top = layout.titleRows + 1 + index * 18;
  added.setPosition(a1(top, layout.sideColumn), a1(top + 16, layout.sideColumn + 7));
}

const SUMMARIZE = { sum: 'Sum', count: 'Count', average: 'Average' } as const;

function queuePivot(sheet: Excel.Worksheet, layout: SheetLayout, pivot: PivotSpec, source: Excel.Table, name: string): void {
  const t = tableOf(layout, pivot.table);
  if (!t) throw new Error(`pivot table ${pivot.name}: no table ${pivot.table} on the sheet`);
  const header = (key: string): string => t.headers[columnIndex(t, key)]!;
  const added = sheet.pivotTables.add(name, source, sheet.getRangeByIndexes(t.headerRow, layout.sideColumn, 1, 1));
  for (const key of pivot.rows) added.rowHierarchies.add(added.hierarchies.getItem(header(key)));
  for (const value of pivot.values) {
    added.dataHierarchies.add(added.hierarchies.getItem(header(value.column))).summarizeBy = SUMMARIZE[value.summarizeBy];
  }
}

export interface DecorationNames {
  /** The table object of each spec table, by spec name (for pivot sources). */
  tables: ReadonlyMap<string, Excel.Table>;
  /** The name a pivot table gets now (a temporary one while the previous sheet still exists). */
  pivotName: (name: string) => string;
}

/** Conditional formats, charts, pivot tables, frozen header, print setup and page breaks. */
export function queueDecorations(sheet: Excel.Worksheet, spec: SheetSpec, layout: SheetLayout, names: DecorationNames): void {
  for (const t of layout.tables) {
    for (const cf of t.spec.conditionalFormats ?? []) queueConditionalFormat(bodyColumn(sheet, t, columnIndex(t, cf.column)), cf);
    for (const at of t.spec.pageBreaksBefore ?? []) {
      if (at > 0 && at < t.bodyRows) sheet.horizontalPageBreaks.add(sheet.getRangeByIndexes(t.bodyRow + at, 0, 1, 1));
    }
    // a new page from the caption (or header) on: Excel breaks above the range's top-left cell
    const top = t.captionRow ?? t.headerRow;
    if (t.spec.pageBreakBefore === true && top > 0) sheet.horizontalPageBreaks.add(sheet.getRangeByIndexes(top, 0, 1, 1));
  }
  (spec.charts ?? []).forEach((chart, i) => queueChart(sheet, layout, chart, i));
  for (const pivot of spec.pivots ?? []) {
    const source = names.tables.get(pivot.table);
    if (!source) throw new Error(`pivot table ${pivot.name}: no table ${pivot.table}`);
    queuePivot(sheet, layout, pivot, source, names.pivotName(pivot.name));
  }
  const first = layout.tables[0];
  if (spec.freezeHeader && first) sheet.freezePanes.freezeRows(first.headerRow + 1);
  queuePrint(sheet, spec, first);
}

function queuePrint(sheet: Excel.Worksheet, spec: SheetSpec, first: TableLayout | undefined): void {
  const page = sheet.pageLayout;
  page.orientation = spec.print.orientation === 'landscape' ? 'Landscape' : 'Portrait';
  const points = (inches: number): number => Math.round(inches * 7200) / 100;
  page.leftMargin = points(PRINT_MARGINS.left);
  page.rightMargin = points(PRINT_MARGINS.right);
  page.topMargin = points(PRINT_MARGINS.top);
  page.bottomMargin = points(PRINT_MARGINS.bottom);
  page.headerMargin = points(PRINT_MARGINS.header);
  page.footerMargin = points(PRINT_MARGINS.footer);
  page.zoom = { horizontalFitToPages: spec.print.fitToPagesWide, verticalFitToPages: 0 };
  if (spec.print.repeatHeaderRow && first) page.setPrintTitleRows(`$${first.headerRow + 1}:$${first.headerRow + 1}`);
  const all = page.headersFooters.defaultForAllPages;
  const { header, footer } = spec.print;
  if (header.left !== undefined) all.leftHeader = header.left;
  if (header.center !== undefined) all.centerHeader = header.center;
  if (header.right !== undefined) all.rightHeader = header.right;
  if (footer.left !== undefined) all.leftFooter = footer.left;
  if (footer.center !== undefined) all.centerFooter = footer.center;
  if (footer.right !== undefined) all.rightFooter = footer.right;
}

