// A ledger laid out once in flat columns for the reports: each entry's party, date, amounts and
// its allocation (an item itself, settling an item, or loose). Built in a few passes without
// sorting and cached per ledger, so open items, aging, balances and turnaround share one layout.
import type { Minor } from './money';
import { buildDocLookup, emptyDocLookup, lookupDoc, type DocLookup } from './doc-lookup';
import { ENTRY_TYPES, partyKey, type Entry, type EntryType, type Ledger, type Side } from './types';

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
  /** Entry index of the item a settling entry reduces; −1 otherwise. */
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
  /** Scratch columns of `size` reused by every item-table build (no garbage per date). */
  scratch: { open: Float64Array; base: Float64Array; last: Int32Array } | null;
}

const TYPE_CODE: Record<EntryType, number> = { invoice: 0, credit_note: 1, payment: 2, journal: 3 };

/** The order of parties in every report and sheet: AR before AP, then by party id (code points). */
export function compareParties(a: { ledger: Side; partyId: string }, b: { ledger: Side; partyId: string }): number {
  if (a.ledger !== b.ledger) return a.ledger === 'AR' ? -1 : 1;
  return a.partyId < b.partyId ? -1 : a.partyId > b.partyId ? 1 : 0;
}

/** The latest entry's name: latest entry_date, then highest doc_no, then highest name (order-free). */
function laterName(e: Entry, best: Entry | undefined): boolean {
  if (best === undefined) return true;
  if (e.entryDate !== best.entryDate) return e.entryDate > best.entryDate;
  if (e.docNo !== best.docNo) return e.docNo > best.docNo;
  return (e.partyName ?? '') > (best.partyName ?? '');
}

/**
 * The index built one entry at a time, as the entries are made (an import adds each while it is
 * fresh in memory) or over a ledger's entries: party numbers in order of appearance and the flat
 * columns; `finish` orders the parties and allocates.
 */
export class LedgerIndexBuilder {
  private readonly x: LedgerIndex;
  private readonly bySide: Record<Side, Map<string, number>> = { AR: new Map(), AP: new Map() };
  private readonly found: PartyInfo[] = [];
  private readonly named: (Entry | undefined)[] = [];
  /** The entry_date of each party's `named` entry: compared without reaching that entry, scattered in memory. */
  private readonly namedDate: number[] = [];
  private readonly currencies: Map<string, number>;
  private n = 0;

  /** `capacity`: the entries expected (the columns grow when more come). */
  constructor(baseCurrency: string, capacity: number) {
    this.currencies = new Map([[baseCurrency, 0]]);
    this.x = emptyIndex(Math.max(capacity, 0));
  }

  add(e: Entry): void {
    const i = this.n++;
    const x = this.x;
    if (i >= x.party.length) grow(x, Math.max(16, 2 * x.party.length));
    const ids = this.bySide[e.ledger];
    let p = ids.get(e.partyId);
    if (p === undefined) {
      p = this.found.length;
      ids.set(e.partyId, p);
      this.found.push({ ledger: e.ledger, partyId: e.partyId, name: e.partyId, creditLimit: null });
      this.named.push(undefined);
      this.namedDate.push(-Infinity);
    }
    x.party[i] = p;
    const namedDate = this.namedDate[p] as number;
    if (e.partyName !== undefined && (e.entryDate > namedDate || (e.entryDate === namedDate && laterName(e, this.named[p])))) {
      this.named[p] = e;
      this.namedDate[p] = e.entryDate;
    }
    const type = TYPE_CODE[e.entryType];
    x.type[i] = type;
    x.kind[i] = type === TYPE_INVOICE || (type === TYPE_CREDIT_NOTE && e.settles === undefined) ? KIND_ITEM : KIND_LOOSE;
    x.target[i] = -1;
    x.entryDate[i] = e.entryDate;
    x.docDate[i] = e.docDate;
    x.dueDate[i] = e.dueDate;
    x.amount[i] = e.amount;
    x.amountBase[i] = e.amountBase;
    let c = this.currencies.get(e.currency);
    if (c === undefined) this.currencies.set(e.currency, (c = this.currencies.size));
    x.currency[i] = c;
    x.isBase[i] = c === 0 ? 1 : 0;
  }

  /** The index of `ledger`, whose entries are the ones added, in order. */
  finish(ledger: Ledger): LedgerIndex {
    const x = this.x;
    if (this.n !== x.party.length) grow(x, this.n);
    x.ledger = ledger;
    x.size = this.n;
    x.currencyCodes = [...this.currencies.keys()];
    orderParties(ledger, x, this.found, this.named);
    x.docs = lookupDocs(ledger.entries, x);
    allocate(x, ledger.entries);
    remember(ledger, x);
    return x;
  }
}

const EMPTY_LEDGER: Ledger = { baseCurrency: '', entries: [], parties: new Map() };

