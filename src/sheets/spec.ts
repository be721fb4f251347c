// A worksheet described as plain data: what `excel/` renders through Office.js and `xlsx/`
// writes as SpreadsheetML itself, so that the add-in and `subledger build` produce the same sheets.
// Values stay exact here: money as minor units, dates as days; a renderer turns them into cell
// numbers at the very edge (toMajor, toExcelSerial). Ledger text is always `text`, never a formula.
import type { Day } from '../core/date';

export type ColumnType =
  | 'text' // written as text (number format "@"), whatever it starts with
  | 'date' // a Day
  | 'money' // Minor in the column's currency exponent
  | 'integer'
  | 'number' // a plain (possibly fractional) figure: days, ratios
  | 'percent' // a fraction: 0.25 shows as 25%
  | 'boolean';

/** One cell's value in the spec: Day for dates, Minor for money, null for empty. */
export type SpecValue = string | number | boolean | null;

export type TotalFunction = 'sum' | 'count' | 'average' | 'none';

export interface ColumnSpec {
  key: string;
  /** Localized header text. */
  header: string;
  type: ColumnType;
  /** Excel number format, e.g. `#,##0.00;[Red]-#,##0.00`, `yyyy-mm-dd`, `@`. */
  numberFormat: string;
  /** Width in characters. */
  width: number;
  /** Minor-unit exponent for money columns (2 for EUR). */
  exponent?: number;
  /** Function of the totals row (SUBTOTAL, so that filters keep it right). */
  total?: TotalFunction;
  /** A column the user fills in (Handled, Note, Follow-up) and that is read back on sync. */
  userEditable?: boolean;
  /**
   * Money in each row's own currency: the key of the column (same table) that holds the row's
   * ISO currency code. The cell's exponent and number format then follow that currency
   * (`cellExponent` / `cellNumberFormat` in sheets/formats.ts); `exponent` is the fallback.
   */
  currencyColumn?: string;
}

export type ConditionalFormatSpec =
  | { kind: 'dataBar'; column: string; color: string }
  | { kind: 'colorScale'; column: string; minColor: string; maxColor: string }
  /** Highlight the cells of `column` where `column op value` (value as the cell shows it: major units for money). */
  | {
      kind: 'cellValue';
      column: string;
      operator: 'greaterThan' | 'lessThan' | 'equal' | 'greaterThanOrEqual' | 'lessThanOrEqual';
      value: number | string | boolean;
      fill: string;
      fontColor?: string;
    };

export interface ChartSpec {
  type: 'columnClustered' | 'columnStacked' | 'barClustered' | 'barStacked' | 'pie';
  title: string;
  /** The table whose columns feed the chart. */
  table: string;
  /** Category column key and series column keys. */
  category: string;
  series: string[];
}

export interface PivotSpec {
  name: string;
  /** Source table name. */
  table: string;
  rows: string[];
  values: { column: string; summarizeBy: 'sum' | 'count' | 'average' }[];
}

export interface TableSpec {
  /** Excel table name: letters, digits, underscore; unique in the workbook. */
  name: string;
  /** Optional caption written in the row above the table (e.g. a party on a card). */
  caption?: string;
  columns: ColumnSpec[];
  rows: SpecValue[][];
  totalsRow: boolean;
  /** Text in the first column of the totals row (localized "Total"). */
  totalsLabel?: string;
  /** Conditional formats on this table's data rows. */
  conditionalFormats?: ConditionalFormatSpec[];
  /** Row indexes (into `rows`) that start a new printed page (confirmation letters). */
  pageBreaksBefore?: number[];
  /** The table, from its caption (or header), starts a new printed page (a party's card). */
  pageBreakBefore?: boolean;
  /** Stable key per row (e.g. the open item key) for reading user edits back. */
  rowKeys?: string[];
}

export interface HeaderFooter {
  left?: string;
  center?: string;
  right?: string;
}

/**
 * The page margins of every printed sheet, in inches: Excel's "Narrow" preset, so that a wide
 * table fitted to the page width keeps a readable font.
 */
export const PRINT_MARGINS = { left: 0.25, right: 0.25, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 } as const;

export interface PrintSpec {
  orientation: 'portrait' | 'landscape';
  fitToPagesWide: number;
  /** Repeat the first table's header row on every printed page. */
  repeatHeaderRow: boolean;
  /** Texts; `&P` page number, `&N` page count, `&D` print date (Excel header codes). */
  header: HeaderFooter;
  footer: HeaderFooter;
}

export interface SheetSpec {
  /** Worksheet name: at most 31 characters, none of []:*?/\ */
  name: string;
  /** Which report this sheet shows (stable, language independent), e.g. `open-items-AR`. */
  kind: string;
  /** Title lines above the first table (company and report; as-of, payments known up to). */
  titleLines: string[];
  tables: TableSpec[];
  charts?: ChartSpec[];
  pivots?: PivotSpec[];
  /** Freeze rows down to and including the first table's header row. */
  freezeHeader: boolean;
  print: PrintSpec;
  /** The as-of date or period the sheet shows, for the managed-sheet record. */
  asOf?: Day;
}
