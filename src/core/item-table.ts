// The items of a ledger as of a date (ledger.md §2) as flat columns, computed in two passes over
// the index and shared by every report asked about the same date:
//   entries after asOf do not exist; an item's open amount is its own amount plus every existing
//   entry settling it; a settling entry whose item is booked after asOf is an item of its own.
//   open_base = amount_base × open / amount (booking rate), exact; settled = the later of the
//   item's own entry_date and its latest settling entry (a payment may precede its invoice).
import type { Day } from './date';
import { cached, KIND_ITEM, KIND_LOOSE, KIND_SETTLING, type LedgerIndex } from './ledger-index';
import { mulDivRound } from './money';

/** "Not settled" in the settled column. */
export const NO_DAY = -2147483648;

/** Days are ≥ −400,000 (year 1000) and < 3,000,000 (year 9999): 22 bits once shifted. */
const DAY_SHIFT = 400_000;
const DAY_RANGE = 4_194_304;

/** A number that orders rows by party number, then by a day: a cheap first sort key. */
export function partyDayKey(party: number, day: Day): number {
  return party * DAY_RANGE + day + DAY_SHIFT;
}

export interface ItemTable {
  asOf: Day;
  count: number;
  /** Entry index of each item's own row. */
  entry: Int32Array;
  open: Float64Array;
  openBase: Float64Array;
  /** Settled date, or NO_DAY while open. */
  settled: Int32Array;
}

/**
 * Per entry, four numbers side by side in the index's scratch column (one cache line per item:
 * the settling entries of a shuffled ledger reach their items in no order): the open amount,
 * the base amount, the latest existing date and the item's own entry_date.
 */
const OPEN = 0;
const BASE = 1;
const LAST = 2;
const DATE = 3;
const SLOT = 4;

/** The index's scratch column, made once per index (accumulate sets the slots of the items). */
function freshSlots(x: LedgerIndex): Float64Array {
  const n = x.size;
  if (x.scratch?.length !== n * SLOT) x.scratch = new Float64Array(n * SLOT);
  return x.scratch;
}

interface Sums {
  slots: Float64Array;
  /** 1 for a settling entry whose item is booked after the date: an item of its own. */
  orphan: Uint8Array;
  /** How many entries are items as of the date (isItem). */
  items: number;
}

/** Pass 1: each existing item's own amount plus its existing settling entries; the items counted. */
function accumulate(x: LedgerIndex, asOf: Day): Sums {
  const n = x.size;
  const slots = freshSlots(x);
  const orphan = new Uint8Array(n);
  const { kind, target, entryDate, amount, amountBase } = x;
  let items = 0;
  for (let i = 0; i < n; i++) {
    if (kind[i] !== KIND_ITEM) continue;
    const d = entryDate[i] as number;
    const s = i * SLOT;
    const exists = d <= asOf;
    slots[s + OPEN] = exists ? (amount[i] as number) : 0;
    slots[s + BASE] = exists ? (amountBase[i] as number) : 0;
    slots[s + LAST] = exists ? d : NO_DAY;
    slots[s + DATE] = d;
    if (exists) items++;
  }
  for (let i = 0; i < n; i++) {
    const d = entryDate[i] as number;
    if (d > asOf) continue;
    const k = kind[i];
    if (k === KIND_LOOSE) items++;
    if (k !== KIND_SETTLING) continue;
    const s = (target[i] as number) * SLOT;
    if ((slots[s + DATE] as number) > asOf) {
      orphan[i] = 1;
      items++;
      continue;
    }
    slots[s + OPEN] = (slots[s + OPEN] as number) + (amount[i] as number);
    slots[s + BASE] = (slots[s + BASE] as number) + (amountBase[i] as number);
    if (d > (slots[s + LAST] as number)) slots[s + LAST] = d;
  }
  return { slots, orphan, items };
}

/** open_base of item entry i with open amount `open` (booking rate; base sums for a zero amount). */
function openBaseOf(x: LedgerIndex, i: number, open: number, baseSum: number): number {
  if (open === 0) return 0;
  if (x.isBase[i] === 1) return open;
  const amount = x.amount[i] as number;
  if (open === amount) return x.amountBase[i] as number;
  if (amount === 0) return baseSum;
  return mulDivRound(x.amountBase[i] as number, open, amount) + 0; // + 0: never −0
}

function buildTable(x: LedgerIndex, asOf: Day): ItemTable {
  const { slots, orphan, items: count } = accumulate(x, asOf);
  const n = x.size;
  const t: ItemTable = { asOf, count, entry: new Int32Array(count), open: new Float64Array(count), openBase: new Float64Array(count), settled: new Int32Array(count) };
  const { entry, open, openBase, settled } = t;
  const { kind, entryDate, amount, amountBase } = x;
  let k = 0;
  for (let i = 0; i < n; i++) {
    const d = entryDate[i] as number;
    if (d > asOf) continue;
    const own = kind[i] === KIND_ITEM;
    if (!own && kind[i] !== KIND_LOOSE && orphan[i] === 0) continue; // settles an existing item
    const s = i * SLOT;
    const o = own ? (slots[s + OPEN] as number) : (amount[i] as number);
    entry[k] = i;
    open[k] = o;
    openBase[k] = openBaseOf(x, i, o, own ? (slots[s + BASE] as number) : (amountBase[i] as number));
    settled[k] = o !== 0 ? NO_DAY : own ? (slots[s + LAST] as number) : d;
    k++;
  }
  return t;
}

/** The items as of `asOf`, computed once per ledger and date. */
export function itemTable(x: LedgerIndex, asOf: Day): ItemTable {
  return cached(x, `items@${asOf}`, () => buildTable(x, asOf));
}
