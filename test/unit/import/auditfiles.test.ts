// Small SAF-T and XAF files written for these tests: what each element becomes, and the refusals
// (malformed XML, entity declarations, wrong namespace, not an auditfile).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importFile } from '../../../src/import/index';
import { errors, importText, rows } from './helpers';

const FIXTURES = path.resolve(import.meta.dirname, '../../fixtures/import');
const fixtureText = (name: string): string => readFileSync(path.join(FIXTURES, name), 'utf8');

describe('SAF-T Financial', () => {
  it('turns customers, suppliers and their lines into entries, opening items and allocations', async () => {
    const result = await importText('saft.xml', fixtureText('saft-small.xml'));
    expect(errors(result)).toEqual([]);
    expect(rows(result)).toEqual([
      'AR K1 journal OPENING 2024-12-31 2024-12-31 100000 NOK',
      'AP L1 journal OPENING 2024-12-31 2024-12-31 25000 NOK',
      'AR K1 invoice INV-1 2025-02-02 2025-02-15 100000 NOK',
      'AR K1 invoice INV-2 2025-02-10 2025-03-10 800 EUR',
      'AR K1 payment T3 2025-02-20 2025-02-20 -60000 NOK settles INV-1',
      'AR K1 payment T4 2025-02-21 2025-02-21 -40000 NOK settles INV-1',
      'AP L1 payment T5 2025-03-01 2025-03-01 -25000 NOK',
    ]);
    const foreign = result.ledger?.entries.find((e) => e.docNo === 'INV-2');
    expect(foreign).toMatchObject({ currency: 'EUR', amount: 800, amountBase: 9000 });
    expect(result.ledger?.baseCurrency).toBe('NOK');
    const supplier = result.ledger?.parties.get('AP\u0000L1');
    expect(supplier).toMatchObject({ name: 'Nordlys Strøm', iban: 'NO9386011117947' });
    expect(result.ledger?.parties.get('AR\u0000K1')).toMatchObject({ name: 'Fjord Fisk AS', paymentTermsDays: 14 });
  });

  it('dates opening items the day before a SelectionStartDate written with a time', async () => {
    const xml = fixtureText('saft-small.xml').replace('<SelectionCriteria>', '<SelectionCriteria><SelectionStartDate>2025-01-01T00:00:00</SelectionStartDate>');
    const result = await importText('saft.xml', xml);
    expect(errors(result)).toEqual([]);
    expect(rows(result)[0]).toBe('AR K1 journal OPENING 2024-12-31 2024-12-31 100000 NOK');
  });

  it('keeps the file’s own base currency when the user’s setting says another, and says so', async () => {
    const result = await importText('saft.xml', fixtureText('saft-small.xml'), { baseCurrency: 'EUR' });
    expect(result.ledger?.baseCurrency).toBe('NOK');
    expect(result.issues).toContainEqual(expect.objectContaining({ code: 'file-base-currency', params: { currency: 'NOK', asked: 'EUR' } }));
  });

  it('names the element path of an unreadable amount and imports nothing', async () => {
    const xml = fixtureText('saft-small.xml').replace('<Amount>600.00</Amount></CreditAmount>', '<Amount>6OO</Amount></CreditAmount>');
    const result = await importText('saft.xml', xml);
    expect(result.ledger).toBeNull();
    expect(result.issues.find((i) => i.severity === 'error')).toMatchObject({
      code: 'bad-amount',
      path: '/AuditFile/GeneralLedgerEntries/Journal[2]/Transaction[1]/Line[2]/CreditAmount/Amount',
      field: 'Amount',
      params: { value: '6OO' },
    });
  });

  it('reads an amount written with a decimal comma, and lists it as a lenient fix', async () => {
    const xml = fixtureText('saft-small.xml').replace('<Amount>600.00</Amount></CreditAmount>', '<Amount>600,00</Amount></CreditAmount>');
    const result = await importText('saft.xml', xml);
    expect(result.ledger?.entries.find((e) => e.docNo === 'T3')?.amount).toBe(-60000);
    expect(result.issues).toContainEqual(expect.objectContaining({ severity: 'warning', code: 'lenient-value', params: { value: '600,00', read: '600.00' } }));
  });

});

