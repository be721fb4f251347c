// A ledger laid out once in flat columns for the reports: each entry's party, date, amounts and
// its allocation (an item itself, settling an item, or loose). Built in a few passes without
// sorting and cached per ledger, so open items, aging, balances and turnaround share one layout.
import { AsciiText, type CharText } from './char-text';
import type { Minor } from './money';
import { buildDocLookup, compareTextRanges, emptyDocLookup, lookupDoc, lookupDocsAt, LOOKUP_BATCH, type DocLookup } from './doc-lookup';
import { newEntryFields, type EntryFields } from './entry-record';
import type { TextRowReader } from './record-reader';
import { PartyIds } from './party-ids';
import { isShared, sharedInts } from './shared-memory';
import { ENTRY_TYPES, partyKey, type Entry, type EntryType, type Ledger, type Party, type Side } from './types';

/** An invoice, or a credit note without settles: always an item (§2.2). */
export const KIND_ITEM = 0;
/** Settles an item of the same party and currency: reduces it once both exist (§2.2). */
export const KIND_SETTLING = 1;
/** Unallocated, or settles naming no item: an item of its own (§2.3). */
export const KIND_LOOSE = 2;

export const TYPE_INVOICE = ENTRY_TYPES.indexOf('invoice');
export const TYPE_CREDIT_NOTE = ENTRY_TYPES.indexOf('credit_note');
export const TYPE_PAYMENT = ENTRY_TYPES.indexOf('payment');
export const TYPE_JOURNAL = ENTRY_TYPES.indexOf('journal');

export interface PartyInfo {
  ledger: Side;
  partyId: string;
  /** Parties file name, else the latest entry's party_name, else the id. */
  name: string;
  creditLimit: Minor | null;
}

export interface LedgerIndex {
  ledger: Ledger;
  size: number;
  /** Parties with entries, ordered AR before AP, then by party id. */
  parties: PartyInfo[];
  party: Int32Array;
  type: Uint8Array;
  kind: Uint8Array;
  /** 1 when the entry has a settles. */
  hasSettles: Uint8Array;
  /**
   * Entry index of the item a settling entry reduces; of a loose entry with a settles, the
   * document its settles names when there is one (not an item, or in another currency); −1 otherwise.
   */
  target: Int32Array;
  entryDate: Int32Array;
  docDate: Int32Array;
  dueDate: Int32Array;
  amount: Float64Array;
  amountBase: Float64Array;
  /** 1 when the entry's currency is the base currency. */
  isBase: Uint8Array;
  /** A number per distinct currency (0 = the base currency): settling needs the same one. */
  currency: Uint16Array;
  /** The currency code of each number (the base currency first, whether or not an entry uses it). */
  currencyCodes: string[];
  /** Per-date results of the reports' shared work (see item-table.ts). */
  cache: Map<string, unknown>;
  docs: DocLookup;
  /** Where each entry's doc_no stands in `docs.texts`: texts[docStart[i], docEnd[i]). */
  docStart: Int32Array;
  docEnd: Int32Array;
  /** Scratch column of 4 × `size` reused by every item-table build (no garbage per date). */
  scratch: Float64Array | null;
  /**
   * Entry i of the ledger: `ledger.entries[i]`, or, while a columnar read has not made them,
   * that row's entry made again from its line (equal to the one `entries` will hold).
   */
  entry: (i: number) => Entry;
}

const TYPE_CODE: Record<EntryType, number> = { invoice: 0, credit_note: 1, payment: 2, journal: 3 };

/** The order of parties in every report and sheet: AR before AP, then by party id (code points). */
export function compareParties(a: { ledger: Side; partyId: string }, b: { ledger: Side; partyId: string }): number {
  if (a.ledger !== b.ledger) return a.ledger === 'AR' ? -1 : 1;
  return a.partyId < b.partyId ? -1 : a.partyId > b.partyId ? 1 : 0;
}

/** Per row, where its doc_no, settles and party_name stand in the rows' text (start −1: none). */
interface RowTexts {
  docStart: Int32Array;
  docEnd: Int32Array;
  settlesStart: Int32Array;
  settlesEnd: Int32Array;
  nameStart: Int32Array;
  nameEnd: Int32Array;
}

/** Where each row of a columnar read stands in its text (to read that row again). */
interface RowLines {
  start: Int32Array;
  end: Int32Array;
  line: Int32Array;
}

/** The index's columns of one value per row. */
type IndexRows = Pick<LedgerIndex, 'party' | 'type' | 'kind' | 'hasSettles' | 'target' | 'entryDate' | 'docDate' | 'dueDate' | 'amount' | 'amountBase' | 'isBase' | 'currency'>;

function indexRows(x: IndexRows): IndexRows {
  const { party, type, kind, hasSettles, target, entryDate, docDate, dueDate, amount, amountBase, isBase, currency } = x;
  return { party, type, kind, hasSettles, target, entryDate, docDate, dueDate, amount, amountBase, isBase, currency };
}

