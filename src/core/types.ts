// The ledger as the whole product sees it (../shared/spec/ledger.md §1): entries and parties of
// one administration, money in minor units, dates as days. Every importer produces this.
import type { Day } from './date';
import type { Minor } from './money';
import type { FieldReader, ReadContext, TextRowReader } from './record-reader';

export type Side = 'AR' | 'AP';
export const SIDES: readonly Side[] = ['AR', 'AP'];

export type EntryType = 'invoice' | 'credit_note' | 'payment' | 'journal';
export const ENTRY_TYPES: readonly EntryType[] = ['invoice', 'credit_note', 'payment', 'journal'];

/** Where a value came from, for messages: a file and a line, or an XML element path. */
export interface SourceRef {
  file: string;
  line?: number;
  path?: string;
}

/** Optional fields may be present as undefined: a reader can make every entry in one shape. */
export interface Entry {
  ledger: Side;
  partyId: string;
  /** Display name given on the entry (the parties file wins). */
  partyName?: string | undefined;
  entryType: EntryType;
  docNo: string;
  entryDate: Day;
  /** Defaults to entryDate. */
  docDate: Day;
  /** Defaults to docDate. */
  dueDate: Day;
  /** In the entry's currency, signed from the party balance's point of view. */
  amount: Minor;
  currency: string;
  /** In the base currency; equal to `amount` when currency is the base currency. */
  amountBase: Minor;
  /** doc_no of the item this entry is allocated to; absent = on account. */
  settles?: string | undefined;
  description?: string | undefined;
  /** A structured payment reference (OGM `+++123/4567/89012+++` or `RF…`), when known. */
  paymentRef?: string | undefined;
  source?: SourceRef | undefined;
}

export interface Party {
  ledger: Side;
  partyId: string;
  name?: string;
  /** Base currency minor units. */
  creditLimit?: Minor;
  paymentTermsDays?: number;
  iban?: string;
  bic?: string;
  email?: string;
  phone?: string;
  country?: string;
  vatNo?: string;
  /** Street and number (lines separated by a newline or `;`), for letters such as confirmations. */
  address?: string;
  postcode?: string;
  city?: string;
  /** The language to write to the party in (`en`, `nl`, `fr`, or its name), when known. */
  language?: string;
}

/** The base currency of an administration that names none (ledger.md §1). */
export const DEFAULT_BASE_CURRENCY = 'EUR';

export interface Ledger {
  baseCurrency: string;
  entries: Entry[];
  /** Keyed by `partyKey(ledger, partyId)`. */
  parties: Map<string, Party>;
}

export function partyKey(ledger: Side, partyId: string): string {
  return `${ledger}\u0000${partyId}`;
}

export type IssueSeverity = 'error' | 'warning';

/** A problem found in input, with where it is and what is wrong, in plain words. */
export interface ImportIssue extends SourceRef {
  severity: IssueSeverity;
  /** The field (column or element) concerned, when one is. */
  field?: string;
  /** A stable code for translation and tests, e.g. `bad-date`, `unknown-settles`. */
  code: string;
  message: string;
  /** The values named in the message (for translation), e.g. `{ value: '31-02-2024' }`. */
  params?: Record<string, string | number>;
}

export interface ImportReport {
  file: string;
  format: string;
  rowsRead: number;
  entriesByType: Record<EntryType, number>;
  parties: number;
  currencies: string[];
  /** First and last entry_date, or null for an empty ledger. */
  dateRange: { from: Day; to: Day } | null;
  roundedAmounts: number;
  /** What the importer took the input for, and how much of it it took (absent in reports saved before). */
  source?: ImportSource;
  /** For a table read through a column mapping: canonical field → the column header it was read from. */
  columns?: Record<string, string>;
}

/**
 * What kind of file the input was taken for and how much of it became the ledger, so a user sees
 * at once whether the file was understood: "FEC general ledger, 5,422 lines: 1,350 on 401, 411,
 * 4,072 on other accounts left out; 310 matched" (import/messages.ts `describeSource` words it).
 */
