// Balance confirmations (saldibevestiging, confirmation de solde) as of a date: which parties get
// one, and what each shows: the party's balance (ledger.md §4) and the open items behind it (§2).
// The auditor's choice: every party with open items, those whose balance is at least an amount
// (either sign: a large credit balance is confirmed too), a seeded random sample of N (the seed
// is kept so that the sample can be drawn again), or parties named one by one.
//   sample of 2 with seed 7 from C1…C5 → the same two parties on every machine
import type { Day } from './date';
import { balanceList } from './balances';
import type { Minor } from './money';
import { openItemsAsOf } from './open-items';
import { Random } from './random';
import type { BalanceRow, OpenItem } from './report-types';
import { partyKey, type Ledger, type Side } from './types';

export type ConfirmSelection =
  | { kind: 'all' }
  | { kind: 'over'; amount: Minor }
  | { kind: 'sample'; size: number; seed: number }
  | { kind: 'parties'; parties: readonly { ledger: Side; partyId: string }[] };

/** The size of a sample as typed (`sample:N`, the pane's field): a whole number of 1 or more, else null. */
export function readSampleSize(text: string): number | null {
  const trimmed = text.trim();
  return /^\d{1,9}$/.test(trimmed) && Number(trimmed) > 0 ? Number(trimmed) : null;
}

/** A sample's seed as typed (`--seed`, the pane's field): a whole number of at most 9 digits, else null. */
export function readSeed(text: string): number | null {
  const trimmed = text.trim();
  return /^\d{1,9}$/.test(trimmed) ? Number(trimmed) : null;
}

/** A new seed when none is given, from the clock's milliseconds: 0 … 999 999, short enough to print and type. */
export function seedFromClock(ms: number): number {
  return Math.floor(ms) % 1_000_000;
}

export interface Confirmation {
  ledger: Side;
  partyId: string;
  partyName: string;
  balance: Minor;
  items: OpenItem[];
}

/** N of the rows drawn without replacement (a partial Fisher–Yates shuffle), in their own order. */
function sample(rows: readonly BalanceRow[], size: number, seed: number): BalanceRow[] {
  const random = new Random(seed);
  const order = rows.map((_, i) => i);
  const n = Math.min(size, order.length);
  for (let i = 0; i < n; i++) {
    const j = random.int(i, order.length - 1);
    [order[i], order[j]] = [order[j] as number, order[i] as number];
  }
  return order.slice(0, n).sort((a, b) => a - b).map((i) => rows[i] as BalanceRow);
}

function selected(rows: readonly BalanceRow[], selection: ConfirmSelection): BalanceRow[] {
  switch (selection.kind) {
    case 'all':
      return [...rows];
    case 'over':
      return rows.filter((r) => Math.abs(r.balance) >= selection.amount);
    case 'sample':
      return sample(rows, selection.size, selection.seed);
    case 'parties': {
      const wanted = new Set(selection.parties.map((p) => partyKey(p.ledger, p.partyId)));
      return rows.filter((r) => wanted.has(partyKey(r.ledger, r.partyId)));
    }
  }
}

/** The confirmations of the selected parties with open items as of `asOf`, AR before AP, by party id. */
export function balanceConfirmations(ledger: Ledger, asOf: Day, selection: ConfirmSelection): Confirmation[] {
  const rows = balanceList(ledger, asOf).sort((a, b) => (a.ledger === b.ledger ? (a.partyId < b.partyId ? -1 : 1) : a.ledger === 'AR' ? -1 : 1));
  const chosen = selected(rows, selection);
  const keys = new Set(chosen.map((r) => partyKey(r.ledger, r.partyId)));
  const items = new Map<string, OpenItem[]>();
  for (const item of openItemsAsOf(ledger, asOf)) {
    const key = partyKey(item.ledger, item.partyId);
    if (!keys.has(key)) continue;
    const list = items.get(key);
    if (list) list.push(item);
    else items.set(key, [item]);
  }
  return chosen.map((r) => ({
    ledger: r.ledger, partyId: r.partyId, partyName: r.partyName, balance: r.balance, items: items.get(partyKey(r.ledger, r.partyId)) ?? [],
  }));
}
