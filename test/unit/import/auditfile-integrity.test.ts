// Auditfile values that used to be silently wrong or wrongly named (issue 16): a SAF-T line with
// both a debit and a credit amount, a customer listed twice, and an unreadable date or amntTp.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importText } from './helpers';

const FIXTURES = path.resolve(import.meta.dirname, '../../fixtures/import');
const saft = (): string => readFileSync(path.join(FIXTURES, 'saft-small.xml'), 'utf8');
const xaf = (): string => readFileSync(path.join(FIXTURES, 'xaf-small.xml'), 'utf8');

describe('SAF-T lines and master data', () => {
  it('nets a line that carries both DebitAmount and CreditAmount (debit 100, credit 30 is 70 owed)', async () => {
    const xml = saft().replace(
      '<DebitAmount><Amount>1000.00</Amount></DebitAmount><ReferenceNumber>INV-1</ReferenceNumber>',
      '<DebitAmount><Amount>100.00</Amount></DebitAmount><CreditAmount><Amount>30.00</Amount></CreditAmount><ReferenceNumber>INV-1</ReferenceNumber>',
    );
    const result = await importText('saft.xml', xml);
    expect(result.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(result.ledger?.entries.find((e) => e.docNo === 'INV-1')?.amount).toBe(7000);
  });

  it('books one opening balance for a customer listed twice (the first listing), and warns', async () => {
    const xml = saft().replace(
      '</Customer>\n    </Customers>',
      '</Customer>\n      <Customer><Name>Fjord Fisk (again)</Name><CustomerID>K1</CustomerID><OpeningDebitBalance>999.00</OpeningDebitBalance></Customer>\n    </Customers>',
    );
    const result = await importText('saft.xml', xml);
    const openings = result.ledger?.entries.filter((e) => e.ledger === 'AR' && e.docNo.startsWith('OPENING')) ?? [];
    expect(openings.map((e) => e.amount)).toEqual([100000]);
    expect(result.issues).toContainEqual(expect.objectContaining({ code: 'duplicate-master-party', params: { party: 'K1' } }));
  });

  it('says an unreadable TransactionDate is not a valid date, naming the element, instead of “missing”', async () => {
    const xml = saft().replace('<TransactionDate>2025-02-20</TransactionDate>', '<TransactionDate>2025-13-45</TransactionDate>');
    const result = await importText('saft.xml', xml);
    expect(result.ledger).toBeNull();
    const errors = result.issues.filter((i) => i.severity === 'error');
    expect(errors).toEqual([expect.objectContaining({
      code: 'bad-date', field: 'TransactionDate', params: { value: '2025-13-45' },
      path: '/AuditFile/GeneralLedgerEntries/Journal[2]/Transaction[1]/TransactionDate',
    })]);
  });
});

describe('XAF values', () => {
  it('says an amntTp other than D or C is not a valid value, not that it is missing', async () => {
    const xml = xaf().replace('<amnt>60.50</amnt><amntTp>C</amntTp>', '<amnt>60.50</amnt><amntTp>X</amntTp>');
    const result = await importText('xaf.xml', xml);
    expect(result.ledger).toBeNull();
    const errors = result.issues.filter((i) => i.severity === 'error');
    expect(errors).toEqual([expect.objectContaining({ code: 'bad-code', field: 'amntTp', params: { value: 'X', expected: 'D, C' } })]);
    expect(errors[0]?.path).toMatch(/\/trLine\[1\]$/);
  });

  it('says an unreadable trDt is not a valid date', async () => {
    const xml = xaf().replace('<trDt>2024-03-05</trDt>', '<trDt>05-03-2024</trDt>');
    const result = await importText('xaf.xml', xml);
    expect(result.ledger).toBeNull();
    const errors = result.issues.filter((i) => i.severity === 'error');
    expect(errors).toEqual([expect.objectContaining({ code: 'bad-date', field: 'trDt', params: { value: '05-03-2024' } })]);
  });
});