export interface ImportSource {
  /** The kind of file, a code with a name in every language: `subledger-csv`, `csv`, `fec`, `datev`, … */
  kind: string;
  /** The variant of that kind as the file states it, shown as written: `PT 1.04_01`, `3.2 Banana Accounting`. */
  variant?: string;
  /** What `lines` counts: lines (default) or documents (a billing file's invoices and receipts). */
  unit?: 'lines' | 'documents';
  /** Lines (rows, transaction lines) read from the file. */
  lines: number;
  /** Lines taken into the subledgers, where the file holds more than them. */
  taken?: number;
  /** The accounts (numbers or names) the taken lines were on. */
  accounts?: string[];
  /** The documents the lines became, where a document spans several lines (an invoice list). */
  documents?: number;
  /** Lines left out, by reason code (`other-accounts`, `draft`, `cancelled`, …). */
  leftOut?: Record<string, number>;
  /** Allocations the file wrote (matched groups, payments tied to their document). */
  matched?: number;
}

/** What every importer returns: a ledger only when nothing was an error. */
export interface ImportResult {
  ledger: Ledger | null;
  issues: ImportIssue[];
  report: ImportReport | null;
}

/**
 * One entry (or party) as text, keyed by the canonical field names of ledger.md §1.3
 * (`ledger`, `party_id`, `amount`, …), values in canonical form: dates `YYYY-MM-DD`, amounts with
 * `.` and no thousands separator. Every importer normalizes its dialect into these and lets
 * `core/ledger.ts` validate them, so the rules of the contract live in one place.
 */
export interface CanonicalRecord {
  values: Partial<Record<string, string>>;
  source: SourceRef;
}

/**
 * Records handed over one at a time (`count` of them, visited in order by `each`): a big table
 * need not hold a million records at once, each is garbage once its entry is read.
 */
export interface RecordSource {
  count: number;
  each(visit: (record: CanonicalRecord) => void): void;
  /**
   * The same rows as readers of their fields, where the source can read them without making a
   * record of each (the canonical CSV read from its text): what `each` visits, in the same order.
   */
  eachReader?(issues: ImportIssue[], context: ReadContext, visit: (reader: FieldReader) => void): void;
  /**
   * The same rows read in place in one text (the canonical CSV), for a columnar read: `each`
   * places the reader on every row `eachReader` visits, in the same order.
   */
  textRows?(issues: ImportIssue[], context: ReadContext): TextRows;
}

/** A reader and the walk that places it on every row (see RecordSource.textRows). */
export interface TextRows {
  reader: TextRowReader;
  each: (visit: () => void) => void;
  /**
   * The rows in blocks of `blockLines` lines, for a read on two threads (core/ledger.ts
   * readRowsInParts): `part` says where the blocks stand, for a reader elsewhere too
   * (import/canonical-stream.ts readTextPart); `block(b)` places the reader on the rows of block
   * b, as `each` would. Null when the text has fewer than `minRows` rows or cannot be shared.
   */
  split?: (minRows: number, blockLines: number) => { part: TextPart; block: (b: number) => (visit: () => void) => void } | null;
}

/**
 * The lines of a canonical CSV's text from `start` (past the header, of `width` cells) to its
 * end, for a first pass over them on another thread (import/canonical-stream.ts findTextLines):
 * the text's ASCII bytes on a SharedArrayBuffer (see TextPart).
 */
export interface TextLines {
  bytes: Uint8Array;
  start: number;
  delimiter: string;
  width: number;
}

/**
 * What that first pass found: where each line ends, the rows (lines not empty), those not
 * blank, and whether every line fits (no longer than the limit, no wider than the header, no quote).
 */
export interface LinesFound {
  ends: Int32Array;
  rows: number;
  count: number;
  fits: boolean;
}

/**
 * The rows of a canonical CSV's text in blocks of lines, for readers on two threads, each taking
 * the next block not taken, as plain data: the text's ASCII bytes (on a SharedArrayBuffer: seen
 * there, not copied), its lower-cased header and delimiter, and where the lines after the header
 * stand (the first starts at `start`, numbered `firstLine`; `ends[k]` is where line
 * `firstLine + k` ends).
 */
export interface TextPart {
  file: string;
  bytes: Uint8Array;
  names: string[];
  delimiter: string;
  start: number;
  firstLine: number;
  /** On a SharedArrayBuffer. */
  ends: Int32Array;
  /** Lines per block: block b holds lines `b * blockLines` up to the next block's (the last, those left). */
  blockLines: number;
  /** Per block, the rows (lines not blank) before it: where its rows go in the columns. */
  rooms: Int32Array;
  /** Per block, 1 once a reader has taken it (Atomics.compareExchange: on a SharedArrayBuffer). */
  taken: Int32Array;
}
