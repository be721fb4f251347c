// SheetSpec values into ExcelJS cell values, at the very edge: money from minor units via
// `toMajor` (the row's currency decides the decimals), a Day as a JS Date at UTC midnight (ExcelJS
// writes it as the whole serial `day + 25569`, so Excel and LibreOffice read the same calendar
// day), a yes/no as 1 or empty (shown ✓), ledger text always as a string — ExcelJS only writes a formula for a `{ formula }` value.
import type ExcelJS from 'exceljs';
import { toMajor } from '../core/money';
import { booleanCell, cellExponent, cellNumberFormat, MAX_CELL_TEXT, wrapsText } from '../sheets/formats';
import type { ColumnSpec, SpecValue } from '../sheets/spec';

const MS_PER_DAY = 86_400_000;

export function cellValue(column: ColumnSpec, value: SpecValue, row: readonly SpecValue[], columns: readonly ColumnSpec[]): ExcelJS.CellValue {
  if (value === null) return null;
  switch (column.type) {
    case 'text':
      return String(value).slice(0, MAX_CELL_TEXT); // longer, and Excel would repair the file
    case 'date':
      return typeof value === 'number' ? new Date(value * MS_PER_DAY) : String(value);
    case 'money':
      return typeof value === 'number' ? toMajor(value, cellExponent(column, row, columns)) : String(value);
    case 'boolean':
      return typeof value === 'boolean' ? booleanCell(value) : String(value);
    default:
      return value;
  }
}

/** Shared style objects, one per number format, boldness and wrapping: 100k rows need not hold 1M styles. */
export class StyleCache {
  private readonly styles = new Map<string, Partial<ExcelJS.Style>>();

  get(numFmt: string, bold = false, wrap = false): Partial<ExcelJS.Style> {
    const key = `${bold ? 'b' : ''}${wrap ? 'w' : ''}|${numFmt}`;
    let style = this.styles.get(key);
    if (!style) {
      style = { numFmt };
      if (bold) style.font = { bold: true };
      if (wrap) style.alignment = { wrapText: true };
      this.styles.set(key, style);
    }
    return style;
  }

  /** The style of one cell of `column` in `row` (a row currency's decimals where it has one; text wraps). */
  forCell(column: ColumnSpec, row: readonly SpecValue[], columns: readonly ColumnSpec[]): Partial<ExcelJS.Style> {
    return this.get(cellNumberFormat(column, row, columns), false, wrapsText(column));
  }
}
