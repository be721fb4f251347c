// Open items as of a date (ledger.md §2) as rows: every item (open and settled) or only the open
// ones with their age and bucket. The allocation itself is computed in item-table.ts.
//   invoice INV-1 100.00 on 03-01, payment −60.00 on 03-20 settles INV-1
//   as of 03-10 → INV-1 open 100.00;  as of 03-31 → INV-1 open 40.00
import { basisDates, bucketIndex, checkBuckets } from './aging';
import type { Day } from './date';
import type { Minor } from './money';
import { itemKeysOf } from './item-key';
import { itemTable, NO_DAY, type ItemTable } from './item-table';
import { newEntryFields, type EntryFields as CheckedFields } from './entry-record';
import { compareDocNos, fieldsOf, ledgerIndex, type LedgerIndex, type PartyInfo } from './ledger-index';
import { DEFAULT_BUCKETS, type AgingBasis, type Item, type OpenItem } from './report-types';
import { ENTRY_TYPES, type Entry, type Ledger } from './types';

export interface OpenItemsParams {
  basis?: AgingBasis;
  /** Ascending day limits, default 30,60,90,120. */
  buckets?: readonly number[];
}

/** What an item shows of its own entry (also what core/settlements shows of a settling entry). */
export type EntryFields = Omit<Item, 'key' | 'open' | 'openBase' | 'settledDate' | 'paymentRef'>;

/** The fields of entry i as an item row shows them, the party named as in every report. */
export function entryFields(x: LedgerIndex, i: number, e: Entry = x.entry(i)): EntryFields {
  return {
    ledger: e.ledger,
    partyId: e.partyId,
    partyName: (x.parties[x.party[i] as number] as { name: string }).name,
    docNo: e.docNo,
    entryType: e.entryType,
    entryDate: e.entryDate,
    docDate: e.docDate,
    dueDate: e.dueDate,
    currency: e.currency,
    amount: e.amount,
    amountBase: e.amountBase,
    description: e.description ?? '',
  };
}

/** Item entry k of the table as a row, without its key (built without spreading, so cheap per row). */
function itemFields(x: LedgerIndex, t: ItemTable, k: number): Omit<Item, 'key'> {
  const i = t.entry[k] as number;
  const e = x.entry(i);
  const settled = t.settled[k] as number;
  const item = entryFields(x, i, e) as Omit<Item, 'key'>;
  item.open = t.open[k] as number;
  item.openBase = t.openBase[k] as number;
  item.settledDate = settled === NO_DAY ? null : settled;
  if (e.paymentRef !== undefined) item.paymentRef = e.paymentRef;
  return item;
}

function text(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Order of one party's item rows: due date, doc_no, then every other field (the rows of all
 * parties are in party order, AR first, by id: sortedPositions deals them out per party first).
 */
function compareEntries(x: LedgerIndex, i: number, j: number): number {
  // From the index's columns; the entries are made only for rows equal in all of them.
  return (
    (x.dueDate[i] as number) - (x.dueDate[j] as number) ||
    compareDocNos(x, i, j) ||
    text(ENTRY_TYPES[x.type[i] as number] as string, ENTRY_TYPES[x.type[j] as number] as string) ||
    (x.entryDate[i] as number) - (x.entryDate[j] as number) ||
    (x.docDate[i] as number) - (x.docDate[j] as number) ||
    (x.amount[i] as number) - (x.amount[j] as number) ||
    (x.amountBase[i] as number) - (x.amountBase[j] as number) ||
    text(x.currencyCodes[x.currency[i] as number] as string, x.currencyCodes[x.currency[j] as number] as string) ||
    text(x.entry(i).description ?? '', x.entry(j).description ?? '')
  );
}

/** partsAt reads this many items ahead (OpenItemList.touch). */
const AHEAD = 64;

/** Groups this small are put in order by insertion; larger ones by the built-in sort. */
const SMALL_GROUP = 24;

/**
 * Positions in the table of the items that pass `keep`, in report order (compareEntries, then
 * table position). The parties are numbered in report order, so the positions are first dealt out
 * per party (counting, no comparisons) and only each party's few items are compared.
 */
function sortedPositions(x: LedgerIndex, t: ItemTable, keep: (k: number) => boolean): Int32Array {
  const parties = x.parties.length;
  const start = new Int32Array(parties + 1);
  let n = 0;
  for (let k = 0; k < t.count; k++) {
    if (!keep(k)) continue;
    const p = x.party[t.entry[k] as number] as number;
    start[p + 1] = (start[p + 1] as number) + 1;
    n++;
  }
  for (let p = 0; p < parties; p++) start[p + 1] = (start[p + 1] as number) + (start[p] as number);
  const next = start.slice(0, parties);
  const order = new Int32Array(n);
  for (let k = 0; k < t.count; k++) {
    if (!keep(k)) continue;
    const p = x.party[t.entry[k] as number] as number;
    order[next[p] as number] = k;
    next[p] = (next[p] as number) + 1;
  }
  const before = (p: number, q: number): number => compareEntries(x, t.entry[p] as number, t.entry[q] as number) || p - q;
  for (let p = 0; p < parties; p++) {
    const from = start[p] as number;
    const to = start[p + 1] as number;
    if (to - from > SMALL_GROUP) order.subarray(from, to).sort(before);
    else insertionSort(order, from, to, before);
  }
  return order;
}

function insertionSort(a: Int32Array, from: number, to: number, compare: (p: number, q: number) => number): void {
  for (let m = from + 1; m < to; m++) {
    const v = a[m] as number;
    let j = m - 1;
    while (j >= from && compare(a[j] as number, v) > 0) {
      a[j + 1] = a[j] as number;
      j--;
    }
    a[j + 1] = v;
  }
}

