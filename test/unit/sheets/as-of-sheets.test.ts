// The as-of worksheets of a small AR/AP ledger (test/fixtures/sheets): a few ledger lines in, the
// table a controller reads out — open items with their buckets and currencies, aging, balances,
// the dashboard's key figures — with totals that add up to the cent.
import { beforeAll, describe, expect, it } from 'vitest';
import { baseItemKey } from '../../../src/core/item-key';
import type { Ledger } from '../../../src/core/types';
import type { SheetSpec } from '../../../src/sheets/spec';
import { buildWorkbookSpecs } from '../../../src/sheets/workbook';
import { day, fixtureLedger, fixtureOptions } from '../../fixtures/sheets/ledger';
import { sheetOf, shownColumn, shownRows, tableOf } from '../../fixtures/sheets/readable';

let ledger: Ledger;
let specs: SheetSpec[];
beforeAll(async () => {
  ledger = await fixtureLedger();
  specs = buildWorkbookSpecs(ledger, fixtureOptions());
});

describe('Open items AR as of 2024-12-31', () => {
  it('lists every open item by party and due date, with its age, bucket and open amount in its own currency', () => {
    const table = tableOf(sheetOf(specs, 'open-items-AR'));
    expect(shownRows(table).map((row) => row.slice(0, 12))).toEqual([
      ['C1', 'Alpha NV', 'I1', 'Invoice', '2024-10-01', '2024-10-31', 61, '61-90', 'EUR', '1210.00', '710.00', '710.00'],
      ['C1', 'Alpha NV', 'I2', 'Invoice', '2024-12-20', '2025-01-19', 0, 'Not due', 'EUR', '242.00', '242.00', '242.00'],
      ['C2', '=HYPERLINK("http://x.example")', 'CN1', 'Credit note', '2024-12-01', '2024-12-01', 30, '1-30', 'EUR', '-50.00', '-50.00', '-50.00'],
      ['C2', '=HYPERLINK("http://x.example")', 'I3', 'Invoice', '2024-11-20', '2024-12-20', 11, '1-30', 'USD', '100.00', '100.00', '92.50'],
      ['C3', '+Plus BV', 'I4', 'Invoice', '2024-12-30', '2025-01-29', 0, 'Not due', 'JPY', '10000', '10000', '61.23'],
    ]);
  });

  it('totals the open amount in base currency with SUBTOTAL and counts the documents', () => {
    const table = tableOf(sheetOf(specs, 'open-items-AR'));
    expect(table.totalsRow).toBe(true);
    expect(table.columns.filter((c) => c.total !== undefined && c.total !== 'none').map((c) => [c.key, c.total])).toEqual([
      ['docNo', 'count'],
      ['openBase', 'sum'],
    ]);
    const sum = table.rows.reduce((acc, row) => acc + Number(row[11]), 0);
    expect(sum).toBe(105573);
  });

  it('gives a foreign-currency amount the decimals of its currency, base money those of EUR', () => {
    const table = tableOf(sheetOf(specs, 'open-items-AR'));
    const open = table.columns.find((c) => c.key === 'open');
    const openBase = table.columns.find((c) => c.key === 'openBase');
    expect(open?.currencyColumn).toBe('currency');
    expect(openBase).toMatchObject({ type: 'money', exponent: 2, numberFormat: '#,##0.00;[Red]-#,##0.00' });
  });

  it('fills Handled / Note / Follow-up from the notes keyed by item key, and keys every row', () => {
    const key = baseItemKey({ ledger: 'AR', partyId: 'C1', docNo: 'I1', entryType: 'invoice' });
    const notes = new Map([[key, { handled: true, note: 'Called, pays Friday', followUp: day('2025-01-10') }]]);
    const table = tableOf(sheetOf(buildWorkbookSpecs(ledger, fixtureOptions({ notes, sheets: ['open-items-AR'] })), 'open-items-AR'));
    expect(table.rowKeys?.[0]).toBe(key);
    expect(new Set(table.rowKeys).size).toBe(table.rows.length);
    expect(shownRows(table).map((row) => row.slice(12))).toEqual([
      [true, 'Called, pays Friday', '2025-01-10'],
      [false, null, null],
      [false, null, null],
      [false, null, null],
      [false, null, null],
    ]);
    expect(table.columns.filter((c) => c.userEditable === true).map((c) => c.key)).toEqual(['handled', 'note', 'followUp']);
  });
});

