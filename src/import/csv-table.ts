// CSV and TXT exports into a `Table`: the delimiter (`,` `;` tab `|`) is detected from the header
// line, the encoding by `decode.ts`, the records split by `csv-records.ts`; the header and the
// width of every row are checked, so no cell is dropped or moved without a word.
import { AsciiText, isAsciiBytes } from '../core/char-text';
import type { CsvText } from './canonical-stream';
import { checkLineLengths, splitCsvRecords } from './csv-records';
import { decodeText, detectEncoding, type DecodedText, type TextEncoding } from './decode';
import { ImportAbort, importError } from './issues';
import { checkHeader } from './header';
import { withHeaderRow, type Table } from './table';

export const DELIMITERS = [',', ';', '\t', '|'] as const;
export type Delimiter = (typeof DELIMITERS)[number];

/** Counts each candidate delimiter outside double quotes in one line. */
function countOutsideQuotes(line: string, delimiter: string): number {
  let count = 0;
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (ch === delimiter && !quoted) count++;
  }
  return count;
}

/** The first non-blank lines of the text (a title may stand above the header). */
function firstLines(text: string, count = 10): string[] {
  return text.slice(0, 64 * 1024).split(/\r?\n/).filter((l) => l.trim() !== '').slice(0, count);
}

/** The delimiter that splits the top lines into the most fields (`,` when none does). */
export function detectDelimiter(text: string): Delimiter {
  const lines = firstLines(text);
  let best: Delimiter = ',';
  let bestCount = 0;
  for (const d of DELIMITERS) {
    const count = Math.max(0, ...lines.map((l) => countOutsideQuotes(l, d)));
    if (count > bestCount) {
      best = d;
      bestCount = count;
    }
  }
  return best;
}

export interface CsvTable extends Table {
  delimiter: Delimiter;
  encoding: TextEncoding;
}

/**
 * Splits CSV text into a table. Blank lines are skipped; the first non-blank line is the header
 * (or a later one below a title, see `withHeaderRow`). Line numbers count physical lines (a quoted
 * field spanning lines counts its lines). Throws `ImportAbort` when the text cannot be split
 * faithfully (see `csv-records.ts`) or a row has more filled cells than the header has columns.
 */
export function parseCsvText(file: string, text: string, encoding: TextEncoding = 'utf-8'): CsvTable {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const delimiter = detectDelimiter(body);
  const records = splitCsvRecords(file, body, delimiter);
  const headers: string[] = [];
  const rows: string[][] = [];
  const lines: number[] = [];
  let haveHeader = false;
  records.rows.forEach((row, i) => {
    if (row.length === 1 && (row[0] ?? '').trim() === '') return;
    if (!haveHeader) {
      headers.push(...row.map((h) => h.trim()));
      haveHeader = true;
      return;
    }
    rows.push(row);
    lines.push(records.lines[i] ?? 0);
  });
  const table = withHeaderRow({ file, headers, rows, lines });
  checkHeader(table);
  checkRowWidths(table, records.spans, delimiter);
  return { ...table, delimiter, encoding };
}

/** The number of cells up to the last filled one. */
function filledWidth(row: readonly string[]): number {
  for (let c = row.length - 1; c >= 0; c--) if ((row[c] ?? '').trim() !== '') return c + 1;
  return 0;
}

/** True when a line inside a quoted field holds a whole row's worth of delimiters. */
function holdsRows(row: readonly string[], delimiter: string, width: number): boolean {
  for (const cell of row) {
    if (!cell.includes('\n') && !cell.includes('\r')) continue;
    const inner = cell.split(/\r\n|\n|\r/).slice(1);
    if (inner.some((l) => l.split(delimiter).length >= width)) return true;
  }
  return false;
}

/**
 * A row must fit the header: filled cells beyond the header's columns were shifted there (an
 * unquoted delimiter in a text) or belong to no column. A quoted field that spans lines and then
 * leaves the row another width than the header, or holds lines with a whole row's delimiters,
 * has most likely lost its closing quote and swallowed rows. All three are errors.
 */
function checkRowWidths(table: Table, spans: ReadonlyMap<number, number>, delimiter: string): void {
  const expected = table.headers.length;
  for (let i = 0; i < table.rows.length; i++) {
    const row = table.rows[i] as string[];
    const line = table.lines[i] ?? 0;
    if (row.length > expected && filledWidth(row) > expected) {
      throw new ImportAbort(importError('ragged-row', { file: table.file, line }, { found: filledWidth(row), expected }));
    }
    const span = spans.get(line);
    if (span !== undefined && (row.length !== expected || (expected > 2 && holdsRows(row, delimiter, expected)))) {
      throw new ImportAbort(importError('quote-spans-lines', { file: table.file, line }, { lines: span }));
    }
  }
}

/** The last index of byte `code` in bytes[from, at], or −1: only that window is searched. */
function lastByteIn(bytes: Uint8Array, code: number, from: number, at: number): number {
  const k = bytes.subarray(from, at + 1).lastIndexOf(code);
  return k < 0 ? -1 : from + k;
}

/** Decodes a CSV/TXT file; an overlong line is refused before the text is decoded. */
export function decodeCsvBytes(file: string, bytes: Uint8Array): DecodedText {
  const { encoding } = detectEncoding(bytes.subarray(0, 4096));
  if (!encoding.startsWith('utf-16')) checkLineLengths(file, bytes.length, (code, from) => bytes.indexOf(code, from), (code, from, at) => lastByteIn(bytes, code, from, at));
  return decodeText(bytes);
}

/**
 * The text of a CSV/TXT file that is ASCII throughout, read in place (its bytes are its
 * characters: the same text decodeCsvBytes would make, without making it), or null when the file
 * is anything else; an overlong line is refused as decodeCsvBytes refuses it.
 */
export function asciiCsvText(file: string, bytes: Uint8Array): CsvText | null {
  // UTF-16 without a BOM can be ASCII bytes too (ASCII text with a zero byte beside each character).
  if (detectEncoding(bytes.subarray(0, 4096)).encoding !== 'utf-8' || !isAsciiBytes(bytes)) return null;
  checkLineLengths(file, bytes.length, (code, from) => bytes.indexOf(code, from), (code, from, at) => lastByteIn(bytes, code, from, at));
  return { text: new AsciiText(bytes), encoding: 'utf-8' };
}

/** Decodes and splits a CSV/TXT file; an overlong line is refused before the text is decoded. */
export function readCsvBytes(file: string, bytes: Uint8Array): CsvTable {
  const { text, encoding } = decodeCsvBytes(file, bytes);
  return parseCsvText(file, text, encoding);
}
