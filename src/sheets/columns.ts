// Builders for the columns of a worksheet table: type, number format, width and totals function
// in one call, so that every sheet module lists its columns in a few readable lines.
//   money('openBase', 'Open (EUR)', 2, { total: 'sum' })
import type { Lang } from '../core/words';
import type { ColumnSpec, TotalFunction } from './spec';
import { dateFormat, defaultFormat, headerWidth, moneyFormat } from './formats';

interface ColumnOptions {
  width?: number;
  total?: TotalFunction;
  userEditable?: boolean;
  numberFormat?: string;
}

function column(key: string, header: string, type: ColumnSpec['type'], width: number, options: ColumnOptions, format: string): ColumnSpec {
  const spec: ColumnSpec = {
    key,
    header,
    type,
    numberFormat: options.numberFormat ?? format,
    // wide enough for the longest word of its header (headers wrap; the filter button takes two characters)
    width: Math.max(options.width ?? width, headerWidth(header)),
  };
  if (options.total !== undefined) spec.total = options.total;
  if (options.userEditable === true) spec.userEditable = true;
  return spec;
}

export function text(key: string, header: string, options: ColumnOptions = {}): ColumnSpec {
  return column(key, header, 'text', 16, options, defaultFormat('text'));
}

/** A date column shown the way of the sheet's language (formats.ts `dateFormat`). */
export function date(key: string, header: string, lang: Lang, options: ColumnOptions = {}): ColumnSpec {
  return column(key, header, 'date', 12, options, dateFormat(lang));
}

export function integer(key: string, header: string, options: ColumnOptions = {}): ColumnSpec {
  return column(key, header, 'integer', 10, options, defaultFormat('integer'));
}

export function number(key: string, header: string, options: ColumnOptions = {}): ColumnSpec {
  return column(key, header, 'number', 10, options, defaultFormat('number'));
}

export function percent(key: string, header: string, options: ColumnOptions = {}): ColumnSpec {
  return column(key, header, 'percent', 10, options, defaultFormat('percent'));
}

export function boolean(key: string, header: string, options: ColumnOptions = {}): ColumnSpec {
  return column(key, header, 'boolean', 10, options, defaultFormat('boolean'));
}

/** Money in minor units with `exponent` decimals (the base currency's unless said otherwise). */
export function money(key: string, header: string, exponent: number, options: ColumnOptions = {}): ColumnSpec {
  return { ...column(key, header, 'money', 14, options, moneyFormat(exponent)), exponent };
}

/** Money in each row's own currency, named by the column `currencyKey` of the same row. */
export function moneyInRowCurrency(key: string, header: string, currencyKey: string, options: ColumnOptions = {}): ColumnSpec {
  return { ...money(key, header, 2, options), currencyColumn: currencyKey };
}

/** The letters of a 0-based column in an A1 address: 0 → A, 25 → Z, 26 → AA (both renderers write addresses). */
export function columnLetter(index: number): string {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}
