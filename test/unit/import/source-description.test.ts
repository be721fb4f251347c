import { describe, expect, it } from 'vitest';
import { describeSource } from '../../../src/import/messages';
import { importText } from './helpers';

describe('what the import report says the file was taken for', () => {
  const fec = { kind: 'fec', lines: 5422, taken: 1350, accounts: ['401', '411'], leftOut: { 'other-accounts': 4072 }, matched: 310 };

  it('names the kind and the counts in each language', () => {
    expect(describeSource(fec, 'en')).toBe('FEC general ledger, 5,422 lines: 1,350 on 401, 411, 4,072 on other accounts left out; 310 matched');
    expect(describeSource(fec, 'nl')).toBe('FEC-grootboek, 5.422 regels: 1.350 op 401, 411, 4.072 op andere rekeningen weggelaten; 310 afgeletterd');
    expect(describeSource(fec, 'fr').replace(/\u202f|\u00a0/g, ' ')).toBe(
      'grand livre FEC, 5 422 lignes : 1 350 sur 401, 411, 4 072 sur d’autres comptes écartées; 310 lettrées',
    );
  });

  it('keeps an unknown kind or reason readable', () => {
    expect(describeSource({ kind: 'mystery', lines: 3, leftOut: { odd: 1 } }, 'en')).toBe('mystery, 3 lines: 1 left out (odd)');
  });

  it('every import report carries one; a canonical CSV says so with its rows', async () => {
    const result = await importText('ledger.csv', 'ledger,party_id,entry_type,doc_no,entry_date,amount\nAR,C1,invoice,F1,2024-01-05,100\nAR,C1,payment,P1,2024-01-20,-100\n');
    expect(result.report?.source).toEqual({ kind: 'subledger-csv', lines: 2 });
    expect(describeSource(result.report!.source!, 'en')).toBe('subledger CSV, 2 lines');
  });
});
