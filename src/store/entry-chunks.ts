// Compact storage of ledger entries: a chunk of entries column by column, texts in one string
// table per chunk (those that repeat across a ledger, such as names and currencies, once; those
// mostly distinct, such as document numbers, appended without a look-up), dates and amounts in
// typed arrays. A million entries become a few
// hundred rows that structured-clone fast, instead of a million objects.
//   encodeChunk([{ partyId: 'C1', docNo: 'F1', amount: 12100, … }]) →
//     { strings: ['C1', 'F1', 'EUR', …], text: { partyId: Int32Array[0], … }, amounts: { amount: Float64Array[12100] }, … }
import { ENTRY_TYPES, type Entry, type EntryType } from '../core/types';
import { TEXT_COLUMNS, type AmountColumn, type DateColumn, type LedgerChunkRow, type TextColumn } from './records';

type ChunkBody = Omit<LedgerChunkRow, 'adminId' | 'generation' | 'seq'>;

/** Interns texts: each distinct string is stored once per chunk (or per batch of records, see taskpane/actions/record-columns.ts). */
export class StringTable {
  readonly strings: string[] = [];
  private readonly index = new Map<string, number>();

  ref(text: string | undefined): number {
    if (text === undefined) return -1;
    let i = this.index.get(text);
    if (i === undefined) {
      i = this.strings.length;
      this.strings.push(text);
      this.index.set(text, i);
    }
    return i;
  }
}

/**
 * One text column of a chunk being encoded: each text's reference in the chunk's table, the last
 * one remembered, so that a run of equal texts (one file, the base currency, a party's rows in
 * order) takes no look-up. `interned`: each distinct text once (`StringTable.ref`); otherwise,
 * for texts that are mostly distinct (party ids, document numbers, settles, payment references),
 * each new one appended to the table without a look-up (a map of a text per entry cost more than
 * the few repeats it saves).
 */
class TextColumnRefs {
  private last: string | undefined = undefined;
  private lastRef = -1;
  constructor(
    /** Where -1 (absent) becomes 0xFFFF in a 16-bit column. */
    readonly refs: Int32Array | Uint16Array,
    private readonly table: StringTable,
    private readonly interned: boolean,
  ) {}

  set(i: number, text: string | undefined): void {
    if (text !== this.last) {
      this.last = text;
      this.lastRef = this.interned || text === undefined ? this.table.ref(text) : this.table.strings.push(text) - 1;
    }
    this.refs[i] = this.lastRef;
  }
}

/**
 * The entries as one chunk. Each field read by its name (one shape of access per field, not a
 * property looked up by a column's name: a million entries are encoded after Import is clicked).
 */
export function encodeChunk(entries: readonly Entry[]): ChunkBody {
  const n = entries.length;
  const table = new StringTable();
  // 16-bit references where the table cannot reach 0xFFFF texts (at most one new text per field
  // of an entry): a fifth less to clone and store than 32-bit ones, at 5,000 entries a chunk
  const refs = () => (n * TEXT_COLUMNS.length < 0xffff ? new Uint16Array(n) : new Int32Array(n));
  const column = () => new TextColumnRefs(refs(), table, true);
  const distinct = () => new TextColumnRefs(refs(), table, false);
  const partyId = distinct(), partyName = column(), docNo = distinct(), currency = column(), settles = distinct();
  const description = column(), paymentRef = distinct(), file = column(), path = column();
  const entryDate = new Int32Array(n), docDate = new Int32Array(n), dueDate = new Int32Array(n);
  const amount = new Float64Array(n), amountBase = new Float64Array(n);
  const ledger = new Uint8Array(n);
  const entryType = new Uint8Array(n);
  const line = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const e = entries[i] as Entry;
    partyId.set(i, e.partyId);
    partyName.set(i, e.partyName);
    docNo.set(i, e.docNo);
    currency.set(i, e.currency);
    settles.set(i, e.settles);
    description.set(i, e.description);
    paymentRef.set(i, e.paymentRef);
    file.set(i, e.source?.file);
    path.set(i, e.source?.path);
    entryDate[i] = e.entryDate;
    docDate[i] = e.docDate;
    dueDate[i] = e.dueDate;
    amount[i] = e.amount;
    amountBase[i] = e.amountBase;
    ledger[i] = e.ledger === 'AR' ? 0 : 1;
    entryType[i] = ENTRY_TYPES.indexOf(e.entryType);
    line[i] = e.source?.line ?? -1;
  }
  const text: Record<TextColumn, Int32Array | Uint16Array> = {
    partyId: partyId.refs, partyName: partyName.refs, docNo: docNo.refs, currency: currency.refs, settles: settles.refs,
    description: description.refs, paymentRef: paymentRef.refs, file: file.refs, path: path.refs,
  };
  const dates: Record<DateColumn, Int32Array> = { entryDate, docDate, dueDate };
  const amounts: Record<AmountColumn, Float64Array> = { amount, amountBase };
  return { count: n, strings: table.strings, text, dates, amounts, ledger, entryType, line };
}

