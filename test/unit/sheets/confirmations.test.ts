// Balance confirmations: which parties the auditor's selection takes (all, at least an amount,
// a seeded sample) and the letter each gets, a page each, in the party's language where known.
import { describe, expect, it } from 'vitest';
import { balanceConfirmations } from '../../../src/core/confirmations';
import { partyLanguage } from '../../../src/core/party-language';
import { sheetOf, shownRows, tableOf } from '../../fixtures/sheets/readable';
import { buildWorkbookSpecs } from '../../../src/sheets/workbook';
import { day, ledgerOf } from '../core/fixture';

const LEDGER = ledgerOf(
  `ledger | party_id | entry_type  | doc_no | entry_date | due_date   | currency | amount   | amount_base | settles
   AR     | C1       | invoice     | I1     | 2024-11-01 | 2024-12-01 | EUR      | 1200.00  |             |
   AR     | C1       | payment     | P1     | 2024-12-01 | 2024-12-01 | EUR      | -200.00  |             | I1
   AR     | C2       | invoice     | I2     | 2024-12-10 | 2025-01-09 | EUR      | 500.00   |             |
   AR     | C3       | invoice     | I3     | 2024-12-15 | 2025-01-14 | USD      | 100.00   | 92.00       |
   AR     | C4       | credit_note | K4     | 2024-12-20 | 2024-12-20 | EUR      | -1500.00 |             |
   AR     | C5       | invoice     | I5     | 2024-10-01 | 2024-10-31 | EUR      | 80.00    |             |
   AR     | C5       | payment     | P5     | 2024-10-20 | 2024-10-20 | EUR      | -80.00   |             | I5
   AP     | S1       | invoice     | A1     | 2024-12-01 | 2024-12-31 | EUR      | 300.00   |             |`,
  `ledger | party_id | name        | address                     | postcode | city      | country | language
   AR     | C1       | Alpha NV    | Kerkstraat 1                | 9000     | Gent      | BE      |
   AR     | C2       | Beta SARL   | Rue Haute 5; Boîte 2        | 1000     | Bruxelles | BE      | fr
   AR     | C3       | Gamma Inc   |                             |          |           |         |
   AR     | C4       | Delta Ltd   | 1 High Street               | EC1A 1BB | London    | GB      |
   AP     | S1       | Epsilon BV  | Dam 1                       | 1012 JS  | Amsterdam | NL      |`,
);
const AS_OF = day('2024-12-31');
const ids = (list: { ledger: string; partyId: string }[]) => list.map((c) => `${c.ledger} ${c.partyId}`);

describe('which parties get a confirmation', () => {
  it('all: every party with open items (C5 is settled), AR first', () => {
    const all = balanceConfirmations(LEDGER, AS_OF, { kind: 'all' });
    expect(ids(all)).toEqual(['AR C1', 'AR C2', 'AR C3', 'AR C4', 'AP S1']);
    expect(all.map((c) => c.balance)).toEqual([100000, 50000, 9200, -150000, 30000]);
    expect(all[0]?.items.map((i) => [i.docNo, i.open])).toEqual([['I1', 100000]]);
  });

  it('over: a balance of at least the amount, credit balances too', () => {
    expect(ids(balanceConfirmations(LEDGER, AS_OF, { kind: 'over', amount: 100000 }))).toEqual(['AR C1', 'AR C4']);
  });

  it('sample: N parties, the same for the same seed, not always the same across seeds', () => {
    const draw = (seed: number) => ids(balanceConfirmations(LEDGER, AS_OF, { kind: 'sample', size: 2, seed }));
    const all = ['AR C1', 'AR C2', 'AR C3', 'AR C4', 'AP S1'];
    for (let seed = 1; seed <= 20; seed++) {
      const s = draw(seed);
      expect(s).toHaveLength(2);
      expect(new Set(s).size).toBe(2);
      for (const p of s) expect(all).toContain(p);
      expect(draw(seed)).toEqual(s);
    }
    expect(new Set(Array.from({ length: 20 }, (_, i) => draw(i + 1).join())).size).toBeGreaterThan(3);
    expect(draw(1)).toHaveLength(2);
    expect(ids(balanceConfirmations(LEDGER, AS_OF, { kind: 'sample', size: 99, seed: 1 }))).toEqual(all);
  });
});