describe('XAF 3.2', () => {
  it('takes the lines on the debtors and creditors accounts, not the revenue or bank lines that also name the party', async () => {
    const result = await importText('xaf.xml', fixtureText('xaf-small.xml'));
    expect(errors(result)).toEqual([]);
    expect(rows(result)).toEqual([
      'AR D100 invoice F1 2024-03-01 2024-03-01 12100 EUR',
      'AP C200 invoice A-77 2024-03-05 2024-03-05 6050 EUR',
      'AR D100 payment AF-3 2024-03-20 2024-03-20 -10000 EUR settles F1',
    ]);
    expect(result.ledger?.parties.get('AR\u0000D100')).toMatchObject({ name: 'Bakkerij De Zon', creditLimit: 500000, iban: 'NL91ABNA0417164300', bic: 'ABNANL2A' });
    expect(result.issues).toContainEqual(expect.objectContaining({ code: 'negative-quantity', params: { count: 1 } }));
  });

  it('takes no lines, and says why, when no account is recognisable as debtors or creditors', async () => {
    const xml = fixtureText('xaf-small.xml').replace('<accDesc>Debiteuren</accDesc>', '<accDesc>Rekening 1300</accDesc>').replace('<accDesc>Crediteuren</accDesc>', '<accDesc>Rekening 1600</accDesc>');
    const result = await importText('xaf.xml', xml);
    expect(result.ledger?.entries).toEqual([]);
    expect(result.issues).toContainEqual(expect.objectContaining({ code: 'no-control-account', params: { count: 6 } }));
  });

  it('reads a journal whose type follows its transactions as if it came first', async () => {
    const original = await importText('xaf.xml', fixtureText('xaf-small.xml'));
    const bankTypeLast = fixtureText('xaf-small.xml')
      .replace('<desc>Bank</desc><jrnTp>B</jrnTp>', '<desc>Bank</desc>')
      .replace('</transaction>\n      </journal>\n    </transactions>', '</transaction><jrnTp>B</jrnTp>\n      </journal>\n    </transactions>');
    expect(bankTypeLast).not.toBe(fixtureText('xaf-small.xml'));
    const result = await importText('xaf.xml', bankTypeLast);
    expect(rows(result)).toEqual(rows(original));
    expect(result.issues).toEqual(original.issues);
  });

  it('reads the accounts and the header where they stand, before or after the transactions', async () => {
    const xml = fixtureText('xaf-small.xml');
    const header = /<header>.*<\/header>/.exec(xml)![0];
    const receivables = '<ledgerAccount><accID>1300</accID><accDesc>Debiteuren</accDesc><accTp>B</accTp></ledgerAccount>';
    const late = xml.replace(header, '').replace(receivables, '').replace('</transactions>', `</transactions><generalLedger>${receivables}</generalLedger>${header}`);
    const result = await importText('xaf.xml', late);
    // The receivables account comes too late to take the debtor's lines; the creditor's line is taken.
    expect(rows(result)).toEqual(['AP C200 invoice A-77 2024-03-05 2024-03-05 6050 EUR']);
    expect(result.ledger?.baseCurrency).toBe('EUR');
  });

  it('uses the sbLine data (invoice date, due date, mutation type) where the file has subledgers', async () => {
    const xml = fixtureText('xaf-small.xml').replace('</transactions>', `<subledgers><subledger><sbType>CU</sbType><linesCount>1</linesCount><totalDebit>121</totalDebit><totalCredit>0</totalCredit>
      <sbLine><nr>1</nr><jrnID>V</jrnID><trNr>V1</trNr><trLineNr>1</trLineNr><amnt>121.00</amnt><amntTp>D</amntTp><custSupID>D100</custSupID><invRef>F1</invRef><invDt>2024-02-28</invDt><invDueDt>2024-03-29</invDueDt><mutTp>I</mutTp></sbLine>
      </subledger></subledgers></transactions>`);
    const result = await importText('xaf.xml', xml);
    expect(rows(result)).toEqual(['AR D100 invoice F1 2024-03-01 2024-03-29 12100 EUR']);
    expect(result.ledger?.entries[0]?.docDate).toBe(Date.UTC(2024, 1, 28) / 86_400_000);
  });
});

describe('XML that is refused', () => {
  it('a DOCTYPE declaring entities (billion laughs) is refused, nothing expanded', async () => {
    const xml = `<?xml version="1.0"?><!DOCTYPE auditfile [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>
      <auditfile xmlns="http://www.auditfiles.nl/XAF/3.2"><header><curCode>&b;</curCode></header></auditfile>`;
    const result = await importText('bomb.xml', xml);
    expect(result.ledger).toBeNull();
    expect(errors(result)).toEqual(['doctype-entities']);
  });

  it('an external entity is refused, never fetched', async () => {
    const xml = `<?xml version="1.0"?><!DOCTYPE AuditFile [<!ENTITY x SYSTEM "file:///etc/passwd">]><AuditFile xmlns="urn:StandardAuditFile-Taxation-Financial:NO">&x;</AuditFile>`;
    expect(errors(await importText('xxe.xml', xml))).toEqual(['doctype-entities']);
  });

  it('malformed XML names where it broke', async () => {
    const xml = fixtureText('xaf-small.xml').replace('</trLine>', '</trline>');
    const result = await importText('broken.xml', xml);
    expect(result.ledger).toBeNull();
    expect(result.issues[0]).toMatchObject({ code: 'malformed-xml', path: expect.stringContaining('/auditfile/company/transactions/journal[1]/transaction[1]') });
    expect(result.issues[0]?.line).toBeGreaterThan(1);
  });

  it('XML of another kind (a bank statement) is not an auditfile', async () => {
    const xml = '<?xml version="1.0"?><Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt/></Document>';
    const result = await importFile({ name: 'camt.xml', bytes: new TextEncoder().encode(xml) });
    expect(result.issues[0]).toMatchObject({ code: 'unknown-xml', params: { root: 'Document', ns: 'urn:iso:std:iso:20022:tech:xsd:camt.053.001.02' } });
  });
});
