// Every real SAF-T and XAF example in ../shared/formats imports, and each party's balance equals
// what the file itself says: its debit minus credit subledger lines plus its opening balance,
// computed here with a plain text scan of the file (not with the importer).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseIsoDate } from '../../../src/core/date';
import { openItemsAsOf } from '../../../src/core/open-items';
import type { ImportResult } from '../../../src/core/types';
import { importFile } from '../../../src/import/index';
import { describeSource } from '../../../src/import/messages';

const FORMATS = path.resolve(import.meta.dirname, '../../..', '../shared/formats');
const SAFT = path.join(FORMATS, 'saf-t-no');
const XAF = path.join(FORMATS, 'xaf-nl');
if (!existsSync(SAFT) || !existsSync(XAF)) console.warn(`real auditfiles not found under ${FORMATS}: those tests are skipped`);

function xmlFiles(dir: string): string[] {
  return existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.xml')).sort() : [];
}

/** Decimal text to cents, exactly (the sample files have at most two decimals). */
function cents(text: string): bigint {
  const [int = '0', frac = ''] = text.trim().replace(/^-/, '').split('.');
  const value = BigInt(int || '0') * 100n + BigInt((frac + '00').slice(0, 2));
  return text.trim().startsWith('-') ? -value : value;
}

function blocks(xml: string, name: string): string[] {
  return [...xml.matchAll(new RegExp(`<(?:\\w+:)?${name}>([\\s\\S]*?)</(?:\\w+:)?${name}>`, 'g'))].map((m) => m[1] ?? '');
}

function value(block: string, name: string): string | undefined {
  return new RegExp(`<(?:\\w+:)?${name}>([^<]*)</`).exec(block)?.[1]?.trim();
}

function all(block: string, name: string): string[] {
  return [...block.matchAll(new RegExp(`<(?:\\w+:)?${name}>([^<]*)</`, 'g'))].map((m) => m[1] ?? '');
}

function add(sums: Map<string, bigint>, key: string, amount: bigint): void {
  sums.set(key, (sums.get(key) ?? 0n) + amount);
}

/** SAF-T: opening debit − credit of each customer/supplier, plus its lines' debit − credit (AP: the reverse). */
function saftExpected(xml: string): Map<string, bigint> {
  const sums = new Map<string, bigint>();
  for (const [side, party, idName] of [['AR', 'Customer', 'CustomerID'], ['AP', 'Supplier', 'SupplierID']] as const) {
    for (const b of blocks(xml, party)) {
      const opening = all(b, 'OpeningDebitBalance').reduce((s, v) => s + cents(v), 0n) - all(b, 'OpeningCreditBalance').reduce((s, v) => s + cents(v), 0n);
      add(sums, `${side} ${value(b, idName)}`, side === 'AR' ? opening : -opening);
    }
  }
  for (const line of blocks(xml, 'Line')) {
    const customer = value(line, 'CustomerID');
    const supplier = value(line, 'SupplierID');
    const debit = (blocks(line, 'DebitAmount')[0] ?? '') && cents(value(blocks(line, 'DebitAmount')[0]!, 'Amount') ?? '0');
    const credit = (blocks(line, 'CreditAmount')[0] ?? '') && cents(value(blocks(line, 'CreditAmount')[0]!, 'Amount') ?? '0');
    const net = BigInt(debit || 0n) - BigInt(credit || 0n);
    if (customer !== undefined) add(sums, `AR ${customer}`, net);
    else if (supplier !== undefined) add(sums, `AP ${supplier}`, -net);
  }
  return withoutZeros(sums);
}

/**
 * XAF: each subledger (and opening subledger) line, debit − credit for CU, credit − debit for SU;
 * a file without subledgers (Banana): each trLine whose accID is a custSupID, by that party's type.
 */
function xafExpected(xml: string): Map<string, bigint> {
  const sums = new Map<string, bigint>();
  if (blocks(xml, 'subledger').length === 0) {
    const types = new Map(blocks(xml, 'customerSupplier').map((b) => [value(b, 'custSupID'), value(b, 'custSupTp')]));
    for (const line of [...blocks(xml, 'trLine'), ...blocks(xml, 'obLine')]) {
      const account = value(line, 'accID');
      const type = types.get(account);
      if (type === undefined) continue;
      const amount = cents(value(line, 'amnt') ?? '0') * (value(line, 'amntTp') === 'D' ? 1n : -1n);
      add(sums, `${type === 'S' ? 'AP' : 'AR'} ${account}`, type === 'S' ? -amount : amount);
    }
    return withoutZeros(sums);
  }
  for (const name of ['subledger', 'obSubledger']) {
    for (const ledger of blocks(xml, name)) {
      const sbType = value(ledger, 'sbType');
      for (const line of blocks(ledger, name === 'subledger' ? 'sbLine' : 'obSbLine')) {
        const side = sbType === 'CU' || (sbType !== 'SU' && value(line, 'invPurSalTp') === 'S') ? 'AR' : 'AP';
        const amount = cents(value(line, 'amnt') ?? '0') * (value(line, 'amntTp') === 'D' ? 1n : -1n);
        add(sums, `${side} ${value(line, 'custSupID')}`, side === 'AR' ? amount : -amount);
      }
    }
  }
  return withoutZeros(sums);
}