describe('the party language', () => {
  it('comes from the language column, else the country, Belgium by postcode', () => {
    const lang = (id: string, side: 'AR' | 'AP' = 'AR') => partyLanguage(LEDGER.parties.get(`${side}\u0000${id}`));
    expect([lang('C1'), lang('C2'), lang('C3'), lang('C4'), lang('S1', 'AP')]).toEqual(['nl', 'fr', null, 'en', 'nl']);
    expect(partyLanguage({ ledger: 'AR', partyId: 'x', country: 'BE', postcode: '1000' })).toBeNull();
    expect(partyLanguage({ ledger: 'AR', partyId: 'x', country: 'BE', postcode: '4000' })).toBe('fr');
  });
});

describe('the Confirmations sheet', () => {
  const options = { asOf: AS_OF, period: { from: day('2024-01-01'), to: AS_OF }, basis: 'due' as const, buckets: [30, 60, 90, 120], company: 'Our Company NV' };
  const sheet = sheetOf(buildWorkbookSpecs(LEDGER, { ...options, lang: 'en', confirm: { kind: 'all' } }), 'confirmations');
  const table = tableOf(sheet);
  const lines = shownRows(table);

  it('has a page per party: a page break before every letter but the first', () => {
    const starts = lines.flatMap((row, i) => (row[0] === 'Our Company NV' ? [i] : []));
    expect(starts).toHaveLength(5);
    expect(table.pageBreaksBefore).toEqual(starts.slice(1));
    expect(sheet.titleLines).toContain('Selection: every party with open items (5)');
    expect(sheet.print.orientation).toBe('portrait');
  });

  it('writes to Alpha in Dutch, with its address, balance, items and reply slip', () => {
    const first = lines.slice(0, table.pageBreaksBefore?.[0]).map((r) => r.filter((v) => v !== null));
    expect(first).toEqual([
      ['Our Company NV'], [''], ['Alpha NV'], ['Kerkstraat 1'], ['9000 Gent'], ['BE'], [''],
      ['Saldobevestiging per 31-12-2024'],
      ['Uw rekening bij ons: C1 (klant)'],
      [''],
      ['Geachte heer, mevrouw,'],
      ['Volgens onze boeken bedroeg het saldo van uw rekening op 31-12-2024 EUR 1.000,00 in ons voordeel.'],
      ['Het bestaat uit de openstaande posten hieronder. Wilt u het nakijken en de strook ondertekend terugsturen?'],
      [''],
      ['Openstaande posten'],
      ['I1  Factuur', '2024-11-01', '2024-12-01', 'EUR', '1000.00', '1000.00'],
      ['Saldo per 31-12-2024', 'EUR', '1000.00'],
      [''],
      ['--- Antwoordstrook: terug te sturen aan Our Company NV ---'],
      ['Van: Alpha NV (C1)'],
      ['[  ] Wij gaan akkoord met het saldo van EUR 1.000,00 per 31-12-2024.'],
      ['[  ] Wij gaan niet akkoord; ons saldo is: ..............................'],
      ['Opmerkingen: ..............................'],
      ['Datum, naam en handtekening: ..............................'],
    ]);
  });

  it('says whose favour a balance is in, in each party’s language', () => {
    const favour = lines.map((r) => String(r[0])).filter((t) => /favour|faveur|voordeel/.test(t));
    expect(favour).toEqual([
      'Volgens onze boeken bedroeg het saldo van uw rekening op 31-12-2024 EUR 1.000,00 in ons voordeel.',
      'Selon nos livres, le solde de votre compte au 31/12/2024 s’élevait à EUR 500,00 en notre faveur.',
      'According to our books, the balance of your account on 31 Dec 2024 was EUR 92.00 in our favour.',
      'According to our books, the balance of your account on 31 Dec 2024 was EUR 1,500.00 in your favour.',
      'Volgens onze boeken bedroeg het saldo van uw rekening op 31-12-2024 EUR 300,00 in uw voordeel.',
    ]);
  });
});
