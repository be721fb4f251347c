// The canonical subledger CSV read one line at a time: a million-row file never exists as a
// million rows of cells, only as its text, each line read in place by a LineReader
// (canonical-line.ts) as the engine asks for its fields: no record and no string per cell.
// Taken only where it reads exactly what the table path reads: a file without quotes, whose first
// line is a canonical ledger header (no title above it, no dialect values, no GL columns) and
// whose lines are no wider than the header. Anything else goes through the table (csv-table.ts),
// which says what is wrong with it.
import type { ReadContext } from '../core/record-reader';
import type { ImportIssue, RecordSource, TextRows } from '../core/types';
import { Breaks, breakLength, MAX_LINE_LENGTH } from './csv-records';
import { checkHeader } from './header';
import { detectDelimiter } from './csv-table';
import type { DecodedText } from './decode';
import { hasDialectValues, isCanonicalLedger, normalizedHeaders, rowRecord } from './canonical';
import { hasGlTransactionColumns } from './gl/transactions';
import { importWarning } from './issues';
import { LineReader } from './canonical-line';
import { progressTicker, type ProgressOptions } from './progress';
import { isBlankRow, withHeaderRow, type Table } from './table';

/** Rows looked at before deciding (as many as the dialect check and the title check read). */
const SAMPLE_ROWS = 200;

export interface CanonicalStream {
  /** The header and first rows, as the table path would have read them. */
  head: Table;
  /** How many rows the table would hold (blank rows of delimiters included). */
  rows: number;
  records: RecordSource;
  issues: ImportIssue[];
}

/**
 * Calls `visit(start, end, line)` for every physical line (CR LF, LF or CR), as the table's split
 * does, until it returns false.
 */
function eachLine(text: string, visit: (start: number, end: number, line: number) => boolean): void {
  const breaks = text.includes('\r') ? new Breaks(text) : null;
  let line = 1;
  let at = 0;
  while (at <= text.length) {
    let end: number;
    if (breaks) end = breaks.next(at);
    else {
      end = text.indexOf('\n', at);
      if (end < 0) end = text.length;
    }
    if (visit(at, end, line) === false) return;
    line++;
    at = end + (end < text.length ? breakLength(text, end) : 1);
  }
}

/** True when text[start] opens the line with a letter, digit or sign: not blank, no copy needed. */
function opensFilled(text: string, start: number, end: number, delimiter: string): boolean {
  const first = text.charCodeAt(start);
  return start < end && first > 32 && first !== 0xa0 && first < 0x1680 && first !== delimiter.charCodeAt(0);
}

/** A line the table skips: no delimiter and nothing but blanks. */
function isEmptyLine(text: string, start: number, end: number, delimiter: string): boolean {
  if (opensFilled(text, start, end, delimiter)) return false;
  const line = text.slice(start, end);
  return !line.includes(delimiter) && line.trim() === '';
}

/** A row the records leave out: every cell blank (as `isBlankRow`). */
function isBlankLine(text: string, start: number, end: number, delimiter: string): boolean {
  return !opensFilled(text, start, end, delimiter) && isBlankRow(text.slice(start, end).split(delimiter));
}

/** The number of `delimiter`s in text[start, end). */
function countDelimiters(text: string, delimiter: string, start: number, end: number): number {
  let n = 0;
  for (let at = text.indexOf(delimiter, start); at >= 0 && at < end; at = text.indexOf(delimiter, at + 1)) n++;
  return n;
}

/**
 * The canonical ledger in the decoded text of a CSV file as a stream of records, or null when the file must be read as a
 * table (see the top of this file). Throws `ImportAbort` only where the table path would too
 * (a duplicate column, cancelled).
 */
export function canonicalCsvStream(name: string, decoded: DecodedText, options: ProgressOptions = {}): CanonicalStream | null {
  const text = decoded.text.charCodeAt(0) === 0xfeff ? decoded.text.slice(1) : decoded.text;
  if (text.includes('"')) return null;
  const delimiter = detectDelimiter(text);
  const headers: string[] = [];
  const head: Table = { file: name, headers, rows: [], lines: [] };
  let width = 0;
  let rows = 0;
  let fits = true;
  eachLine(text, (start, end, line) => {
    if (end - start > MAX_LINE_LENGTH) fits = false;
    else if (isEmptyLine(text, start, end, delimiter)) return true;
    else if (width === 0) {
      headers.push(...text.slice(start, end).split(delimiter).map((h) => h.trim()));
      width = headers.length;
    } else if (countDelimiters(text, delimiter, start, end) >= width) {
      // Wider than the header: the table says whether the extra cells are blank or an error.
      fits = false;
    } else {
      if (rows < SAMPLE_ROWS) {
        head.rows.push(text.slice(start, end).split(delimiter));
        head.lines.push(line);
      }
      rows++;
    }
    return fits;
  });
  if (!fits || rows === 0 || !isCanonicalLedger(headers) || hasGlTransactionColumns(headers)) return null;
  if (withHeaderRow(head) !== head || hasDialectValues(head, SAMPLE_ROWS)) return null;
  checkHeader(head);
  const names = normalizedHeaders(headers);
  // Each pass skips the lines the table skips, the header being the first line left.
  const rowsOf = (visit: (start: number, end: number, line: number) => void) => {
    let seenHeader = false;
    eachLine(text, (start, end, line) => {
      if (isEmptyLine(text, start, end, delimiter)) return true;
      if (seenHeader) visit(start, end, line);
      seenHeader = true;
      return true;
    });
  };
  const onRow = progressTicker(name, rows, options, 0, 0.6);
  let index = 0;
  let count = 0;
  rowsOf((start, end) => {
    onRow(index++);
    if (!isBlankLine(text, start, end, delimiter)) count++;
  });
  const textRows = (issues: ImportIssue[], context: ReadContext): TextRows => {
    const reader = new LineReader(name, text, names, delimiter, issues, context);
    const each = (visit: () => void) =>
      rowsOf((start, end, line) => {
        if (isBlankLine(text, start, end, delimiter)) return;
        reader.read(start, end, line);
        visit();
      });
    return { reader, each };
  };
  const issues = decoded.encoding === 'windows-1252' ? [importWarning('encoding-fallback', { file: name })] : [];
  return {
    head,
    rows,
    issues,
    records: {
      count,
      each(visit) {
        rowsOf((start, end, line) => {
          if (!isBlankLine(text, start, end, delimiter)) visit(rowRecord(text.slice(start, end).split(delimiter), names, name, line));
        });
      },
      eachReader(issues, context, visit) {
        const rows = textRows(issues, context);
        rows.each(() => visit(rows.reader));
      },
      textRows,
    },
  };
}