function emptyIndex(n: number): LedgerIndex {
  return {
    ledger: EMPTY_LEDGER, size: 0, parties: [], party: new Int32Array(n),
    type: new Uint8Array(n), kind: new Uint8Array(n), target: new Int32Array(n),
    entryDate: new Int32Array(n), docDate: new Int32Array(n), dueDate: new Int32Array(n),
    amount: new Float64Array(n), amountBase: new Float64Array(n), isBase: new Uint8Array(n), currency: new Uint16Array(n), currencyCodes: [],
    cache: new Map(), docs: emptyDocLookup(), scratch: null,
  };
}

/** Copies the columns into ones of length `n` (longer or shorter). */
function grow(x: LedgerIndex, n: number): void {
  const resized = <T extends Int32Array | Uint8Array | Uint16Array | Float64Array>(column: T, make: (n: number) => T): T => {
    const copy = make(n);
    copy.set(column.subarray(0, Math.min(n, column.length)));
    return copy;
  };
  x.party = resized(x.party, (k) => new Int32Array(k));
  x.type = resized(x.type, (k) => new Uint8Array(k));
  x.kind = resized(x.kind, (k) => new Uint8Array(k));
  x.target = resized(x.target, (k) => new Int32Array(k));
  x.entryDate = resized(x.entryDate, (k) => new Int32Array(k));
  x.docDate = resized(x.docDate, (k) => new Int32Array(k));
  x.dueDate = resized(x.dueDate, (k) => new Int32Array(k));
  x.amount = resized(x.amount, (k) => new Float64Array(k));
  x.amountBase = resized(x.amountBase, (k) => new Float64Array(k));
  x.isBase = resized(x.isBase, (k) => new Uint8Array(k));
  x.currency = resized(x.currency, (k) => new Uint16Array(k));
}

/** Names the parties, orders them AR-then-id and renumbers the party column to that order. */
function orderParties(ledger: Ledger, x: LedgerIndex, found: PartyInfo[], named: (Entry | undefined)[]): void {
  found.forEach((info, p) => {
    const listed = ledger.parties.get(partyKey(info.ledger, info.partyId));
    info.name = listed?.name ?? named[p]?.partyName ?? info.partyId;
    info.creditLimit = listed?.creditLimit ?? null;
  });
  const order = found.map((_, p) => p).sort((a, b) => compareParties(found[a] as PartyInfo, found[b] as PartyInfo));
  const rank = new Int32Array(found.length);
  order.forEach((p, r) => (rank[p] = r));
  for (let i = 0; i < x.size; i++) x.party[i] = rank[x.party[i] as number] as number;
  x.parties = order.map((p) => found[p] as PartyInfo);
}

function lookupDocs(entries: Entry[], x: LedgerIndex): DocLookup {
  return buildDocLookup(entries, x.party, (i) => x.type[i] === TYPE_INVOICE || x.type[i] === TYPE_CREDIT_NOTE);
}

/** The first invoice or credit note of party `p` with this doc_no, or −1. */
export function findDoc(x: LedgerIndex, p: number, docNo: string): number {
  return lookupDoc(x.docs, p, docNo);
}

/** An invoice, or a credit note without settles: an item that a settles may name (§2.2). */
export function isDocument(e: Entry): boolean {
  return e.entryType === 'invoice' || (e.entryType === 'credit_note' && e.settles === undefined);
}

/** Classifies every entry as item, settling (with its target) or loose. */
function allocate(x: LedgerIndex, entries: Entry[]): void {
  for (let i = 0; i < entries.length; i++) {
    if (x.kind[i] === KIND_ITEM) continue;
    const e = entries[i] as Entry;
    if (e.settles === undefined) continue;
    const t = findDoc(x, x.party[i] as number, e.settles);
    if (t < 0 || x.kind[t] !== KIND_ITEM || x.currency[t] !== x.currency[i]) continue;
    x.kind[i] = KIND_SETTLING;
    x.target[i] = t;
  }
}

function buildIndex(ledger: Ledger): LedgerIndex {
  const builder = new LedgerIndexBuilder(ledger.baseCurrency, ledger.entries.length);
  for (const e of ledger.entries) builder.add(e);
  return builder.finish(ledger);
}

interface Cached {
  index: LedgerIndex;
  entries: Entry[];
  length: number;
  partiesSize: number;
  baseCurrency: string;
}

const CACHE = new WeakMap<Ledger, Cached>();

/** The index of a ledger, built on first use and rebuilt when its entries or parties change. */
export function ledgerIndex(ledger: Ledger): LedgerIndex {
  const c = CACHE.get(ledger);
  if (c && c.entries === ledger.entries && c.length === ledger.entries.length && c.partiesSize === ledger.parties.size && c.baseCurrency === ledger.baseCurrency) {
    return c.index;
  }
  return buildIndex(ledger);
}

/** Keeps the index of the ledger as it is now (see ledgerIndex). */
function remember(ledger: Ledger, index: LedgerIndex): void {
  CACHE.set(ledger, { index, entries: ledger.entries, length: ledger.entries.length, partiesSize: ledger.parties.size, baseCurrency: ledger.baseCurrency });
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
