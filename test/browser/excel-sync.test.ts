// The pane inside a simulated Excel host: a test build (`webpack --env fakeExcel`, made here when
// missing or older than the sources) loads the fake Excel API of test/fake-excel/ instead of
// office.js; "Sync to workbook" then writes the sheets of the demo ledger into that workbook.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { today } from '../../src/core/date';
import { DEFAULT_BUCKETS } from '../../src/core/report-types';
import { demoLedger } from '../../src/import/demo';
import { SHEET_KINDS } from '../../src/sheets/workbook';
import { DEMO_SEED } from '../../src/taskpane/actions/import';
import { defaultPeriod, workbookSpecs } from '../../src/taskpane/actions/workbook';
import { buildFakeExcelPane, FAKE_DIST } from './fake-excel-build';
import { loadDemo, openPane, servePane } from './pane';

const pane = servePane(FAKE_DIST, buildFakeExcelPane);

describe('task pane in a simulated Excel host', () => {
  it('says it is connected to Excel and "Sync to workbook" writes the sheets of the engine', async () => {
    const { page, errors } = await openPane(pane.session, pane.served.url);
    await expect.poll(() => page.getByTestId('host-status').textContent()).toMatch(/Connected to Excel/);
    await loadDemo(page);
    await expect.poll(() => page.getByRole('button', { name: 'Sync to workbook', exact: true }).count()).toBe(1);
    await page.getByTestId('sync-button').click();
    await page.getByTestId('sync-progress').waitFor({ state: 'detached', timeout: 90_000 });
    await expect.poll(() => toasts(page), { timeout: 10_000 }).toContainEqual(expect.stringMatching(/\d+ sheets written/));
    const sheets = await page.evaluate(() => (window as unknown as { fakeExcel: { sheetNames: () => string[] } }).fakeExcel.sheetNames());
    const asOf = today();
    const specs = workbookSpecs(
      demoLedger({ seed: DEMO_SEED }),
      { sheets: [...SHEET_KINDS], asOf, basis: 'due', buckets: [...DEFAULT_BUCKETS], period: defaultPeriod(asOf), lang: 'en' },
      { company: '', dueWithin: [3, 5], notes: new Map() },
    );
    for (const spec of specs) expect(sheets).toContain(spec.name);
    const openAr = specs.find((s) => s.kind === 'open-items-AR')!;
    const table = openAr.tables[0]!;
    const rows = await page.evaluate(
      (name) => (window as unknown as { fakeExcel: { tableView: (n: string) => { rows: unknown[] } } }).fakeExcel.tableView(name).rows.length,
      table.name,
    );
    expect(rows).toBe(table.rows.length);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('says what was kept when Excel fails in the middle of a sync', async () => {
    const { page } = await openPane(pane.session, pane.served.url);
    await page.getByTestId('kf-AR-total').waitFor({ timeout: 30_000 });
    await page.evaluate(() => (window as unknown as { fakeExcel: { failOnSync: (n: number) => void } }).fakeExcel.failOnSync(4));
    await page.getByTestId('sync-button').click();
    await expect.poll(() => toasts(page), { timeout: 60_000 }).toContainEqual(expect.stringMatching(/^Sync failed: .+ The sheets written before are kept\.$/));
    await page.close();
  });
});

describe('using a table in the workbook', () => {
  it('imports the active sheet through the mapping of a Dutch export', async () => {
    const { page } = await openPane(pane.session, pane.served.url);
    const rows = [
      ['Klant', 'Naam', 'Factuurnr', 'Boekdatum', 'Vervaldatum', 'Bedrag'],
      ['K001', 'Bakkerij Janssens', 'F-1', '2025-03-01', '2025-03-31', '1.210,00'],
      ['K002', 'Café de Zon', 'F-2', '2025-03-05', '2025-04-04', '96,80'],
    ];
    await page.evaluate(
      (values) => (window as unknown as { fakeExcel: { userEdit: (s: string, a: string, v: string[][]) => Promise<void> } }).fakeExcel.userEdit('Sheet1', 'A1', values),
      rows,
    );
    await page.getByTestId('use-table').click();
    // What was read from the sheet is shown first; Replace (or Import) puts it in place.
    await page.getByTestId('import-preview').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('import-preview-summary').innerText()).toContain('Read as workbook table, 2 lines.');
    await page.getByTestId('import-replace').click();
    await page.getByTestId('import-progress').waitFor({ state: 'detached', timeout: 30_000 });
    await expect.poll(() => page.getByTestId('kf-AR-total').getAttribute('data-minor'), { timeout: 30_000 }).toBe(String(121000 + 9680));
    await page.close();
  });
});

const toasts = (page: Page) => page.locator('.fui-Toast').allTextContents();
