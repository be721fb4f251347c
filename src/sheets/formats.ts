// Excel number formats for the column types of a SheetSpec, and the per-cell exponent of a money
// column whose rows are in different currencies. Both renderers (Office.js and ExcelJS) use these.
//   moneyFormat(2) → "#,##0.00;[Red]-#,##0.00";  a JPY row of a currencyColumn money column → 0 decimals
import { currencyExponent } from '../core/money';
import type { ColumnSpec, ColumnType, SpecValue } from './spec';

export const DATE_FORMAT = 'yyyy-mm-dd';
export const TEXT_FORMAT = '@';
export const INTEGER_FORMAT = '#,##0';
export const NUMBER_FORMAT = '#,##0.0';
export const PERCENT_FORMAT = '0.0%';
export const GENERAL_FORMAT = 'General';

/** Excel holds at most 32,767 characters in a cell: both renderers cut a longer text there. */
export const MAX_CELL_TEXT = 32_767;

/** Thousands separator, `exponent` decimals, negatives in red. */
export function moneyFormat(exponent: number): string {
  const digits = exponent > 0 ? `#,##0.${'0'.repeat(exponent)}` : '#,##0';
  return `${digits};[Red]-${digits}`;
}

/** The number format a column of this type gets unless a module says otherwise. */
export function defaultFormat(type: ColumnType, exponent = 2): string {
  switch (type) {
    case 'text':
      return TEXT_FORMAT;
    case 'date':
      return DATE_FORMAT;
    case 'money':
      return moneyFormat(exponent);
    case 'integer':
      return INTEGER_FORMAT;
    case 'number':
      return NUMBER_FORMAT;
    case 'percent':
      return PERCENT_FORMAT;
    case 'boolean':
      return GENERAL_FORMAT;
  }
}

/** The exponent of a money cell: its row's currency when the column has a currencyColumn. */
export function cellExponent(column: ColumnSpec, row: readonly SpecValue[], columns: readonly ColumnSpec[]): number {
  const fallback = column.exponent ?? 2;
  if (column.currencyColumn === undefined) return fallback;
  const index = columns.findIndex((c) => c.key === column.currencyColumn);
  const code = index < 0 ? undefined : row[index];
  return typeof code === 'string' && code !== '' ? currencyExponent(code) : fallback;
}

/** The number format of one cell: the column's, or the row currency's for a currencyColumn. */
export function cellNumberFormat(column: ColumnSpec, row: readonly SpecValue[], columns: readonly ColumnSpec[]): string {
  if (column.currencyColumn === undefined) return column.numberFormat;
  return moneyFormat(cellExponent(column, row, columns));
}

/** The value of a `cellValue` conditional format as formula text: TRUE/FALSE, a number, or "quoted" text. */
export function criterionFormula(value: number | string | boolean): string {
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return typeof value === 'number' ? String(value) : `"${value.replace(/"/g, '""')}"`;
}
