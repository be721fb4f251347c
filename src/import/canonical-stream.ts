// The canonical subledger CSV read one line at a time: a million-row file never exists as a
// million rows of cells, only as its text, each line read in place by a LineReader
// (canonical-line.ts) as the engine asks for its fields: no record and no string per cell.
// Taken only where it reads exactly what the table path reads: a file without quotes, whose first
// line is a canonical ledger header (no title above it, no dialect values, no GL columns) and
// whose lines are no wider than the header. Anything else goes through the table (csv-table.ts),
// which says what is wrong with it.
import { AsciiText, type CharText } from '../core/char-text';
import { blocksToTake, readBlocks, type PartReader, type RowsRead } from '../core/ledger';
import { LedgerIndexBuilder, type RowColumns } from '../core/ledger-index';
import { newReadContext, type ReadContext } from '../core/record-reader';
import { isShared, sharedInts } from '../core/shared-memory';
import type { ImportIssue, LinesFound, RecordSource, TextLines, TextPart, TextRows } from '../core/types';
import { breakLength, MAX_LINE_LENGTH } from './csv-records';
import { checkHeader } from './header';
import { detectDelimiter } from './csv-table';
import type { TextEncoding } from './decode';
import { hasDialectValues, isCanonicalLedger, normalizedHeaders, rowRecord } from './canonical';
import { hasGlTransactionColumns } from './gl/transactions';
import { importWarning } from './issues';
import { LineReader } from './canonical-line';
import { progressTicker, type ProgressOptions } from './progress';
import { isBlankRow, withHeaderRow, type Table } from './table';

/** Rows looked at before deciding (as many as the dialect check and the title check read). */
const SAMPLE_ROWS = 200;

/** A CSV file's text: decoded (decode.ts), or its bytes read in place when they are ASCII (char-text.ts). */
export interface CsvText {
  text: CharText;
  encoding: TextEncoding;
}

export interface CanonicalStream {
  /** The header and first rows, as the table path would have read them. */
  head: Table;
  /** How many rows the table would hold (blank rows of delimiters included). */
  rows: number;
  records: RecordSource;
  issues: ImportIssue[];
}

const LF = 10;
const CR = 13;

/**
 * Where each physical line of a text ends (at CR LF, LF or CR, as the table's split ends them),
 * found once by the pass that checks the lines: the later passes read the lines from here.
 */
class LineEnds {
  ends: Int32Array = new Int32Array(1 << 10);
  count = 0;

  push(end: number): void {
    if (this.count === this.ends.length) {
      const more = new Int32Array(this.ends.length * 2);
      more.set(this.ends);
      this.ends = more;
    }
    this.ends[this.count++] = end;
  }

  /**
   * Pushes the ends of lines found elsewhere (the lines after those pushed): all of them on a
   * SharedArrayBuffer, for the readers of the rows on two threads (see TextPart).
   */
  append(ends: Int32Array): void {
    const more = sharedInts(this.count + ends.length);
    more.set(this.ends.subarray(0, this.count));
    more.set(ends, this.count);
    this.ends = more;
    this.count = more.length;
  }

  /** Calls `visit(start, end, line)` for the lines pushed before line index `to`. */
  each(text: CharText, to: number, visit: LineVisit): void {
    eachLine(text, this.ends.subarray(0, to), 0, 1, visit);
  }

  /** Where line index k (0: the first) starts. */
  startOf(text: CharText, k: number): number {
    return k === 0 ? 0 : nextLine(text, this.ends[k - 1] as number);
  }
}

type LineVisit = (start: number, end: number, line: number) => void;

/** Where the line after the one ending at `end` starts. */
function nextLine(text: CharText, end: number): number {
  return end + (end < text.length ? breakLength(text, end) : 1);
}

/** Calls `visit(start, end, line)` for each line ending at `ends[k]`, the first starting at `start`, numbered `firstLine`. */
function eachLine(text: CharText, ends: Int32Array, start: number, firstLine: number, visit: LineVisit): void {
  let at = start;
  for (let k = 0; k < ends.length; k++) {
    const end = ends[k] as number;
    visit(at, end, firstLine + k);
    at = nextLine(text, end);
  }
}