/** The columns a builder fills row by row (`lines` only by a columnar read: made when the first row comes, if null). */
export interface RowColumns {
  index: IndexRows;
  texts: RowTexts;
  lines: RowLines | null;
}

/**
 * Columns for `n` rows; `shared`: on a SharedArrayBuffer, lines included, for a builder on another
 * thread to fill some of them in place (see `rowsFrom` and `appendPart`). All of them are views of
 * one buffer: one big allocation, which the system can back with huge pages (a million rows' columns
 * are some 90 MB, each 4 KB page of which costs a fault when first written to otherwise).
 */
export function rowColumns(n: number, shared = false): RowColumns {
  // Widest first, so that each view starts at a multiple of its element's size: 2 columns of
  // 8 bytes, 5 + 6 (+ 3 lines) of 4, 1 of 2 and 4 of 1.
  const size = n * (8 * 2 + 4 * (5 + 6 + (shared ? 3 : 0)) + 2 + 4);
  const buffer = shared ? new SharedArrayBuffer(size) : new ArrayBuffer(size);
  let at = 0;
  const take = <T>(make: new (b: ArrayBufferLike, offset: number, length: number) => T, bytes: number): T => {
    const column = new make(buffer, at, n);
    at += bytes * n;
    return column;
  };
  const f64 = () => take(Float64Array, 8);
  const i32 = () => take(Int32Array, 4);
  const u8 = () => take(Uint8Array, 1);
  const amount = f64();
  const amountBase = f64();
  const [party, target, entryDate, docDate, dueDate] = [i32(), i32(), i32(), i32(), i32()];
  const texts: RowTexts = { docStart: i32(), docEnd: i32(), settlesStart: i32(), settlesEnd: i32(), nameStart: i32(), nameEnd: i32() };
  const lines = shared ? { start: i32(), end: i32(), line: i32() } : null;
  const currency = take(Uint16Array, 2);
  const index: IndexRows = { party, type: u8(), kind: u8(), hasSettles: u8(), target, entryDate, docDate, dueDate, amount, amountBase, isBase: u8(), currency };
  if (at !== size) throw new Error(`row columns: ${at} bytes laid out of ${size}`);
  return { index, texts, lines };
}

/** Every column of `columns` (views of the same memory) from row `at` on. */
function columnsFrom<T extends object>(columns: T, at: number): T {
  const view = { ...columns };
  for (const key of Object.keys(view) as (keyof T)[]) view[key] = (view[key] as Column).subarray(at) as T[keyof T];
  return view;
}

/** Every column of `columns`: rows [from, from + n) moved to `to`. */
function moveRows(columns: object, to: number, from: number, n: number): void {
  for (const column of Object.values(columns) as Column[]) column.copyWithin(to, from, from + n);
}

/**
 * How a LedgerIndexBuilder that read rows of a text into columns it was given numbered them
 * (`part()`), as plain data another thread can hand over: their `party` numbered as in `parties`
 * (per party, where its id first stands in the text and its side: start, end, 0 AR or 1 AP), their
 * `currency` as in `currencies` (see `joinBlocks`).
 */
export interface IndexPart {
  parties: Int32Array;
  currencies: string[];
}

/** Rows a builder read into the columns of the one joining them (see `joinBlocks`): `size` rows from row `at` on, read by `by`. */
export interface IndexBlock {
  at: number;
  size: number;
  by: number;
}

/**
 * Makes the entry of a row again: its checked fields `f` (from the index's columns) and its
 * optional texts from its line, content[start, end), line number `line`.
 */
export type RowEntry = (f: EntryFields, start: number, end: number, line: number) => Entry;

/**
 * The index built one row at a time, as the rows are read: from each entry (an import adds each
 * while it is fresh in memory, or over a ledger's entries), or from a row's checked fields and
 * the positions of its texts in the file (a columnar read: no entry and no string per row).
 * Party numbers in order of appearance and the flat columns; `finish` names and orders the
 * parties and allocates.
 */
export class LedgerIndexBuilder {
  private readonly x: LedgerIndex;
  private readonly bySide: Record<Side, Map<string, number>> = { AR: new Map(), AP: new Map() };
  /** The parties of a columnar read by their ids' characters in its text (numbered by partyNumber). */
  private ids: PartyIds | null = null;
  /** Per party a columnar read numbered, where its id first stands and its side (see IndexPart). */
  private readonly idsAt: number[] = [];
  private readonly found: PartyInfo[] = [];
  private readonly currencies: Map<string, number>;
  private texts: RowTexts;
  private lines: RowLines | null = null;
  /** The texts of added entries, one after another (joined at finish); unused by a columnar read. */
  private readonly parts: string[] = [];
  private partsLength = 0;
  /** The text of a columnar read (null: the entries' texts, joined). */
  private content: CharText | null = null;
  private n = 0;

  /**
   * `capacity`: the entries expected (the columns grow when more come); `columns`: the columns
   * to fill (made here when not given), of that length.
   */
  constructor(baseCurrency: string, capacity: number, columns: RowColumns = rowColumns(Math.max(capacity, 0))) {
    this.currencies = new Map([[baseCurrency, 0]]);
    this.x = emptyIndex(columns.index);
    this.texts = columns.texts;
    this.lines = columns.lines;
  }

