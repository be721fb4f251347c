// Invariants of the revaluation (ledger.md §9) on random ledgers (fast-check): at an item's own
// booking rate the difference is 0 exactly when that rate reproduces its open base, and the
// totals are the sums of the rows.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { openItemsAsOf } from '../../../src/core/open-items';
import { parseRate, type Rate } from '../../../src/core/rates';
import { revaluation, type RevaluationReport } from '../../../src/core/revaluation';
import { asOfArb, ledgerArb } from './arbitraries';

/**
 * Independent of the code under test: does `open / rate` (open in cents, base in cents) round half
 * away from zero to `openBase`? That is |open/rate − openBase| < ½, or = ½ on the side away from 0:
 * compared as integers, 2·open·den against (2·openBase ± 1)·num.
 */
function reproduces(open: number, openBase: number, rate: Rate): boolean {
  const x2 = 2n * BigInt(open) * rate.den; // 2·(open/rate)·num
  const lo = (2n * BigInt(openBase) - 1n) * rate.num;
  const hi = (2n * BigInt(openBase) + 1n) * rate.num;
  if (openBase > 0) return x2 >= lo && x2 < hi;
  if (openBase < 0) return x2 > lo && x2 <= hi;
  return x2 > lo && x2 < hi;
}

/** The booking rate of an item as a user would type it: amount / amount_base to 6 decimals. */
function bookingRateText(amount: number, amountBase: number): string | null {
  if (amountBase === 0 || amount === 0 || amount > 0 !== amountBase > 0) return null;
  const micro = (BigInt(Math.abs(amount)) * 1_000_000n * 2n + BigInt(Math.abs(amountBase))) / (2n * BigInt(Math.abs(amountBase)));
  if (micro === 0n) return null;
  return `${micro / 1_000_000n}.${(micro % 1_000_000n).toString().padStart(6, '0')}`;
}

function sumBy<T>(rows: readonly T[], f: (r: T) => number): number {
  return rows.reduce((s, r) => s + f(r), 0);
}

function checkTotals(report: RevaluationReport): void {
  for (const t of report.totals) {
    const mine = report.rows.filter((r) => r.ledger === t.ledger && r.currency === t.currency);
    expect(mine.length).toBeGreaterThan(0);
    expect(t.open).toBe(sumBy(mine, (r) => r.open));
    expect(t.openBase).toBe(sumBy(mine, (r) => r.openBase));
    expect(t.revaluedBase).toBe(sumBy(mine, (r) => r.revaluedBase));
    expect(t.difference).toBe(sumBy(mine, (r) => r.revaluedBase - r.openBase));
    expect(t.resultEffect).toBe(sumBy(mine, (r) => (r.ledger === 'AR' ? 1 : -1) * (r.revaluedBase - r.openBase)));
  }
  expect(sumBy(report.totals, (t) => mine(report, t.ledger, t.currency))).toBe(report.rows.length);
  for (const res of report.results) {
    const rowsOfSide = report.rows.filter((r) => r.ledger === res.ledger);
    expect(res.resultEffect).toBe(sumBy(rowsOfSide, (r) => r.resultEffect));
    expect(res.gains - res.losses).toBe(res.resultEffect);
    expect(res.gains).toBeGreaterThanOrEqual(0);
    expect(res.losses).toBeGreaterThanOrEqual(0);
  }
}

function mine(report: RevaluationReport, ledger: string, currency: string): number {
  return report.rows.filter((r) => r.ledger === ledger && r.currency === currency).length;
}

describe('revaluation properties', () => {
  it('at an item’s booking rate, difference 0 ⇔ the rate reproduces the open base; totals = sum of rows', () => {
    fc.assert(
      fc.property(ledgerArb, asOfArb, (ledger, asOf) => {
        const probe = revaluation(ledger, asOf, { quoteBase: null, byCurrency: new Map([['USD', [{ date: null, rate: { num: 1n, den: 1n, text: '1' } }]]]) });
        checkTotals(probe);
        // the items behind the rows, in the same order (§2 open items, foreign currency only)
        const items = openItemsAsOf(ledger, asOf).filter((i) => i.currency !== ledger.baseCurrency);
        expect(items.map((i) => i.docNo)).toEqual(probe.rows.map((r) => r.docNo));
        items.forEach((item, k) => {
          const text = bookingRateText(item.amount, item.amountBase);
          if (text === null) return;
          const rate = parseRate(text) as Rate;
          const report = revaluation(ledger, asOf, { quoteBase: null, byCurrency: new Map([['USD', [{ date: null, rate }]]]) });
          checkTotals(report);
          const row = report.rows[k];
          expect(row?.openBase).toBe(item.openBase);
          expect(row?.difference === 0).toBe(reproduces(item.open, item.openBase, rate));
        });
      }),
      { numRuns: 150 },
    );
  });

  it('an unpaid item valued at its exact booking rate (amount / amount_base) keeps its base amount', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000_000 }), fc.integer({ min: 1, max: 10_000_000 }), (amount, amountBase) => {
        // rate = (amount/100) / (amountBase/100) = amount / amountBase, exactly
        const rate: Rate = { num: BigInt(amount), den: BigInt(amountBase), text: '' };
        expect(reproduces(amount, amountBase, rate)).toBe(true);
      }),
    );
  });
});
