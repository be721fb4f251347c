// Turnaround and payment behaviour (ledger.md §6) on hand-computed examples.
import { describe, expect, it } from 'vitest';
import { turnaround } from '../../../src/core/turnaround';
import { cents, day, ledgerOf, USD_PAID_IN_TWO_PARTS } from './fixture';

const q1 = { from: day('2024-01-01'), to: day('2024-03-31') }; // 91 days (2024 is a leap year)

describe('turnaround Q1 2024 with an on-time and a late payer', () => {
  // C1 pays on time: INV-0 (from December) and INV-1 paid before due; INV-2 still open, not due.
  // C2 pays late: INV-3 due 02-04 paid 03-05 (30 days late); INV-4 open and overdue on 03-31.
  const ledger = ledgerOf(`
    ledger | party_id | entry_type | doc_no | entry_date | due_date   | amount  | settles
    AR     | C1       | invoice    | INV-0  | 2023-12-15 | 2024-01-14 | 200.00  |
    AR     | C1       | payment    | BNK-1  | 2024-01-10 |            | -200.00 | INV-0
    AR     | C1       | invoice    | INV-1  | 2024-02-01 | 2024-03-02 | 300.00  |
    AR     | C1       | payment    | BNK-2  | 2024-02-25 |            | -300.00 | INV-1
    AR     | C1       | invoice    | INV-2  | 2024-03-20 | 2024-04-19 | 100.00  |
    AR     | C2       | invoice    | INV-3  | 2024-01-05 | 2024-02-04 | 400.00  |
    AR     | C2       | payment    | BNK-3  | 2024-03-05 |            | -400.00 | INV-3
    AR     | C2       | invoice    | INV-4  | 2024-02-10 | 2024-03-11 | 200.00  |
  `);
  const report = turnaround(ledger, q1);

  it('reconciles opening, movements and closing per party', () => {
    expect(report.rows.map((r) => [r.partyId, r.opening, r.invoiced, r.credited, r.paid, r.other, r.fxDifference, r.closing])).toEqual([
      ['C1', cents('200'), cents('400'), 0, cents('-500'), 0, 0, cents('100')],
      ['C2', 0, cents('600'), 0, cents('-400'), 0, 0, cents('200')],
    ]);
  });

  it('measures days to pay, weighted by amount, days late and on-time rate per party', () => {
    // C1: INV-0 12-15 → 01-10 = 26 days (0 late), INV-1 02-01 → 02-25 = 24 days (0 late)
    //     plain mean 25; weighted (26×200 + 24×300) / 500 = 24.8
    // C2: INV-3 01-05 → 03-05 = 60 days, 30 days after its due date 02-04
    const behaviour = report.rows.map((r) => [r.partyId, r.invoicesSettled, r.avgDaysToPay, r.weightedDaysToPay, r.avgDaysLate, r.onTimeRate]);
    expect(behaviour).toEqual([
      ['C1', 2, 25, 24.8, 0, 1],
      ['C2', 1, 60, 60, 30, 0],
    ]);
    expect(report.settled.map((s) => [s.docNo, s.daysToPay, s.daysLate])).toEqual([['INV-0', 26, 0], ['INV-1', 24, 0], ['INV-3', 60, 30]]);
  });

  it('computes DSO, best possible DSO, ADD and CEI for the side', () => {
    // opening 200, invoiced 1000, closing 300, not due at 03-31 = INV-2 100; 91 days
    // DSO = 300 / 1000 × 91 = 27.3;  best = 100 / 1000 × 91 = 9.1;  ADD = 18.2
    // CEI = (200 + 1000 − 300) / (200 + 1000 − 100) × 100 = 900 / 1100 × 100 = 81.818…
    const ar = report.totals.AR;
    expect([ar.opening, ar.invoiced, ar.closing, ar.notDue]).toEqual([cents('200'), cents('1000'), cents('300'), cents('100')]);
    expect(ar.dso).toBeCloseTo(27.3, 10);
    expect(ar.bestPossibleDso).toBeCloseTo(9.1, 10);
    expect(ar.add).toBeCloseTo(18.2, 10);
    expect(ar.cei).toBeCloseTo(81.8181818, 6);
  });

  it('leaves DSO empty for a side with nothing invoiced', () => {
    expect(report.totals.AP).toEqual({ opening: 0, invoiced: 0, closing: 0, notDue: 0, dso: null, bestPossibleDso: null, add: null, cei: null });
  });
});

describe('turnaround of a USD invoice paid in two parts at other rates', () => {
  // INV-US 1000.00 USD booked at 900.01 EUR. PAY-1 333.33 USD = 310.00 EUR, PAY-2 666.67 USD = 640.00 EUR.
  const ledger = ledgerOf(USD_PAID_IN_TWO_PARTS);

  it('shows the rate difference of the first payment in February', () => {
    // PAY-1 settles 333.33 of the 1000.00 USD, worth 900.01 × 333.33/1000 = 300.00 at the booking
    // rate; it brought in 310.00: settling at another rate changed the balance by 10.00 more.
    // open at booking rate: 900.01 on 01-31, 900.01 × 666.67/1000 = 600.01 on 02-29
    const [row] = turnaround(ledger, { from: day('2024-02-01'), to: day('2024-02-29') }).rows;
    expect(row).toMatchObject({ opening: cents('900.01'), paid: cents('-310.00'), closing: cents('600.01'), fxDifference: cents('10.00') });
  });

  it('shows the whole rate difference over the quarter', () => {
    // the whole 1000.00 USD, booked at 900.01, brought in 310.00 + 640.00 = 950.00: 49.99 more
    const [row] = turnaround(ledger, q1).rows;
    expect(row).toMatchObject({ opening: 0, invoiced: cents('900.01'), paid: cents('-950.00'), closing: 0, fxDifference: cents('49.99') });
  });
});