  /** The columns from row `at` on (the same memory): for another builder to fill, see `joinBlocks`. */
  rowsFrom(at: number): RowColumns {
    const lines = (this.lines ??= rowLines(this.x.party.length));
    return { index: columnsFrom(indexRows(this.x), at), texts: columnsFrom(this.texts, at), lines: columnsFrom(lines, at) };
  }

  /** True while the rows are in `columns` (the builder was made on them and has not grown). */
  fills(columns: RowColumns): boolean {
    return this.x.party.buffer === columns.index.party.buffer;
  }

  add(e: Entry): void {
    const i = this.put(e, this.partyNumber(e.ledger, e.partyId), e.settles !== undefined);
    const t = this.texts;
    t.docStart[i] = this.append(e.docNo);
    t.docEnd[i] = this.partsLength;
    t.settlesStart[i] = e.settles === undefined ? -1 : this.append(e.settles);
    t.settlesEnd[i] = this.partsLength;
    t.nameStart[i] = e.partyName === undefined ? -1 : this.append(e.partyName);
    t.nameEnd[i] = this.partsLength;
  }

  /**
   * The row `r` is on, whose checked fields are `f` (see readEntryFields; its partyId not read:
   * the party is found by the cell's characters): its texts as positions in r.content.
   */
  addRow(f: EntryFields, r: TextRowReader): void {
    this.content = r.content;
    const ids = this.partyIds(r.content);
    const hasSettles = r.cell('settles');
    const settlesStart = hasSettles ? r.cellStart : -1;
    const settlesEnd = r.cellEnd;
    r.cell('party_id');
    const p = ids.get(f.ledger, r.cellStart, r.cellEnd);
    if (p === this.idsAt.length / 3) this.idsAt.push(r.cellStart, r.cellEnd, f.ledger === 'AR' ? 0 : 1);
    const i = this.put(f, p, hasSettles);
    const t = this.texts;
    t.settlesStart[i] = settlesStart;
    t.settlesEnd[i] = settlesEnd;
    r.cell('doc_no');
    t.docStart[i] = r.cellStart;
    t.docEnd[i] = r.cellEnd;
    const named = r.cell('party_name');
    t.nameStart[i] = named ? r.cellStart : -1;
    t.nameEnd[i] = r.cellEnd;
    const lines = (this.lines ??= rowLines(this.x.party.length));
    lines.start[i] = r.lineStart;
    lines.end[i] = r.lineEnd;
    lines.line[i] = r.line;
  }

  /** The parties of a columnar read of `content`, by their ids' characters. */
  private partyIds(content: CharText): PartyIds {
    if (this.ids?.content !== content) this.ids = new PartyIds(content, (ledger, partyId) => this.partyNumber(ledger, partyId), this.x.party.length);
    return this.ids;
  }

  private append(text: string): number {
    const start = this.partsLength;
    this.parts.push(text);
    this.partsLength += text.length;
    return start;
  }

  /** The numbers of the row `f` (a new row) of party number `party`; its row index. */
  private put(f: EntryFields, party: number, hasSettles: boolean): number {
    const i = this.n++;
    const x = this.x;
    if (i >= x.party.length) this.resize(Math.max(16, 2 * x.party.length));
    x.party[i] = party;
    const type = TYPE_CODE[f.entryType];
    x.type[i] = type;
    x.kind[i] = type === TYPE_INVOICE || (type === TYPE_CREDIT_NOTE && !hasSettles) ? KIND_ITEM : KIND_LOOSE;
    x.hasSettles[i] = hasSettles ? 1 : 0;
    x.target[i] = -1;
    x.entryDate[i] = f.entryDate;
    x.docDate[i] = f.docDate;
    x.dueDate[i] = f.dueDate;
    x.amount[i] = f.amount;
    x.amountBase[i] = f.amountBase;
    const c = this.currencyNumber(f.currency);
    x.currency[i] = c;
    x.isBase[i] = c === 0 ? 1 : 0;
    return i;
  }

  /** The party's number: in order of appearance. */
  private partyNumber(ledger: Side, partyId: string): number {
    const ids = this.bySide[ledger];
    let p = ids.get(partyId);
    if (p === undefined) {
      p = this.found.length;
      ids.set(partyId, p);
      this.found.push({ ledger, partyId, name: partyId, creditLimit: null });
    }
    return p;
  }

  /** The currency's number: in order of appearance, the base currency 0. */
  private currencyNumber(code: string): number {
    let c = this.currencies.get(code);
    if (c === undefined) this.currencies.set(code, (c = this.currencies.size));
    return c;
  }

  /** The next rows go in from row `at` on (a block of rows: see `joinBlocks`). */
  placeAt(at: number): void {
    this.n = at;
  }

  /** How the rows of a text read so far are numbered, as plain data for a builder on another thread (see `joinBlocks`). */
  part(): IndexPart {
    if (this.idsAt.length !== 3 * this.found.length) throw new RangeError('parties numbered elsewhere than in a columnar read');
    return { parties: Int32Array.from(this.idsAt), currencies: [...this.currencies.keys()] };
  }

