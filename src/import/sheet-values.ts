// A range read from the open workbook (values and number formats, as Office.js gives them) into a
// `Table` for the same mapping as any export: numbers shown as dates become `YYYY-MM-DD`, booleans
// text, the first non-blank row the header, sheet row numbers the lines.
import { formatIsoDate, fromExcelSerial } from '../core/date';
import { withHeaderRow, type Cell, type Table } from './table';
import { isDateFormatCode } from './xlsx-table';

/** What `src/excel/read-table.ts` hands over: plain data from one `Excel.run`. */
export interface SheetValues {
  /** The table or sheet name, for messages. */
  name: string;
  values: (string | number | boolean | null)[][];
  numberFormat: string[][];
  /** Zero-based sheet row of the first row of `values`. */
  rowIndex: number;
}

function toCell(value: string | number | boolean | null | undefined, format: string | undefined): Cell {
  if (typeof value === 'number') {
    const day = format !== undefined && isDateFormatCode(format) ? fromExcelSerial(value) : null;
    return day === null ? value : formatIsoDate(day);
  }
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return value ?? '';
}

export function tableFromSheetValues(sheet: SheetValues): Table {
  const cells = sheet.values.map((row, r) => row.map((v, c) => toCell(v, sheet.numberFormat[r]?.[c])));
  const first = cells.findIndex((row) => row.some((c) => String(c).trim() !== ''));
  if (first < 0) return { file: sheet.name, headers: [], rows: [], lines: [] };
  const body = cells.slice(first + 1);
  return withHeaderRow({
    file: sheet.name,
    headers: (cells[first] ?? []).map((c) => String(c).trim()),
    rows: body,
    lines: body.map((_, i) => sheet.rowIndex + first + i + 2),
  });
}
