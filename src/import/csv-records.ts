// Splitting CSV text into records (RFC 4180, read the way a spreadsheet reads it) without ever
// letting one record swallow the next:
//   - a line ends at CR LF, LF or CR outside quotes, whichever the file mixes (a lone LF in a
//     CR LF file ends a line, as it does in Excel);
//   - a field that opens with `"` runs to its closing `"` (`""` is a quote inside it) and may hold
//     line breaks; a closing quote followed by anything but a delimiter or line end, and an opening
//     quote that never closes, are errors naming the line where that field began;
//   - a `"` inside an unquoted field (`15" monitor`) is text, as in Excel: it cannot open a quote;
//   - a physical line longer than MAX_LINE_LENGTH is refused (no ledger line is a megabyte).
// Quote-free lines are split with `String.split`, the fast path most exports take.
import type { CharText } from '../core/char-text';
import { ImportAbort, importError } from './issues';

/** Longest physical line accepted, in characters (or bytes, when checked before decoding). */
export const MAX_LINE_LENGTH = 1 << 20;

export interface CsvRecords {
  rows: string[][];
  /** The physical line each record starts on (1-based). */
  lines: number[];
  /** How many physical lines a record spans, by its start line, for records spanning more than one. */
  spans: Map<number, number>;
}

const LF = 10;
const CR = 13;

/**
 * The first physical line longer than `max`, or null: `find(code, from)` is `indexOf` on the
 * bytes or the text, so a file can be checked before it is decoded.
 */
export function overlongLine(length: number, find: (code: number, from: number) => number, max = MAX_LINE_LENGTH): number | null {
  let line = 1;
  let at = 0;
  let nextLf = find(LF, 0);
  let nextCr = find(CR, 0);
  while (at <= length) {
    if (nextLf >= 0 && nextLf < at) nextLf = find(LF, at);
    if (nextCr >= 0 && nextCr < at) nextCr = find(CR, at);
    const end = Math.min(nextLf < 0 ? length : nextLf, nextCr < 0 ? length : nextCr);
    if (end - at > max) return line;
    if (end >= length) return null;
    at = end + (end === nextCr && nextLf === end + 1 ? 2 : 1);
    line++;
  }
  return null;
}

export function tooLong(file: string, line: number): never {
  throw new ImportAbort(importError('line-too-long', { file, line }, { max: MAX_LINE_LENGTH }));
}

/**
 * True when no physical line is longer than `max`, found in jumps of about `max` (a few calls for
 * a file of any size, where `overlongLine` visits every line): `findLast(code, from, at)` is the
 * last index of `code` in [from, at], or −1 (searching only that window: a file without CR must
 * not be searched back to its start on every jump). The line starting just after the last break
 * seen must end by `max` further on; when some break lies in that window, every line up to that
 * break fits too.
 */
export function linesFit(length: number, findLast: (code: number, from: number, at: number) => number, max = MAX_LINE_LENGTH): boolean {
  let last = -1;
  while (length - (last + 1) > max) {
    const limit = last + 1 + max;
    // A CR counts only after the window's last LF: searched from there (most files hold none).
    const lastLf = findLast(LF, last + 1, limit);
    const from = Math.max(last, lastLf) + 1;
    const lastBreak = Math.max(lastLf, from > limit ? -1 : findLast(CR, from, limit));
    if (lastBreak <= last) return false;
    last = lastBreak;
  }
  return true;
}

/** Checks the physical lines of a text for length (see `overlongLine`); the line is only looked for when one is too long. */
export function checkLineLengths(
  file: string,
  length: number,
  find: (code: number, from: number) => number,
  findLast: (code: number, from: number, at: number) => number,
): void {
  if (linesFit(length, findLast)) return;
  const line = overlongLine(length, find);
  if (line !== null) tooLong(file, line);
}

/** A cursor over the text that finds the next occurrence of a character without rescanning. */
class Finder {
  private at = -2;

  constructor(
    private readonly text: CharText,
    private readonly char: string,
  ) {}

  /** The index of the next occurrence at or after `from` (text.length when none). */
  next(from: number): number {
    if (this.at !== -1 && this.at < from) this.at = this.text.indexOf(this.char, from);
    return this.at < 0 ? this.text.length : this.at;
  }
}