  /**
   * Puts in the order of the text the rows read in blocks from the same text `content` into this
   * builder's columns (`rowsFrom(0)`), `blocks` in that order: those read here (`by` 0) and
   * those other builders read (`by` k: numbered as in `others[k - 1]`, their `part()`). As if
   * each row had been added here, in order: each block's rows moved up to follow the rows before
   * it, the others' parties numbered here, the currencies numbered in the order they appear.
   */
  joinBlocks(blocks: readonly IndexBlock[], others: readonly IndexPart[], content: CharText): void {
    this.content = content;
    const lines = (this.lines ??= rowLines(this.x.party.length));
    // Per reader, the number here of each of its parties (null: the same) and currencies (−1 until its first row comes).
    const mine = [...this.currencies.keys()];
    const numbers = [{ partyOf: null as Int32Array | null, codes: mine }, ...others.map((part) => ({ partyOf: this.partiesIn(part, content), codes: part.currencies }))];
    const currencyOf = numbers.map(({ codes }) => new Int32Array(codes.length).fill(-1));
    this.currencies.clear();
    this.currencies.set(mine[0] as string, 0);
    this.n = 0;
    for (const { at, size, by } of blocks) {
      const to = this.n;
      if (size === 0) continue;
      // Fewer rows before it than the room left for them (rows with errors): the block moves up.
      if (at !== to) for (const columns of [indexRows(this.x), this.texts, lines]) moveRows(columns, to, at, size);
      const { partyOf, codes } = numbers[by] as (typeof numbers)[number];
      this.numberRows(to, to + size, partyOf, codes, currencyOf[by] as Int32Array);
      this.n += size;
    }
  }

  /** The number here of each party of `part` (found by its id's characters in `content`). */
  private partiesIn(part: IndexPart, content: CharText): Int32Array {
    const ids = this.partyIds(content);
    const at = part.parties;
    const partyOf = new Int32Array(at.length / 3);
    for (let p = 0; p < partyOf.length; p++) partyOf[p] = ids.get(at[3 * p + 2] === 0 ? 'AR' : 'AP', at[3 * p] as number, at[3 * p + 1] as number);
    return partyOf;
  }

  /**
   * Rows [from, to) numbered here: their parties by `partyOf` (null: numbered here already),
   * their currencies (`codes[k]` for number k) in the order they appear (`currencyOf`: see joinBlocks).
   */
  private numberRows(from: number, to: number, partyOf: Int32Array | null, codes: readonly string[], currencyOf: Int32Array): void {
    const { party, currency, isBase } = this.x;
    for (let i = from; i < to; i++) {
      if (partyOf !== null) party[i] = partyOf[party[i] as number] as number;
      const k = currency[i] as number;
      let c = currencyOf[k] as number;
      if (c < 0) c = currencyOf[k] = this.currencyNumber(codes[k] as string);
      currency[i] = c;
      isBase[i] = c === 0 ? 1 : 0;
    }
  }

  private resize(n: number): void {
    grow(this.x, n);
    this.texts = resizedColumns(this.texts, n);
    if (this.lines) this.lines = resizedColumns(this.lines, n);
  }

  /**
   * The index of `ledger`, whose entries are the ones added, in order. After a columnar read,
   * `rowEntry` makes a row's entry again from its line, for the rows asked for while
   * `ledger.entries` is not made (see lazyEntries). `helper`: another thread that builds the
   * document lookup while this one names and orders the parties and numbers the party column in
   * that order apart, then allocates half the rows (when the columns and the text are shared).
   */
  finish(ledger: Ledger, rowEntry?: RowEntry, helper?: IndexHelper): LedgerIndex {
    const x = this.x;
    if (this.n !== x.party.length) this.resize(this.n);
    x.ledger = ledger;
    x.size = this.n;
    x.currencyCodes = [...this.currencies.keys()];
    const text = this.content ?? this.parts.join('');
    this.parts.length = 0;
    // The lookup and the allocation by the parties' numbers of appearance, then renumbered in order.
    const lookupPart = helper === undefined ? null : docLookupPart(x, text, this.texts);
    const built = lookupPart === null || helper === undefined ? null : helper.lookup(lookupPart);
    const order = partyOrder(ledger, this.found, latestNames(x, this.found.length, text, this.texts));
    // While the helper builds the lookup: the party column in that order, apart (put in place once the rows are allocated).
    const ranked = built === null ? null : rankedParties(x, order, new Int32Array(x.size));
    x.docs = lookupFrom(built?.() ?? null, text) ?? buildDocLookup(text, x.size, x.party, this.texts.docStart, this.texts.docEnd, (i) => isDocType(x.type[i] as number), helper !== undefined);
    allocate(x, text, this.texts, helper);
    renumberParties(x, this.found, order, ranked ?? rankedParties(x, order, x.party));
    x.docStart = this.texts.docStart;
    x.docEnd = this.texts.docEnd;
    const lines = this.lines;
    if (rowEntry !== undefined && lines !== null) {
      const f = newEntryFields();
      const again = (i: number) => rowEntry(fieldsOf(x, i, f), lines.start[i] as number, lines.end[i] as number, lines.line[i] as number);
      x.entry = (i) => (LAZY.has(ledger) ? again(i) : (ledger.entries[i] as Entry));
    } else x.entry = (i) => ledger.entries[i] as Entry;
    remember(ledger, x);
    return x;
  }
}

