// SheetSpec values into cell values, at the very edge: money from minor units via `toMajor` (the
// row's currency decides the decimals), a Day as its Excel serial (the whole number of the
// calendar day: Excel and LibreOffice read the same day), a yes/no as 1 or empty (shown ✓), ledger
// text always as a string — a cell holds a formula only where the writer writes one (totals rows).
import { toExcelSerial } from '../core/date';
import { toMajor } from '../core/money';
import { booleanCell, cellExponent, MAX_CELL_TEXT } from '../sheets/formats';
import type { ColumnSpec, SpecValue } from '../sheets/spec';

export type CellValue = string | number | null;

export function cellValue(column: ColumnSpec, value: SpecValue, row: readonly SpecValue[], columns: readonly ColumnSpec[]): CellValue {
  if (value === null) return null;
  if (typeof value === 'boolean') return booleanCell(value);
  switch (column.type) {
    case 'text':
      return String(value).slice(0, MAX_CELL_TEXT); // longer, and Excel would repair the file
    case 'date':
      return typeof value === 'number' ? toExcelSerial(value) : value;
    case 'money':
      return typeof value === 'number' ? toMajor(value, cellExponent(column, row, columns)) : value;
    default:
      return value;
  }
}