describe('Aging and balances as of 2024-12-31', () => {
  it('puts each party’s open amount in its buckets, adding up to its total', () => {
    const table = tableOf(sheetOf(specs, 'aging-AR'));
    expect(table.columns.map((c) => c.header)).toEqual(['Party', 'Name', 'Not due', '1-30', '31-60', '61-90', '91-120', '>120', 'Total']);
    expect(shownRows(table)).toEqual([
      ['C1', 'Alpha NV', '242.00', '0.00', '0.00', '710.00', '0.00', '0.00', '952.00'],
      ['C2', '=HYPERLINK("http://x.example")', '0.00', '42.50', '0.00', '0.00', '0.00', '0.00', '42.50'],
      ['C3', '+Plus BV', '61.23', '0.00', '0.00', '0.00', '0.00', '0.00', '61.23'],
    ]);
    expect(shownRows(tableOf(sheetOf(specs, 'aging-AP')))).toEqual([
      ['S1', 'Supplier & Sons', '0.00', '0.00', '0.00', '0.00', '200.00', '0.00', '200.00'],
    ]);
  });

  it('heat-colours the buckets older than 30 days overdue', () => {
    const table = tableOf(sheetOf(specs, 'aging-AR'));
    expect(table.conditionalFormats?.map((f) => (f.kind === 'colorScale' ? f.column : f.kind))).toEqual([
      'bucket2',
      'bucket3',
      'bucket4',
      'bucket5',
    ]);
  });

  it('shows credit limit and headroom, and flags the party over its limit', () => {
    const table = tableOf(sheetOf(specs, 'balances-AR'));
    expect(shownRows(table)).toEqual([
      ['C1', 'Alpha NV', '952.00', '710.00', '242.00', 2, '500.00', '-452.00', true, 61, '2024-11-15'],
      ['C2', '=HYPERLINK("http://x.example")', '42.50', '42.50', '0.00', 2, null, null, null, 30, null],
      ['C3', '+Plus BV', '61.23', '0.00', '61.23', 1, '1000.00', '938.77', false, null, null],
    ]);
    expect(table.conditionalFormats).toContainEqual(
      expect.objectContaining({ kind: 'cellValue', column: 'headroom', operator: 'lessThan', value: 0 }),
    );
  });
});

describe('Dashboard as of 2024-12-31', () => {
  it('shows the key figures of receivables and payables with payments known up to', () => {
    const sheet = sheetOf(specs, 'dashboard');
    expect(shownRows(tableOf(sheet, 0))).toEqual([
      ['Receivables', '752.50', '303.23', '1055.73', '0.00', '0.00', '2024-11-15'],
      ['Payables', '200.00', '0.00', '200.00', '0.00', '0.00', '2024-12-28'],
    ]);
    expect(sheet.titleLines).toEqual([
      'Fixture & Co — Key figures',
      'As of 31 Dec 2024',
      'Payments known up to AR 15 Nov 2024, AP 28 Dec 2024',
    ]);
  });

  it('sums the aging buckets per ledger and charts both tables', () => {
    const sheet = sheetOf(specs, 'dashboard');
    const aging = tableOf(sheet, 1);
    expect(shownColumn(aging, 'AR')).toEqual(['303.23', '42.50', '0.00', '710.00', '0.00', '0.00']);
    expect(shownColumn(aging, 'AP')).toEqual(['0.00', '0.00', '0.00', '0.00', '200.00', '0.00']);
    for (const chart of sheet.charts ?? []) {
      const table = sheet.tables.find((t) => t.name === chart.table);
      const keys = table?.columns.map((c) => c.key) ?? [];
      expect(keys).toEqual(expect.arrayContaining([chart.category, ...chart.series]));
    }
    expect(sheet.charts).toHaveLength(2);
  });
});
