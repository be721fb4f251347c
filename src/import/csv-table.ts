// CSV and TXT exports into a `Table`: the delimiter (`,` `;` tab `|`) is detected from the header
// line, the encoding by `decode.ts`; papaparse does the splitting (its fast mode when unquoted).
import Papa from 'papaparse';
import { decodeText, type TextEncoding } from './decode';
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
 * Splits CSV text into a table. Blank lines are skipped; the first non-blank line is the header.
 * Line numbers count physical lines (a quoted field spanning lines counts its lines).
 */
export function parseCsvText(file: string, text: string, encoding: TextEncoding = 'utf-8'): CsvTable {
  const delimiter = detectDelimiter(text);
  const quoted = text.includes('"');
  // papaparse strips a BOM from each text it is given: with one, only a whole parse is the same.
  const data = quoted && !text.includes('\ufeff') ? splitQuoted(text, delimiter) : Papa.parse<string[]>(text, { delimiter, skipEmptyLines: false, fastMode: !quoted }).data;
  const headers: string[] = [];
  const rows: string[][] = [];
  const lines: number[] = [];
  let line = 1;
  let haveHeader = false;
  for (const row of data) {
    const rowLine = line;
    line += quoted ? countNewlines(row) + 1 : 1;
    if (row.length === 0 || (row.length === 1 && (row[0] ?? '').trim() === '')) continue;
    if (!haveHeader) {
      headers.push(...row.map((h) => h.trim()));
      haveHeader = true;
      continue;
    }
    rows.push(row);
    lines.push(rowLine);
  }
  return { ...withHeaderRow({ file, headers, rows, lines }), delimiter, encoding };
}

/**
 * Papaparse's rows of a text with quotes, faster: the quote-free stretches of lines are split as
 * its fast mode would, only the rows holding a quote go through its full parser (one at a time).
 */
function splitQuoted(text: string, delimiter: string): string[][] {
  const newline = Papa.parse<string[]>(text, { delimiter, preview: 1 }).meta.linebreak as '\r' | '\n' | '\r\n';
  const rows: string[][] = [];
  const plain = (from: number, to: number): void => {
    for (const line of text.slice(from, to).split(newline)) rows.push(line.split(delimiter));
  };
  let at = 0;
  for (;;) {
    const quote = text.indexOf('"', at);
    if (quote < 0) {
      plain(at, text.length);
      return rows;
    }
    const lineStart = text.lastIndexOf(newline, quote);
    if (lineStart >= at) {
      plain(at, lineStart);
      at = lineStart + newline.length;
    }
    const rest = text.slice(at);
    const one = Papa.parse<string[]>(rest, { delimiter, newline, preview: 1 });
    if (one.meta.cursor >= rest.length) {
      rows.push(...Papa.parse<string[]>(rest, { delimiter, newline }).data);
      return rows;
    }
    rows.push(one.data[0] ?? []);
    at += one.meta.cursor;
  }
}

function countNewlines(row: readonly string[]): number {
  let n = 0;
  for (const cell of row) if (cell.includes('\n')) n += cell.split('\n').length - 1;
  return n;
}

/** Decodes and splits a CSV/TXT file. */
export function readCsvBytes(file: string, bytes: Uint8Array): CsvTable {
  const { text, encoding } = decodeText(bytes);
  return parseCsvText(file, text, encoding);
}