/**
 * Places `reader` on each row of the lines (past the header), then calls `visit`: each line but
 * the blank ones (an empty line, which the table skips, is blank too).
 */
function eachRowOf(text: CharText, delimiter: string, reader: LineReader, lines: (visit: LineVisit) => void, visit: () => void): void {
  lines((start, end, line) => {
    if (isBlankLine(text, start, end, delimiter)) return;
    reader.read(start, end, line);
    visit();
  });
}

/** Calls `visit(start, end, line)` for each line of block `b` of `part`. */
function eachBlockLine(text: CharText, part: TextPart, b: number, visit: LineVisit): void {
  const from = b * part.blockLines;
  const start = from === 0 ? part.start : nextLine(text, part.ends[from - 1] as number);
  eachLine(text, part.ends.subarray(from, from + part.blockLines), start, part.firstLine + from, visit);
}

/** Places `reader` on each row of block `b` of `part`, then calls `visit` (as `each` does there). */
function blockRows(text: CharText, part: TextPart, reader: LineReader, b: number): (visit: () => void) => void {
  return (visit) => eachRowOf(text, part.delimiter, reader, (line) => eachBlockLine(text, part, b, line), visit);
}

/** Per block of `blockLines` of the lines ending at `ends` (the first starting at `start`), the rows (lines not blank) before it. */
function blockRooms(text: CharText, ends: Int32Array, start: number, blockLines: number, delimiter: string): Int32Array {
  const rooms = new Int32Array(Math.ceil(ends.length / blockLines));
  let rows = 0;
  for (let k = 0, at = start; k < ends.length; k++) {
    const end = ends[k] as number;
    if (k % blockLines === 0) rooms[k / blockLines] = rows;
    if (!isBlankLine(text, at, end, delimiter)) rows++;
    at = nextLine(text, end);
  }
  return rooms;
}

/**
 * The blocks of `part` (TextRows.split) no other reader has taken (or `blocks`, taken already, in order),
 * read into the columns `into` (each block's rows at its room), on the thread this runs on: what
 * `each` would have read of them, their parties and currencies numbered apart
 * (LedgerIndexBuilder.appendBlocks puts them in order).
 */
export function readTextPart(part: TextPart, baseCurrency: string, into: RowColumns, blocks: Iterable<number> = blocksToTake(part)): RowsRead {
  const issues: ImportIssue[] = [];
  const context = newReadContext();
  const text = new AsciiText(part.bytes);
  const reader = new LineReader(part.file, text, part.names, part.delimiter, issues, context);
  const index = new LedgerIndexBuilder(baseCurrency, into.index.party.length, into);
  const read = readBlocks(part, blocks, reader, (b) => blockRows(text, part, reader, b), baseCurrency, index, issues);
  // The room given holds every row of the blocks: a builder that outgrew it would have written elsewhere.
  if (!index.fills(into)) throw new RangeError(`${part.file}: more rows than the room given for them`);
  return { index: index.part(), blocks: read, issues, rounded: context.rounded, firstRounded: context.firstRounded };
}

/** True when text[start] opens the line with a letter, digit or sign: not blank, no copy needed. */
function opensFilled(text: CharText, start: number, end: number, delimiter: string): boolean {
  const first = text.charCodeAt(start);
  return start < end && first > 32 && first !== 0xa0 && first < 0x1680 && first !== delimiter.charCodeAt(0);
}

/** A line the table skips: no delimiter and nothing but blanks. */
function isEmptyLine(text: CharText, start: number, end: number, delimiter: string): boolean {
  if (opensFilled(text, start, end, delimiter)) return false;
  const line = text.slice(start, end);
  return !line.includes(delimiter) && line.trim() === '';
}

/** A row the records leave out: every cell blank (as `isBlankRow`). */
function isBlankLine(text: CharText, start: number, end: number, delimiter: string): boolean {
  return !opensFilled(text, start, end, delimiter) && isBlankRow(text.slice(start, end).split(delimiter));
}

const QUOTE = 34;

/** What lineEnd saw on a line: how many delimiters, and whether a quote. */
interface LineSeen {
  delimiters: number;
  quote: boolean;
}

/**
 * The end of the line that starts at `start` (its first CR or LF, else the end of the text), and
 * in `seen` how many `code`s it holds and whether a quote: one look at each character.
 */