function withoutZeros(sums: Map<string, bigint>): Map<string, bigint> {
  return new Map([...sums].filter(([, v]) => v !== 0n));
}

function importedBalances(result: ImportResult): Map<string, bigint> {
  const sums = new Map<string, bigint>();
  for (const e of result.ledger?.entries ?? []) add(sums, `${e.ledger} ${e.partyId}`, BigInt(e.amountBase));
  return withoutZeros(sums);
}

async function importReal(dir: string, name: string): Promise<{ xml: string; result: ImportResult }> {
  const bytes = new Uint8Array(readFileSync(path.join(dir, name)));
  return { xml: new TextDecoder('latin1').decode(bytes), result: await importFile({ name, bytes }) };
}

const DRAFT_V2 = 'v2.0-draft_generated_auditfile_formatted.xml';

describe.skipIf(!existsSync(SAFT))('real SAF-T Financial files', () => {
  it.each(xmlFiles(SAFT).filter((f) => f !== DRAFT_V2))('%s imports with each party balance as the file says', async (name) => {
    const { xml, result } = await importReal(SAFT, name);
    expect(result.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(result.ledger).not.toBeNull();
    expect(result.ledger!.entries.length).toBeGreaterThan(0);
    expect(importedBalances(result)).toEqual(saftExpected(xml));
  });

  it('refuses the unreleased 2.0 draft, whose random amounts exceed any real amount, naming the element', async () => {
    const { result } = await importReal(SAFT, DRAFT_V2);
    expect(result.ledger).toBeNull();
    const errors = result.issues.filter((i) => i.severity === 'error');
    expect(errors.length).toBeGreaterThan(0);
    for (const e of errors) expect(e.path).toMatch(/^\/AuditFile\//);
  });

  it('allocates the 1.30 example payment to its invoice by ReferenceNumber', async () => {
    const { result } = await importReal(SAFT, 'generated_auditfile_formatted_v_1.30.xml');
    const payment = result.ledger?.entries.find((e) => e.entryType === 'payment');
    expect(payment).toMatchObject({ ledger: 'AP', partyId: '24000', amount: -1250000, settles: '50841525' });
  });
});

describe.skipIf(!existsSync(XAF))('real XAF 3.2 files', () => {
  it.each(xmlFiles(XAF))('%s imports with each party balance as its subledgers say', async (name) => {
    const { xml, result } = await importReal(XAF, name);
    expect(result.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(result.ledger).not.toBeNull();
    expect(importedBalances(result)).toEqual(xafExpected(xml));
  });

  it('reads the Multivers file that declares UTF-8 but is Latin-1, and says so', async () => {
    const { result } = await importReal(XAF, 'Multivers_V32_2017.xml');
    expect(result.issues.map((i) => i.code)).toContain('declared-encoding-mismatch');
    expect(result.report?.currencies).toEqual(['EUR', 'GBP', 'USD']);
  });

  it('lists the negative quantities of the Exact Online file as a lenient fix', async () => {
    const { result } = await importReal(XAF, 'ExactOnline_V32_2016.xml');
    expect(result.issues).toContainEqual(expect.objectContaining({ code: 'negative-quantity', severity: 'warning', params: { count: 7 } }));
  });
});

const REAL_EXPORTS = path.join(FORMATS, 'real-exports');
const BANANA = path.join(REAL_EXPORTS, 'banana');
if (!existsSync(BANANA)) console.warn(`${BANANA} not found: the Banana XAF test is skipped`);

describe.skipIf(!existsSync(BANANA))('Banana XAF, parties on their own accounts (no custSupID, no invRef)', () => {
  const name = 'auditfile_v3.2_nl_20180101_20181231.xaf';

  it('imports each party balance as the trLines on its account say', async () => {
    const { xml, result } = await importReal(BANANA, name);
    expect(result.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(importedBalances(result)).toEqual(xafExpected(xml));
    expect(importedBalances(result).size).toBe(5); // 7 parties have lines; 21000 and 21040 are paid in full
    expect(describeSource(result.report!.source!, 'en')).toBe('XAF 3.2 (Banana Accounting), 121 lines: 16 taken; 3 matched');
  });

  it('allocates payments and a credit note by the invoice number their description names', async () => {
    const { result } = await importReal(BANANA, name);
    const entries = result.ledger?.entries ?? [];
    const settled = entries.filter((e) => e.settles !== undefined).map((e) => `${e.ledger} ${e.partyId} ${e.entryType} ${e.settles}`);
    expect(settled).toEqual(['AP 21000 payment 15', 'AR 11030 credit_note 203', 'AP 21040 payment 345']);
    // Invoice 12 of supplier 21030 is booked twice (journal 1, transactions 34 and 35): the second keeps its number, then its
    // booking, in the form earlier imports gave it (the item key notes are kept under).
    expect(entries.filter((e) => e.partyId === '21030' && e.docNo.startsWith('12')).map((e) => e.docNo)).toEqual(['12', '12/1/35']);
    expect(entries.find((e) => e.partyId === '11020' && e.amount === -36300)?.entryType).toBe('journal');
  });
});

const SAFT_PT = path.join(REAL_EXPORTS, 'saft-pt');
if (!existsSync(SAFT_PT)) console.warn(`${SAFT_PT} not found: the SAF-T PT test is skipped`);

/**
 * SAF-T PT billing file: per customer, the GrossTotal of each sales document that is not cancelled
 * (A) or billed (F), a credit note (NC) negative, an invoice-receipt (FR) net zero; less the
 * GrossTotal plus settlement discount of each receipt that is not cancelled.
 */
function saftPtExpected(xml: string): Map<string, bigint> {
  const sums = new Map<string, bigint>();
  for (const doc of blocks(xml, 'Invoice')) {
    if (['A', 'F'].includes(value(doc, 'InvoiceStatus') ?? '')) continue;
    const type = value(doc, 'InvoiceType');
    if (type === 'FR') continue;
    const gross = cents(value(blocks(doc, 'DocumentTotals')[0] ?? '', 'GrossTotal') ?? '0');
    add(sums, `AR ${value(doc, 'CustomerID')}`, type === 'NC' ? -gross : gross);
  }
  for (const payment of blocks(xml, 'Payment').filter((b) => b.includes('PaymentRefNo'))) {
    if (value(payment, 'PaymentStatus') === 'A') continue;
    const totals = blocks(payment, 'DocumentTotals')[0] ?? '';
    const discount = blocks(totals, 'Settlement')[0];
    add(sums, `AR ${value(payment, 'CustomerID')}`, -cents(value(totals, 'GrossTotal') ?? '0') - (discount ? cents(value(discount, 'SettlementAmount') ?? '0') : 0n));
  }
  return withoutZeros(sums);
}

describe.skipIf(!existsSync(SAFT_PT))('SAF-T PT 1.04 demonstration file (Windows-1252, no general ledger)', () => {
  const name = 'saft_idemo599999999.xml';

  it('imports each customer balance as its documents and receipts say', async () => {
    const { xml, result } = await importReal(SAFT_PT, name);
    expect(result.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(importedBalances(result)).toEqual(saftPtExpected(xml));
    expect(result.ledger?.parties.get('AP\u0000SB1')).toBeDefined();
    // 24 sales documents and 2 receipts; 6 documents and 1 receipt cancelled; 2 invoice-receipts and 1 receipt matched.
    // The sentence counts documents throughout: taken + cancelled = all documents.
    const invoices = blocks(xml, 'Invoice');
    const payments = blocks(xml, 'Payment').filter((b) => b.includes('PaymentRefNo'));
    const cancelled = invoices.filter((d) => ['A', 'F'].includes(value(d, 'InvoiceStatus') ?? '')).length + payments.filter((p) => value(p, 'PaymentStatus') === 'A').length;
    const all = invoices.length + payments.length;
    expect([all, cancelled]).toEqual([26, 7]);
    expect(describeSource(result.report!.source!, 'en')).toBe(`SAF-T PT 1.04_01, ${all} documents: ${all - cancelled} taken, ${cancelled} cancelled left out; 3 matched`);
  });

  it('keeps cancelled documents out, leaves invoice-receipts settled and allocates the receipt to 1T 1/6', async () => {
    const { result } = await importReal(SAFT_PT, name);
    const ledger = result.ledger!;
    expect(ledger.entries.some((e) => e.docNo === '1T 1/5' || e.docNo.startsWith('1IECTR'))).toBe(false);
    const open = openItemsAsOf(ledger, parseIsoDate('2018-01-31')!).map((i) => i.docNo);
    expect(open).not.toContain('1TR R/1');
    expect(open).not.toContain('1T 1/6');
    expect(open).toContain('1T 1/4');
    expect(ledger.parties.get('AR\u0000CA3')).toBeDefined();
  });
});
