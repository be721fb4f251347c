// Compact storage of ledger entries: a chunk of entries column by column, texts interned into one
// string table per chunk, dates and amounts in typed arrays. A million entries become a few
// hundred rows that structured-clone fast, instead of a million objects.
//   encodeChunk([{ partyId: 'C1', docNo: 'F1', amount: 12100, … }]) →
//     { strings: ['C1', 'F1', 'EUR', …], text: { partyId: Int32Array[0], … }, amounts: { amount: Float64Array[12100] }, … }
import { ENTRY_TYPES, type Entry } from '../core/types';
import { AMOUNT_COLUMNS, DATE_COLUMNS, TEXT_COLUMNS, type LedgerChunkRow, type TextColumn } from './records';

type ChunkBody = Omit<LedgerChunkRow, 'adminId' | 'generation' | 'seq'>;

function textOf(entry: Entry, column: TextColumn): string | undefined {
  switch (column) {
    case 'file':
      return entry.source?.file;
    case 'path':
      return entry.source?.path;
    default:
      return entry[column];
  }
}

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

function columns<K extends string, A>(names: readonly K[], make: () => A): Record<K, A> {
  return Object.fromEntries(names.map((n) => [n, make()])) as Record<K, A>;
}

export function encodeChunk(entries: readonly Entry[]): ChunkBody {
  const n = entries.length;
  const table = new StringTable();
  const text = columns(TEXT_COLUMNS, () => new Int32Array(n));
  const dates = columns(DATE_COLUMNS, () => new Int32Array(n));
  const amounts = columns(AMOUNT_COLUMNS, () => new Float64Array(n));
  const ledger = new Uint8Array(n);
  const entryType = new Uint8Array(n);
  const line = new Int32Array(n);
  entries.forEach((e, i) => {
    for (const c of TEXT_COLUMNS) text[c][i] = table.ref(textOf(e, c));
    for (const c of DATE_COLUMNS) dates[c][i] = e[c];
    for (const c of AMOUNT_COLUMNS) amounts[c][i] = e[c];
    ledger[i] = e.ledger === 'AR' ? 0 : 1;
    entryType[i] = ENTRY_TYPES.indexOf(e.entryType);
    line[i] = e.source?.line ?? -1;
  });
  return { count: n, strings: table.strings, text, dates, amounts, ledger, entryType, line };
}

function at<T>(array: ArrayLike<T>, i: number): T {
  return array[i] as T;
}

function decodeOne(chunk: ChunkBody, i: number): Entry {
  const str = (c: TextColumn): string | undefined => {
    const ref = at(chunk.text[c], i);
    return ref < 0 ? undefined : at(chunk.strings, ref);
  };
  const entry: Entry = {
    ledger: at(chunk.ledger, i) === 0 ? 'AR' : 'AP',
    partyId: str('partyId') ?? '',
    entryType: at(ENTRY_TYPES, at(chunk.entryType, i)),
    docNo: str('docNo') ?? '',
    entryDate: at(chunk.dates.entryDate, i),
    docDate: at(chunk.dates.docDate, i),
    dueDate: at(chunk.dates.dueDate, i),
    amount: at(chunk.amounts.amount, i),
    currency: str('currency') ?? '',
    amountBase: at(chunk.amounts.amountBase, i),
  };
  for (const c of ['partyName', 'settles', 'description', 'paymentRef'] as const) {
    const value = str(c);
    if (value !== undefined) entry[c] = value;
  }
  const file = str('file');
  if (file !== undefined) entry.source = sourceOf(file, at(chunk.line, i), str('path'));
  return entry;
}

function sourceOf(file: string, line: number, path: string | undefined): NonNullable<Entry['source']> {
  const source: NonNullable<Entry['source']> = { file };
  if (line >= 0) source.line = line;
  if (path !== undefined) source.path = path;
  return source;
}

export function decodeChunk(chunk: ChunkBody): Entry[] {
  const entries: Entry[] = new Array<Entry>(chunk.count);
  for (let i = 0; i < chunk.count; i++) entries[i] = decodeOne(chunk, i);
  return entries;
}

/** Appends the chunk's entries `from` (inclusive) to `to` (exclusive) to `into`: a chunk decoded a slice at a time. */
export function decodeRange(chunk: ChunkBody, from: number, to: number, into: Entry[]): void {
  const end = Math.min(to, chunk.count);
  for (let i = from; i < end; i++) into.push(decodeOne(chunk, i));
}
