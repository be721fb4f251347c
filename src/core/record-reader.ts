// Reads the fields of one canonical record (ledger.md §1.3) as typed values, recording an error
// that names the field and the reason for every value it cannot read.
import type { CharText } from './char-text';
import { parseIsoDate, type Day } from './date';
import { issueAt } from './issues';
import { parseAmount, type Minor } from './money';
import type { CoreIssueCode } from './issue-texts';
import type { CanonicalRecord, ImportIssue, SourceRef } from './types';

/** Shared by the readers of one import: rounded amounts (counted for the import report, the
 * first one named) and the dates already parsed (a ledger repeats few distinct dates). */
export interface ReadContext {
  rounded: number;
  /** Where the first rounded amount stands, and its text and the currency's decimals. */
  firstRounded: { source: SourceRef; field: string; params: { value: string; decimals: number } } | null;
  dates: Map<string, Day | null>;
}

export function newReadContext(): ReadContext {
  return { rounded: 0, firstRounded: null, dates: new Map() };
}

/** The shape parseAmount accepts: sign, digits, optional decimal point, at least one digit. */
const DECIMAL_TEXT = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/;

/**
 * Reads the fields of one row; where the values come from is the subclass's: a record's values
 * (RecordReader), or the cells of a line of text (import/canonical-line.ts, which reads the common
 * plain forms straight from the text and hands everything else to these methods).
 */
export abstract class FieldReader {
  /** False once any field of this record was an error. */
  ok = true;

  constructor(
    private readonly issues: ImportIssue[],
    protected readonly context: ReadContext,
  ) {}

  /** Where the row stands (file and line): for messages and the entry's source. */
  abstract source(): SourceRef;

  /** The value of a field as the record holds it (absent or empty when not given). */
  protected abstract value(field: string): string | undefined;

  error(field: string | null, code: CoreIssueCode, params: Record<string, string | number> = {}): void {
    this.ok = false;
    this.issues.push(issueAt('error', this.source(), field, code, params));
  }

  /** The value exactly as given, or undefined when absent or empty. */
  raw(field: string): string | undefined {
    const v = this.value(field);
    return v === undefined || v === '' ? undefined : v;
  }

  /** The trimmed value, or undefined when absent or blank. */
  text(field: string): string | undefined {
    const v = this.value(field)?.trim();
    return v === undefined || v === '' ? undefined : v;
  }

  /** Which of `choices` the trimmed value is exactly (its index), or −1: absent, blank or none of them (no error). */
  choice(field: string, choices: readonly string[]): number {
    const v = this.text(field);
    return v === undefined ? -1 : choices.indexOf(v);
  }

  /** The trimmed value; an error when it is missing. */
  required(field: string): string | undefined {
    const v = this.text(field);
    if (v === undefined) this.error(field, 'missing-value', { field });
    return v;
  }

  /** True when the field has a value (as `required`: an error when it is missing), its text not made where the reader can tell without. */
  requiredPresent(field: string): boolean {
    return this.required(field) !== undefined;
  }

  /** A `YYYY-MM-DD` date; undefined when blank (an error first when `required`). */
  date(field: string, required: boolean): Day | undefined {
    const v = required ? this.required(field) : this.text(field);
    if (v === undefined) return undefined;
    let day = this.context.dates.get(v);
    if (day === undefined) {
      day = parseIsoDate(v);
      this.context.dates.set(v, day);
    }
    if (day === null) {
      this.error(field, 'bad-date', { value: v, form: 'YYYY-MM-DD' });
      return undefined;
    }
    return day;
  }

  /** An amount in minor units of `exponent` decimals, rounded half away from zero. */
  amount(field: string, exponent: number, required: boolean): Minor | undefined {
    const v = required ? this.required(field) : this.text(field);
    if (v === undefined) return undefined;
    const parsed = parseAmount(v, exponent);
    if (parsed === null) {
      // parseAmount refuses a well-formed number only when its minor units exceed 15 digits.
      if (DECIMAL_TEXT.test(v)) {
        this.error(field, 'amount-too-large', { value: v });
      } else {
        this.error(field, 'bad-amount', { value: v, form: '-1234.56' });
      }
      return undefined;
    }
    if (parsed.rounded) this.countRounded(field, v, exponent);
    return parsed.minor;
  }

  /** A whole number ≥ 0, or undefined when blank. */
  count(field: string): number | undefined {
    const v = this.text(field);
    if (v === undefined) return undefined;
    if (!/^\d{1,6}$/.test(v)) {
      this.error(field, 'bad-number', { value: v });
      return undefined;
    }
    return Number(v);
  }

  private countRounded(field: string, text: string, exponent: number): void {
    this.context.rounded += 1;
    this.context.firstRounded ??= { source: this.source(), field, params: { value: text, decimals: exponent } };
  }
}

/**
 * A reader on the lines of one text (the canonical CSV read in place) that says where a cell
 * stands in that text, so a columnar read keeps positions instead of a string per cell, and that
 * can be placed on a line again to read that row once more.
 */
export interface TextRowReader extends FieldReader {
  /** The whole text the lines and cells are positions of. */
  readonly content: CharText;
  /** The current line: content[lineStart, lineEnd), line number `line`. */
  readonly lineStart: number;
  readonly lineEnd: number;
  readonly line: number;
  /** Set by `cell`: the trimmed cell is content[cellStart, cellEnd). */
  readonly cellStart: number;
  readonly cellEnd: number;
  /** Where `text(field)` stands (cellStart, cellEnd); false when it is undefined (absent or blank). */
  cell(field: string): boolean;
  /** Places the reader on the line content[start, end), line number `line`. */
  read(start: number, end: number, line: number): void;
}

/** Reads the fields of a canonical record (its values keyed by field name). */
export class RecordReader extends FieldReader {
  constructor(
    private readonly record: CanonicalRecord,
    issues: ImportIssue[],
    context: ReadContext,
  ) {
    super(issues, context);
  }

  source(): SourceRef {
    return this.record.source;
  }

  protected value(field: string): string | undefined {
    return this.record.values[field];
  }
}
