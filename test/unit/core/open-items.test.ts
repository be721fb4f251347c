// Open items as of a date (ledger.md §2): allocation by settles, loose rows, partial, split and
// over-payments, foreign currency at booking rate, settled dates and historical as-of dates.
import { describe, expect, it } from 'vitest';
import { allItemsAsOf, openItemsAsOf } from '../../../src/core/open-items';
import { formatMinor } from '../../../src/core/money';
import { formatIsoDate } from '../../../src/core/date';
import type { Item } from '../../../src/core/report-types';
import { day, ledgerOf, USD_PAID_IN_TWO_PARTS } from './fixture';

/** An item as a user reads it in the open-items list. */
function show(item: Item): string {
  const settled = item.settledDate === null ? '' : ` settled ${formatIsoDate(item.settledDate)}`;
  return `${item.partyId} ${item.docNo} ${item.entryType} open ${formatMinor(item.open, 2)} ${item.currency} (base ${formatMinor(item.openBase, 2)})${settled}`;
}

const openList = (ledger: Parameters<typeof openItemsAsOf>[0], asOf: string) => openItemsAsOf(ledger, day(asOf)).map(show);
const allList = (ledger: Parameters<typeof allItemsAsOf>[0], asOf: string) => allItemsAsOf(ledger, day(asOf)).map(show);

