// The rows of the Subledger database (db.ts): plain, structured-clone-able objects. Everything a
// controller adds is keyed by [adminId, itemKey] so it survives re-imports and re-sorting.
import type { Day } from '../core/date';
import type { Minor } from '../core/money';
import type { Lang } from '../core/words';
import type { AgingBasis } from '../core/report-types';
import type { ImportIssue, ImportReport, Party } from '../core/types';

/** Milliseconds since 1970-01-01T00:00Z: when something was written. */
export type Timestamp = number;

/** Who wrote a value: the task pane, the worksheet, an annotations backup, a schema upgrade. */
export type EditSource = 'pane' | 'sheet' | 'import' | 'upgrade';

export interface AdministrationRow {
  id: string;
  name: string;
  baseCurrency: string;
  createdAt: Timestamp;
  lastOpenedAt: Timestamp;
}

export interface ImportRow {
  id: number;
  adminId: string;
  /** File name (or "demo", "workbook table"). */
  source: string;
  format: string;
  /** Header signature of the layout (mappings.ts `headerSignature`), '' when not tabular. */
  layoutSignature: string;
  importedAt: Timestamp;
  counts: { entries: number; parties: number; errors: number; warnings: number };
  report: ImportReport | null;
  issues: ImportIssue[];
}

/** The current cached ledger of an administration: which generation of chunks is live. */
export interface LedgerHeadRow {
  adminId: string;
  generation: string;
  baseCurrency: string;
  entryCount: number;
  chunkCount: number;
  parties: Party[];
  savedAt: Timestamp;
  importId?: number;
}

/** Up to a few thousand entries stored column by column (entry-chunks.ts). */
export interface LedgerChunkRow {
  adminId: string;
  generation: string;
  seq: number;
  count: number;
  /** Every distinct text of the chunk; text columns hold indexes into it (-1 = absent). */
  strings: string[];
  text: Record<TextColumn, Int32Array>;
  dates: Record<DateColumn, Int32Array>;
  amounts: Record<AmountColumn, Float64Array>;
  /** 0 AR / 1 AP. */
  ledger: Uint8Array;
  /** Index into ENTRY_TYPES. */
  entryType: Uint8Array;
  /** Source line, -1 when none. */
  line: Int32Array;
}

export type TextColumn =
  | 'partyId'
  | 'partyName'
  | 'docNo'
  | 'currency'
  | 'settles'
  | 'description'
  | 'paymentRef'
  | 'file'
  | 'path';
export type DateColumn = 'entryDate' | 'docDate' | 'dueDate';
export type AmountColumn = 'amount' | 'amountBase';

/** Where an annotation belongs: the item's key, and its party when known (for the party view). */
export interface KeyedRow {
  adminId: string;
  itemKey: string;
  /** `partyKey(ledger, partyId)` of core/types.ts. */
  partyKey?: string;
}

/** Version 1 kept the note on the flag row; version 2 moved it into `notes` with history. */
export interface FlagRow extends KeyedRow {
  handled: boolean;
  handledAt: Timestamp;
  paymentPrepared?: PaymentPrepared;
  updatedAt: Timestamp;
}

export interface PaymentPrepared {
  batchId: string;
  date: Day;
  at: Timestamp;
}

/** A superseded value, kept forever: an earlier note text, or the losing side of a conflict. */
export interface NoteVersion {
  field: 'note' | 'handled' | 'followUp';
  /** The value as text: the note, `yes`/`no`, or a `YYYY-MM-DD` follow-up date ('' = none). */
  text: string;
  /** When that value was written. */
  at: Timestamp;
  by: EditSource;
  /** When it stopped being the current value (or lost the conflict). */
  replacedAt: Timestamp;
  reason: 'edited' | 'conflict';
}

export interface NoteRow extends KeyedRow {
  /** '' when the note was cleared; the row and its history stay. */
  text: string;
  createdAt: Timestamp;
  editedAt: Timestamp;
  by: EditSource;
  history: NoteVersion[];
}

