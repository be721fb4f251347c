// What the Overview shows first of a ledger: the key figures of each side (core/key-figures, with
// "payments known up to") and each side's open amount per aging bucket (core/aging). Small, so
// the import worker computes it from the ledger it already holds and hands it to the pane with
// the ledger: the pane shows its figures without going through the whole ledger on its own thread.
import { agingReport, sideBucketTotals } from '../../core/aging';
import type { Day } from '../../core/date';
import { keyFigures } from '../../core/key-figures';
import type { AgingBasis, KeyFigures } from '../../core/report-types';
import type { Ledger, Side } from '../../core/types';

/** The settings the first screen depends on, besides the ledger. */
export interface FirstScreenParams {
  asOf: Day;
  dueSoonDays: readonly number[];
  basis: AgingBasis;
  buckets: readonly number[];
}

export interface SideAging {
  labels: string[];
  amounts: number[];
}

export interface FirstScreen {
  params: FirstScreenParams;
  /** The currency of its amounts (the ledger's base currency). */
  baseCurrency: string;
  figures: KeyFigures;
  aging: Record<Side, SideAging>;
}

export function firstScreen(ledger: Ledger, params: FirstScreenParams): FirstScreen {
  const { asOf, basis, buckets } = params;
  const report = agingReport(ledger, { asOf, basis, buckets: [...buckets] });
  const side = (s: Side): SideAging => ({ labels: report.bucketLabels, amounts: sideBucketTotals(report, s) });
  return { params, baseCurrency: ledger.baseCurrency, figures: keyFigures(ledger, asOf, params.dueSoonDays), aging: { AR: side('AR'), AP: side('AP') } };
}

const sameList = (a: readonly number[], b: readonly number[]) => a.length === b.length && a.every((n, i) => n === b[i]);

/** Whether a first screen computed with `a` is the one for `b`. */
export function sameParams(a: FirstScreenParams, b: FirstScreenParams): boolean {
  return a.asOf === b.asOf && a.basis === b.basis && sameList(a.dueSoonDays, b.dueSoonDays) && sameList(a.buckets, b.buckets);
}
