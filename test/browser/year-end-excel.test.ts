// The Year-end tab inside a simulated Excel host (test/fake-excel through the `--env fakeExcel`
// build): "Sync to workbook" writes the pack's sheets, as sheets/year-end.ts lists them, into the
// workbook, the letters of the sample included.
import { describe, expect, it } from 'vitest';
import { today } from '../../src/core/date';
import { demoLedger } from '../../src/import/demo';
import { yearEndPackSpecs } from '../../src/sheets/year-end';
import { DEMO_SEED } from '../../src/taskpane/actions/import';
import { buildFakeExcelPane, FAKE_DIST } from './fake-excel-build';
import { loadDemo, openPane, servePane } from './pane';
import { openYearEnd, yearEndAsOf } from './year-end-steps';

const pane = servePane(FAKE_DIST, buildFakeExcelPane);

interface FakeExcel {
  sheetNames: () => string[];
  tableView: (name: string) => { sheet: string; rows: unknown[][] };
}
describe('the year-end pack in Excel', () => {
  it('syncs every sheet of the pack into the workbook', async () => {
    const { page, errors } = await openPane(pane.session, pane.served.url);
    await page.setViewportSize({ width: 400, height: 900 });
    await loadDemo(page);
    await openYearEnd(page);
    await page.getByRole('radio', { name: 'A random sample (for the auditor)' }).check();
    await page.getByTestId('yearend-size').fill('3');
    await page.getByTestId('yearend-seed').fill('4242');
    await page.getByRole('button', { name: 'Sync to workbook', exact: true }).last().click();
    await expect.poll(() => page.locator('.fui-Toast').allTextContents(), { timeout: 120_000 }).toContainEqual(expect.stringMatching(/\d+ sheets written/));
    const { day } = yearEndAsOf(today());
    const specs = yearEndPackSpecs(demoLedger({ seed: DEMO_SEED }), { asOf: day, lang: 'en', company: '', confirm: { kind: 'sample', size: 3, seed: 4242 } });
    const names = await page.evaluate(() => (window as unknown as { fakeExcel: FakeExcel }).fakeExcel.sheetNames());
    for (const spec of specs) expect(names).toContain(spec.name);
    const letters = specs.find((s) => s.kind === 'confirmations')!.tables[0]!;
    const written = await page.evaluate((name) => (window as unknown as { fakeExcel: FakeExcel }).fakeExcel.tableView(name), letters.name);
    expect(written.sheet).toBe('Confirmations');
    expect(written.rows).toHaveLength(letters.rows.length);
    expect(errors).toEqual([]);
    await page.close();
  });
});
