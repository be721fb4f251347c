// Excel number formats for the column types of a SheetSpec, the per-cell exponent of a money
// column whose rows are in different currencies, and how dates and yes/no cells are shown in the
// sheet's language. Both renderers (Office.js and xlsx/) use these; nothing else decides them.
//   moneyFormat(2) → "#,##0.00;[Red]-#,##0.00";  a JPY row of a currencyColumn money column → 0 decimals
//   dateFormat('nl') → "dd-mm-yyyy";  formatDay(day, 'en') → "5 Jun 2026", as the cell shows it
import { dateParts, type Day } from '../core/date';
import { currencyExponent } from '../core/money';
import type { Lang } from '../core/words';
import type { ColumnSpec, ColumnType, SpecValue } from './spec';

/**
 * The date format of a sheet per language. A date cell is a real Excel date (a serial number);
 * the format code is stored locale-independently in the file, so it shows the same everywhere:
 * - en: `d mmm yyyy` ("5 Jun 2026"), unambiguous for every English reader (dd/mm vs mm/dd);
 *   `[$-809]` pins the month names to English, whatever language Excel runs in.
 * - nl: `dd-mm-yyyy` ("05-06-2026"), the Dutch and Flemish way (Excel shows it to a Dutch user
 *   as `dd-mm-jjjj`: the codes are translated on screen, not in the file).
 * - fr: `dd/mm/yyyy` ("05/06/2026"), the Belgian and French way.
 */
export const DATE_FORMATS: Readonly<Record<Lang, string>> = {
  en: '[$-809]d mmm yyyy',
  nl: 'dd-mm-yyyy',
  fr: 'dd/mm/yyyy',
};

const EN_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export function dateFormat(lang: Lang): string {
  return DATE_FORMATS[lang];
}

/** A day as text, exactly as a date cell of a sheet in `lang` shows it (title lines, letters). */
export function formatDay(day: Day, lang: Lang): string {
  const { year, month, day: d } = dateParts(day);
  const two = (n: number) => String(n).padStart(2, '0');
  if (lang === 'en') return `${d} ${EN_MONTHS[month - 1] ?? ''} ${year}`;
  return lang === 'nl' ? `${two(d)}-${two(month)}-${year}` : `${two(d)}/${two(month)}/${year}`;
}

/**
 * Yes/no cells (Handled, Over limit) hold 1 for yes and nothing for no, shown as ✓ or empty: one
 * kind of value per column (a filter offers ✓ and blanks; LibreOffice shows no TRUE/FALSE or 0/1),
 * the same in every language, and a user may type 1 or ✓ (read back as yes, excel/user-edits.ts).
 */
export const BOOLEAN_FORMAT = '"✓";"✓";""';

/** The cell value of a yes/no: 1 or empty. */
export function booleanCell(value: boolean): 1 | null {
  return value ? 1 : null;
}
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

/** The number format a column of this type gets unless a module says otherwise (dates: dateFormat). */
export function defaultFormat(type: Exclude<ColumnType, 'date'>, exponent = 2): string {
  switch (type) {
    case 'text':
      return TEXT_FORMAT;
    case 'money':
      return moneyFormat(exponent);
    case 'integer':
      return INTEGER_FORMAT;
    case 'number':
      return NUMBER_FORMAT;
    case 'percent':
      return PERCENT_FORMAT;
    case 'boolean':
      return BOOLEAN_FORMAT;
  }
}

/** The exponent of a money cell: its row's currency when the column has a currencyColumn. */
export function cellExponent(column: ColumnSpec, row: readonly SpecValue[], columns: readonly ColumnSpec[]): number {
  return exponentReader(column, columns)(row);
}

/** `cellExponent` of one column for row after row: the currency column looked up once. */
export function exponentReader(column: ColumnSpec, columns: readonly ColumnSpec[]): (row: readonly SpecValue[]) => number {
  const fallback = column.exponent ?? 2;
  if (column.currencyColumn === undefined) return () => fallback;
  const index = columns.findIndex((c) => c.key === column.currencyColumn);
  return (row) => {
    const code = index < 0 ? undefined : row[index];
    return typeof code === 'string' && code !== '' ? currencyExponent(code) : fallback;
  };
}

/** The number format of one cell: the column's, or the row currency's for a currencyColumn. */
export function cellNumberFormat(column: ColumnSpec, row: readonly SpecValue[], columns: readonly ColumnSpec[]): string {
  if (column.currencyColumn === undefined) return column.numberFormat;
  return moneyFormat(cellExponent(column, row, columns));
}

/**
 * Text cells wrap onto more lines instead of being cut at the column edge (on screen and on
 * paper), and so do the header cells, so that a column is as wide as its content needs rather
 * than its header. Numbers and dates never wrap.
 */
export function wrapsText(column: ColumnSpec): boolean {
  return column.type === 'text';
}

/** The height of one line of 11 pt text in a row (Excel's default row height), in points. */
export const LINE_HEIGHT = 15;

/**
 * How many lines `text` takes when it wraps in a column `width` characters wide: words go on a
 * line while they fit (a word longer than a line is broken). Widths count the digit "0", wider
 * than most letters, so a line holds `width` characters of ordinary text.
 */
export function wrappedLines(text: string, width: number): number {
  const room = Math.max(1, Math.floor(width));
  let lines = 0;
  for (const paragraph of text.split(/\r?\n/)) {
    let used = -1; // no line started
    for (const word of paragraph.split(/\s+/).filter((w) => w !== '')) {
      if (used >= 0 && used + 1 + word.length <= room) {
        used += 1 + word.length;
        continue;
      }
      lines += Math.ceil(word.length / room);
      used = word.length % room === 0 ? room : word.length % room;
    }
    if (used < 0) lines += 1;
  }
  return Math.max(1, lines);
}

/** The width (characters) a column needs for its header when the header wraps: its longest word and the filter button. */
export function headerWidth(header: string): number {
  return Math.max(...header.split(/\s+/).map((word) => word.length)) + 2;
}

/** The value of a `cellValue` conditional format as formula text: TRUE/FALSE, a number, or "quoted" text. */
export function criterionFormula(value: number | string | boolean): string {
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return typeof value === 'number' ? String(value) : `"${value.replace(/"/g, '""')}"`;
}
