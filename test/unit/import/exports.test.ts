import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importFile } from '../../../src/import/index';
import { errors, importText, rows } from './helpers';

const FIXTURES = path.resolve(import.meta.dirname, '../../fixtures/import');
function fixture(name: string): { name: string; bytes: Uint8Array } {
  return { name, bytes: new Uint8Array(readFileSync(path.join(FIXTURES, name))) };
}

describe('CSV and TXT exports of accounting packages', () => {
  it('reads a Dutch Windows-1252 debtor export with Debet/Credit columns and day-first dates', async () => {
    const result = await importFile(fixture('nl-debiteuren-1252.csv'));
    expect(errors(result)).toEqual([]);
    expect(rows(result)).toEqual([
      'AR 1001 invoice VF24-001 2024-01-05 2024-02-04 121000 EUR',
      'AR 1001 credit_note VF24-002 2024-01-12 2024-01-12 -12100 EUR',
      'AR 1002 invoice VF24-003 2024-01-15 2024-02-14 60550 EUR',
      'AR 1001 payment BNK-17 2024-01-20 2024-01-20 -108900 EUR',
    ]);
    expect(result.ledger?.entries[0]?.partyName).toBe('Brasserie Één');
    expect(result.ledger?.entries[0]?.description).toBe('Levering café');
    expect(result.issues.map((i) => i.code)).toContain('encoding-fallback');
  });

  it('reads a French UTF-16 tab-separated customer export with type words and (negative) amounts', async () => {
    const result = await importFile(fixture('fr-clients-utf16.txt'));
    expect(errors(result)).toEqual([]);
    expect(rows(result)).toEqual([
      'AR C-01 invoice FA-1 2024-02-03 2024-03-04 150000 EUR',
      'AR C-01 credit_note NC-1 2024-02-10 2024-02-10 -20000 EUR',
      'AR C-02 payment P-9 2024-02-15 2024-02-15 -30000 EUR',
    ]);
  });

  it('reads a German pipe-separated supplier export as payables, with a trailing minus', async () => {
    const result = await importFile(fixture('de-lieferanten.csv'));
    expect(errors(result)).toEqual([]);
    expect(rows(result)).toEqual([
      'AP L-7 invoice R-2024-1 2024-03-01 2024-03-31 234560 EUR',
      'AP L-7 payment Z-1 2024-03-20 2024-03-20 -234560 EUR',
    ]);
  });

  it('reads a US export month-first because one date says so, with thousands commas', async () => {
    const result = await importFile(fixture('en-us-customers.csv'), { locale: 'nl-BE' });
    expect(rows(result)).toEqual([
      'AR ACME invoice 1001 2024-01-15 2024-02-14 125000 EUR',
      'AR ACME invoice 1002 2024-02-01 2024-03-02 9995 EUR',
    ]);
  });

  it('takes the locale for ambiguous dates and says so', async () => {
    const csv = 'Klant;Factuurnr;Datum;Bedrag\nK1;F1;01/02/2024;10,00\nK1;F2;03/04/2024;5,00\n';
    const be = await importText('be.csv', csv, { locale: 'nl-BE' });
    expect(rows(be).map((r) => r.split(' ')[4])).toEqual(['2024-02-01', '2024-04-03']);
    expect(be.issues.map((i) => i.code)).toContain('ambiguous-dates');
    const us = await importText('us.csv', csv, { locale: 'en-US' });
    expect(rows(us).map((r) => r.split(' ')[4])).toEqual(['2024-01-02', '2024-03-04']);
  });

  it('infers the type from the sign when there is no type column', async () => {
    const csv = 'Leverancier,Factuurnummer,Boekdatum,Bedrag\nL1,I-1,2024-01-01,100\nL1,I-2,2024-01-02,-40\n';
    const result = await importText('ap.csv', csv);
    expect(rows(result)).toEqual(['AP L1 invoice I-1 2024-01-01 2024-01-01 10000 EUR', 'AP L1 credit_note I-2 2024-01-02 2024-01-02 -4000 EUR']);
  });

  it('reads a Dutch parties export (credit limit with decimal comma, IBAN) beside the ledger', async () => {
    const ledger = 'Klant;Factuurnr;Datum;Bedrag\nK1;F1;05-01-2024;10,00\n';
    const parties = 'Klantnummer;Naam;Kredietlimiet;IBAN;E-mail\nK1;Bakkerij Jansen;2.500,00;NL91ABNA0417164300;info@jansen.nl\n';
    const result = await importText('l.csv', ledger, { parties: { name: 'klanten.csv', bytes: new TextEncoder().encode(parties) } });
    expect(result.ledger?.parties.get('AR\u0000K1')).toMatchObject({ name: 'Bakkerij Jansen', creditLimit: 250000, iban: 'NL91ABNA0417164300', email: 'info@jansen.nl' });
  });

  it('finds the header below a title and a blank line', async () => {
    const csv = 'Openstaande posten debiteuren per 31-01-2024\n\nKlant;Factuurnr;Datum;Vervaldatum;Bedrag\nK1;F1;05-01-2024;04-02-2024;10,00\n';
    const result = await importText('op.csv', csv);
    expect(rows(result)).toEqual(['AR K1 invoice F1 2024-01-05 2024-02-04 1000 EUR']);
    expect(result.ledger?.entries[0]?.source?.line).toBe(4);
  });

  it('skips a totals line at the end of the export, with a warning', async () => {
    const csv = 'Klant;Factuurnr;Datum;Bedrag\nK1;F1;05-01-2024;10,00\nK2;F2;06-01-2024;5,00\nTotaal;;;15,00\n';
    const result = await importText('t.csv', csv);
    expect(rows(result)).toHaveLength(2);
    expect(result.issues).toContainEqual(expect.objectContaining({ code: 'skipped-total-row', line: 4, severity: 'warning' }));
  });

  it('types lines with an unknown type code by their sign, and says so once per code', async () => {
    const csv = 'Klant;Factuurnr;Soort;Datum;Bedrag\nK1;F1;VKF;05-01-2024;10,00\nK1;F2;VKF;06-01-2024;-4,00\nK1;F3;Factuur;07-01-2024;1,00\n';
    const result = await importText('codes.csv', csv);
    expect(rows(result).map((r) => r.split(' ')[2])).toEqual(['invoice', 'credit_note', 'invoice']);
    expect(result.issues.filter((i) => i.code === 'unknown-entry-type')).toEqual([expect.objectContaining({ line: 2, params: { value: 'VKF' } })]);
  });

  it('names the missing columns of an unrecognisable layout', async () => {
    const result = await importText('x.csv', 'foo,bar,baz\n1,2,3\n');
    expect(result.ledger).toBeNull();
    expect(result.issues[0]).toMatchObject({ code: 'unmapped-fields', params: { fields: 'ledger, party_id, doc_no, entry_date, amount' } });
  });

  it('names the line, the column as the file calls it, and the value of a bad date', async () => {
    const csv = 'Klant;Factuurnr;Boekdatum;Vervaldatum;Bedrag\nK1;F1;05-01-2024;31-02-2024;10,00\n';
    const result = await importText('nl.csv', csv);
    expect(result.ledger).toBeNull();
    expect(result.issues).toEqual([expect.objectContaining({ code: 'bad-date', line: 2, field: 'Vervaldatum', params: { value: '31-02-2024' } })]);
  });
});