/** The text of reference `ref` in a chunk's table (undefined: absent, a reference outside the table). */
function textAt(strings: readonly string[], ref: number): string | undefined {
  return ref < 0 || ref >= strings.length ? undefined : strings[ref];
}

function sourceOf(file: string, line: number, path: string | undefined): NonNullable<Entry['source']> {
  const source: NonNullable<Entry['source']> = { file };
  if (line >= 0) source.line = line;
  if (path !== undefined) source.path = path;
  return source;
}

/**
 * Appends the chunk's entries `from` (inclusive) to `to` (exclusive) to `into`: a chunk decoded a
 * slice at a time. Each column read once per call, each entry made in one go, an absent optional
 * text left out of it (a million entries are decoded on the pane's thread).
 */
export function decodeRange(chunk: ChunkBody, from: number, to: number, into: Entry[]): void {
  const end = Math.min(to, chunk.count);
  const { strings, text, dates, amounts, ledger, entryType, line } = chunk;
  const { partyId, partyName, docNo, currency, settles, description, paymentRef, file, path } = text;
  const { entryDate, docDate, dueDate } = dates;
  const { amount, amountBase } = amounts;
  for (let i = from; i < end; i++) {
    const entry: Entry = {
      ledger: ledger[i] === 0 ? 'AR' : 'AP',
      partyId: textAt(strings, partyId[i] as number) ?? '',
      entryType: ENTRY_TYPES[entryType[i] as number] as EntryType,
      docNo: textAt(strings, docNo[i] as number) ?? '',
      entryDate: entryDate[i] as number,
      docDate: docDate[i] as number,
      dueDate: dueDate[i] as number,
      amount: amount[i] as number,
      currency: textAt(strings, currency[i] as number) ?? '',
      amountBase: amountBase[i] as number,
    };
    const name = textAt(strings, partyName[i] as number);
    if (name !== undefined) entry.partyName = name;
    const settled = textAt(strings, settles[i] as number);
    if (settled !== undefined) entry.settles = settled;
    const described = textAt(strings, description[i] as number);
    if (described !== undefined) entry.description = described;
    const reference = textAt(strings, paymentRef[i] as number);
    if (reference !== undefined) entry.paymentRef = reference;
    const fileName = textAt(strings, file[i] as number);
    if (fileName !== undefined) entry.source = sourceOf(fileName, line[i] as number, textAt(strings, path[i] as number));
    into.push(entry);
  }
}

export function decodeChunk(chunk: ChunkBody): Entry[] {
  const entries: Entry[] = [];
  decodeRange(chunk, 0, chunk.count, entries);
  return entries;
}

/** Entries per stored chunk unless a save says otherwise. */
export const CHUNK_SIZE = 5000;

/** A ledger's entries one at a time (core/ledger-index.ts `entryAt`): a columnar read's are made only as they are encoded. */
export interface EntrySource {
  count: number;
  at: (i: number) => Entry;
}

/**
 * A ledger's entries as the chunks a cache write stores, each encoded once: ahead of the write
 * (`encodeNext`, a chunk at a time: the pane's import worker does it while the user reads the
 * preview) or when the write takes it. A chunk taken is the taker's (its arrays may be
 * transferred) and no longer held here. The entries are taken from `source` a chunk at a time
 * and let go once encoded (a million entries are never all held for this).
 */
export class LedgerChunks {
  private readonly ready = new Map<number, ChunkBody>();
  /** The chunks before this one are encoded or taken. */
  private next = 0;

  constructor(
    readonly source: EntrySource,
    readonly size = CHUNK_SIZE,
  ) {}

  get entryCount(): number {
    return this.source.count;
  }

  get count(): number {
    return Math.ceil(this.source.count / this.size);
  }

  /** Encodes the next chunk not yet encoded nor taken; false when there is none. */
  encodeNext(): boolean {
    if (this.next >= this.count) return false;
    this.ready.set(this.next, this.encode(this.next));
    this.next += 1;
    return true;
  }

  /** Chunk `seq`: the one encoded ahead, else encoded now. */
  take(seq: number): ChunkBody {
    const chunk = this.ready.get(seq) ?? this.encode(seq);
    this.ready.delete(seq);
    this.next = Math.max(this.next, seq + 1);
    return chunk;
  }

  private encode(seq: number): ChunkBody {
    const from = seq * this.size;
    const entries = new Array<Entry>(Math.min(this.size, this.source.count - from));
    for (let k = 0; k < entries.length; k++) entries[k] = this.source.at(from + k);
    return encodeChunk(entries);
  }
}
