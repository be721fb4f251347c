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

interface Sums {
  open: Float64Array;
  base: Float64Array;
  last: Int32Array;
}

/** The index's scratch columns, zeroed for a new date. */
function freshSums(x: LedgerIndex): Sums {
  const n = x.size;
  x.scratch ??= { open: new Float64Array(n), base: new Float64Array(n), last: new Int32Array(n) };
  x.scratch.open.fill(0);
  x.scratch.base.fill(0);
  x.scratch.last.fill(NO_DAY);
  return x.scratch;
}

/** Pass 1: each existing item's own amount plus its existing settling entries. */
function accumulate(x: LedgerIndex, asOf: Day): Sums {
  const n = x.size;
  const s = freshSums(x);
  const { kind, target, entryDate, amount, amountBase } = x;
  for (let i = 0; i < n; i++) {
    const d = entryDate[i] as number;
    if (d > asOf) continue;
    const k = kind[i];
    let t = i;
    if (k === KIND_SETTLING) {
      t = target[i] as number;
      if ((entryDate[t] as number) > asOf) continue;
    } else if (k !== KIND_ITEM) continue;
    s.open[t] = (s.open[t] as number) + (amount[i] as number);
    s.base[t] = (s.base[t] as number) + (amountBase[i] as number);
    if (d > (s.last[t] as number)) s.last[t] = d;
  }
  return s;
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

/** True when entry i is an item as of asOf. */
function isItem(x: LedgerIndex, i: number, asOf: Day): boolean {
  if ((x.entryDate[i] as number) > asOf) return false;
  const k = x.kind[i];
  if (k === KIND_ITEM || k === KIND_LOOSE) return true;
  return (x.entryDate[x.target[i] as number] as number) > asOf;
}

function buildTable(x: LedgerIndex, asOf: Day): ItemTable {
  const sums = accumulate(x, asOf);
  const n = x.size;
  let count = 0;
  for (let i = 0; i < n; i++) if (isItem(x, i, asOf)) count++;
  const t: ItemTable = { asOf, count, entry: new Int32Array(count), open: new Float64Array(count), openBase: new Float64Array(count), settled: new Int32Array(count) };
  let k = 0;
  for (let i = 0; i < n; i++) {
    if (!isItem(x, i, asOf)) continue;
    const own = x.kind[i] === KIND_ITEM;
    const o = own ? (sums.open[i] as number) : (x.amount[i] as number);
    t.entry[k] = i;
    t.open[k] = o;
    t.openBase[k] = openBaseOf(x, i, o, own ? (sums.base[i] as number) : (x.amountBase[i] as number));
    t.settled[k] = o !== 0 ? NO_DAY : own ? (sums.last[i] as number) : (x.entryDate[i] as number);
    k++;
  }
  return t;
}

/** The items as of `asOf`, computed once per ledger and date. */
export function itemTable(x: LedgerIndex, asOf: Day): ItemTable {
  return cached(x, `items@${asOf}`, () => buildTable(x, asOf));
}
