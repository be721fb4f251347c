// One TableSpec as a real Excel table (ListObject) with ExcelJS: caption, header, data rows with
// per-column number formats, and a totals row whose cells are SUBTOTAL(109, Table[Column]) etc.
// (ExcelJS writes the formula; Excel and LibreOffice compute it, so a filter keeps totals right).
import type ExcelJS from 'exceljs';
import type { ColumnSpec, SpecValue, TableSpec, TotalFunction } from '../sheets/spec';
import { LINE_HEIGHT, wrappedLines, wrapsText } from '../sheets/formats';
import { cellValue, type StyleCache } from './cells';

/** Where a table landed on the sheet (1-based rows). */
export interface TablePlacement {
  headerRow: number;
  firstDataRow: number;
  lastDataRow: number;
  /** The row after the table (and its totals row). */
  nextRow: number;
}

const TOTALS: Record<TotalFunction, NonNullable<ExcelJS.TableColumnProperties['totalsRowFunction']>> = {
  sum: 'sum',
  count: 'count',
  average: 'average',
  none: 'none',
};

function tableColumn(column: ColumnSpec, index: number, table: TableSpec): ExcelJS.TableColumnProperties {
  const props: ExcelJS.TableColumnProperties = { name: column.header, filterButton: true };
  if (index === 0) props.totalsRowLabel = table.totalsLabel ?? 'Total';
  else props.totalsRowFunction = TOTALS[column.total ?? 'none'];
  return props;
}

/** An Excel table needs a data row: an empty report shows one empty row. */
function dataRows(table: TableSpec): SpecValue[][] {
  return table.rows.length > 0 ? table.rows : [table.columns.map(() => null)];
}

/**
 * A file holds its row heights (a spreadsheet does not re-measure wrapped text on opening): a row
 * whose text wraps onto more lines is made that many lines high.
 */
function fitHeight(row: ExcelJS.Row, lines: number): void {
  if (lines > 1) row.height = Math.min(MAX_ROW_HEIGHT, lines * LINE_HEIGHT);
}

/** Excel's highest row, in points. */
const MAX_ROW_HEIGHT = 409;

function styleRows(ws: ExcelJS.Worksheet, table: TableSpec, rows: SpecValue[][], firstRow: number, styles: StyleCache): void {
  const { columns } = table;
  const wrapping = columns.map((column, j) => ({ column, j })).filter(({ column }) => wrapsText(column));
  rows.forEach((row, i) => {
    const sheetRow = ws.getRow(firstRow + i);
    columns.forEach((column, j) => {
      sheetRow.getCell(j + 1).style = styles.forCell(column, row, columns);
    });
    let lines = 1;
    for (const { column, j } of wrapping) {
      const value = row[j];
      if (typeof value === 'string' && value.length > column.width) lines = Math.max(lines, wrappedLines(value, column.width));
    }
    fitHeight(sheetRow, lines);
  });
}

function styleTotals(ws: ExcelJS.Worksheet, table: TableSpec, rowNumber: number, styles: StyleCache): void {
  const row = ws.getRow(rowNumber);
  table.columns.forEach((column, j) => {
    row.getCell(j + 1).style = styles.get(column.currencyColumn === undefined ? column.numberFormat : 'General', true);
  });
}

/** Writes the table with its top-left corner in column A of `topRow`. */
export function writeTable(ws: ExcelJS.Worksheet, table: TableSpec, topRow: number, styles: StyleCache): TablePlacement {
  let headerRow = topRow;
  if (table.caption !== undefined) {
    const caption = ws.getRow(topRow).getCell(1);
    caption.value = table.caption;
    caption.style = styles.get('@', true);
    headerRow += 1;
  }
  const rows = dataRows(table);
  const values = rows.map((row) => table.columns.map((column, j) => cellValue(column, row[j] ?? null, row, table.columns)));
  ws.addTable({
    name: table.name,
    ref: `A${headerRow}`,
    headerRow: true,
    totalsRow: table.totalsRow,
    style: { theme: 'TableStyleMedium2', showRowStripes: true },
    columns: table.columns.map((column, j) => tableColumn(column, j, table)),
    rows: values,
  });
  ws.getRow(headerRow).eachCell((cell) => {
    cell.style = styles.get('General', true, true); // bold also where the table style is not drawn (LibreOffice); wrapped
  });
  // bold text is a little wider: a header line holds one character less
  fitHeight(ws.getRow(headerRow), Math.max(...table.columns.map((column) => wrappedLines(column.header, column.width - 1))));
  const firstDataRow = headerRow + 1;
  const lastDataRow = headerRow + rows.length;
  styleRows(ws, table, rows, firstDataRow, styles);
  if (table.totalsRow) styleTotals(ws, table, lastDataRow + 1, styles);
  for (const index of table.pageBreaksBefore ?? []) {
    // A break below the row before; columns A..XFD (max 16383: ExcelJS's default, 16838, is a typo).
    if (index > 0) ws.getRow(firstDataRow + index - 1).addPageBreak(1, 16384);
  }
  return { headerRow, firstDataRow, lastDataRow, nextRow: lastDataRow + (table.totalsRow ? 2 : 1) };
}