function lineEnd(text: CharText, start: number, code: number, seen: LineSeen): number {
  if (text instanceof AsciiText) return lineEndInBytes(text.bytes, start, code, seen);
  let n = 0;
  let quote = false;
  let at = start;
  for (; at < text.length; at++) {
    const c = text.charCodeAt(at);
    if (c === code) n++;
    else if (c === LF || c === CR) break;
    else if (c === QUOTE) quote = true;
  }
  seen.delimiters = n;
  seen.quote = quote;
  return at;
}

/** lineEnd in the bytes of an AsciiText, which are its characters: the same loop on the bytes themselves (the first pass reads every byte). */
function lineEndInBytes(bytes: Uint8Array, start: number, code: number, seen: LineSeen): number {
  let n = 0;
  let quote = false;
  let at = start;
  for (; at < bytes.length; at++) {
    const c = bytes[at] as number;
    if (c === code) n++;
    else if (c === LF || c === CR) break;
    else if (c === QUOTE) quote = true;
  }
  seen.delimiters = n;
  seen.quote = quote;
  return at;
}

/** Where the first line that starts at or after `at` starts (past the text's end when none does). */
function lineStartFrom(text: CharText, at: number): number {
  if (at <= 0) return 0;
  const before = text.charCodeAt(at - 1);
  if (before === LF) return at;
  if (before === CR) return text.charCodeAt(at) === LF ? at + 1 : at;
  for (let i = at; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === LF || c === CR) return i + breakLength(text, i);
  }
  return text.length + 1;
}

/**
 * The first pass over the lines past the header from `start` up to `stop` (a line start, or past
 * the text's end: to its end): their ends pushed to `lines`, the rows (lines not empty) and those
 * not blank counted; stopped at a line too long, wider than the header or holding a quote (`fits` false).
 */
function passRows(text: CharText, start: number, stop: number, delimiter: string, width: number, lines: LineEnds): RowLines {
  const code = delimiter.charCodeAt(0);
  const seen: LineSeen = { delimiters: 0, quote: false };
  const found: RowLines = { rows: 0, count: 0, fits: true };
  for (let at = start; at < stop && at <= text.length; at = nextLine(text, lines.ends[lines.count - 1] as number)) {
    const end = lineEnd(text, at, code, seen);
    lines.push(end);
    // A quote anywhere: the table reads the file (quoted cells are the table's).
    if (end - at > MAX_LINE_LENGTH || seen.quote) found.fits = false;
    else if (isEmptyLine(text, at, end, delimiter)) continue;
    // Wider than the header: the table says whether the extra cells are blank or an error.
    else if (seen.delimiters >= width) found.fits = false;
    if (!found.fits) break;
    found.rows++;
    if (!isBlankLine(text, at, end, delimiter)) found.count++;
  }
  return found;
}

/** What passRows counted. */
interface RowLines {
  rows: number;
  count: number;
  fits: boolean;
}

/**
 * The first pass over the lines of `job.bytes` from `job.start` to the end (see passRows), on the
 * thread this runs on: for a reader that passes the lines before them meanwhile.
 */
export function findTextLines(job: TextLines): LinesFound {
  const lines = new LineEnds();
  const text = new AsciiText(job.bytes);
  const found = passRows(text, job.start, text.length + 1, job.delimiter, job.width, lines);
  return { ...found, ends: lines.ends.slice(0, lines.count) };
}

/**
 * The canonical ledger in the decoded text of a CSV file as a stream of records, or null when the file must be read as a
 * table (see the top of this file). Throws `ImportAbort` only where the table path would too
 * (a duplicate column, cancelled).
 */
