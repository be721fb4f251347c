// Invariants of a batch, over many generated ledgers: the file's CtrlSum and NbOfTxs are exactly
// its transactions, nothing refused is paid, nothing in the history is paid again unconfirmed;
// and the demo company's payables give a file the schema accepts.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { openItemsAsOf } from '../../../src/core/open-items';
import type { Item } from '../../../src/core/report-types';
import { partyKey, type Party } from '../../../src/core/types';
import { emptyHistory, historyToCsv, withBatch, type Pain001Format } from '../../../src/export/history';
import { writePain001 } from '../../../src/export/pain001';
import { batchOf, planPayments } from '../../../src/export/payment-plan';
import { demoLedger } from '../../../src/import/demo/index';
import { day } from '../core/fixture';
import { all, cents, haveSchemas, parseXml, schemaErrors, text } from './xml-check';

const DEBTOR = { name: 'Brasserie Elise', iban: 'BE71096123456769' };
const IBANS = ['BE68539007547034', 'NL91ABNA0417164300', 'DE89370400440532013000', ''];

function parties(): Map<string, Party> {
  return new Map(IBANS.map((iban, s): [string, Party] => [partyKey('AP', `S${s}`), { ledger: 'AP', partyId: `S${s}`, name: `Supplier ${s}`, iban }]));
}

const payable = fc.record({
  supplier: fc.integer({ min: 0, max: IBANS.length - 1 }),
  open: fc.integer({ min: -500_00, max: 99_999_999_999 }).filter((n) => n !== 0),
  eur: fc.boolean(),
});

function items(rows: { supplier: number; open: number; eur: boolean }[]): Item[] {
  return rows.map((r, i) => ({
    key: `AP·S${r.supplier}·D${i}·${r.open > 0 ? 'invoice' : 'credit_note'}`,
    ledger: 'AP', partyId: `S${r.supplier}`, partyName: '', docNo: `D${i}`, entryType: r.open > 0 ? 'invoice' : 'credit_note',
    entryDate: 20_000, docDate: 20_000, dueDate: 20_000 + i, currency: r.eur ? 'EUR' : 'USD',
    amount: r.open, amountBase: r.open, open: r.open, openBase: r.open, settledDate: null, description: '',
  }));
}

describe('every batch', () => {
  it('pays each chosen item once or refuses it, and its file adds up to the cent', () => {
    fc.assert(
      fc.property(fc.array(payable, { minLength: 1, maxLength: 40 }), fc.boolean(), (rows, together) => {
        const open = items(rows);
        const keys = open.map((i) => i.key);
        const plan = planPayments(open, { keys, executionDate: 20_100, together }, emptyHistory(), { parties: parties(), batchId: 'SLPROP' });
        const paid = plan.payments.flatMap((p) => p.items.map((i) => i.key));
        expect([...paid, ...plan.refused.map((r) => r.key)].sort()).toEqual([...keys].sort());
        for (const p of plan.payments) expect(p.amount).toBe(p.items.reduce((s, i) => s + i.amount, 0));
        if (plan.payments.length === 0) return;
        const doc = parseXml(writePain001(plan, DEBTOR));
        const amounts = all(doc, 'Document/CstmrCdtTrfInitn/PmtInf/CdtTrfTxInf/Amt/InstdAmt').map((n) => cents(n.text));
        expect(amounts.every((a) => a > 0)).toBe(true);
        expect(cents(text(doc, 'Document/CstmrCdtTrfInitn/GrpHdr/CtrlSum'))).toBe(amounts.reduce((a, b) => a + b, 0));
        expect(Number(text(doc, 'Document/CstmrCdtTrfInitn/GrpHdr/NbOfTxs'))).toBe(amounts.length);
      }),
      { numRuns: 150 },
    );
  });

  it('never pays again, unconfirmed, an item that an earlier batch holds', () => {
    fc.assert(
      fc.property(fc.array(payable, { minLength: 1, maxLength: 30 }), fc.array(fc.boolean(), { minLength: 30, maxLength: 30 }), (rows, pick) => {
        const open = items(rows);
        const keys = open.map((i) => i.key);
        const first = planPayments(open, { keys: keys.filter((_, i) => pick[i]), executionDate: 20_100 }, emptyHistory(), { parties: parties(), batchId: 'SLONE' });
        const history = withBatch(emptyHistory(), batchOf(first, { createdAt: '2025-01-01T10:00:00Z', fileName: 'one.xml', format: 'pain.001.001.03' }));
        const second = planPayments(open, { keys, executionDate: 20_101 }, history, { parties: parties(), batchId: 'SLTWO' });
        const before = new Set(first.payments.flatMap((p) => p.items.map((i) => i.key)));
        for (const p of second.payments) for (const i of p.items) expect(before.has(i.key)).toBe(false);
        for (const key of before) expect(second.refused.find((r) => r.key === key)?.code).toBe('already-paid');
      }),
      { numRuns: 100 },
    );
  });
});

