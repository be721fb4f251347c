// The shapes of the reports of ledger.md §2–§7, shared by the engine (which computes them), the
// worksheets, the command line and the task pane (which show them). Money in minor units of the
// base currency unless a field says otherwise; dates as days; `null` where a value does not exist.
//
// The report functions (one module each in core/):
//   openItemsAsOf(ledger, asOf, {basis, buckets})        core/open-items.ts  → OpenItem[] (open only)
//   allItemsAsOf(ledger, asOf)                           core/open-items.ts  → Item[] (open and settled)
//   agingReport(ledger, params)                          core/aging.ts       → AgingReport
//   balanceList(ledger, asOf)                            core/balances.ts    → BalanceRow[]
//   mutations(ledger, period, {sort, side?, partyId?})   core/mutations.ts   → MutationRow[]
//   partyCard(ledger, side, partyId, period)             core/party-card.ts  → PartyCard
//   turnaround(ledger, period)                           core/turnaround.ts  → TurnaroundReport
//   keyFigures(ledger, asOf, dueWithin = [3, 5])         core/key-figures.ts → KeyFigures
//   revaluation(ledger, asOf, rates)                     core/revaluation.ts → RevaluationReport (§9)
import type { Day } from './date';
import type { Minor } from './money';
import type { EntryType, Side } from './types';

/** The date an item's age counts from: its due date, document date or entry date (ledger.md §4). */
export const AGING_BASES = ['due', 'doc', 'entry'] as const;
export type AgingBasis = (typeof AGING_BASES)[number];
export type MutationSort = 'date' | 'doc';

export interface Period {
  from: Day;
  to: Day;
}

export interface AgingParams {
  asOf: Day;
  basis: AgingBasis;
  /** Ascending day limits, default [30, 60, 90, 120]. */
  buckets: number[];
}

export const DEFAULT_BUCKETS: readonly number[] = [30, 60, 90, 120];
export const DEFAULT_DUE_WITHIN: readonly number[] = [3, 5];

/** An item of ledger.md §2 as of a date, open or settled. */
export interface Item {
  /** Its identity (core/item-key.ts): the same in every list and on every date. */
  key: string;
  ledger: Side;
  partyId: string;
  partyName: string;
  docNo: string;
  entryType: EntryType;
  entryDate: Day;
  docDate: Day;
  dueDate: Day;
  currency: string;
  /** The item's own amount, in its currency. */
  amount: Minor;
  amountBase: Minor;
  /** Open amount in the item's currency. */
  open: Minor;
  /** Open amount in the base currency at the booking rate. */
  openBase: Minor;
  /** The entry_date of the entry that brought the open amount to zero; null while open. */
  settledDate: Day | null;
  description: string;
  paymentRef?: string;
}

/** An open item with its age and bucket for the chosen basis and limits. */
export interface OpenItem extends Item {
  ageDays: number;
  /** Index into the bucket labels of `bucketLabels(basis, buckets)`. */
  bucket: number;
}

export interface AgingRow {
  ledger: Side;
  partyId: string;
  partyName: string;
  total: Minor;
  /** One amount per bucket label; they add up to `total`. */
  buckets: Minor[];
}

export interface AgingReport {
  asOf: Day;
  basis: AgingBasis;
  bucketLabels: string[];
  rows: AgingRow[];
}

export interface BalanceRow {
  ledger: Side;
  partyId: string;
  partyName: string;
  balance: Minor;
  overdue: Minor;
  notDue: Minor;
  openItems: number;
  creditLimit: Minor | null;
  headroom: Minor | null;
  overLimit: boolean | null;
  oldestOverdueDays: number | null;
  lastPaymentDate: Day | null;
}

export interface MutationRow {
  ledger: Side;
  partyId: string;
  partyName: string;
  entryDate: Day;
  docNo: string;
  entryType: EntryType;
  docDate: Day;
  dueDate: Day;
  currency: string;
  amount: Minor;
  amountBase: Minor;
  settles: string | null;
  description: string;
}

export interface PartyCardRow {
  entryDate: Day;
  docNo: string;
  entryType: EntryType;
  docDate: Day;
  dueDate: Day;
  description: string;
  currency: string;
  amount: Minor;
  amountBase: Minor;
  balanceBase: Minor;
  /** The running balance in this row's currency (all of the party's entries in that currency). */
  balanceInCurrency: Minor;
}

export interface PartyCard {
  ledger: Side;
  partyId: string;
  partyName: string;
  period: Period;
  opening: { base: Minor; byCurrency: Record<string, Minor> };
  rows: PartyCardRow[];
}

export interface TurnaroundRow {
  ledger: Side;
  partyId: string;
  partyName: string;
  opening: Minor;
  invoiced: Minor;
  credited: Minor;
  paid: Minor;
  other: Minor;
  fxDifference: Minor;
  closing: Minor;
  invoicesSettled: number;
  avgDaysToPay: number | null;
  weightedDaysToPay: number | null;
  avgDaysLate: number | null;
  onTimeRate: number | null;
}

export interface TurnaroundTotals {
  opening: Minor;
  invoiced: Minor;
  closing: Minor;
  notDue: Minor;
  dso: number | null;
  bestPossibleDso: number | null;
  add: number | null;
  cei: number | null;
}

/** One settled positive invoice of the period: the fact table of payment behaviour. */
export interface SettledInvoice {
  ledger: Side;
  partyId: string;
  partyName: string;
  docNo: string;
  docDate: Day;
  dueDate: Day;
  settledDate: Day;
  daysToPay: number;
  daysLate: number;
  amountBase: Minor;
}

export interface TurnaroundReport {
  period: Period;
  rows: TurnaroundRow[];
  totals: Record<Side, TurnaroundTotals>;
  settled: SettledInvoice[];
}

export interface SideKeyFigures {
  overdue: Minor;
  notDue: Minor;
  total: Minor;
  /** Keyed by the number of days N: open amount due in asOf..asOf+N. */
  dueWithin: Record<number, Minor>;
  /** Latest entry_date of any payment in the ledger: payments are known up to this date. */
  journalsUpdatedUntil: Day | null;
}

export interface KeyFigures {
  asOf: Day;
  AR: SideKeyFigures;
  AP: SideKeyFigures;
}
