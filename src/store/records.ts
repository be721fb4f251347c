// The rows of the Subledger database (db.ts): plain, structured-clone-able objects. Everything a
// controller adds is keyed by [adminId, itemKey] so it survives re-imports and re-sorting.
// Each row's shape is written once, here, as a valibot schema (fields from record-fields.ts);
// its TypeScript type is inferred from it. The schemas check every write (record-guard.ts), the
// reads of what an older or damaged database may hold, and a backup before it is merged.
import * as v from 'valibot';
import { AGING_BASES } from '../core/report-types';
import type { ImportIssue, ImportReport, ImportSource, Party } from '../core/types';
import { SIDES, type ENTRY_TYPES } from '../core/types';
import { LANGS } from '../core/words';
import {
  boolean,
  count,
  blob,
  currency,
  day,
  float64Column,
  int32Column,
  refColumn,
  list,
  minor,
  number,
  numberTable,
  numbers,
  oneOf,
  record,
  text,
  textTable,
  texts,
  time,
  uint8Column,
} from './record-fields';

/** Milliseconds since 1970-01-01T00:00Z: when something was written. */
export type Timestamp = number;

/** Who wrote a value: the task pane, the worksheet, an annotations backup, a schema upgrade. */
export const EDIT_SOURCES = ['pane', 'sheet', 'import', 'upgrade'] as const;
export type EditSource = (typeof EDIT_SOURCES)[number];
const source = oneOf(EDIT_SOURCES);

