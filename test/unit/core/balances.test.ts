// Balance list and key figures (ledger.md §4, §7) on one small ledger as of 2024-06-30.
import { describe, expect, it } from 'vitest';
import { balanceList } from '../../../src/core/balances';
import { keyFigures } from '../../../src/core/key-figures';
import { cents, day, ledgerOf } from './fixture';

const ledger = ledgerOf(
  `
  ledger | party_id | entry_type | doc_no | entry_date | due_date   | amount   | settles
  AR     | C1       | invoice    | INV-1  | 2024-04-01 | 2024-05-01 | 300.00   |
  AR     | C1       | invoice    | INV-2  | 2024-06-15 | 2024-07-15 | 250.00   |
  AR     | C1       | payment    | PAY-1  | 2024-06-10 |            | -100.00  | INV-1
  AR     | C1       | payment    | PAY-9  | 2024-07-05 |            | -200.00  | INV-1
  AR     | C2       | invoice    | INV-3  | 2024-06-01 | 2024-06-30 | 150.00   |
  AR     | C3       | invoice    | INV-4  | 2024-05-02 | 2024-06-01 | 80.00    |
  AR     | C3       | invoice    | INV-5  | 2024-06-20 | 2024-07-05 | 40.00    |
  AR     | C3       | payment    | PAY-2  | 2024-06-25 |            | -20.00   |
  AR     | C4       | invoice    | INV-6  | 2024-01-01 | 2024-01-31 | 10.00    |
  AR     | C4       | payment    | PAY-3  | 2024-01-20 |            | -10.00   | INV-6
  AP     | S1       | invoice    | PI-1   | 2024-05-10 | 2024-07-02 | 1000.00  |
  AP     | S1       | payment    | BANK-1 | 2024-05-20 |            | -400.00  | PI-1
`,
  `
  ledger | party_id | name          | credit_limit
  AR     | C1       | Brouwerij Zon | 500.00
  AR     | C2       | Bakkerij Maan | 100.00
`,
);
const asOf = day('2024-06-30');

describe('balance list as of 2024-06-30', () => {
  it('gives balance, overdue, credit headroom, oldest overdue age and last payment per party with open items', () => {
    const rows = balanceList(ledger, asOf).map((r) => ({
      party: `${r.ledger} ${r.partyId} ${r.partyName}`,
      balance: r.balance, overdue: r.overdue, notDue: r.notDue, open: r.openItems,
      limit: r.creditLimit, headroom: r.headroom, over: r.overLimit,
      oldest: r.oldestOverdueDays, lastPayment: r.lastPaymentDate,
    }));
    expect(rows).toEqual([
      // INV-1 200.00 left, 60 days overdue; INV-2 not due; the payment of 07-05 does not exist yet
      { party: 'AR C1 Brouwerij Zon', balance: cents('450'), overdue: cents('200'), notDue: cents('250'), open: 2,
        limit: cents('500'), headroom: cents('50'), over: false, oldest: 60, lastPayment: day('2024-06-10') },
      // due exactly today: not overdue, but over its limit
      { party: 'AR C2 Bakkerij Maan', balance: cents('150'), overdue: 0, notDue: cents('150'), open: 1,
        limit: cents('100'), headroom: cents('-50'), over: true, oldest: null, lastPayment: null },
      // the unallocated payment of 06-25 counts as overdue credit (due on its own date)
      { party: 'AR C3 C3', balance: cents('100'), overdue: cents('60'), notDue: cents('40'), open: 3,
        limit: null, headroom: null, over: null, oldest: 29, lastPayment: day('2024-06-25') },
      { party: 'AP S1 S1', balance: cents('600'), overdue: 0, notDue: cents('600'), open: 1,
        limit: null, headroom: null, over: null, oldest: null, lastPayment: day('2024-05-20') },
    ]);
  });
});

describe('key figures as of 2024-06-30', () => {
  const figures = keyFigures(ledger, asOf);

  it('splits each side into overdue and not due, and sums what falls due within 3 and 5 days', () => {
    expect(figures.AR).toEqual({
      overdue: cents('260'), // C1 200 + C3 60
      notDue: cents('440'), // C1 250 + C2 150 + C3 40
      total: cents('700'),
      dueWithin: { 3: cents('150'), 5: cents('190') }, // INV-3 due 06-30; INV-5 due 07-05
      journalsUpdatedUntil: day('2024-06-25'),
    });
    expect(figures.AP).toEqual({ overdue: 0, notDue: cents('600'), total: cents('600'), dueWithin: { 3: cents('600'), 5: cents('600') }, journalsUpdatedUntil: day('2024-05-20') });
  });

  it('has totals equal to the sum of the balance list', () => {
    const sum = (side: string) => balanceList(ledger, asOf).filter((r) => r.ledger === side).reduce((a, r) => a + r.balance, 0);
    expect(figures.AR.total).toBe(sum('AR'));
    expect(figures.AP.total).toBe(sum('AP'));
  });

  it('takes any N for due within', () => {
    expect(keyFigures(ledger, asOf, [0, 2, 30]).AP.dueWithin).toEqual({ 0: 0, 2: cents('600'), 30: cents('600') });
  });
});
