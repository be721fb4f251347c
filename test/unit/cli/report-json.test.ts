// `subledger report` on a small hand-computed ledger (as of 2025-03-31):
//   D1 Peeters: F1 1000.00 due 02-09, paid 400.00 → 600.00 open, 50 days overdue;
//               F2 250.50 due 03-31 → not due (due on the as-of date)
//   D2 Dubois:  F3 USD 100.00 (EUR 92.00) due 2024-10-31, paid USD 50.00 → USD 50.00 = EUR 46.00, 151 days
//   C1 Janssens (AP): AF1 300.00 due 04-02, its payment is booked 04-05 (after as-of) → open, not due
import { describe, expect, it } from 'vitest';
import { reportJson, rowsBy } from './run-cli';

const AS_OF = ['--as-of', '2025-03-31'];

describe('subledger report (JSON of cli.md)', () => {
  it('open-items: only open items, amounts in their currency and base, age and bucket', async () => {
    const json = await reportJson('open-items', ...AS_OF);
    expect(json.report).toBe('open-items');
    expect(json.asOf).toBe('2025-03-31');
    const byDoc = rowsBy(json, 'docNo');
    expect(Object.keys(byDoc).sort()).toEqual(['AF1', 'F1', 'F2', 'F3']);
    expect(byDoc.F3).toEqual({
      ledger: 'AR', partyId: 'D2', partyName: 'Dubois SRL', docNo: 'F3', entryType: 'invoice',
      docDate: '2024-10-01', dueDate: '2024-10-31', currency: 'USD', amount: 100, open: 50, openBase: 46,
      ageDays: 151, bucket: '>120',
    });
    expect(byDoc.F1).toMatchObject({ open: 600, openBase: 600, ageDays: 50, bucket: '31-60' });
    expect(byDoc.F2).toMatchObject({ open: 250.5, ageDays: 0, bucket: 'not due' });
    expect(byDoc.AF1).toMatchObject({ ledger: 'AP', open: 300, ageDays: -2, bucket: 'not due' });
  });

  it('aging: one row per party, buckets in label order adding up to the total', async () => {
    const json = await reportJson('aging', ...AS_OF);
    expect(json.bucketLabels).toEqual(['not due', '1-30', '31-60', '61-90', '91-120', '>120']);
    const rows = rowsBy(json, 'partyId');
    expect(rows.D1).toEqual({ ledger: 'AR', partyId: 'D1', partyName: 'Peeters BV', total: 850.5, buckets: [250.5, 0, 600, 0, 0, 0] });
    expect(rows.D2).toMatchObject({ total: 46, buckets: [0, 0, 0, 0, 0, 46] });
    expect(rows.C1).toMatchObject({ ledger: 'AP', total: 300, buckets: [300, 0, 0, 0, 0, 0] });
  });

  it('aging by document date with other limits, and historical as of 2025-02-15 (before any payment)', async () => {
    const json = await reportJson('aging', '--as-of', '2025-02-15', '--basis', 'doc', '--buckets', '30,90', '--side', 'AR');
    expect(json.bucketLabels).toEqual(['0-30', '31-90', '>90']);
    const rows = rowsBy(json, 'partyId');
    expect(Object.keys(rows).sort()).toEqual(['D1', 'D2']);
    expect(rows.D1).toMatchObject({ total: 1000, buckets: [0, 1000, 0] });
    expect(rows.D2).toMatchObject({ total: 92, buckets: [0, 0, 92] });
  });

  it('balances: credit limit, headroom, over limit, oldest overdue, last payment; null where absent', async () => {
    const json = await reportJson('balances', ...AS_OF);
    const rows = rowsBy(json, 'partyId');
    expect(rows.D1).toEqual({
      ledger: 'AR', partyId: 'D1', partyName: 'Peeters BV', balance: 850.5, overdue: 600, notDue: 250.5,
      openItems: 2, creditLimit: 500, headroom: -350.5, overLimit: true, oldestOverdueDays: 50,
      lastPaymentDate: '2025-02-20',
    });
    expect(rows.D2).toMatchObject({ balance: 46, creditLimit: null, headroom: null, overLimit: null, oldestOverdueDays: 151 });
    expect(rows.C1).toMatchObject({ balance: 300, overdue: 0, oldestOverdueDays: null, lastPaymentDate: null });
  });

  it('key-figures: overdue, not due, total and due within 3 and 5 days per ledger', async () => {
    const json = await reportJson('key-figures', ...AS_OF);
    expect(json.report).toBe('key-figures');
    expect(json.AR).toEqual({ overdue: 646, notDue: 250.5, total: 896.5, dueWithin: { '3': 250.5, '5': 250.5 }, journalsUpdatedUntil: '2025-03-15' });
    expect(json.AP).toMatchObject({ overdue: 0, notDue: 300, total: 300, dueWithin: { '3': 300, '5': 300 } });
  });

  it('mutations: the entries of the period by date, or by document number', async () => {
    const byDate = await reportJson('mutations', '--from', '2025-03-01', '--to', '2025-03-31');
    expect(byDate).toMatchObject({ report: 'mutations', from: '2025-03-01', to: '2025-03-31' });
    expect(byDate.rows.map((r) => r.docNo)).toEqual(['F2', 'B2', 'AF1']);
    expect(byDate.rows[0]).toEqual({
      ledger: 'AR', partyId: 'D1', entryDate: '2025-03-01', docNo: 'F2', entryType: 'invoice', docDate: '2025-03-01',
      dueDate: '2025-03-31', currency: 'EUR', amount: 250.5, amountBase: 250.5, settles: null, description: '=SUM(A1:A2)',
    });
    expect(byDate.rows[1]).toMatchObject({ currency: 'USD', amount: -50, amountBase: -45.5, settles: 'F3' });
    const byDoc = await reportJson('mutations', '--from', '2025-03-01', '--to', '2025-03-31', '--sort', 'doc');
    expect(byDoc.rows.map((r) => r.docNo)).toEqual(['AF1', 'B2', 'F2']);
    const onlyD1 = await reportJson('mutations', '--from', '2025-01-01', '--to', '2025-03-31', '--party', 'D1');
    expect(onlyD1.rows.map((r) => r.docNo)).toEqual(['F1', 'B1', 'F2']);
  });

  it('card: opening balance, then every entry of the period with a running balance', async () => {
    const json = await reportJson('card', '--party', 'D1', '--from', '2025-02-01', '--to', '2025-03-31');
    expect(json).toEqual({
      report: 'card', from: '2025-02-01', to: '2025-03-31', ledger: 'AR', partyId: 'D1', partyName: 'Peeters BV',
      opening: { base: 1000, byCurrency: { EUR: 1000 } },
      rows: [
        { entryDate: '2025-02-20', docNo: 'B1', entryType: 'payment', currency: 'EUR', amount: -400, amountBase: -400, balanceBase: 600, balanceInCurrency: 600 },
        { entryDate: '2025-03-01', docNo: 'F2', entryType: 'invoice', currency: 'EUR', amount: 250.5, amountBase: 250.5, balanceBase: 850.5, balanceInCurrency: 850.5 },
      ],
    });
  });

  it('turnaround: movements per party, the FX difference of a USD item, and DSO/CEI per ledger', async () => {
    const json = await reportJson('turnaround', '--from', '2025-01-01', '--to', '2025-03-31');
    expect(json).toMatchObject({ report: 'turnaround', from: '2025-01-01', to: '2025-03-31' });
    const rows = rowsBy(json, 'partyId');
    expect(rows.D1).toMatchObject({ opening: 0, invoiced: 1250.5, credited: 0, paid: -400, other: 0, fxDifference: 0, closing: 850.5, invoicesSettled: 0, avgDaysToPay: null });
    // F3 was booked at 0.92, half paid at 0.91: 92.00 − 45.50 leaves 46.50, the open half is 46.00.
    expect(rows.D2).toMatchObject({ opening: 92, invoiced: 0, paid: -45.5, fxDifference: -0.5, closing: 46 });
    const days = 90;
    const totals = json.totals as Record<'AR' | 'AP', Record<string, number>>;
    const ar = totals.AR;
    expect(ar).toMatchObject({ opening: 92, invoiced: 1250.5, closing: 896.5, notDue: 250.5 });
    expect(ar.dso).toBeCloseTo((896.5 / 1250.5) * days, 6);
    expect(ar.bestPossibleDso).toBeCloseTo((250.5 / 1250.5) * days, 6);
    expect(ar.add).toBeCloseTo(ar.dso! - ar.bestPossibleDso!, 9);
    expect(ar.cei).toBeCloseTo(((92 + 1250.5 - 896.5) / (92 + 1250.5 - 250.5)) * 100, 6);
    expect(Object.keys(totals.AP).sort()).toEqual(['add', 'bestPossibleDso', 'cei', 'closing', 'dso', 'invoiced', 'notDue', 'opening']);
  });

  it('defaults --as-of to today and --from/--to to its calendar year', async () => {
    expect((await reportJson('key-figures')).asOf).toBe('2025-03-31');
    expect(await reportJson('turnaround')).toMatchObject({ from: '2025-01-01', to: '2025-12-31' });
  });
});