/** The next line break (CR or LF) of a text. */
export class Breaks {
  private readonly lf: Finder;
  private readonly cr: Finder;

  constructor(text: CharText) {
    this.lf = new Finder(text, '\n');
    this.cr = new Finder(text, '\r');
  }

  next(from: number): number {
    return Math.min(this.lf.next(from), this.cr.next(from));
  }
}

/** The length of the line break at `at` (CR LF is one break of two characters). */
export function breakLength(text: CharText, at: number): number {
  return text.charCodeAt(at) === CR && text.charCodeAt(at + 1) === LF ? 2 : 1;
}

/** How many line breaks a piece of quoted text holds (CR LF counted once). */
function countBreaks(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === LF || (c === CR && text.charCodeAt(i + 1) !== LF)) n++;
  }
  return n;
}

/** Splits CSV text into records; throws `ImportAbort` for a quote that never closes or a stray one. */
export function splitCsvRecords(file: string, text: string, delimiter: string): CsvRecords {
  const rows: string[][] = [];
  const lines: number[] = [];
  const spans = new Map<number, number>();
  if (!text.includes('"')) {
    const physical = text.split(/\r\n|\n|\r/);
    for (let i = 0; i < physical.length; i++) {
      const l = physical[i] ?? '';
      if (l.length > MAX_LINE_LENGTH) tooLong(file, i + 1);
      rows.push(l.split(delimiter));
      lines.push(i + 1);
    }
    return { rows, lines, spans };
  }
  const breaks = new Breaks(text);
  const delimiters = new Finder(text, delimiter);
  const quotes = new Finder(text, '"');
  let line = 1;
  let at = 0;
  while (at <= text.length) {
    const end = breaks.next(at);
    if (end - at > MAX_LINE_LENGTH) tooLong(file, line);
    if (quotes.next(at) > end) {
      rows.push(text.slice(at, end).split(delimiter));
      lines.push(line);
      line++;
      at = end + (end < text.length ? breakLength(text, end) : 1);
      continue;
    }
    const record = readQuotedRecord(file, text, at, line, delimiter, { breaks, delimiters });
    rows.push(record.fields);
    lines.push(line);
    if (record.line > line) spans.set(line, record.line - line + 1);
    line = record.line + 1;
    at = record.next;
  }
  return { rows, lines, spans };
}

interface QuotedRecord {
  fields: string[];
  /** The physical line the record ends on. */
  line: number;
  /** Where the next record starts (past the line break; text.length + 1 at the end). */
  next: number;
}

/** Reads one record that holds a quote somewhere, field by field. */
function readQuotedRecord(file: string, text: string, start: number, startLine: number, delimiter: string, find: { breaks: Breaks; delimiters: Finder }): QuotedRecord {
  const fields: string[] = [];
  let line = startLine;
  let at = start;
  for (;;) {
    if (text.charCodeAt(at) === 34) {
      const fieldLine = line;
      const parts: string[] = [];
      let from = at + 1;
      for (;;) {
        const quote = text.indexOf('"', from);
        if (quote < 0) throw new ImportAbort(importError('csv-open-quote', { file, line: fieldLine }));
        parts.push(text.slice(from, quote));
        if (text.charCodeAt(quote + 1) === 34) {
          parts.push('"');
          from = quote + 2;
          continue;
        }
        at = quote + 1;
        break;
      }
      const value = parts.join('');
      line += countBreaks(value);
      if (line - fieldLine > 0 && value.length > MAX_LINE_LENGTH) tooLong(file, fieldLine);
      fields.push(value);
      // Blanks may follow the closing quote; anything else is a quote out of place.
      while (text[at] === ' ' && delimiter !== ' ') at++;
      if (at >= text.length) return { fields, line, next: text.length + 1 };
      const c = text[at];
      if (c === delimiter) {
        at++;
        continue;
      }
      if (c === '\n' || c === '\r') return { fields, line, next: at + breakLength(text, at) };
      throw new ImportAbort(importError('csv-stray-quote', { file, line: fieldLine }));
    }
    const end = find.breaks.next(at);
    const delim = find.delimiters.next(at);
    if (delim < end) {
      fields.push(text.slice(at, delim));
      at = delim + 1;
      continue;
    }
    fields.push(text.slice(at, end));
    return { fields, line, next: end < text.length ? end + breakLength(text, end) : text.length + 1 };
  }
}
