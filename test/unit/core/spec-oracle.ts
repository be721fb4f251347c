// ledger.md §2 worked out by hand, one entry at a time, to check the engine against: no index, no
// columns, no shortcuts — a list of entries, the items they make, and the spec's formula for
// open_base with its own exact rounding. Slow and plain on purpose.
import type { Day } from '../../../src/core/date';
import type { Entry, Ledger } from '../../../src/core/types';

export interface SpecItem {
  entry: Entry;
  open: number;
  /** ledger.md §2.5; null where the spec gives none (a foreign item whose own amount is 0). */
  openBase: number | null;
  /** §2.6: the day the item was settled, null while open. */
  settled: Day | null;
}

/** a × b / c rounded half away from zero, in BigInt (the base currency's minor unit). */
function timesOverRounded(a: number, b: number, c: number): number {
  const n = BigInt(a) * BigInt(b);
  const d = BigInt(c);
  const q = n / d; // truncated toward zero
  const r = n % d;
  const twiceRest = (r < 0n ? -r : r) * 2n;
  if (twiceRest < (d < 0n ? -d : d)) return Number(q);
  return Number(q + ((n < 0n) !== (d < 0n) ? -1n : 1n));
}

/** §2.2: invoices, and credit notes that settle nothing, are documents — items in their own right. */
function isDocument(e: Entry): boolean {
  return e.entryType === 'invoice' || (e.entryType === 'credit_note' && e.settles === undefined);
}

/** The items of `ledger` as of `asOf`, by ledger.md §2. */
export function specItems(ledger: Ledger, asOf: Day): SpecItem[] {
  const existing = ledger.entries.filter((e) => e.entryDate <= asOf); // §2.1
  // The document an entry's settles names, when it exists as of asOf, is of the same party and
  // currency (§1.4: one in another currency leaves the entry unallocated).
  const named = (e: Entry): Entry | undefined =>
    e.settles === undefined || isDocument(e)
      ? undefined
      : existing.find((d) => isDocument(d) && d.ledger === e.ledger && d.partyId === e.partyId && d.docNo === e.settles && d.currency === e.currency);
  const items: SpecItem[] = [];
  for (const e of existing) {
    if (isDocument(e)) {
      const settling = existing.filter((s) => named(s) === e);
      const open = settling.reduce((sum, s) => sum + s.amount, e.amount);
      // §2.6: the latest settling entry; a payment booked before its invoice settles it on the invoice's day
      const settled = open === 0 ? Math.max(e.entryDate, ...settling.map((s) => s.entryDate)) : null;
      items.push({ entry: e, open, openBase: openBaseOf(ledger, e, open), settled });
    } else if (named(e) === undefined) {
      items.push({ entry: e, open: e.amount, openBase: openBaseOf(ledger, e, e.amount), settled: e.amount === 0 ? e.entryDate : null }); // §2.3
    }
  }
  return items;
}

function openBaseOf(ledger: Ledger, e: Entry, open: number): number | null {
  if (e.currency === ledger.baseCurrency) return open;
  if (e.amount === 0) return open === 0 ? 0 : null;
  return timesOverRounded(e.amountBase, open, e.amount);
}

/** §4: a party's balance as of a day — the sum of its items' open_base; null where one has none. */
export function specBalance(ledger: Ledger, side: string, partyId: string, asOf: Day): number | null {
  let total = 0;
  for (const item of specItems(ledger, asOf)) {
    if (item.entry.ledger !== side || item.entry.partyId !== partyId) continue;
    if (item.openBase === null) return null;
    total += item.openBase;
  }
  return total;
}