/** The same type, field for field (optional fields included): a schema of a type owned elsewhere (core/types.ts) cannot drift from it. */
export type Same<A, B> =
  (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
function matches<T>() {
  return <S extends v.GenericSchema>(
    schema: S,
    ..._same: Same<v.InferOutput<S>, T> extends true ? [] : ['schema and type differ']
  ): S => schema;
}
const optional = v.exactOptional;

export const ADMINISTRATION = record({
  id: text,
  name: text,
  baseCurrency: currency,
  createdAt: time,
  lastOpenedAt: time,
});
export type AdministrationRow = v.InferOutput<typeof ADMINISTRATION>;

const SOURCE_REF = { file: text, line: optional(count), path: optional(text) };

const IMPORT_ISSUE = matches<ImportIssue>()(
  record({
    ...SOURCE_REF,
    severity: oneOf(['error', 'warning']),
    field: optional(text),
    code: text,
    message: text,
    params: optional(
      v.record(v.string('texts'), v.union([v.string(), v.number()], 'texts'), 'texts'),
    ),
  }),
);

const IMPORT_SOURCE = matches<ImportSource>()(
  record({
    kind: text,
    variant: optional(text),
    unit: optional(oneOf(['lines', 'documents'])),
    lines: count,
    taken: optional(count),
    accounts: optional(texts),
    documents: optional(count),
    leftOut: optional(numberTable),
    matched: optional(count),
  }),
);

const IMPORT_REPORT = matches<ImportReport>()(
  record({
    file: text,
    format: text,
    rowsRead: count,
    entriesByType: record({
      invoice: count,
      credit_note: count,
      payment: count,
      journal: count,
    } satisfies Record<(typeof ENTRY_TYPES)[number], unknown>),
    parties: count,
    currencies: texts,
    dateRange: v.nullable(record({ from: day, to: day })),
    roundedAmounts: count,
    source: optional(IMPORT_SOURCE),
    columns: optional(textTable),
  }),
);

export const IMPORT = record({
  /** Given by the database on the first write. */
  id: count,
  adminId: text,
  /** File name (or "demo", "workbook table"). */
  source: text,
  format: text,
  /** Header signature of the layout (mappings.ts `headerSignature`), '' when not tabular. */
  layoutSignature: text,
  importedAt: time,
  counts: record({ entries: count, parties: count, errors: count, warnings: count }),
  report: v.nullable(IMPORT_REPORT),
  issues: list(IMPORT_ISSUE),
});
export type ImportRow = v.InferOutput<typeof IMPORT>;

const PARTY = matches<Party>()(
  record({
    ledger: oneOf(SIDES as readonly ['AR', 'AP']),
    partyId: text,
    name: optional(text),
    /** Base currency minor units. */
    creditLimit: optional(minor),
    paymentTermsDays: optional(number),
    iban: optional(text),
    bic: optional(text),
    email: optional(text),
    phone: optional(text),
    country: optional(text),
    vatNo: optional(text),
    address: optional(text),
    postcode: optional(text),
    city: optional(text),
    language: optional(text),
  }),
);

/**
 * The file a ledger was imported from and how it was read (`read`: the reading options as JSON,
 * opaque here): the ledger is kept with it first, and read again from it while its chunks are not
 * all written yet (ledger-cache.ts).
 */
export const LEDGER_SOURCE = record({
  file: blob,
  name: text,
  read: text,
});
export type LedgerSourceRow = v.InferOutput<typeof LEDGER_SOURCE>;

/** The current cached ledger of an administration: which generation of chunks is live. */
export const LEDGER_HEAD = record({
  adminId: text,
  generation: text,
  baseCurrency: currency,
  entryCount: count,
  chunkCount: count,
  parties: list(PARTY),
  savedAt: time,
  importId: optional(count),
  /** Present while the generation's chunks are being written: the ledger is read again from it meanwhile. */
  source: optional(LEDGER_SOURCE),
});
export type LedgerHeadRow = v.InferOutput<typeof LEDGER_HEAD>;

export const TEXT_COLUMNS = [
  'partyId',
  'partyName',
  'docNo',
  'currency',
  'settles',
  'description',
  'paymentRef',
  'file',
  'path',
] as const;
export const DATE_COLUMNS = ['entryDate', 'docDate', 'dueDate'] as const;
export const AMOUNT_COLUMNS = ['amount', 'amountBase'] as const;
export type TextColumn = (typeof TEXT_COLUMNS)[number];
export type DateColumn = (typeof DATE_COLUMNS)[number];
export type AmountColumn = (typeof AMOUNT_COLUMNS)[number];

function columns<K extends string, S extends v.GenericSchema>(names: readonly K[], column: S) {
  return record(Object.fromEntries(names.map((n) => [n, column])) as Record<K, S>);
}

/** The first column of a chunk that does not hold one value per entry (its path and length), or null. */
function columnOutOfStep(chunk: LedgerChunkRow): { path: string[]; length: number } | null {
  for (const group of ['text', 'dates', 'amounts'] as const) {
    for (const [name, values] of Object.entries<ArrayLike<number>>(chunk[group]))
      if (values.length !== chunk.count) return { path: [group, name], length: values.length };
  }
  for (const name of ['ledger', 'entryType', 'line'] as const)
    if (chunk[name].length !== chunk.count) return { path: [name], length: chunk[name].length };
  return null;
}

const LEDGER_CHUNK_FIELDS = record({
  adminId: text,
  generation: text,
  seq: count,
  count: count,
  /** The texts of the chunk; text columns hold indexes into it. A text may stand in it more than once. */
  strings: texts,
  /**
   * Per text field, each entry's index into `strings`, or one outside it when the entry has no
   * such text (-1; 0xFFFF in the 16-bit columns of a chunk whose table is smaller than that, as
   * chunks are written since 2026-11-30 evening; 32-bit columns are read as before).
   */
  text: columns(TEXT_COLUMNS, refColumn),
  dates: columns(DATE_COLUMNS, int32Column),
  amounts: columns(AMOUNT_COLUMNS, float64Column),
  /** 0 AR / 1 AP. */
  ledger: uint8Column,
  /** Index into ENTRY_TYPES. */
  entryType: uint8Column,
  /** Source line, -1 when none. */
  line: int32Column,
});
/** Up to a few thousand entries stored column by column (entry-chunks.ts). */
export type LedgerChunkRow = v.InferOutput<typeof LEDGER_CHUNK_FIELDS>;
export const LEDGER_CHUNK = v.pipe(
  LEDGER_CHUNK_FIELDS,
  v.rawCheck<LedgerChunkRow>(({ dataset, addIssue }) => {
    if (!dataset.typed) return;
    const wrong = columnOutOfStep(dataset.value);
    if (wrong !== null)
      addIssue({ message: 'column', input: wrong.length, path: pathOf(dataset.value, wrong.path) });
  }),
);

/** The issue path of a field of a record, `['text', 'partyId']` → text.partyId. */
export function pathOf(
  root: object,
  keys: readonly string[],
): [v.ObjectPathItem, ...v.ObjectPathItem[]] {
  let input = root as Record<string, unknown>;
  const items = keys.map((key) => {
    const item: v.ObjectPathItem = {
      type: 'object',
      origin: 'value',
      input,
      key,
      value: input[key],
    };
    input = input[key] as Record<string, unknown>;
    return item;
  });
  return items as [v.ObjectPathItem, ...v.ObjectPathItem[]];
}

/** Where an annotation belongs: the item's key, and its party when known (for the party view). */
const KEYED = {
  adminId: text,
  itemKey: text,
  /** `partyKey(ledger, partyId)` of core/types.ts. */
  partyKey: optional(text),
};
export type KeyedRow = v.InferOutput<ReturnType<typeof record<typeof KEYED>>>;

export const PAYMENT_PREPARED = record({ batchId: text, date: day, at: time }, 'prepared');
export type PaymentPrepared = v.InferOutput<typeof PAYMENT_PREPARED>;

/** Version 1 kept the note on the flag row; version 2 moved it into `notes` with history. */
export const FLAG = record({
  ...KEYED,
  handled: boolean,
  handledAt: time,
  paymentPrepared: optional(PAYMENT_PREPARED),
  updatedAt: time,
});
export type FlagRow = v.InferOutput<typeof FLAG>;

/** A superseded value, kept forever: an earlier note text, or the losing side of a conflict. */
export const NOTE_VERSION = record({
  field: oneOf(['note', 'handled', 'followUp']),
  /** The value as text: the note, `yes`/`no`, or a `YYYY-MM-DD` follow-up date ('' = none). */
  text,
  /** When that value was written. */
  at: time,
  by: source,
  /** When it stopped being the current value (or lost the conflict). */
  replacedAt: time,
  reason: oneOf(['edited', 'conflict']),
});
export type NoteVersion = v.InferOutput<typeof NOTE_VERSION>;

export const NOTE = record({
  ...KEYED,
  /** '' when the note was cleared; the row and its history stay. */
  text,
  createdAt: time,
  editedAt: time,
  by: source,
  history: list(NOTE_VERSION, 'history'),
});
export type NoteRow = v.InferOutput<typeof NOTE>;

export const FOLLOW_UP = record({
  ...KEYED,
  id: text,
  dueDate: day,
  text,
  /** 0 open / 1 done (booleans are not IndexedDB keys). */
  done: oneOf([0, 1]),
  doneAt: optional(time),
  createdAt: time,
  updatedAt: time,
  by: source,
});
export type FollowUpRow = v.InferOutput<typeof FOLLOW_UP>;

export const AGREEMENT_STATUSES = ['open', 'kept', 'broken', 'cancelled'] as const;
export type AgreementStatus = (typeof AGREEMENT_STATUSES)[number];

/** A promise to pay: the party will pay `amount` by `promisedDate`. */
export const AGREEMENT = record({
  ...KEYED,
  id: text,
  promisedDate: day,
  amount: minor,
  currency,
  note: text,
  status: oneOf(AGREEMENT_STATUSES),
  createdAt: time,
  updatedAt: time,
  by: source,
});
export type AgreementRow = v.InferOutput<typeof AGREEMENT>;

/** A column mapping the user confirmed for a layout, found again by its header signature. */
export const MAPPING = record({
  signature: text,
  headers: texts,
  /** Canonical field name → source column header. */
  mapping: textTable,
  /** Reading options such as locale, date order, decimal separator. */
  options: textTable,
  savedAt: time,
  usedAt: time,
});
export type MappingRow = v.InferOutput<typeof MAPPING>;

/** A closing rate as stored: units of `currency` per 1 unit of the rates' quote currency, as decimal text (`"1.0834"`, never a float), and the date it was published (null: valid for any date). */
const STORED_RATE = record({ currency: text, rate: text, date: v.nullable(day) });
export type StoredRate = v.InferOutput<typeof STORED_RATE>;

/** The closing rates of an administration: typed, or read from a rates file (the ECB's are per 1 EUR). */
const STORED_RATES = record({
  /** The currency the rates are per 1 unit of (`EUR` for an ECB file); null: the base currency. */
  quoteBase: v.nullable(text),
  /** Where they came from: a file name, or null when typed. */
  source: v.nullable(text),
  rates: list(STORED_RATE),
});
export type StoredRates = v.InferOutput<typeof STORED_RATES>;

/** The shape of a settings row; its business rules are settings.ts `settingsProblems` (the guard calls it). */
export const SETTINGS_FIELDS = record({
  adminId: text,
  /** The pane's language. */
  language: oneOf(LANGS as readonly ['en', 'nl', 'fr']),
  /**
   * The pane's language and region for dates and numbers (`nl-BE`), always of `language`; empty:
   * the computer's region when it goes with the language, else the language's home (nl-NL).
   */
  locale: text,
  /** The language of the sheets written to the workbook. */
  sheetLanguage: oneOf(LANGS as readonly ['en', 'nl', 'fr']),
  agingBasis: oneOf(AGING_BASES),
  agingBuckets: numbers,
  dueSoonDays: numbers,
  companyName: text,
  iban: text,
  bic: text,
  baseCurrency: text,
  closingRates: STORED_RATES,
  updatedAt: time,
});
export type SettingsRow = v.InferOutput<typeof SETTINGS_FIELDS>;

export const PAYMENT_ITEM = record({
  itemKey: text,
  partyKey: optional(text),
  partyId: text,
  name: text,
  amount: minor,
  reference: text,
});
export type PaymentItemRow = v.InferOutput<typeof PAYMENT_ITEM>;

export const PAYMENT_BATCH = record({
  batchId: text,
  adminId: text,
  /** Requested execution date. */
  date: day,
  createdAt: time,
  fileName: text,
  currency,
  total: minor,
  items: list(PAYMENT_ITEM),
});
export type PaymentBatchRow = v.InferOutput<typeof PAYMENT_BATCH>;

export const SYNC_KINDS = ['sheet', 'ledger', 'annotations-import', 'annotations-export'] as const;
export type SyncKind = (typeof SYNC_KINDS)[number];

export const SYNC_LOG = record({
  /** Given by the database on the first write. */
  id: count,
  adminId: text,
  at: time,
  kind: oneOf(SYNC_KINDS),
  counts: numberTable,
  detail: text,
});
export type SyncLogRow = v.InferOutput<typeof SYNC_LOG>;

/** What the open-items sheet shows for an item in its Handled / Note / Follow-up columns. */
export const SHEET_ANNOTATION = record({ handled: boolean, note: text, followUp: v.nullable(day) });
export type SheetAnnotation = v.InferOutput<typeof SHEET_ANNOTATION>;

/** What was last written to the sheet, the common base of a three-way merge of sheet and pane. */
export const SHEET_STATE = record({
  adminId: text,
  at: time,
  base: list(v.tuple([text, SHEET_ANNOTATION], 'list')),
  /** Set by the version-3 upgrade while the sheet still shows keys of before it: old → new key. */
  legacyKeys: optional(list(v.tuple([text, text], 'list'))),
});
export type SheetStateRow = v.InferOutput<typeof SHEET_STATE>;

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