describe('the demo company', () => {
  const asOf = day('2025-06-30');
  const ledger = demoLedger({ seed: 11, today: asOf });
  const payables = openItemsAsOf(ledger, asOf).filter((i) => i.ledger === 'AP');
  const plan = planPayments(payables, { keys: payables.map((i) => i.key), executionDate: day('2025-07-01') }, emptyHistory(), {
    parties: ledger.parties,
    batchId: 'SLDEMO',
  });

  it('pays its open EUR invoices and refuses the rest with a reason', () => {
    expect(plan.payments.length).toBeGreaterThan(0);
    const paid = plan.payments.flatMap((p) => p.items.map((i) => i.key));
    expect([...paid, ...plan.refused.map((r) => r.key)].sort()).toEqual(payables.map((i) => i.key).sort());
    for (const p of plan.payments) expect(p.amount).toBeGreaterThan(0);
    const codes = new Set(plan.refused.map((r) => r.code));
    for (const code of codes) expect(['credit-balance', 'not-eur', 'no-iban', 'invalid-iban', 'bad-reference']).toContain(code);
  });

  it.each(['pain.001.001.03', 'pain.001.001.09'] as Pain001Format[])('%s: gives a file the schema accepts', (format) => {
    const xml = writePain001(plan, DEBTOR, { format });
    if (haveSchemas) expect(schemaErrors(xml, format)).toBe('');
    expect(all(parseXml(xml), 'Document/CstmrCdtTrfInitn/PmtInf/CdtTrfTxInf')).toHaveLength(plan.payments.length);
  });
});

describe('the payment history as CSV', () => {
  it('lists every paid item with exact amounts, and keeps text from reading as a formula', () => {
    const open = items([{ supplier: 0, open: 12345, eur: true }, { supplier: 0, open: -45, eur: true }]);
    open[0]!.docNo = '=HYPERLINK("x")';
    const plan = planPayments(open, { keys: open.map((i) => i.key), executionDate: 20_100, together: true }, emptyHistory(), { parties: parties(), batchId: 'SLCSV' });
    const csv = historyToCsv(withBatch(emptyHistory(), batchOf(plan, { createdAt: '2025-01-01T10:00:00Z', fileName: 'a,b.xml', format: 'pain.001.001.09' })));
    expect(csv.split('\r\n')).toEqual([
      'batch_id,created_at,execution_date,file_name,format,party_id,doc_no,amount,currency,end_to_end_id',
      `SLCSV,2025-01-01T10:00:00Z,2025-01-12,"a,b.xml",pain.001.001.09,S0,"'=HYPERLINK(""x"")",123.45,EUR,SLCSV-1`,
      'SLCSV,2025-01-01T10:00:00Z,2025-01-12,"a,b.xml",pain.001.001.09,S0,D1,-0.45,EUR,SLCSV-1',
      '',
    ]);
  });

  it('refuses a batch id that would not leave room for the EndToEndIds', () => {
    expect(() => planPayments([], { keys: [], executionDate: 20_100 }, emptyHistory(), { parties: parties(), batchId: 'X'.repeat(29) })).toThrow(/at most 28/);
    expect(() => planPayments([], { keys: [], executionDate: 20_100 }, emptyHistory(), { parties: parties(), batchId: 'A//B' })).toThrow(/not a SEPA identifier/);
  });
});
