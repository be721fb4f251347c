// Aging (ledger.md §3): bucket labels and boundaries for each basis, and the per-party table.
import { describe, expect, it } from 'vitest';
import { agingReport, bucketIndex, bucketLabels, sideBucketTotals } from '../../../src/core/aging';
import { openItemsAsOf } from '../../../src/core/open-items';
import { cents, day, ledgerOf } from './fixture';

describe('bucket labels', () => {
  it('uses not due, 1-30 … >120 by due date', () => {
    expect(bucketLabels('due', [30, 60, 90, 120])).toEqual(['not due', '1-30', '31-60', '61-90', '91-120', '>120']);
  });
  it('starts with 0-30 and has no not-due column by document or entry date', () => {
    expect(bucketLabels('doc', [30, 60, 90, 120])).toEqual(['0-30', '31-60', '61-90', '91-120', '>120']);
    expect(bucketLabels('entry', [15, 45])).toEqual(['0-15', '16-45', '>45']);
  });
  it('refuses limits that are not ascending whole days', () => {
    expect(() => bucketLabels('due', [30, 30])).toThrow(RangeError);
    expect(() => bucketLabels('due', [0, 30])).toThrow(RangeError);
    expect(() => bucketLabels('due', [])).toThrow(RangeError);
  });
  it('puts a future-dated item in 0-30 by document date', () => {
    expect(bucketIndex('doc', [30, 60], -5)).toBe(0);
    expect(bucketIndex('doc', [30, 60], 30)).toBe(0);
    expect(bucketIndex('doc', [30, 60], 31)).toBe(1);
  });
});

describe('aging by due date as of 2024-06-30', () => {
  // Ages as of 2024-06-30: due 06-30 → 0, 06-29 → 1, 05-31 → 30, 05-30 → 31, 03-02 → 120, 03-01 → 121
  const ledger = ledgerOf(`
    ledger | party_id | entry_type | doc_no | entry_date | due_date   | amount
    AR     | C1       | invoice    | A0     | 2024-01-01 | 2024-06-30 | 1.00
    AR     | C1       | invoice    | A1     | 2024-01-01 | 2024-06-29 | 2.00
    AR     | C1       | invoice    | A30    | 2024-01-01 | 2024-05-31 | 4.00
    AR     | C1       | invoice    | A31    | 2024-01-01 | 2024-05-30 | 8.00
    AR     | C1       | invoice    | A120   | 2024-01-01 | 2024-03-02 | 16.00
    AR     | C1       | invoice    | A121   | 2024-01-01 | 2024-03-01 | 32.00
    AR     | C2       | invoice    | B1     | 2024-06-01 | 2024-07-15 | 500.00
    AR     | C2       | payment    | B-PAY  | 2024-06-20 |            | -100.00
    AP     | S1       | invoice    | P1     | 2024-04-01 | 2024-04-30 | 70.00
  `);
  const asOf = day('2024-06-30');

  it('puts an item due exactly on the as-of date in not due, 30 days in 1-30, 31 in 31-60, 121 in >120', () => {
    const byDoc = Object.fromEntries(openItemsAsOf(ledger, asOf).map((i) => [i.docNo, [i.ageDays, i.bucket]]));
    expect(byDoc).toMatchObject({ A0: [0, 0], A1: [1, 1], A30: [30, 1], A31: [31, 2], A120: [120, 4], A121: [121, 5] });
  });

  it('sums open base amounts per party and bucket, each row adding up to its balance', () => {
    const report = agingReport(ledger, { asOf, basis: 'due', buckets: [30, 60, 90, 120] });
    expect(report.bucketLabels).toEqual(['not due', '1-30', '31-60', '61-90', '91-120', '>120']);
    expect(report.rows.map((r) => [r.ledger, r.partyId, r.total, r.buckets])).toEqual([
      ['AR', 'C1', cents('63.00'), [100, 600, 800, 0, 1600, 3200]],
      // the unallocated payment of 06-20 is 10 days past its own due date
      ['AR', 'C2', cents('400.00'), [cents('500.00'), cents('-100.00'), 0, 0, 0, 0]],
      // P1 due 04-30 is 61 days overdue
      ['AP', 'S1', cents('70.00'), [0, 0, 0, cents('70.00'), 0, 0]],
    ]);
  });

  it('adds the parties of one side up per bucket (the overview chart and the dashboard sheet)', () => {
    const report = agingReport(ledger, { asOf, basis: 'due', buckets: [30, 60, 90, 120] });
    // C1 [1, 6, 8, 0, 16, 32] + C2 [500, -100, 0, 0, 0, 0] in currency units
    expect(sideBucketTotals(report, 'AR')).toEqual([cents('501.00'), cents('-94.00'), 800, 0, 1600, 3200]);
    expect(sideBucketTotals(report, 'AP')).toEqual([0, 0, 0, cents('70.00'), 0, 0]);
  });

  it('ages by document date into 0-30 … >120', () => {
    const report = agingReport(ledger, { asOf, basis: 'doc', buckets: [30, 60, 90, 120] });
    const c2 = report.rows.find((r) => r.partyId === 'C2');
    // B1 dated 06-01 is 29 days old, the payment 10 days: both 0-30
    expect(c2?.buckets).toEqual([cents('400.00'), 0, 0, 0, 0]);
  });

  it('leaves out parties without open items', () => {
    const settled = ledgerOf(`
      ledger | party_id | entry_type | doc_no | entry_date | amount | settles
      AR     | C9       | invoice    | X1     | 2024-01-01 | 5.00   |
      AR     | C9       | payment    | X2     | 2024-01-02 | -5.00  | X1
    `);
    expect(agingReport(settled, { asOf, basis: 'due', buckets: [30] }).rows).toEqual([]);
  });
});
