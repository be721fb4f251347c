// The canonical CSV writer: header of ledger.md §1.3, RFC 4180 quoting, and a demo ledger that
// reads back through the importer to the very same entries and parties.
import { describe, expect, it } from 'vitest';
import { parseIsoDate } from '../../../src/core/date';
import type { Entry, Ledger } from '../../../src/core/types';
import { partyKey } from '../../../src/core/types';
import { ledgerToCsv } from '../../../src/import/canonical-writer';
import { demoLedger } from '../../../src/import/demo';
import { importFile } from '../../../src/import/index';

const day = (text: string): number => parseIsoDate(text)!;

function invoice(over: Partial<Entry>): Entry {
  return {
    ledger: 'AR', partyId: 'D1', entryType: 'invoice', docNo: 'F1', entryDate: day('2025-01-15'),
    docDate: day('2025-01-15'), dueDate: day('2025-02-14'), amount: 121_00, currency: 'EUR', amountBase: 121_00,
    ...over,
  };
}

const small: Ledger = {
  baseCurrency: 'EUR',
  entries: [
    invoice({ description: 'Levering "spoed", 2 paletten', partyName: 'Peeters, Jan BV' }),
    invoice({ docNo: 'F2', amount: 10_000, currency: 'USD', amountBase: 9_213, description: '=SUM(A1:A2)' }),
    { ...invoice({}), entryType: 'payment', docNo: 'B1', amount: -5, amountBase: -5, settles: 'F1', description: 'regel 1\nregel 2' },
  ],
  parties: new Map([[partyKey('AR', 'D1'), { ledger: 'AR', partyId: 'D1', name: 'Peeters, Jan BV', creditLimit: 2_500_000, paymentTermsDays: 30 }]]),
};

describe('ledgerToCsv', () => {
  const { ledgerCsv, partiesCsv } = ledgerToCsv(small);
  const lines = ledgerCsv.split('\r\n');

  it('writes the canonical header and one line per entry', () => {
    expect(lines[0]).toBe(
      'ledger,party_id,party_name,entry_type,doc_no,entry_date,doc_date,due_date,amount,currency,amount_base,settles,description,payment_ref',
    );
    expect(lines[1]).toBe('AR,D1,"Peeters, Jan BV",invoice,F1,2025-01-15,2025-01-15,2025-02-14,121.00,EUR,121.00,,"Levering ""spoed"", 2 paletten",');
    expect(lines[2]).toBe('AR,D1,,invoice,F2,2025-01-15,2025-01-15,2025-02-14,100.00,USD,92.13,,=SUM(A1:A2),');
    expect(ledgerCsv.endsWith('"regel 1\nregel 2",\r\n')).toBe(true);
    expect(lines[3]).toContain(',-0.05,EUR,-0.05,F1,');
  });

  it('writes the parties file with credit limit in major units and empty fields left empty', () => {
    expect(partiesCsv).toBe(
      'ledger,party_id,name,credit_limit,payment_terms_days,iban,bic,email,phone,country,vat_no,address,postcode,city,language\r\n' +
        'AR,D1,"Peeters, Jan BV",25000.00,30,,,,,,,,,,\r\n',
    );
  });
});

describe('the demo ledger written as CSV and imported again', () => {
  const ledger = demoLedger({ today: day('2025-06-30'), seed: 11 });
  const { ledgerCsv, partiesCsv } = ledgerToCsv(ledger);
  const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

  it('reads back to the same entries and parties, with no issue at all', async () => {
    const result = await importFile(
      { name: 'ledger.csv', bytes: bytes(ledgerCsv) },
      { parties: { name: 'parties.csv', bytes: bytes(partiesCsv) } },
    );
    expect(result.issues).toEqual([]);
    const strip = ({ source: _source, ...e }: Entry): Entry => e;
    const back = result.ledger!;
    expect(back.entries.map(strip)).toEqual(ledger.entries);
    expect(new Map([...back.parties].sort())).toEqual(new Map([...ledger.parties].sort()));
  });
});