const EMPTY_LEDGER: Ledger = { baseCurrency: '', entries: [], parties: new Map() };

function emptyIndex(rows: IndexRows): LedgerIndex {
  return {
    ...rows, ledger: EMPTY_LEDGER, size: 0, parties: [], currencyCodes: [],
    cache: new Map(), docs: emptyDocLookup(), docStart: new Int32Array(0), docEnd: new Int32Array(0), scratch: null, entry: () => { throw new RangeError('no entries'); },
  };
}

function rowLines(n: number): RowLines {
  return { start: new Int32Array(n), end: new Int32Array(n), line: new Int32Array(n) };
}

type Column = Int32Array | Uint8Array | Uint16Array | Float64Array;

/** A copy of `column` of length `n` (longer or shorter). */
function resized<T extends Column>(column: T, n: number): T {
  // Columns another thread fills stay shared (it may allocate some of their rows): a shorter view.
  if (n <= column.length && isShared(column)) return column.subarray(0, n) as T;
  const copy = new (column.constructor as new (n: number) => T)(n);
  copy.set(column.subarray(0, Math.min(n, column.length)));
  return copy;
}

/** Every column of `columns` resized to `n`. */
function resizedColumns<T extends { [K in keyof T]: Int32Array }>(columns: T, n: number): T {
  const copy = { ...columns };
  for (const key of Object.keys(copy) as (keyof T)[]) copy[key] = resized<T[keyof T]>(copy[key], n);
  return copy;
}

/** Copies the columns into ones of length `n` (longer or shorter). */
function grow(x: LedgerIndex, n: number): void {
  x.party = resized(x.party, n);
  x.type = resized(x.type, n);
  x.kind = resized(x.kind, n);
  x.hasSettles = resized(x.hasSettles, n);
  x.target = resized(x.target, n);
  x.entryDate = resized(x.entryDate, n);
  x.docDate = resized(x.docDate, n);
  x.dueDate = resized(x.dueDate, n);
  x.amount = resized(x.amount, n);
  x.amountBase = resized(x.amountBase, n);
  x.isBase = resized(x.isBase, n);
  x.currency = resized(x.currency, n);
}

/**
 * Which of two entries naming a party gives its name: the latest entry_date, then the highest
 * doc_no, then the highest name (so the order of the rows does not matter). Each argument is the
 * first entry's order against the other's (< 0, 0, > 0); true when the first one names the party.
 */
function namesLater(day: number, doc: number, name: number): boolean {
  return day !== 0 ? day > 0 : doc !== 0 ? doc > 0 : name > 0;
}

