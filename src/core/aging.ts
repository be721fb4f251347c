// Aging (ledger.md §3): the open base amount of each party's open items per age bucket.
//   basis due, buckets 30,60,90,120 → not due (age ≤ 0) | 1-30 | 31-60 | 61-90 | 91-120 | >120
//   basis doc/entry                 → 0-30 (age ≤ 30, future-dated too) | 31-60 | … | >120
// age_days = asOf − the basis date; the buckets of a party add up to its balance to the cent.
import type { Day } from './date';
import { itemTable } from './item-table';
import { ledgerIndex, type LedgerIndex } from './ledger-index';
import { DEFAULT_BUCKETS, type AgingBasis, type AgingParams, type AgingReport, type AgingRow } from './report-types';
import type { Ledger, Side } from './types';
import { fill, type Lang, type Params, type Words } from './words';

/** At most this many limits (a column each in every aging sheet and report). */
export const MAX_BUCKET_LIMITS = 20;
/** No limit beyond 100 years. */
export const MAX_BUCKET_DAYS = 36_600;

/** Why bucket limits cannot be used, in English, Dutch and French (`{value}`: the limit at fault). */
export const BUCKET_LIMIT_TEXTS = {
  'buckets-none': {
    en: 'give at least one day limit',
    nl: 'geef minstens één grens in dagen',
    fr: 'indiquez au moins une limite en jours',
  },
  'buckets-too-many': {
    en: 'give at most {max} day limits, not {count}',
    nl: 'geef hoogstens {max} grenzen in dagen, niet {count}',
    fr: 'indiquez au plus {max} limites en jours, pas {count}',
  },
  'buckets-not-whole': {
    en: '{value} is not a whole number of days ≥ 1',
    nl: '{value} is geen geheel aantal dagen ≥ 1',
    fr: "{value} n'est pas un nombre entier de jours ≥ 1",
  },
  'buckets-too-long': {
    en: '{value} days is more than {max} (100 years)',
    nl: '{value} dagen is meer dan {max} (100 jaar)',
    fr: '{value} jours, c’est plus de {max} (100 ans)',
  },
  'buckets-not-ascending': {
    en: 'limits must be ascending',
    nl: 'de grenzen moeten oplopen',
    fr: 'les limites doivent être croissantes',
  },
} as const satisfies Readonly<Record<string, Words>>;

export type BucketLimitProblem = { code: keyof typeof BUCKET_LIMIT_TEXTS; params: Params };

/** Why the limits are not 1 to 20 ascending whole days from 1 to 36,600, or null when they are. */
export function bucketLimitProblem(buckets: readonly number[]): BucketLimitProblem | null {
  if (buckets.length === 0) return { code: 'buckets-none', params: {} };
  if (buckets.length > MAX_BUCKET_LIMITS) return { code: 'buckets-too-many', params: { max: MAX_BUCKET_LIMITS, count: buckets.length } };
  for (const [i, b] of buckets.entries()) {
    if (!Number.isInteger(b) || b < 1) return { code: 'buckets-not-whole', params: { value: b } };
    if (b > MAX_BUCKET_DAYS) return { code: 'buckets-too-long', params: { value: b, max: MAX_BUCKET_DAYS } };
    if (i > 0 && b <= (buckets[i - 1] as number)) return { code: 'buckets-not-ascending', params: {} };
  }
  return null;
}

/** bucketLimitProblem in words, in `lang` (English by default), or null when the limits are fine. */
export function bucketsProblem(buckets: readonly number[], lang: Lang = 'en'): string | null {
  const problem = bucketLimitProblem(buckets);
  return problem === null ? null : fill(BUCKET_LIMIT_TEXTS[problem.code][lang], problem.params);
}

/** Throws a RangeError unless the limits pass bucketsProblem. */
export function checkBuckets(buckets: readonly number[]): void {
  const problem = bucketsProblem(buckets);
  if (problem !== null) throw new RangeError(`aging buckets: ${problem}`);
}

/** Column labels: `not due`, `1-30`, … `>120` (due) or `0-30`, … `>120` (doc, entry). */
export function bucketLabels(basis: AgingBasis, buckets: readonly number[] = DEFAULT_BUCKETS): string[] {
  checkBuckets(buckets);
  const labels = basis === 'due' ? ['not due'] : [];
  let low = basis === 'due' ? 1 : 0;
  for (const limit of buckets) {
    labels.push(`${low}-${limit}`);
    low = limit + 1;
  }
  labels.push(`>${buckets[buckets.length - 1] ?? 0}`);
  return labels;
}

/** Index into `bucketLabels(basis, buckets)` of an item `ageDays` old. */
export function bucketIndex(basis: AgingBasis, buckets: readonly number[], ageDays: number): number {
  const first = basis === 'due' ? 1 : 0;
  if (basis === 'due' && ageDays <= 0) return 0;
  for (let b = 0; b < buckets.length; b++) {
    if (ageDays <= (buckets[b] as number)) return first + b;
  }
  return first + buckets.length;
}

/** The column of basis dates (due, doc or entry date) of the index's entries. */
export function basisDates(x: LedgerIndex, basis: AgingBasis): Int32Array {
  return basis === 'due' ? x.dueDate : basis === 'doc' ? x.docDate : x.entryDate;
}

/** Per party with open items: open_base per bucket and their total. */
export function agingReport(ledger: Ledger, params: Partial<AgingParams> & { asOf: Day }): AgingReport {
  const basis = params.basis ?? 'due';
  const buckets = params.buckets ?? [...DEFAULT_BUCKETS];
  const labels = bucketLabels(basis, buckets);
  const x = ledgerIndex(ledger);
  const t = itemTable(x, params.asOf);
  const width = labels.length;
  const sums = new Float64Array(x.parties.length * width);
  const hasOpen = new Uint8Array(x.parties.length);
  const dates = basisDates(x, basis);
  for (let k = 0; k < t.count; k++) {
    if (t.open[k] === 0) continue;
    const i = t.entry[k] as number;
    const p = x.party[i] as number;
    const b = bucketIndex(basis, buckets, params.asOf - (dates[i] as number));
    sums[p * width + b] = (sums[p * width + b] as number) + (t.openBase[k] as number);
    hasOpen[p] = 1;
  }
  const rows: AgingRow[] = [];
  x.parties.forEach((info, p) => {
    if (hasOpen[p] !== 1) return;
    const row: number[] = [];
    let total = 0;
    for (let b = p * width; b < (p + 1) * width; b++) {
      row.push(sums[b] as number);
      total += sums[b] as number;
    }
    rows.push({ ledger: info.ledger, partyId: info.partyId, partyName: info.name, total, buckets: row });
  });
  return { asOf: params.asOf, basis, bucketLabels: labels, rows };
}

/** Per bucket, the open base amount of one side: the sum of its parties' bucket amounts. */
export function sideBucketTotals(report: AgingReport, side: Side): number[] {
  const totals = report.bucketLabels.map(() => 0);
  for (const row of report.rows) {
    if (row.ledger !== side) continue;
    for (let b = 0; b < totals.length; b++) totals[b] = (totals[b] as number) + (row.buckets[b] ?? 0);
  }
  return totals;
}
