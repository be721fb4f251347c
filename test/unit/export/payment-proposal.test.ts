import { describe, expect, it } from 'vitest';
import { emptyHistory } from '../../../src/export/history';
import { planPayments } from '../../../src/export/payment-plan';
import { isValidSheetName, isValidTableName } from '../../../src/sheets/names';
import { paymentProposalSheet } from '../../../src/sheets/payment-proposal';
import { renderXlsx } from '../../../src/xlsx/render';
import { expectXlsxHolds, loadXlsx } from '../../fixtures/xlsx/check';
import { day } from '../core/fixture';
import { openPayables, payablesLedger } from './payables';

const ledger = payablesLedger();
const items = openPayables(ledger);
const plan = planPayments(
  items,
  { keys: items.map((i) => i.key), executionDate: day('2025-04-01'), together: ['S1'] },
  emptyHistory(),
  { parties: ledger.parties, batchId: 'SL20250331T120000PROP' },
);

describe('the payment proposal sheet', () => {
  const sheet = paymentProposalSheet(plan, {
    lang: 'nl',
    company: 'Brasserie Élise',
    debtor: { name: 'Brasserie Elise', iban: 'BE71096123456769' },
    fileName: 'betalingen.xml',
  });
  const [payments, refused] = sheet.tables;

  it('lists every paid item with supplier, IBAN, invoice, due date, amount and reference', () => {
    const col = (key: string): number => payments?.columns.findIndex((c) => c.key === key) ?? -1;
    const rows = payments?.rows.map((r) => [r[col('supplier')], r[col('iban')], r[col('docNo')], r[col('dueDate')], r[col('amount')], r[col('reference')]]);
    expect(rows).toEqual([
      ['Bakkerij Muller + Zoon', 'BE68539007547034', 'CN-1', day('2025-03-05'), -3000, 'CN-1, INV-1, INV-2'],
      ['Bakkerij Muller + Zoon', 'BE68539007547034', 'INV-1', day('2025-03-10'), 6000, 'CN-1, INV-1, INV-2'],
      ['Bakkerij Muller + Zoon', 'BE68539007547034', 'INV-2', day('2025-03-20'), 25010, 'CN-1, INV-1, INV-2'],
      ['Kredietbank', 'NL91ABNA0417164300', 'X-1', day('2025-03-15'), 2000, 'X-1'],
      ["Societe Generale d'Etudes", 'FR1420041010050500013M02606', 'F-101', day('2025-03-15'), 7000, 'RF18539007547034'],
    ]);
    expect(payments?.totalsRow).toBe(true);
    expect(payments?.columns.find((c) => c.key === 'amount')?.total).toBe('sum');
    const sum = payments?.rows.reduce((s, r) => s + Number(r[col('amount')]), 0);
    expect(sum).toBe(plan.total);
    expect(payments?.rowKeys).toEqual(plan.payments.flatMap((p) => p.items.map((i) => i.key)));
  });

  it('shows the refused items with their reason', () => {
    expect(refused?.rows.map((r) => [r[2], r[5]])).toEqual(plan.refused.map((r) => [r.docNo, r.message]));
    expect(refused?.rows.map((r) => r[2])).toEqual(['B-77', '2025/4', 'US-9', 'F-100', 'X-CN']);
  });

  it('speaks the user\'s language and is ready to print for approval', () => {
    expect(sheet.name).toBe('Betalingsvoorstel');
    expect(payments?.columns.map((c) => c.header)).toContain('Vervaldatum');
    expect(sheet.titleLines[1]).toBe('Batch SL20250331T120000PROP · Uitvoeringsdatum 01-04-2025 · 3 betalingen · Totaal 370.10 EUR');
    expect(sheet.titleLines.at(-1)).toMatch(/^Goedgekeurd door/);
    expect(sheet.print).toMatchObject({ orientation: 'landscape', fitToPagesWide: 1, repeatHeaderRow: true });
    expect(sheet.print.header.left).toBe('Brasserie Élise');
    for (const lang of ['en', 'nl', 'fr'] as const) {
      expect(isValidSheetName(paymentProposalSheet(plan, { lang, company: '' }).name)).toBe(true);
    }
    for (const t of sheet.tables) expect(isValidTableName(t.name)).toBe(true);
  });

  it('renders as a workbook sheet with its tables, totals and print setup', async () => {
    const bytes = await renderXlsx([sheet]);
    await expectXlsxHolds(bytes, [sheet]);
    const ws = (await loadXlsx(bytes)).getWorksheet('Betalingsvoorstel');
    const values: unknown[] = [];
    ws?.eachRow((row) => row.eachCell((cell) => values.push(cell.value)));
    expect(values).toContainEqual(expect.objectContaining({ formula: 'SUBTOTAL(109,PaymentProposal[Bedrag (EUR)])' }));
  });
});
