// One line of the canonical CSV read in place (canonical-stream.ts): the cells are positions in
// the file's text, and the plain forms every real export writes (`2025-06-30`, `-1234.56`, a code
// without spaces) are read from those positions, with no record and no string per cell. Anything
// else (a blank or padded cell, a date or amount in another form, an error) is read by the
// general FieldReader from the cell's text, so the rules and messages are the same as for a record.
import { dayFromParts, isoDateNumberAt, type Day } from '../core/date';
import { plainAmountAt, type Minor } from '../core/money';
import { FieldReader, type ReadContext } from '../core/record-reader';
import type { ImportIssue, SourceRef } from '../core/types';

export class LineReader extends FieldReader {
  private readonly columns = new Map<string, number>();
  private readonly starts: Int32Array;
  private readonly ends: Int32Array;
  /** Cells on the current line. */
  private cells = 0;
  private line = 0;
  private readonly days = new Map<number, Day | null>();
  /** Currencies: one string each, not one per row (a few values over a million rows). */
  private readonly currencies = new Map<string, string>();
  private readonly currencyColumn: number;

  /** `names`: the lower-cased header; the text and its single-character delimiter. */
  constructor(
    private readonly file: string,
    private readonly content: string,
    names: readonly string[],
    private readonly delimiter: string,
    issues: ImportIssue[],
    context: ReadContext,
  ) {
    super(issues, context);
    names.forEach((name, c) => {
      if (name !== '') this.columns.set(name, c);
    });
    this.currencyColumn = this.columns.get('currency') ?? -1;
    this.starts = new Int32Array(names.length);
    this.ends = new Int32Array(names.length);
  }

  /** Moves to the line text[start, end) (no wider than the header), line number `line`. */
  read(start: number, end: number, line: number): void {
    this.ok = true;
    this.line = line;
    const width = this.starts.length;
    let c = 0;
    let at = start;
    while (c < width) {
      let next = this.content.indexOf(this.delimiter, at);
      if (next < 0 || next > end) next = end;
      this.starts[c] = at;
      this.ends[c] = next;
      c++;
      if (next === end) break;
      at = next + 1;
    }
    this.cells = c;
  }

  source(): SourceRef {
    return { file: this.file, line: this.line };
  }

  protected value(field: string): string | undefined {
    const c = this.columns.get(field);
    if (c === undefined || c >= this.cells) return undefined;
    return this.content.slice(this.starts[c], this.ends[c]).trim();
  }

  /** The column of `field` when its cell is filled and needs no trimming (printable ASCII at both ends), else −1. */
  private plainCell(field: string): number {
    const c = this.columns.get(field);
    if (c === undefined || c >= this.cells) return -1;
    const start = this.starts[c] as number;
    const end = this.ends[c] as number;
    if (start >= end) return -1;
    const first = this.content.charCodeAt(start);
    const last = this.content.charCodeAt(end - 1);
    return first > 32 && first < 127 && last > 32 && last < 127 ? c : -1;
  }

  override text(field: string): string | undefined {
    const c = this.plainCell(field);
    if (c < 0) return super.text(field);
    const v = this.content.slice(this.starts[c], this.ends[c]);
    if (c !== this.currencyColumn) return v;
    const known = this.currencies.get(v);
    if (known !== undefined) return known;
    this.currencies.set(v, v);
    return v;
  }

  override date(field: string, required: boolean): Day | undefined {
    const c = this.plainCell(field);
    const start = c < 0 ? 0 : (this.starts[c] as number);
    if (c >= 0 && (this.ends[c] as number) - start === 10) {
      const n = isoDateNumberAt(this.content, start);
      if (n >= 0) {
        let day = this.days.get(n);
        if (day === undefined) {
          day = dayFromParts(Math.floor(n / 10000), Math.floor(n / 100) % 100, n % 100);
          this.days.set(n, day);
        }
        if (day !== null) return day;
      }
    }
    return super.date(field, required);
  }

  override amount(field: string, exponent: number, required: boolean): Minor | undefined {
    const c = this.plainCell(field);
    if (c >= 0) {
      const minor = plainAmountAt(this.content, this.starts[c] as number, this.ends[c] as number, exponent);
      if (minor !== null) return minor;
    }
    return super.amount(field, exponent, required);
  }
}
