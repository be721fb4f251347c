// Mutation overview and party card (ledger.md §5).
import { describe, expect, it } from 'vitest';
import { formatIsoDate } from '../../../src/core/date';
import { formatMinor } from '../../../src/core/money';
import { mutations } from '../../../src/core/mutations';
import { partyCard, partyCards } from '../../../src/core/party-card';
import { cents, day, ledgerOf } from './fixture';

const ledger = ledgerOf(`
  ledger | party_id | party_name | entry_type | doc_no | entry_date | currency | amount  | amount_base | settles
  AR     | C1       | Acme       | invoice    | INV-1  | 2024-01-20 |          | 100.00  |             |
  AR     | C1       | Acme       | invoice    | INV-3  | 2024-02-05 |          | 300.00  |             |
  AR     | C1       | Acme       | invoice    | INV-2  | 2024-02-05 | USD      | 200.00  | 180.00      |
  AR     | C1       | Acme       | payment    | PAY-1  | 2024-02-10 |          | -100.00 |             | INV-1
  AR     | C1       | Acme       | payment    | PAY-2  | 2024-02-28 | USD      | -50.00  | -46.00      | INV-2
  AR     | C2       | Bolt       | invoice    | INV-4  | 2024-02-01 |          | 10.00   |             |
  AP     | S1       | Supplier   | invoice    | A-1    | 2024-02-15 |          | 70.00   |             |
  AR     | C1       | Acme       | invoice    | INV-5  | 2024-03-01 |          | 5.00    |             |
`);
const feb = { from: day('2024-02-01'), to: day('2024-02-29') };

describe('mutations', () => {
  const line = (r: ReturnType<typeof mutations>[number]) => `${formatIsoDate(r.entryDate)} ${r.docNo} ${r.ledger} ${r.partyId}`;

  it('lists the entries of the period by date then document number', () => {
    expect(mutations(ledger, feb).map(line)).toEqual([
      '2024-02-01 INV-4 AR C2',
      '2024-02-05 INV-2 AR C1',
      '2024-02-05 INV-3 AR C1',
      '2024-02-10 PAY-1 AR C1',
      '2024-02-15 A-1 AP S1',
      '2024-02-28 PAY-2 AR C1',
    ]);
  });

  it('sorts by document number then date, and filters by side and party', () => {
    expect(mutations(ledger, feb, { sort: 'doc', side: 'AR' }).map((r) => r.docNo)).toEqual(['INV-2', 'INV-3', 'INV-4', 'PAY-1', 'PAY-2']);
    expect(mutations(ledger, feb, { partyId: 'C2' }).map(line)).toEqual(['2024-02-01 INV-4 AR C2']);
  });

  it('gives settles and the party name on each row', () => {
    const pay = mutations(ledger, feb).find((r) => r.docNo === 'PAY-2');
    expect(pay).toMatchObject({ partyName: 'Acme', settles: 'INV-2', currency: 'USD', amount: cents('-50'), amountBase: cents('-46') });
  });
});

describe('party card', () => {
  it('opens with the balance before the period and runs balances in base and in each currency', () => {
    const card = partyCard(ledger, 'AR', 'C1', feb);
    expect(card.partyName).toBe('Acme');
    expect(card.opening).toEqual({ base: cents('100'), byCurrency: { EUR: cents('100'), USD: 0 } });
    const rows = card.rows.map((r) => `${r.docNo} ${r.currency} ${formatMinor(r.amount, 2)} | base ${formatMinor(r.balanceBase, 2)} | ${r.currency} ${formatMinor(r.balanceInCurrency, 2)}`);
    expect(rows).toEqual([
      'INV-2 USD 200.00 | base 280.00 | USD 200.00',
      'INV-3 EUR 300.00 | base 580.00 | EUR 400.00',
      'PAY-1 EUR -100.00 | base 480.00 | EUR 300.00',
      'PAY-2 USD -50.00 | base 434.00 | USD 150.00',
    ]);
  });

  it('is empty for a party without entries', () => {
    expect(partyCard(ledger, 'AP', 'NOBODY', feb)).toMatchObject({ partyName: 'NOBODY', opening: { base: 0, byCurrency: {} }, rows: [] });
  });
});

describe('party cards of every party', () => {
  const renamed = ledgerOf(`
    ledger | party_id | party_name  | entry_type | doc_no | entry_date | amount | settles
    AP     | S1       | Supplier    | invoice    | A-1    | 2024-02-15 | 70.00  |
    AR     | C2       | Bolt        | invoice    | INV-4  | 2024-01-10 | 10.00  |
    AR     | C1       | Acme        | invoice    | INV-1  | 2024-02-03 | 100.00 |
    AR     | C1       | Acme Renamed| invoice    | INV-9  | 2024-03-02 | 9.00   |
    AR     | C3       | Later Ltd   | invoice    | INV-7  | 2024-03-05 | 7.00   |
    AR     | C1       | Acme        | payment    | PAY-1  | 2024-02-20 | -40.00 | INV-1
  `);

  it('gives one card per party with entries up to the period end, AR before AP, then by code', () => {
    const cards = partyCards(renamed, feb);
    expect(cards.map((c) => `${c.ledger} ${c.partyId}`)).toEqual(['AR C1', 'AR C2', 'AP S1']);
    const c1 = cards[0];
    expect(c1?.opening.base).toBe(0);
    expect(c1?.rows.map((r) => `${r.docNo} ${formatMinor(r.balanceBase, 2)}`)).toEqual(['INV-1 100.00', 'PAY-1 60.00']);
    expect(cards[1]).toMatchObject({ partyName: 'Bolt', opening: { base: cents('10'), byCurrency: { EUR: cents('10') } }, rows: [] });
  });

  it('names a party as its entries up to the period end do, as its own card does when asked for that period alone', () => {
    // C1 is renamed on an entry after February: February's card still says Acme
    expect(partyCards(renamed, feb)[0]?.partyName).toBe('Acme');
    expect(partyCards(renamed, { from: feb.from, to: day('2024-03-31') })[0]?.partyName).toBe('Acme Renamed');
  });
});
