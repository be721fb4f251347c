// Where everything of a SheetSpec lands on the worksheet, and the cell values it holds: title
// lines at the top, then each table (optional caption, header, at least one body row, totals)
// with two blank rows between tables; a hidden key column at the right of a table with rowKeys;
// the pivot table and charts to the right of the widest table. Pure: no Office.js here.
//   title lines 0–2, blank 3, header 4, body 5…, totals, blank, blank, next table…
import { cellValue } from '../sheets/cell-values';
import type { ColumnSpec, SheetSpec, SpecValue, TableSpec } from '../sheets/spec';
import { columnLetter } from '../sheets/columns';

/** Header of the hidden column that carries each row's key (for reading user edits back). */
export const KEY_HEADER = 'Row key';

export type Cell = string | number | boolean;

export interface TableLayout {
  spec: TableSpec;
  captionRow: number | null;
  headerRow: number;
  bodyRow: number;
  /** Body rows on the sheet: at least one (an Excel table always has a body row). */
  bodyRows: number;
  totalsRow: number | null;
  /** Columns including the key column. */
  cols: number;
  keyColumn: number | null;
  headers: string[];
}

export interface SheetLayout {
  titleRows: number;
  tables: TableLayout[];
  width: number;
  rowCount: number;
  /** Column left free of tables, for the pivot table and the charts. */
  sideColumn: number;
}

const GAP_ROWS = 2;

/** The layout of `spec`; `bodyRows` overrides the body sizes (to replay an earlier sync). */
export function layoutSheet(spec: SheetSpec, bodyRows?: readonly number[]): SheetLayout {
  let row = spec.titleLines.length > 0 ? spec.titleLines.length + 1 : 0;
  const tables = spec.tables.map((table, i): TableLayout => {
    const captionRow = table.caption !== undefined ? row++ : null;
    const headerRow = row;
    const body = bodyRows?.[i] ?? Math.max(1, table.rows.length);
    const totalsRow = table.totalsRow ? headerRow + 1 + body : null;
    const keyColumn = table.rowKeys ? table.columns.length : null;
    const headers = table.columns.map((c) => c.header);
    if (keyColumn !== null) headers.push(KEY_HEADER);
    row = headerRow + 1 + body + (table.totalsRow ? 1 : 0) + GAP_ROWS;
    return { spec: table, captionRow, headerRow, bodyRow: headerRow + 1, bodyRows: body, totalsRow, cols: headers.length, keyColumn, headers };
  });
  const width = Math.max(1, ...tables.map((t) => t.cols));
  return { titleRows: spec.titleLines.length, tables, width, rowCount: Math.max(1, row - GAP_ROWS), sideColumn: width + 1 };
}

/** A spec value as the number or text handed to a cell (money, dates and yes/no at the edge; text cut to what a cell holds). */
export function cellOf(column: ColumnSpec, value: SpecValue, row: readonly SpecValue[], columns: readonly ColumnSpec[]): Cell {
  return cellValue(column, value, row, columns) ?? '';
}

/** The text rows of the sheet (titles, captions, headers): always formatted as text. */
export function textRows(spec: SheetSpec, layout: SheetLayout): number[] {
  const rows = spec.titleLines.map((_, i) => i);
  for (const t of layout.tables) {
    if (t.captionRow !== null) rows.push(t.captionRow);
    rows.push(t.headerRow);
  }
  return rows;
}

/** Every cell of the sheet's content, row by row, `''` where empty (never null: null skips). */
export function sheetCells(spec: SheetSpec, layout: SheetLayout): Cell[][] {
  const blank = (): Cell[] => new Array<Cell>(layout.width).fill('');
  const cells: Cell[][] = Array.from({ length: layout.rowCount }, blank);
  spec.titleLines.forEach((line, i) => (cells[i]![0] = line));
  for (const t of layout.tables) {
    if (t.captionRow !== null) cells[t.captionRow]![0] = t.spec.caption ?? '';
    t.headers.forEach((h, c) => (cells[t.headerRow]![c] = h));
    t.spec.rows.forEach((row, r) => {
      const out = cells[t.bodyRow + r]!;
      t.spec.columns.forEach((column, c) => (out[c] = cellOf(column, row[c] ?? null, row, t.spec.columns)));
      if (t.keyColumn !== null) out[t.keyColumn] = t.spec.rowKeys?.[r] ?? '';
    });
  }
  return cells;
}

/** `[Open (EUR)]` escaped for a structured reference: `'` before `[ ] # '`. */
export function structuredColumn(header: string): string {
  return `[${header.replace(/(['[\]#])/g, "'$1")}]`;
}

const SUBTOTAL_CODE = { sum: 109, count: 103, average: 101 } as const;

/** The totals row as formulas: SUBTOTAL (filter-aware) per column, the label in the first one. */
export function totalsFormulas(layout: TableLayout, tableName: string): string[] {
  const cells = layout.headers.map((header, c): string => {
    const fn = layout.spec.columns[c]?.total;
    if (fn === undefined || fn === 'none') return '';
    return `=SUBTOTAL(${SUBTOTAL_CODE[fn]},${tableName}[${structuredColumn(header)}])`;
  });
  if (cells[0] === '' && layout.spec.totalsLabel !== undefined) cells[0] = layout.spec.totalsLabel;
  return cells;
}

/** `A1` address of a 0-based cell: a1(0, 27) → "AB1". */
export function a1(row: number, col: number): string {
  return `${columnLetter(col)}${row + 1}`;
}

/** Column width in points for a width in characters (Calibri 11: ~7 px a character, 0.75 pt/px). */
export function widthInPoints(characters: number): number {
  return Math.round((characters * 7 + 5) * 0.75 * 100) / 100;
}
