// SheetSpec values into cell values, at the very edge, for both renderers (the .xlsx writer and
// the Office.js sync): money from minor units via `toMajor` (the row's currency decides the
// decimals), a Day as its Excel serial (the whole number of the calendar day: Excel and
// LibreOffice read the same day), a yes/no as 1 or empty (shown ✓), text always as a string cut to
// what a cell holds — a cell holds a formula only where a writer writes one (totals rows).
import { toExcelSerial } from '../core/date';
import { toMajor } from '../core/money';
import { booleanCell, cellExponent, MAX_CELL_TEXT } from './formats';
import type { ColumnSpec, SpecValue } from './spec';

/** A cell's value; null: an empty cell. */
export type CellValue = string | number | null;

export function cellValue(column: ColumnSpec, value: SpecValue, row: readonly SpecValue[], columns: readonly ColumnSpec[]): CellValue {
  return cellValueIn(column, value, column.type === 'money' && typeof value === 'number' ? cellExponent(column, row, columns) : 0);
}

/** `cellValue` with the cell's exponent already known (`cellExponent`; used by money cells only). */
export function cellValueIn(column: ColumnSpec, value: SpecValue, exponent: number): CellValue {
  if (value === null) return null;
  if (typeof value === 'boolean') return booleanCell(value);
  if (typeof value === 'string') return value.slice(0, MAX_CELL_TEXT); // longer, and Excel would repair the file
  switch (column.type) {
    case 'text':
      return String(value);
    case 'date':
      return toExcelSerial(value);
    case 'money':
      return toMajor(value, exponent);
    default:
      return value;
  }
}
