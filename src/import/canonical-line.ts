// One line of the canonical CSV read in place (canonical-stream.ts): the cells are positions in
// the file's text, and the plain forms every real export writes (`2025-06-30`, `-1234.56`, a code
// without spaces) are read from those positions, with no record and no string per cell. Anything
// else (a blank or padded cell, a date or amount in another form, an error) is read by the
// general FieldReader from the cell's text, so the rules and messages are the same as for a record.
import type { CharText } from '../core/char-text';
import { dayFromParts, isoDateNumberAt, type Day } from '../core/date';
import { plainAmountAt, type Minor } from '../core/money';
import { FieldReader, type ReadContext, type TextRowReader } from '../core/record-reader';
import type { ImportIssue, SourceRef } from '../core/types';

/** Most distinct texts a pool keeps (half its slots): past that, cells are cut out as they come. */
const POOL_LIMIT = 1 << 18;

/**
 * The texts of one column read once and shared by every row that holds the same characters: a
 * million rows name some fifty thousand parties, a handful of currencies and sides, and many
 * repeat a description. Found by a hash of the characters in place, so a repeated value costs
 * no string at all.
 */
class TextPool {
  private slots: (string | undefined)[] = new Array<string | undefined>(64);
  private count = 0;

  /** content[start, end), the pooled copy when one was read before. */
  get(content: CharText, start: number, end: number): string {
    let h = 2166136261;
    for (let i = start; i < end; i++) h = Math.imul(h ^ content.charCodeAt(i), 16777619);
    const mask = this.slots.length - 1;
    let s = (h ^ (h >>> 15)) & mask;
    for (let held = this.slots[s]; held !== undefined; held = this.slots[s]) {
      if (sameText(held, content, start, end)) return held;
      s = (s + 1) & mask;
    }
    const text = content.slice(start, end);
    if (this.count >= POOL_LIMIT) return text;
    this.slots[s] = text;
    if (++this.count * 2 > this.slots.length) this.rehash();
    return text;
  }

  private rehash(): void {
    const old = this.slots;
    this.slots = new Array<string | undefined>(old.length * 2);
    const mask = this.slots.length - 1;
    for (const text of old) {
      if (text === undefined) continue;
      let h = 2166136261;
      for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
      let s = (h ^ (h >>> 15)) & mask;
      while (this.slots[s] !== undefined) s = (s + 1) & mask;
      this.slots[s] = text;
    }
  }
}

function sameText(text: string, content: CharText, start: number, end: number): boolean {
  if (text.length !== end - start) return false;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) !== content.charCodeAt(start + i)) return false;
  return true;
}

/** Slots of the dates read (2^DATE_BITS): some years of days, most in a slot of their own. */
const DATE_BITS = 12;
const DATE_SLOTS = 1 << DATE_BITS;

/** Columns whose values repeat over many rows: read through a TextPool. */
const POOLED = new Set(['ledger', 'party_id', 'party_name', 'entry_type', 'currency', 'description']);

export class LineReader extends FieldReader implements TextRowReader {
  private readonly columns = new Map<string, number>();
  private readonly starts: Int32Array;
  private readonly ends: Int32Array;
  /** Cells on the current line. */
  private cells = 0;
  line = 0;
  lineStart = 0;
  lineEnd = 0;
  cellStart = 0;
  cellEnd = 0;
  /**
   * Date numbers (YYYYMMDD) read and their days, one slot per number's hash (see dayOf): a
   * ledger's dates repeat over many rows. −1: an empty slot.
   */
  private readonly dateNumbers = new Int32Array(DATE_SLOTS).fill(-1);
  private readonly dateDays = new Int32Array(DATE_SLOTS);
  /** Per column, the pool of its texts (for the columns in POOLED). */
  private readonly pools: (TextPool | undefined)[];
  /**
   * The fields asked for, in the order first asked, with their columns (−1: none), and which of
   * them is likely asked next: every row asks for much the same fields in the same order, so the
   * next one is tried first (no lookup by name in `columns` for most cells).
   */
  private readonly asked: string[] = [];
  private readonly askedColumns: number[] = [];
  private next = 0;

  /** `names`: the lower-cased header; the text and its single-character delimiter. */
  constructor(
    private readonly file: string,
    readonly content: CharText,
    names: readonly string[],
    private readonly delimiter: string,
    issues: ImportIssue[],
    context: ReadContext,
  ) {
    super(issues, context);
    names.forEach((name, c) => {
      if (name !== '') this.columns.set(name, c);
    });
    this.pools = names.map((name) => (POOLED.has(name) ? new TextPool() : undefined));
    this.starts = new Int32Array(names.length);
    this.ends = new Int32Array(names.length);
  }