export interface FollowUpRow extends KeyedRow {
  id: string;
  dueDate: Day;
  text: string;
  /** 0 open / 1 done (booleans are not IndexedDB keys). */
  done: 0 | 1;
  doneAt?: Timestamp;
  createdAt: Timestamp;
  updatedAt: Timestamp;
  by: EditSource;
}

export type AgreementStatus = 'open' | 'kept' | 'broken' | 'cancelled';

/** A promise to pay: the party will pay `amount` by `promisedDate`. */
export interface AgreementRow extends KeyedRow {
  id: string;
  promisedDate: Day;
  amount: Minor;
  currency: string;
  note: string;
  status: AgreementStatus;
  createdAt: Timestamp;
  updatedAt: Timestamp;
  by: EditSource;
}

/** A column mapping the user confirmed for a layout, found again by its header signature. */
export interface MappingRow {
  signature: string;
  headers: string[];
  /** Canonical field name → source column header. */
  mapping: Record<string, string>;
  /** Reading options such as locale, date order, decimal separator. */
  options: Record<string, string>;
  savedAt: Timestamp;
  usedAt: Timestamp;
}

/** A closing rate as stored: units of `currency` per 1 unit of the rates' quote currency, as decimal text (`"1.0834"`, never a float), and the date it was published (null: valid for any date). */
export interface StoredRate {
  currency: string;
  rate: string;
  date: Day | null;
}

/** The closing rates of an administration: typed, or read from a rates file (the ECB's are per 1 EUR). */
export interface StoredRates {
  /** The currency the rates are per 1 unit of (`EUR` for an ECB file); null: the base currency. */
  quoteBase: string | null;
  /** Where they came from: a file name, or null when typed. */
  source: string | null;
  rates: StoredRate[];
}

export interface SettingsRow {
  adminId: string;
  /** The pane's language. */
  language: Lang;
  /**
   * The pane's language and region for dates and numbers (`nl-BE`), always of `language`; empty:
   * the computer's region when it goes with the language, else the language's home (nl-NL).
   */
  locale: string;
  /** The language of the sheets written to the workbook. */
  sheetLanguage: Lang;
  agingBasis: AgingBasis;
  agingBuckets: number[];
  dueSoonDays: number[];
  companyName: string;
  iban: string;
  bic: string;
  baseCurrency: string;
  closingRates: StoredRates;
  updatedAt: Timestamp;
}

export interface PaymentItemRow {
  itemKey: string;
  partyKey?: string;
  partyId: string;
  name: string;
  amount: Minor;
  reference: string;
}

export interface PaymentBatchRow {
  batchId: string;
  adminId: string;
  /** Requested execution date. */
  date: Day;
  createdAt: Timestamp;
  fileName: string;
  currency: string;
  total: Minor;
  items: PaymentItemRow[];
}

export type SyncKind = 'sheet' | 'ledger' | 'annotations-import' | 'annotations-export';

export interface SyncLogRow {
  id: number;
  adminId: string;
  at: Timestamp;
  kind: SyncKind;
  counts: Record<string, number>;
  detail: string;
}

/** What the open-items sheet shows for an item in its Handled / Note / Follow-up columns. */
export interface SheetAnnotation {
  handled: boolean;
  note: string;
  followUp: Day | null;
}

/** What was last written to the sheet, the common base of a three-way merge of sheet and pane. */
export interface SheetStateRow {
  adminId: string;
  at: Timestamp;
  base: [string, SheetAnnotation][];
  /** Set by the version-3 upgrade while the sheet still shows keys of before it: old → new key. */
  legacyKeys?: [string, string][];
}

/** An item as the store knows it: its stable key, and its party when the caller knows it. */
export interface ItemRef {
  itemKey: string;
  partyKey?: string;
}

/** When and by whom a write happens; now and the task pane unless said otherwise. */
export interface WriteOptions {
  at?: Timestamp;
  by?: EditSource;
}

/** The key fields of a new row for an item. */
export function keyedRow(adminId: string, ref: ItemRef): KeyedRow {
  const row: KeyedRow = { adminId, itemKey: ref.itemKey };
  if (ref.partyKey !== undefined) row.partyKey = ref.partyKey;
  return row;
}
