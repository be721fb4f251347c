// What settled an item (core/settlements.ts): the entries whose `settles` names it, as of a date,
// with the item's key; a payment booked before its invoice is not a settlement until the invoice
// exists.
import { describe, expect, it } from 'vitest';
import { formatIsoDate } from '../../../src/core/date';
import { formatMinor } from '../../../src/core/money';
import { allItemsAsOf } from '../../../src/core/open-items';
import { settlementsByItem, settlingEntriesAsOf, type SettlingEntry } from '../../../src/core/settlements';
import { day, ledgerOf } from './fixture';

const show = (s: SettlingEntry) => `${s.docNo} ${s.entryType} ${formatMinor(s.amount, 2)} ${s.currency} on ${formatIsoDate(s.entryDate)} settles ${s.settlesDocNo}`;

const LEDGER = ledgerOf(`
  ledger | party_id | entry_type  | doc_no | entry_date | amount  | currency | settles
  AP     | S1       | invoice     | INV-1  | 2024-01-10 | 100.00  | EUR      |
  AP     | S1       | payment     | PAY-1  | 2024-01-20 | -60.00  | EUR      | INV-1
  AP     | S1       | credit_note | CN-1   | 2024-01-25 | -40.00  | EUR      | INV-1
  AP     | S1       | payment     | PAY-0  | 2024-01-05 | -10.00  | EUR      | INV-2
  AP     | S1       | invoice     | INV-2  | 2024-01-08 | 10.00   | EUR      |
`);

describe('settling entries', () => {
  it('lists the entries that settled an item, by its key, in date order', () => {
    const entries = settlingEntriesAsOf(LEDGER, day('2024-01-31'));
    expect(entries.map(show)).toEqual([
      'PAY-0 payment -10.00 EUR on 2024-01-05 settles INV-2',
      'PAY-1 payment -60.00 EUR on 2024-01-20 settles INV-1',
      'CN-1 credit_note -40.00 EUR on 2024-01-25 settles INV-1',
    ]);
    const inv1 = allItemsAsOf(LEDGER, day('2024-01-31')).find((i) => i.docNo === 'INV-1');
    expect(inv1?.open).toBe(0);
    expect(inv1?.settledDate).toBe(day('2024-01-25'));
    const byItem = settlementsByItem(entries);
    expect(byItem.get(inv1?.key ?? '')?.map((s) => s.docNo)).toEqual(['PAY-1', 'CN-1']);
    expect(new Set(entries.map((s) => s.id)).size).toBe(entries.length);
  });

  it('leaves out what is not booked yet, and a payment whose invoice does not exist yet', () => {
    expect(settlingEntriesAsOf(LEDGER, day('2024-01-07')).map(show)).toEqual([]);
    expect(settlingEntriesAsOf(LEDGER, day('2024-01-21')).map(show)).toEqual([
      'PAY-0 payment -10.00 EUR on 2024-01-05 settles INV-2',
      'PAY-1 payment -60.00 EUR on 2024-01-20 settles INV-1',
    ]);
  });
});
