// A ledger laid out once in flat columns for the reports: each entry's party, date, amounts and
// its allocation (an item itself, settling an item, or loose). Built in a few passes without
// sorting and cached per ledger, so open items, aging, balances and turnaround share one layout.
import type { Minor } from './money';
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
  /** Per-date results of the reports' shared work (see item-table.ts). */
  cache: Map<string, unknown>;
  docs: DocLookup;
  /** Scratch columns of `size` reused by every item-table build (no garbage per date). */
  scratch: { open: Float64Array; base: Float64Array; last: Int32Array } | null;
}

const TYPE_CODE: Record<EntryType, number> = { invoice: 0, credit_note: 1, payment: 2, journal: 3 };

function compareParties(a: PartyInfo, b: PartyInfo): number {
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

/** Numbers parties AR-then-id order; returns each entry's party number. */
function indexParties(ledger: Ledger): { parties: PartyInfo[]; party: Int32Array } {
  const { entries } = ledger;
  const bySide: Record<Side, Map<string, number>> = { AR: new Map(), AP: new Map() };
  const found: PartyInfo[] = [];
  const named: (Entry | undefined)[] = [];
  const party = new Int32Array(entries.length);
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i] as Entry;
    const ids = bySide[e.ledger];
    let p = ids.get(e.partyId);
    if (p === undefined) {
      p = found.length;
      ids.set(e.partyId, p);
      found.push({ ledger: e.ledger, partyId: e.partyId, name: e.partyId, creditLimit: null });
      named.push(undefined);
    }
    party[i] = p;
    if (e.partyName !== undefined && laterName(e, named[p])) named[p] = e;
  }
  found.forEach((info, p) => {
    const listed = ledger.parties.get(partyKey(info.ledger, info.partyId));
    info.name = listed?.name ?? named[p]?.partyName ?? info.partyId;
    info.creditLimit = listed?.creditLimit ?? null;
  });
  const order = found.map((_, p) => p).sort((a, b) => compareParties(found[a] as PartyInfo, found[b] as PartyInfo));
  const rank = new Int32Array(found.length);
  order.forEach((p, r) => (rank[p] = r));
  for (let i = 0; i < party.length; i++) party[i] = rank[party[i] as number] as number;
  return { parties: order.map((p) => found[p] as PartyInfo), party };
}

/** Invoices and credit notes by doc_no: the first of each doc_no in a map, the rest chained. */
export interface DocLookup {
  first: Map<string, number>;
  /** Next invoice or credit note with the same doc_no (any party), in input order; −1 at the end. */
  next: Int32Array;
}

function lookupDocs(entries: Entry[]): DocLookup {
  const first = new Map<string, number>();
  const next = new Int32Array(entries.length).fill(-1);
  const tail = new Int32Array(entries.length);
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i] as Entry;
    if (e.entryType !== 'invoice' && e.entryType !== 'credit_note') continue;
    const f = first.get(e.docNo);
    if (f === undefined) {
      first.set(e.docNo, i);
      tail[i] = i;
    } else {
      next[tail[f] as number] = i;
      tail[f] = i;
    }
  }
  return { first, next };
}

/** The first invoice or credit note of party `p` with this doc_no, or −1. */
export function findDoc(x: LedgerIndex, p: number, docNo: string): number {
  let t = x.docs.first.get(docNo) ?? -1;
  while (t >= 0 && x.party[t] !== p) t = x.docs.next[t] as number;
  return t;
}

/** An invoice, or a credit note without settles: an item that a settles may name (§2.2). */
export function isDocument(e: Entry): boolean {
  return e.entryType === 'invoice' || (e.entryType === 'credit_note' && e.settles === undefined);
}

/** Classifies every entry as item, settling (with its target) or loose. */
function allocate(x: LedgerIndex, entries: Entry[]): void {
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i] as Entry;
    if (isDocument(e)) {
      x.kind[i] = KIND_ITEM;
      continue;
    }
    if (e.settles === undefined) continue;
    const t = findDoc(x, x.party[i] as number, e.settles);
    if (t < 0) continue;
    const doc = entries[t] as Entry;
    if (!isDocument(doc) || doc.currency !== e.currency) continue;
    x.kind[i] = KIND_SETTLING;
    x.target[i] = t;
  }
}

function buildIndex(ledger: Ledger): LedgerIndex {
  const { entries } = ledger;
  const n = entries.length;
  const { parties, party } = indexParties(ledger);
  const index: LedgerIndex = {
    ledger, size: n, parties, party,
    type: new Uint8Array(n), kind: new Uint8Array(n).fill(KIND_LOOSE), target: new Int32Array(n).fill(-1),
    entryDate: new Int32Array(n), docDate: new Int32Array(n), dueDate: new Int32Array(n),
    amount: new Float64Array(n), amountBase: new Float64Array(n), isBase: new Uint8Array(n),
    cache: new Map(),
    docs: lookupDocs(entries),
    scratch: null,
  };
  for (let i = 0; i < n; i++) {
    const e = entries[i] as Entry;
    index.type[i] = TYPE_CODE[e.entryType];
    index.entryDate[i] = e.entryDate;
    index.docDate[i] = e.docDate;
    index.dueDate[i] = e.dueDate;
    index.amount[i] = e.amount;
    index.amountBase[i] = e.amountBase;
    index.isBase[i] = e.currency === ledger.baseCurrency ? 1 : 0;
  }
  allocate(index, entries);
  return index;
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
  const index = buildIndex(ledger);
  CACHE.set(ledger, { index, entries: ledger.entries, length: ledger.entries.length, partiesSize: ledger.parties.size, baseCurrency: ledger.baseCurrency });
  return index;
}

/** A value computed once per index and key (e.g. the items as of a date); the last few are kept. */
export function cached<T>(index: LedgerIndex, key: string, compute: () => T, keep = 6): T {
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

/** Display name of a party: parties file, else latest entry's name, else the id. */
export function partyDisplayName(ledger: Ledger, side: Side, partyId: string): string {
  const index = ledgerIndex(ledger);
  const found = index.parties.find((p) => p.ledger === side && p.partyId === partyId);
  return found?.name ?? ledger.parties.get(partyKey(side, partyId))?.name ?? partyId;
}