describe('open items as of a date', () => {
  it('reduces an invoice by a credit note that settles it; a credit note without settles is an item of its own', () => {
    const ledger = ledgerOf(`
      ledger | party_id | entry_type  | doc_no | entry_date | amount  | settles
      AR     | C1       | invoice     | INV-1  | 2024-01-10 | 100.00  |
      AR     | C1       | credit_note | CN-1   | 2024-01-12 | -30.00  | INV-1
      AR     | C1       | credit_note | CN-2   | 2024-01-15 | -20.00  |
    `);
    expect(openList(ledger, '2024-01-31')).toEqual([
      'C1 INV-1 invoice open 70.00 EUR (base 70.00)',
      'C1 CN-2 credit_note open -20.00 EUR (base -20.00)',
    ]);
  });

  it('treats a payment booked before its invoice as unallocated until the invoice exists', () => {
    const ledger = ledgerOf(`
      ledger | party_id | entry_type | doc_no | entry_date | amount  | settles
      AR     | C1       | payment    | PAY-1  | 2024-01-05 | -100.00 | INV-1
      AR     | C1       | invoice    | INV-1  | 2024-01-10 | 100.00  |
    `);
    expect(openList(ledger, '2024-01-07')).toEqual(['C1 PAY-1 payment open -100.00 EUR (base -100.00)']);
    expect(openList(ledger, '2024-01-31')).toEqual([]);
    // settled when the invoice met the payment that was already there
    expect(allList(ledger, '2024-01-31')).toEqual(['C1 INV-1 invoice open 0.00 EUR (base 0.00) settled 2024-01-10']);
  });

  it('allocates one payment split over three invoices, leaving the third partly open', () => {
    const ledger = ledgerOf(`
      ledger | party_id | entry_type | doc_no | entry_date | due_date   | amount  | settles
      AR     | C1       | invoice    | INV-1  | 2024-02-01 | 2024-03-01 | 100.00  |
      AR     | C1       | invoice    | INV-2  | 2024-02-02 | 2024-03-02 | 50.00   |
      AR     | C1       | invoice    | INV-3  | 2024-02-03 | 2024-03-03 | 40.00   |
      AR     | C1       | payment    | PAY-9  | 2024-03-05 |            | -100.00 | INV-1
      AR     | C1       | payment    | PAY-9  | 2024-03-05 |            | -50.00  | INV-2
      AR     | C1       | payment    | PAY-9  | 2024-03-05 |            | -25.00  | INV-3
    `);
    expect(openList(ledger, '2024-03-31')).toEqual(['C1 INV-3 invoice open 15.00 EUR (base 15.00)']);
    expect(allList(ledger, '2024-03-31')).toEqual([
      'C1 INV-1 invoice open 0.00 EUR (base 0.00) settled 2024-03-05',
      'C1 INV-2 invoice open 0.00 EUR (base 0.00) settled 2024-03-05',
      'C1 INV-3 invoice open 15.00 EUR (base 15.00)',
    ]);
  });

  it('lists an over-paid invoice with its negative open amount', () => {
    const ledger = ledgerOf(`
      ledger | party_id | entry_type | doc_no | entry_date | amount  | settles
      AR     | C1       | invoice    | INV-1  | 2024-01-10 | 100.00  |
      AR     | C1       | payment    | PAY-1  | 2024-01-20 | -120.00 | INV-1
    `);
    expect(openList(ledger, '2024-01-31')).toEqual(['C1 INV-1 invoice open -20.00 EUR (base -20.00)']);
  });

  it('settles a credit note by refunding it (a positive payment)', () => {
    const ledger = ledgerOf(`
      ledger | party_id | entry_type  | doc_no | entry_date | amount | settles
      AR     | C1       | credit_note | CN-1   | 2024-02-01 | -50.00 |
      AR     | C1       | payment     | REF-1  | 2024-02-20 | 50.00  | CN-1
    `);
    expect(openList(ledger, '2024-02-10')).toEqual(['C1 CN-1 credit_note open -50.00 EUR (base -50.00)']);
    expect(allList(ledger, '2024-02-29')).toEqual(['C1 CN-1 credit_note open 0.00 EUR (base 0.00) settled 2024-02-20']);
  });

  it('values a USD invoice paid in two parts at the booking rate, whatever rate the payments had', () => {
    // INV-US: 1000.00 USD booked at 900.01 EUR. Paid 333.33 USD (at 310.00 EUR), then 666.67 USD.
    // After the first payment, open 666.67 USD → base 900.01 × 666.67 / 1000.00
    //   = 90001 × 66667 / 100000 cents = 60000.96667 → 60001 cents = 600.01 EUR.
    const ledger = ledgerOf(USD_PAID_IN_TWO_PARTS);
    expect(openList(ledger, '2024-01-31')).toEqual(['C1 INV-US invoice open 1000.00 USD (base 900.01)']);
    expect(openList(ledger, '2024-02-29')).toEqual(['C1 INV-US invoice open 666.67 USD (base 600.01)']);
    expect(allList(ledger, '2024-03-31')).toEqual(['C1 INV-US invoice open 0.00 USD (base 0.00) settled 2024-03-10']);
  });

  it('shows an invoice as open on a date before its payment (historical as-of)', () => {
    const ledger = ledgerOf(`
      ledger | party_id | entry_type | doc_no | entry_date | due_date   | amount  | settles
      AR     | C1       | invoice    | INV-1  | 2024-01-01 | 2024-01-31 | 100.00  |
      AR     | C1       | payment    | PAY-1  | 2024-03-15 |            | -100.00 | INV-1
    `);
    const before = openItemsAsOf(ledger, day('2024-03-01'));
    expect(before.map((i) => [i.docNo, i.ageDays, i.bucket])).toEqual([['INV-1', 30, 1]]);
    expect(openList(ledger, '2024-03-31')).toEqual([]);
  });

  it('makes a credit note allocated to an invoice booked after the as-of date an item of its own', () => {
    const ledger = ledgerOf(`
      ledger | party_id | entry_type  | doc_no | entry_date | amount  | settles
      AR     | C1       | credit_note | CN-1   | 2024-01-05 | -10.00  | INV-1
      AR     | C1       | invoice     | INV-1  | 2024-01-20 | 100.00  |
    `);
    expect(openList(ledger, '2024-01-10')).toEqual(['C1 CN-1 credit_note open -10.00 EUR (base -10.00)']);
    expect(openList(ledger, '2024-01-31')).toEqual(['C1 INV-1 invoice open 90.00 EUR (base 90.00)']);
  });

  it('ignores entries booked after the as-of date, and nothing is open before the first entry', () => {
    const ledger = ledgerOf(`
      ledger | party_id | entry_type | doc_no | entry_date | amount
      AP     | S1       | invoice    | P-1    | 2024-05-01 | 250.00
      AP     | S1       | payment    | BANK-7 | 2024-05-09 | -80.00
    `);
    expect(openList(ledger, '2024-04-30')).toEqual([]);
    expect(openList(ledger, '2024-05-05')).toEqual(['S1 P-1 invoice open 250.00 EUR (base 250.00)']);
    expect(openList(ledger, '2024-05-31')).toEqual([
      'S1 P-1 invoice open 250.00 EUR (base 250.00)',
      'S1 BANK-7 payment open -80.00 EUR (base -80.00)',
    ]);
  });

  it('names a party by the parties file first, else by its latest entry', () => {
    const ledger = ledgerOf(
      `
      ledger | party_id | party_name | entry_type | doc_no | entry_date | amount
      AR     | C1       | Old Name   | invoice    | INV-1  | 2024-01-01 | 10.00
      AR     | C1       | New Name   | invoice    | INV-2  | 2024-02-01 | 10.00
      AR     | C2       | Entry Name | invoice    | INV-3  | 2024-02-01 | 10.00
    `,
      `
      ledger | party_id | name
      AR     | C2       | Listed Name
    `,
    );
    expect(openItemsAsOf(ledger, day('2024-03-01')).map((i) => `${i.partyId} ${i.partyName}`)).toEqual([
      'C1 New Name',
      'C1 New Name',
      'C2 Listed Name',
    ]);
  });
});