function order(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** namesLater for entries (`best` undefined: none before). */
function laterName(e: Entry, best: Entry | undefined): boolean {
  return best === undefined || namesLater(e.entryDate - best.entryDate, order(e.docNo, best.docNo), order(e.partyName ?? '', best.partyName ?? ''));
}

/**
 * Per party (in order of appearance), the party_name of the entry that names it (namesLater);
 * undefined when no entry names it.
 */
function latestNames(x: LedgerIndex, parties: number, text: CharText, t: RowTexts): (string | undefined)[] {
  const best = new Int32Array(parties).fill(-1);
  const { nameStart, nameEnd, docStart, docEnd } = t;
  const range = (start: Int32Array, end: Int32Array, i: number, j: number) =>
    compareTextRanges(text, start[i] as number, end[i] as number, start[j] as number, end[j] as number);
  for (let i = 0; i < x.size; i++) {
    if ((nameStart[i] as number) < 0) continue;
    const p = x.party[i] as number;
    const b = best[p] as number;
    if (b >= 0) {
      // Dates first, from the columns: the texts are compared only on the same day.
      const day = (x.entryDate[i] as number) - (x.entryDate[b] as number);
      if (day < 0 || (day === 0 && !namesLater(0, range(docStart, docEnd, i, b), range(nameStart, nameEnd, i, b)))) continue;
    }
    best[p] = i;
  }
  return Array.from(best, (i) => (i < 0 ? undefined : text.slice(nameStart[i] as number, nameEnd[i] as number)));
}

/** Names the parties; their numbers of appearance in the order AR-then-id. */
function partyOrder(ledger: Ledger, found: PartyInfo[], named: (string | undefined)[]): Int32Array {
  found.forEach((info, p) => {
    const listed = ledger.parties.get(partyKey(info.ledger, info.partyId));
    info.name = listed?.name ?? named[p] ?? info.partyId;
    info.creditLimit = listed?.creditLimit ?? null;
  });
  return Int32Array.from(found.map((_, p) => p).sort((a, b) => compareParties(found[a] as PartyInfo, found[b] as PartyInfo)));
}

/**
 * The party column renumbered to the order `order`, into `into`: the column itself, or a column
 * of its own while another thread still reads the numbers of appearance (see finish).
 */
function rankedParties(x: LedgerIndex, order: Int32Array, into: Int32Array): Int32Array {
  const rank = new Int32Array(order.length);
  order.forEach((p, r) => (rank[p] = r));
  for (let i = 0; i < x.size; i++) into[i] = rank[x.party[i] as number] as number;
  return into;
}

/** Puts the party column `ranked` (rankedParties) in place, the parties (and the document lookup's) in the order `order`. */
function renumberParties(x: LedgerIndex, found: PartyInfo[], order: Int32Array, ranked: Int32Array): void {
  x.party = ranked;
  x.parties = Array.from(order, (p) => found[p] as PartyInfo);
  x.docs.ids = order;
}

/** The fields every entry has of entry i, from the columns (as readEntryFields read them), into `f`. */
export function fieldsOf(x: LedgerIndex, i: number, f: EntryFields = newEntryFields()): EntryFields {
  const party = x.parties[x.party[i] as number] as PartyInfo;
  f.ledger = party.ledger;
  f.partyId = party.partyId;
  f.entryType = ENTRY_TYPES[x.type[i] as number] as EntryType;
  f.docNo = docNoOf(x, i);
  f.entryDate = x.entryDate[i] as number;
  f.docDate = x.docDate[i] as number;
  f.dueDate = x.dueDate[i] as number;
  f.amount = x.amount[i] as number;
  f.currency = x.currencyCodes[x.currency[i] as number] as string;
  f.amountBase = x.amountBase[i] as number;
  return f;
}

/** The doc_no of entry i (read from the index, without the entry). */
export function docNoOf(x: LedgerIndex, i: number): string {
  return x.docs.texts.slice(x.docStart[i] as number, x.docEnd[i] as number);
}

/** Compares the doc_nos of entries i and j as strings compare. */
export function compareDocNos(x: LedgerIndex, i: number, j: number): number {
  return compareTextRanges(x.docs.texts, x.docStart[i] as number, x.docEnd[i] as number, x.docStart[j] as number, x.docEnd[j] as number);
}

/** The first invoice or credit note of party `p` with this doc_no, or −1. */
export function findDoc(x: LedgerIndex, p: number, docNo: string): number {
  return lookupDoc(x.docs, p, docNo);
}

/** The columns `allocateRows` reads and writes (`kind` and `target` of the rows it is given). */
type AllocationColumns = Pick<LedgerIndex, 'party' | 'type' | 'kind' | 'hasSettles' | 'target' | 'currency'> & Pick<RowTexts, 'settlesStart' | 'settlesEnd'>;

/**
 * What allocating rows [0, size) on two threads needs, as plain data on SharedArrayBuffers: the
 * rows in blocks of `blockRows`, `next[0]` the next block not taken (Atomics.add), the columns,
 * the document lookup's slots and the text's ASCII bytes (see `allocateRows`).
 */
export interface AllocationPart {
  size: number;
  blockRows: number;
  next: Int32Array;
  columns: AllocationColumns;
  slots: Int32Array;
  mask: number;
  bytes: Uint8Array;
}

/**
 * The document lookup's input, as plain data on SharedArrayBuffers for a thread of its own: rows
 * [0, size) of the columns, the text's ASCII bytes (see `docLookupOf`).
 */
export interface DocLookupPart {
  size: number;
  columns: Pick<LedgerIndex, 'party' | 'type'> & Pick<RowTexts, 'docStart' | 'docEnd'>;
  bytes: Uint8Array;
}

/** A document lookup built elsewhere, as plain data (its slots on a SharedArrayBuffer). */
export type DocLookupBuilt = Pick<DocLookup, 'slots' | 'mask' | 'duplicates'>;

/** Another thread doing some of `finish`'s work meanwhile (the CLI's worker: see PartReader). */
export interface IndexHelper {
  /**
   * Starts building the document lookup of `part`; the function returned waits for it, or gives
   * null when it was not built (then it is built here).
   */
  lookup(part: DocLookupPart): () => DocLookupBuilt | null;
  /**
   * Starts allocating blocks of the rows of `part`, while other blocks are allocated here (each
   * thread taking the next block not taken): the function returned waits, true once the blocks it
   * took are, false when they were not (then every row is allocated here again: each row's
   * result is written whole, whatever was there).
   */
  allocate(part: AllocationPart): () => boolean;
}

function isDocType(type: number): boolean {
  return type === TYPE_INVOICE || type === TYPE_CREDIT_NOTE;
}

/** The document lookup of `part` (on the thread this runs on: see IndexHelper), its slots shared. */
export function docLookupOf(part: DocLookupPart): DocLookupBuilt {
  const { party, type, docStart, docEnd } = part.columns;
  const { slots, mask, duplicates } = buildDocLookup(new AsciiText(part.bytes), part.size, party, docStart, docEnd, (i) => isDocType(type[i] as number), true);
  return { slots, mask, duplicates };
}

/** The lookup built elsewhere, on `text` (null: none). */
function lookupFrom(built: DocLookupBuilt | null, text: CharText): DocLookup | null {
  return built === null ? null : { ...built, texts: text, ids: null };
}

/** What building the document lookup needs, when a thread of its own can build it (all shared), else null. */
function docLookupPart(x: LedgerIndex, text: CharText, t: RowTexts): DocLookupPart | null {
  const columns = { party: x.party, type: x.type, docStart: t.docStart, docEnd: t.docEnd };
  if (!(text instanceof AsciiText) || !isShared(text.bytes) || !Object.values(columns).every(isShared)) return null;
  return { size: x.size, columns, bytes: text.bytes };
}

/**
 * Classifies rows [from, to) as item, settling (with its target) or loose: an invoice, or a credit
 * note without settles, is an item (as `put` made it); another entry with a settles settles the
 * item its settles names, of the same currency, else stays loose. Reads nothing any call writes
 * (the items' kinds never change), so parts of the rows can be allocated at once.
 */
export function allocateRows(docs: DocLookup, c: AllocationColumns, text: CharText, from: number, to: number): void {
  const { party, type, hasSettles, settlesStart, settlesEnd } = c;
  // Looked up LOOKUP_BATCH at a time (see lookupDocsAt).
  const rows = new Int32Array(LOOKUP_BATCH);
  const ps = new Int32Array(LOOKUP_BATCH);
  const starts = new Int32Array(LOOKUP_BATCH);
  const ends = new Int32Array(LOOKUP_BATCH);
  const found = new Int32Array(LOOKUP_BATCH);
  let n = 0;
  for (let i = from; i < to; i++) {
    if (hasSettles[i] === 0 || type[i] === TYPE_INVOICE) continue;
    rows[n] = i;
    ps[n] = party[i] as number;
    starts[n] = settlesStart[i] as number;
    ends[n] = settlesEnd[i] as number;
    if (++n < LOOKUP_BATCH) continue;
    lookupDocsAt(docs, ps, text, starts, ends, n, found);
    settleRows(c, rows, found, n);
    n = 0;
  }
  lookupDocsAt(docs, ps, text, starts, ends, n, found);
  settleRows(c, rows, found, n);
}

/** Row rows[k] (k < n) settles the document found[k] (or −1) when it is an item of its currency, else stays loose. */
function settleRows(c: AllocationColumns, rows: Int32Array, found: Int32Array, n: number): void {
  const { kind, target, currency } = c;
  for (let k = 0; k < n; k++) {
    const i = rows[k] as number;
    const t = found[k] as number;
    target[i] = t;
    kind[i] = t >= 0 && kind[t] === KIND_ITEM && currency[t] === currency[i] ? KIND_SETTLING : KIND_LOOSE;
  }
}

function allocationColumns(x: LedgerIndex, t: RowTexts): AllocationColumns {
  const { party, type, kind, hasSettles, target, currency } = x;
  return { party, type, kind, hasSettles, target, currency, settlesStart: t.settlesStart, settlesEnd: t.settlesEnd };
}

/** Allocates the blocks of `part` no other thread has taken, the next one not taken each time, until none is left; the rows allocated. */
function allocateBlocks(docs: DocLookup, part: AllocationPart, text: CharText): number {
  let rows = 0;
  for (let from = Atomics.add(part.next, 0, 1) * part.blockRows; from < part.size; from = Atomics.add(part.next, 0, 1) * part.blockRows) {
    const to = Math.min(part.size, from + part.blockRows);
    allocateRows(docs, part.columns, text, from, to);
    rows += to - from;
  }
  return rows;
}

/** Allocates blocks of the rows of `part` (on the thread this runs on: see IndexHelper); the rows allocated. */
export function allocatePart(part: AllocationPart): number {
  const text = new AsciiText(part.bytes);
  return allocateBlocks({ slots: part.slots, mask: part.mask, texts: text, duplicates: [], ids: null }, part, text);
}

/** Some 64 blocks of the rows to allocate, when a thread of its own can allocate some (all it needs shared), else null. */
function allocationPart(x: LedgerIndex, text: CharText, t: RowTexts): AllocationPart | null {
  const columns = allocationColumns(x, t);
  if (!(text instanceof AsciiText) || !isShared(text.bytes) || !isShared(x.docs.slots) || !Object.values(columns).every(isShared)) return null;
  const next = sharedInts(1);
  return { size: x.size, blockRows: Math.max(1024, Math.ceil(x.size / 64)), next, columns, slots: x.docs.slots, mask: x.docs.mask, bytes: text.bytes };
}

/** Classifies every entry as item, settling (with its target) or loose: in blocks, some by `helper` when there is one. */
function allocate(x: LedgerIndex, text: CharText, t: RowTexts, helper?: IndexHelper): void {
  const part = helper === undefined ? null : allocationPart(x, text, t);
  const wait = part === null || helper === undefined ? null : helper.allocate(part);
  if (part === null || wait === null) return allocateRows(x.docs, allocationColumns(x, t), text, 0, x.size);
  allocateBlocks(x.docs, part, text);
  // The helper's blocks not allocated there: every row here again.
  if (!wait()) allocateRows(x.docs, part.columns, text, 0, x.size);
}

function buildIndex(ledger: Ledger): LedgerIndex {
  const builder = new LedgerIndexBuilder(ledger.baseCurrency, ledger.entries.length);
  for (const e of ledger.entries) builder.add(e);
  return builder.finish(ledger);
}

interface Cached {
  index: LedgerIndex;
  entries: Entry[] | null;
  length: number;
  partiesSize: number;
  baseCurrency: string;
}

const CACHE = new WeakMap<Ledger, Cached>();
/** Ledgers of a columnar read whose entries are not made yet (see lazyLedger). */
const LAZY = new WeakSet<Ledger>();

/** The index of a ledger, built on first use and rebuilt when its entries or parties change. */
export function ledgerIndex(ledger: Ledger): LedgerIndex {
  const c = CACHE.get(ledger);
  // A ledger whose entries are not made yet still has the entries it was indexed with.
  const same = (c: Cached) => LAZY.has(ledger) || (c.entries === ledger.entries && c.length === ledger.entries.length);
  if (c && c.partiesSize === ledger.parties.size && c.baseCurrency === ledger.baseCurrency && same(c)) return c.index;
  return buildIndex(ledger);
}

/** Keeps the index of the ledger as it is now (see ledgerIndex). */
function remember(ledger: Ledger, index: LedgerIndex): void {
  const entries = LAZY.has(ledger) ? null : ledger.entries;
  CACHE.set(ledger, { index, entries, length: entries?.length ?? index.size, partiesSize: ledger.parties.size, baseCurrency: ledger.baseCurrency });
}

/** Makes `entries` a plain property of the ledger, holding these. */
function settle(ledger: Ledger, entries: Entry[]): void {
  Object.defineProperty(ledger, 'entries', { value: entries, writable: true, enumerable: true, configurable: true });
  LAZY.delete(ledger);
}

/**
 * A ledger of `count` entries that are made only when something reads `entries` (then all at
 * once, by `entryAt`, and kept): a report that reads the index alone never makes them. Its index
 * (built by LedgerIndexBuilder.finish with the same rows) stays its index once they are made.
 */
export function lazyLedger(baseCurrency: string, parties: Map<string, Party>, count: number, entryAt: (i: number) => Entry): Ledger {
  const ledger = { baseCurrency, parties } as Ledger;
  Object.defineProperty(ledger, 'entries', {
    get: () => {
      const entries = new Array<Entry>(count);
      for (let i = 0; i < count; i++) entries[i] = entryAt(i);
      settle(ledger, entries);
      const c = CACHE.get(ledger);
      if (c !== undefined && c.entries === null) {
        c.entries = entries;
        c.length = count;
      }
      return entries;
    },
    set: (entries: Entry[]) => settle(ledger, entries),
    enumerable: true,
    configurable: true,
  });
  LAZY.add(ledger);
  return ledger;
}

/**
 * The entries of a ledger one at a time, for a reader that needs each once (the pane's cache
 * write encodes them chunk by chunk): those of `ledger.entries`, or, while a columnar read has not
 * made them, each made again from its row (equal to the one `entries` will hold) without making
 * and holding them all.
 */
export function entryAt(ledger: Ledger): { count: number; at: (i: number) => Entry } {
  if (!LAZY.has(ledger)) {
    const entries = ledger.entries;
    return { count: entries.length, at: (i) => entries[i] as Entry };
  }
  const x = ledgerIndex(ledger);
  return { count: x.size, at: x.entry };
}

/** A value computed once per index and key (e.g. the items as of a date); the last few are kept. */
export function cached<T>(index: LedgerIndex, key: string, compute: () => T, keep = 12): T {
  const hit = index.cache.get(key);
  if (hit !== undefined) return hit as T;
  const value = compute();
  if (index.cache.size >= keep) {
    const oldest = index.cache.keys().next();
    if (oldest.done !== true) index.cache.delete(oldest.value);
  }
  index.cache.set(key, value);
  return value;
}

/**
 * The display name of a party as `entries` (of that party, any order) alone give it: parties file,
 * else the latest of them that names it (laterName), else the id; the index's rule (orderParties)
 * without building an index.
 */
export function partyNameAmong(ledger: Ledger, side: Side, partyId: string, entries: readonly Entry[]): string {
  let named: Entry | undefined;
  for (const e of entries) if (e.partyName !== undefined && laterName(e, named)) named = e;
  return ledger.parties.get(partyKey(side, partyId))?.name ?? named?.partyName ?? partyId;
}

/** Display name of a party: parties file, else latest entry's name, else the id. */
export function partyDisplayName(ledger: Ledger, side: Side, partyId: string): string {
  const index = ledgerIndex(ledger);
  const found = index.parties.find((p) => p.ledger === side && p.partyId === partyId);
  return found?.name ?? ledger.parties.get(partyKey(side, partyId))?.name ?? partyId;
}