/** Every item as of `asOf`, open and settled, ordered by party, due date and doc_no. */
export function allItemsAsOf(ledger: Ledger, asOf: Day): Item[] {
  const x = ledgerIndex(ledger);
  const t = itemTable(x, asOf);
  const keys = itemKeysOf(x);
  return Array.from(sortedPositions(x, t, () => true), (k) => ({ key: keys[t.entry[k] as number] as string, ...itemFields(x, t, k) }));
}

/** An open item as a report prints it: every field but its key. */
export type OpenItemFields = Omit<OpenItem, 'key'>;

/**
 * An open item's own entry (the fields every entry has, read from the index's columns: no entry
 * is made), its party's name and its figures as of the date (OpenItemList.partsAt).
 */
export interface OpenItemParts {
  entry: CheckedFields;
  partyName: string;
  open: Minor;
  openBase: Minor;
  ageDays: number;
  bucket: number;
}

/**
 * The open items as of a date in report order, each made when it is read (`at`): a big ledger has
 * hundreds of thousands, and a report that prints them one by one never holds them all as objects.
 */
export class OpenItemList {
  /** What touch read, kept so that the reads are not left out. */
  private touched = 0;

  private constructor(
    private readonly x: LedgerIndex,
    private readonly t: ItemTable,
    private readonly order: Int32Array,
    private readonly dates: Int32Array,
    private readonly basis: AgingBasis,
    private readonly buckets: readonly number[],
  ) {}

  /** The open items as of `asOf` (open amount ≠ 0, negative ones too) with age and bucket. */
  static of(ledger: Ledger, asOf: Day, params: OpenItemsParams = {}): OpenItemList {
    const basis = params.basis ?? 'due';
    const buckets = params.buckets ?? DEFAULT_BUCKETS;
    checkBuckets(buckets);
    const x = ledgerIndex(ledger);
    const t = itemTable(x, asOf);
    return new OpenItemList(x, t, sortedPositions(x, t, (k) => t.open[k] !== 0), basisDates(x, basis), basis, buckets);
  }

  get length(): number {
    return this.order.length;
  }

  /** The n-th open item, made anew on each call. */
  at(n: number): OpenItemFields | undefined {
    if (n < 0 || n >= this.order.length) return undefined;
    const k = this.order[n] as number;
    const item = itemFields(this.x, this.t, k) as OpenItemFields;
    item.ageDays = this.t.asOf - (this.dates[this.t.entry[k] as number] as number);
    item.bucket = bucketIndex(this.basis, this.buckets, item.ageDays);
    return item;
  }

  /**
   * What a report prints of the n-th open item, without making the item: into `into` when given
   * (a reader of one item at a time reuses one), else into a new one.
   */
  partsAt(n: number, into?: OpenItemParts): OpenItemParts {
    if (n % AHEAD === 0) this.touch(n);
    const k = this.order[n] as number;
    const { x, t } = this;
    const i = t.entry[k] as number;
    const ageDays = t.asOf - (this.dates[i] as number);
    const parts = into ?? { entry: newEntryFields(), partyName: '', open: 0, openBase: 0, ageDays: 0, bucket: 0 };
    fieldsOf(x, i, parts.entry);
    parts.partyName = (x.parties[x.party[i] as number] as PartyInfo).name;
    parts.open = t.open[k] as number;
    parts.openBase = t.openBase[k] as number;
    parts.ageDays = ageDays;
    parts.bucket = bucketIndex(this.basis, this.buckets, ageDays);
    return parts;
  }

  /**
   * Reads what partsAt reads of items n to n + AHEAD, in one short loop: the items lie scattered
   * over the index's columns (a ledger's rows come in any order), and the misses of a loop that
   * does nothing else overlap, where partsAt alone would wait for each in turn.
   */
  private touch(n: number): void {
    const { x, t, order, dates } = this;
    const end = Math.min(order.length, n + AHEAD);
    let sum = 0;
    for (let m = n; m < end; m++) {
      const k = order[m] as number;
      const i = t.entry[k] as number;
      sum += (t.open[k] as number) + (t.openBase[k] as number) + (dates[i] as number) + (x.party[i] as number) + (x.type[i] as number);
      sum += (x.docStart[i] as number) + (x.docEnd[i] as number) + (x.entryDate[i] as number) + (x.docDate[i] as number) + (x.dueDate[i] as number);
      sum += (x.amount[i] as number) + (x.currency[i] as number) + (x.amountBase[i] as number) + x.docs.texts.charCodeAt(x.docStart[i] as number);
    }
    this.touched = sum;
  }

  /** The key (core/item-key.ts) of the n-th open item. */
  keyAt(n: number): string {
    return itemKeysOf(this.x)[this.t.entry[this.order[n] as number] as number] as string;
  }

  /** The items of the parties that pass `keep`, in the same order. */
  ofParties(keep: (party: PartyInfo) => boolean): OpenItemList {
    const { x, t } = this;
    const chosen = x.parties.map(keep);
    const order = this.order.filter((k) => chosen[x.party[t.entry[k] as number] as number] === true);
    return new OpenItemList(x, t, order, this.dates, this.basis, this.buckets);
  }
}

/** The open items as of `asOf` (open amount ≠ 0, negative ones too) with age and bucket. */
export function openItemsAsOf(ledger: Ledger, asOf: Day, params: OpenItemsParams = {}): OpenItem[] {
  const list = OpenItemList.of(ledger, asOf, params);
  return Array.from({ length: list.length }, (_, n) => ({ key: list.keyAt(n), ...(list.at(n) as OpenItemFields) }));
}
