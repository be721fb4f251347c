import { describe, expect, it } from 'vitest';
import { importFile } from '../../../src/import/index';
import { errors, importText, rows, textFile } from './helpers';

describe('canonical subledger CSV', () => {
  it('reads a comma file with a BOM and an upper-case header', async () => {
    const csv = '\uFEFFLEDGER,Party_ID,Entry_Type,Doc_No,Entry_Date,Due_Date,Amount,Settles\n'
      + 'AR,C1,invoice,F1,2024-01-05,2024-02-04,121.00,\n'
      + 'AR,C1,payment,B1,2024-01-20,,-100.50,F1\n';
    const result = await importText('ledger.csv', csv);
    expect(errors(result)).toEqual([]);
    expect(rows(result)).toEqual([
      'AR C1 invoice F1 2024-01-05 2024-02-04 12100 EUR',
      'AR C1 payment B1 2024-01-20 2024-01-20 -10050 EUR settles F1',
    ]);
    expect(result.report?.format).toBe('subledger-csv');
  });

  it('reads a semicolon file and keeps a formula-like description as text', async () => {
    const csv = 'ledger;party_id;entry_type;doc_no;entry_date;amount;description\nAP;S9;invoice;INV-7;2024-03-01;50;=HYPERLINK("x")\n';
    const result = await importText('ap.csv', csv);
    expect(result.ledger?.entries[0]?.description).toBe('=HYPERLINK("x")');
    expect(result.ledger?.entries[0]?.ledger).toBe('AP');
  });

  it('reads the canonical columns saved by a Dutch spreadsheet (decimal comma, day-first dates)', async () => {
    const csv = 'ledger;party_id;entry_type;doc_no;entry_date;due_date;amount\nAR;C1;invoice;F1;05-01-2024;04-02-2024;1.210,50\nAR;C1;credit_note;C1;20-01-2024;;-10,00\n';
    const result = await importText('nl.csv', csv);
    expect(rows(result)).toEqual([
      'AR C1 invoice F1 2024-01-05 2024-02-04 121050 EUR',
      'AR C1 credit_note C1 2024-01-20 2024-01-20 -1000 EUR',
    ]);
    expect(result.issues.map((i) => i.code)).toContain('canonical-dialect');
  });

  it('names the line and field of a bad amount and imports nothing', async () => {
    const csv = 'ledger,party_id,entry_type,doc_no,entry_date,amount\nAR,C1,invoice,F1,2024-01-05,10\nAR,C1,invoice,F2,2024-01-06,ten\n';
    const result = await importText('bad.csv', csv);
    expect(result.ledger).toBeNull();
    const issue = result.issues.find((i) => i.severity === 'error');
    expect(issue).toMatchObject({ file: 'bad.csv', line: 3, field: 'amount' });
  });

  it('refuses an empty file and a header without rows', async () => {
    expect(errors(await importFile({ name: 'e.csv', bytes: new Uint8Array() }))).toEqual(['empty-file']);
    expect(errors(await importText('h.csv', 'ledger,party_id,entry_type,doc_no,entry_date,amount\n'))).toEqual(['no-rows']);
  });

  it('reads a separate parties file', async () => {
    const ledger = 'ledger,party_id,entry_type,doc_no,entry_date,amount\nAR,C1,invoice,F1,2024-01-05,10\n';
    const parties = 'ledger,party_id,name,credit_limit,iban\nAR,C1,Acme NV,5000,BE68539007547034\n';
    const result = await importText('l.csv', ledger, { parties: textFile('p.csv', parties) });
    const party = [...(result.ledger?.parties.values() ?? [])][0];
    expect(party).toMatchObject({ partyId: 'C1', name: 'Acme NV', creditLimit: 500000 });
  });

  it('refuses a binary file as of an unknown kind', async () => {
    const bytes = new Uint8Array(200).map((_, i) => (i * 7) % 9);
    expect(errors(await importFile({ name: 'x.bin', bytes }))).toEqual(['unknown-format']);
  });
});