export function canonicalCsvStream(name: string, decoded: CsvText, options: ProgressOptions & { partReader?: PartReader } = {}): CanonicalStream | null {
  const text = decoded.text.charCodeAt(0) === 0xfeff ? decoded.text.slice(1, decoded.text.length) : decoded.text;
  // detectDelimiter reads the first 64 KB. A quote there: the table's at once; one further on is
  // seen by the pass over the lines (the text is not searched once more for it).
  const sample = text.slice(0, 64 * 1024);
  if (sample.includes('"')) return null;
  const delimiter = detectDelimiter(sample);
  const headers: string[] = [];
  const head: Table = { file: name, headers, rows: [], lines: [] };
  let width = 0;
  let fits = true;
  const lines = new LineEnds();
  const seen: LineSeen = { delimiters: 0, quote: false };
  // The header: the first line not empty.
  let start = 0;
  while (fits && width === 0 && start <= text.length) {
    const end = lineEnd(text, start, delimiter.charCodeAt(0), seen);
    lines.push(end);
    if (end - start > MAX_LINE_LENGTH || seen.quote) fits = false;
    else if (!isEmptyLine(text, start, end, delimiter)) headers.push(...text.slice(start, end).split(delimiter).map((h) => h.trim()));
    width = headers.length;
    start = nextLine(text, end);
  }
  const firstRow = lines.count;
  // The lines after it, in two halves when another thread passes the second meanwhile.
  const mid = Math.max(start, lineStartFrom(text, text.length >> 1));
  const shared = text instanceof AsciiText && isShared(text.bytes) ? text.bytes : null;
  const far = fits && width > 0 && shared && options.partReader ? options.partReader.findLines({ bytes: shared, start: mid, delimiter, width }) : null;
  const before = fits ? passRows(text, start, far ? mid : text.length + 1, delimiter, width, lines) : { rows: 0, count: 0, fits };
  let after: RowLines = { rows: 0, count: 0, fits: true };
  if (far && before.fits) {
    const found = far();
    if (found !== null) lines.append(found.ends);
    after = found ?? passRows(text, mid, text.length + 1, delimiter, width, lines);
  }
  fits = before.fits && after.fits;
  const rows = before.rows + after.rows;
  /** Rows the records hold: not blank. */
  const count = before.count + after.count;
  if (!fits || rows === 0 || !isCanonicalLedger(headers) || hasGlTransactionColumns(headers)) return null;
  // The first rows, as the table would hold them: for the checks of the header and the dialect.
  for (let k = firstRow, at = start; k < lines.count && head.rows.length < SAMPLE_ROWS; k++) {
    const end = lines.ends[k] as number;
    if (!isEmptyLine(text, at, end, delimiter)) {
      head.rows.push(text.slice(at, end).split(delimiter));
      head.lines.push(k + 1);
    }
    at = nextLine(text, end);
  }
  if (withHeaderRow(head) !== head || hasDialectValues(head, SAMPLE_ROWS)) return null;
  checkHeader(head);
  const names = normalizedHeaders(headers);
  // Each pass skips the lines the table skips, the header being the first line left.
  const rowsOf = (visit: LineVisit, to = lines.count) => {
    let seenHeader = false;
    lines.each(text, to, (start, end, line) => {
      if (isEmptyLine(text, start, end, delimiter)) return;
      if (seenHeader) visit(start, end, line);
      seenHeader = true;
    });
  };
  // The rows were counted above, in the one pass over the text before the read.
  const onRow = progressTicker(name, rows, options, 0, 0.6);
  for (let index = 0; index < rows; index++) onRow(index);
  const textRows = (issues: ImportIssue[], context: ReadContext): TextRows => {
    const reader = new LineReader(name, text, names, delimiter, issues, context);
    const rowsUpTo = (to: number) => (visit: () => void) => eachRowOf(text, delimiter, reader, (line) => rowsOf(line, to), visit);
    const split = (minRows: number, blockLines: number) => {
      // The lines after the header, in blocks.
      if (rows < minRows || firstRow >= lines.count || !(text instanceof AsciiText) || !isShared(text.bytes)) return null;
      const after = lines.ends.subarray(firstRow, lines.count);
      const ends = isShared(after) ? after : sharedInts(after.length);
      if (ends !== after) ends.set(after);
      const at = lines.startOf(text, firstRow);
      const rooms = blockRooms(text, ends, at, blockLines, delimiter);
      const part: TextPart = { file: name, bytes: text.bytes, names, delimiter, start: at, firstLine: firstRow + 1, ends, blockLines, rooms, taken: sharedInts(rooms.length) };
      return { part, block: (b: number) => blockRows(text, part, reader, b) };
    };
    return { reader, each: rowsUpTo(lines.count), split };
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
