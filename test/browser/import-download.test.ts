// Getting data in and out of the built pane: a CSV with a bad line is refused with its line
// number while the ledger and notes loaded before stay as they were; an export in its own layout
// goes through the mapping step once and is recognised the next time; "Download workbook" outside
// Excel produces an .xlsx that ExcelJS reads back with the sheets and rows the engine makes.
import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { today } from '../../src/core/date';
import { demoLedger } from '../../src/import/demo';
import { DEMO_SEED } from '../../src/taskpane/actions/import';
import { defaultPeriod, workbookSpecs } from '../../src/taskpane/actions/workbook';
import { ROOT } from './harness';
import { afterReload, loadDemo, noteOnFirstItem, openPane, servePane, withoutToasts } from './pane';
import { DEFAULT_BUCKETS } from '../../src/core/report-types';
import { SHEET_KINDS } from '../../src/sheets/workbook';

const BAD_CSV = path.join(ROOT, 'test/fixtures/taskpane/bad-line.csv');
const OWN_LAYOUT = path.join(ROOT, 'test/fixtures/taskpane/own-layout.csv');

const pane = servePane();

describe('getting data in and out', () => {
  it('refuses a CSV with a bad line, names the line, and keeps the previous ledger and notes', async () => {
    const { page } = await openPane(pane.session, pane.served.url);
    await loadDemo(page);
    const before = await page.getByTestId('kf-AR-total').getAttribute('data-minor');
    const key = await noteOnFirstItem(page, 'keep me');
    await page.getByTestId('import-input').setInputFiles(BAD_CSV);
    const errors = page.getByTestId('import-error-list');
    await expect.poll(() => errors.textContent(), { timeout: 30_000 }).toMatch(/bad-line\.csv, line 3\b.*entry_date/);
    expect(await page.getByTestId('kf-AR-total').getAttribute('data-minor')).toBe(before);
    const reloaded = await afterReload(page, key);
    expect(reloaded.total).toBe(before);
    await expect.poll(reloaded.note).toBe('keep me');
    await page.close();
  });

  it('asks for the column it could not recognise in an own layout, shows what it read, imports, and remembers the layout', async () => {
    const { page } = await openPane(pane.session, pane.served.url);
    await page.getByTestId('import-input').setInputFiles(OWN_LAYOUT);
    await page.getByTestId('mapping-step').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('map-party_id').textContent()).toContain('Klant');
    await page.getByTestId('map-doc_no').click();
    await page.getByRole('option', { name: 'Nummer', exact: true }).click();
    await page.getByTestId('mapping-apply').click();
    // What was understood comes before anything is replaced: the column chosen is named in it.
    await page.getByTestId('import-preview').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('import-preview-columns').textContent()).toContain('doc_no ← Nummer');
    await page.getByTestId('import-replace').click();
    await page.getByTestId('import-progress').waitFor({ state: 'detached', timeout: 30_000 });
    await expect.poll(() => page.getByTestId('kf-AR-total').getAttribute('data-minor')).toBe(String(121000 + 9680));
    // The second file of this layout goes straight to what was understood, without the mapping step.
    await withoutToasts(page);
    await page.getByTestId('import-input').setInputFiles(OWN_LAYOUT);
    await page.getByTestId('import-preview').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('mapping-step').count()).toBe(0);
    await page.getByTestId('import-replace').click();
    const toasts = () => page.locator('.fui-Toast').allTextContents();
    await expect.poll(toasts, { timeout: 30_000 }).toContainEqual(expect.stringMatching(/from own-layout\.csv/));
    await page.close();
  });

  it('downloads the workbook outside Excel, and ExcelJS reads back the sheets and rows of the engine', async () => {
    const { page } = await openPane(pane.session, pane.served.url);
    await loadDemo(page);
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 90_000 }), page.getByTestId('sync-button').click()]);
    expect(download.suggestedFilename()).toMatch(/^subledger-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync(await download.path()) as unknown as ArrayBuffer);
    const asOf = today();
    const specs = workbookSpecs(
      demoLedger({ seed: DEMO_SEED }),
      { sheets: [...SHEET_KINDS], asOf, basis: 'due', buckets: [...DEFAULT_BUCKETS], period: defaultPeriod(asOf), lang: 'en' },
      { company: '', dueWithin: [3, 5], notes: new Map(), functionsSheet: true },
    );
    expect(workbook.worksheets.map((w) => w.name)).toEqual(specs.map((s) => s.name));
    expect(specs.at(-1)?.kind).toBe('functions');
    const openAr = specs.find((s) => s.kind === 'open-items-AR')!;
    const sheet = workbook.getWorksheet(openAr.name)!;
    const docNos = new Set(openAr.tables[0]!.rows.map((r) => r[2]));
    let found = 0;
    sheet.eachRow((r) => {
      if (docNos.has(r.getCell(3).text)) found++;
    });
    expect(found).toBe(openAr.tables[0]!.rows.length);
    await page.close();
  });
});