  /** Moves to the line text[start, end) (no wider than the header), line number `line`. */
  read(start: number, end: number, line: number): void {
    this.ok = true;
    this.line = line;
    this.lineStart = start;
    this.lineEnd = end;
    const width = this.starts.length;
    const content = this.content;
    let c = 0;
    // Each cell ends at the next delimiter (the text's own search: in place for bytes), or the line's end.
    for (let at = start; c < width; c++) {
      const next = content.indexOf(this.delimiter, at);
      const i = next < 0 || next > end ? end : next;
      this.starts[c] = at;
      this.ends[c] = i;
      if (i === end) {
        c++;
        break;
      }
      at = i + 1;
    }
    this.cells = c;
  }

  source(): SourceRef {
    return { file: this.file, line: this.line };
  }

  /** The column of `field`, −1 when the header has none. */
  private columnOf(field: string): number {
    let k = this.next;
    if (this.asked[k] !== field) {
      k = this.asked.indexOf(field);
      if (k < 0) {
        k = this.asked.push(field) - 1;
        this.askedColumns.push(this.columns.get(field) ?? -1);
      }
    }
    this.next = k + 1 < this.asked.length ? k + 1 : 0;
    return this.askedColumns[k] as number;
  }

  protected value(field: string): string | undefined {
    const c = this.columnOf(field);
    if (c < 0 || c >= this.cells) return undefined;
    return this.content.slice(this.starts[c] as number, this.ends[c] as number).trim();
  }

  /** The column of `field` when its cell is filled and needs no trimming (printable ASCII at both ends), else −1. */
  private plainCell(field: string): number {
    const c = this.columnOf(field);
    if (c < 0 || c >= this.cells) return -1;
    const start = this.starts[c] as number;
    const end = this.ends[c] as number;
    if (start >= end) return -1;
    const first = this.content.charCodeAt(start);
    const last = this.content.charCodeAt(end - 1);
    return first > 32 && first < 127 && last > 32 && last < 127 ? c : -1;
  }

  /** The text of the plain cell `c` (nothing to trim: the same as `value`). */
  private cellText(c: number): string {
    const start = this.starts[c] as number;
    const end = this.ends[c] as number;
    const pool = this.pools[c];
    return pool === undefined ? this.content.slice(start, end) : pool.get(this.content, start, end);
  }

  cell(field: string): boolean {
    const c = this.plainCell(field);
    if (c >= 0) {
      this.cellStart = this.starts[c] as number;
      this.cellEnd = this.ends[c] as number;
      return true;
    }
    // Blank, absent or with something to trim: trimmed as `text` trims.
    const v = this.value(field);
    const trimmed = v?.trim();
    if (v === undefined || trimmed === undefined || trimmed === '') return false;
    const column = this.columnOf(field);
    const raw = this.content.slice(this.starts[column] as number, this.ends[column] as number);
    this.cellStart = (this.starts[column] as number) + raw.length - raw.trimStart().length;
    this.cellEnd = this.cellStart + trimmed.length;
    return true;
  }

  override requiredPresent(field: string): boolean {
    if (this.cell(field)) return true;
    this.error(field, 'missing-value', { field });
    return false;
  }

  override choice(field: string, choices: readonly string[]): number {
    const c = this.plainCell(field);
    if (c < 0) return super.choice(field, choices);
    const start = this.starts[c] as number;
    const end = this.ends[c] as number;
    for (let k = 0; k < choices.length; k++) if (sameText(choices[k] as string, this.content, start, end)) return k;
    return -1;
  }

  override text(field: string): string | undefined {
    const c = this.plainCell(field);
    return c < 0 ? super.text(field) : this.cellText(c);
  }

  override raw(field: string): string | undefined {
    const c = this.plainCell(field);
    return c < 0 ? super.raw(field) : this.cellText(c);
  }

  override date(field: string, required: boolean): Day | undefined {
    const c = this.plainCell(field);
    const start = c < 0 ? 0 : (this.starts[c] as number);
    if (c >= 0 && (this.ends[c] as number) - start === 10) {
      const n = isoDateNumberAt(this.content, start);
      if (n >= 0) {
        const day = this.dayOf(n);
        if (day !== null) return day;
      }
    }
    return super.date(field, required);
  }

  /** The day of the date number `n` (YYYYMMDD), null when not a real date: from its slot when it was read before and still holds it. */
  private dayOf(n: number): Day | null {
    const slot = Math.imul(n, 0x9e3779b1) >>> (32 - DATE_BITS);
    if (this.dateNumbers[slot] === n) return this.dateDays[slot] as Day;
    const day = dayFromParts(Math.floor(n / 10000), Math.floor(n / 100) % 100, n % 100);
    // Not a real date: not kept (rare, and reported).
    if (day !== null) {
      this.dateNumbers[slot] = n;
      this.dateDays[slot] = day;
    }
    return day;
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
