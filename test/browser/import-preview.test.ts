// The import flow as a controller meets it in a 400 px pane: what a file was understood as is shown
// before anything is replaced, and Cancel keeps the ledger and its notes; Replace imports; a file
// that does not say its side, or a general ledger whose debtors and creditors accounts are not
// recognisable, makes the pane ask, and the answer holds for the next file of that layout; the
// report reads in sentences in the user's language. Expected figures are the fixtures' own sums.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './harness';
import { afterReload, loadDemo, noteOnFirstItem, openPane, openTab, servePane, withoutToasts } from './pane';

const FIXTURES = path.join(ROOT, 'test/fixtures/taskpane');
const DEBTORS = path.join(FIXTURES, 'debtors.csv'); // 484,00 + 1.815,00 − 60,50 for two customers
const NO_SIDE = path.join(FIXTURES, 'no-side.csv'); // the same three amounts, no customer/supplier word
const GL = path.join(FIXTURES, 'gl-own-chart.txt'); // FEC layout, debtors on 1300, creditors on 1600
const DEBTORS_TOTAL = 48400 + 181500 - 6050;

const pane = servePane();

describe('import preview and questions', () => {
  it('shows what was understood before replacing; Cancel keeps the ledger and a note; the demo asks too', async () => {
    const { page } = await openPane(pane.session, pane.served.url);
    await page.setViewportSize({ width: 400, height: 900 });
    // With no ledger loaded yet the preview is shown as well; it says so, and Cancel loads nothing.
    await page.getByTestId('import-input').setInputFiles(DEBTORS);
    await page.getByTestId('import-preview').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('import-preview').innerText()).toContain('No ledger is loaded yet.');
    expect(await page.getByTestId('import-replace').textContent()).toBe('Import');
    await page.getByTestId('import-preview-cancel').click();
    expect(await page.getByTestId('kf-AR-total').count()).toBe(0);
    await loadDemo(page);
    const before = await page.getByTestId('kf-AR-total').getAttribute('data-minor');
    const key = await noteOnFirstItem(page, 'still here');

    await page.getByTestId('import-input').setInputFiles(DEBTORS);
    await page.getByTestId('import-preview').waitFor({ timeout: 30_000 });
    const summary = await page.getByTestId('import-preview-summary').innerText();
    expect(summary).toContain('Read as CSV export, 3 lines.');
    expect(summary).toContain('3 entries: 2 invoices and 1 credit note.');
    expect(summary).toContain('2 parties, amounts in EUR.');
    expect(summary).toContain('Receivables: 3 entries; Payables: none.');
    const columns = await page.getByTestId('import-preview-columns').innerText();
    for (const pair of ['party_id ← Klant', 'doc_no ← Factuurnummer', 'amount ← Bedrag', 'due_date ← Vervaldatum']) expect(columns).toContain(pair);
    expect(await page.getByTestId('import-preview-rows').innerText()).toContain('Transport Maes');
    expect(await page.getByTestId('import-replace').textContent()).toBe('Replace');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(400);
    // Nothing has changed yet, and Cancel keeps it so.
    expect(await page.getByTestId('kf-AR-total').getAttribute('data-minor')).toBe(before);
    await page.getByTestId('import-preview-cancel').click();
    await expect.poll(() => page.getByTestId('import-preview').count()).toBe(0);

    // "Load demo data" over a loaded ledger asks as well.
    await page.getByTestId('load-demo').click();
    await page.getByTestId('import-preview').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('import-preview-summary').innerText()).toContain('Read as demo data');
    await page.getByTestId('import-preview-cancel').click();

    const reloaded = await afterReload(page, key);
    expect(reloaded.total).toBe(before);
    await expect.poll(reloaded.note).toBe('still here');
    await page.close();
  });

  it('Replace imports what the preview showed, and the toast counts the parties as the report does', async () => {
    const { page } = await openPane(pane.session, pane.served.url);
    await page.getByTestId('kf-AR-total').waitFor({ timeout: 30_000 });
    await page.getByTestId('import-input').setInputFiles(DEBTORS);
    await page.getByTestId('import-replace').click();
    await page.getByTestId('import-progress').waitFor({ state: 'detached', timeout: 30_000 });
    await expect.poll(() => page.getByTestId('kf-AR-total').getAttribute('data-minor')).toBe(String(DEBTORS_TOTAL));
    const toasts = () => page.locator('.fui-Toast').allTextContents();
    await expect.poll(toasts).toContainEqual(expect.stringContaining('3 entries and 2 parties loaded from debtors.csv'));
    await page.getByTestId('import-report').getByRole('button').first().click();
    await expect.poll(() => page.getByTestId('import-report-sentences').innerText()).toContain('2 parties, amounts in EUR.');
    await page.close();
  });

  it('asks the side of a file that does not say it, once', async () => {
    const { page } = await openPane(pane.session, pane.served.url);
    await page.getByTestId('import-input').setInputFiles(NO_SIDE);
    await page.getByTestId('side-question').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('mapping-step').count()).toBe(0);
    await page.getByTestId('side-answer-AP').click();
    await page.getByTestId('import-preview').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('import-preview-sides').innerText()).toBe('Receivables: none; Payables: 3 entries.');
    await page.getByTestId('import-replace').click();
    await page.getByTestId('import-progress').waitFor({ state: 'detached', timeout: 30_000 });
    await expect.poll(() => page.getByTestId('kf-AP-total').getAttribute('data-minor')).toBe(String(DEBTORS_TOTAL));
    // The same layout again: no question.
    await withoutToasts(page);
    await page.getByTestId('import-input').setInputFiles(NO_SIDE);
    await page.getByTestId('import-preview').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('side-question').count()).toBe(0);
    await page.getByTestId('import-preview-cancel').click();
    await page.close();
  });

  it('asks which accounts hold debtors and creditors in a general ledger, lists the accounts it saw, and remembers the answer', async () => {
    const { page } = await openPane(pane.session, pane.served.url);
    await page.getByTestId('import-input').setInputFiles(GL);
    await page.getByTestId('accounts-question').waitFor({ timeout: 30_000 });
    const seen = await page.getByTestId('accounts-seen').innerText();
    expect(seen).toContain('general ledger of 11 lines');
    expect(seen).toContain('1300 Handelsvorderingen (3)');
    expect(seen).toContain('1600 Handelsschulden (1)');
    await page.getByTestId('accounts-ar').fill('13');
    await page.getByTestId('accounts-ap').fill('16');
    await page.getByTestId('accounts-apply').click();
    await page.getByTestId('import-preview').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('import-preview-summary').innerText()).toContain('Read as FEC general ledger, 11 lines: 4 on 1300, 1600, 7 on other accounts left out');
    await page.getByTestId('import-replace').click();
    await page.getByTestId('import-progress').waitFor({ state: 'detached', timeout: 30_000 });
    // Debtors 1.210,00 + 96,80 − 1.210,00 received; creditors 484,00.
    await expect.poll(() => page.getByTestId('kf-AR-total').getAttribute('data-minor')).toBe(String(9680));
    expect(await page.getByTestId('kf-AP-total').getAttribute('data-minor')).toBe(String(48400));
    await withoutToasts(page);
    await page.getByTestId('import-input').setInputFiles(GL);
    await page.getByTestId('import-preview').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('accounts-question').count()).toBe(0);
    expect(await page.getByTestId('import-preview-summary').innerText()).toContain('4 on 1300, 1600');
    await page.getByTestId('import-preview-cancel').click();
    await page.close();
  });

  it('writes the preview and the report in Dutch when the pane is in Dutch', async () => {
    const { page } = await openPane(pane.session, pane.served.url);
    await page.getByTestId('tab-settings').click();
    await page.getByTestId('language-picker').click();
    await page.getByTestId('language-picker-nl-NL').click();
    await expect.poll(() => page.getByRole('tab', { name: 'Overzicht', exact: true }).count()).toBe(1);
    await page.getByRole('tab', { name: 'Overzicht', exact: true }).click();
    await page.getByTestId('import-input').setInputFiles(DEBTORS);
    await page.getByTestId('import-preview').waitFor({ timeout: 30_000 });
    const summary = await page.getByTestId('import-preview-summary').innerText();
    expect(summary).toContain('Gelezen als CSV-export, 3 regels.');
    expect(summary).toContain('3 boekingen: 2 facturen en 1 creditnota.');
    expect(summary).toContain('2 relaties, bedragen in EUR.');
    expect(await page.getByTestId('import-replace').textContent()).toBe('Vervangen');
    await page.getByTestId('import-help').getByRole('button').first().click();
    const help = await page.getByTestId('import-help-list').innerText();
    for (const words of ['subledger-CSV', 'FEC', 'DATEV', 'grootboekmutaties', 'factuurlijst', 'SAF-T', 'Portugal', 'XAF', 'Tabel uit deze werkmap gebruiken', 'demogegevens']) expect(help).toContain(words);
    await page.getByTestId('import-replace').click();
    await page.getByTestId('import-progress').waitFor({ state: 'detached', timeout: 30_000 });
    await page.getByTestId('import-report').getByRole('button').first().click();
    const report = () => page.getByTestId('import-report-sentences').innerText();
    await expect.poll(report).toContain('3 boekingen: 2 facturen en 1 creditnota.');
    expect(await report()).toContain('Boekdatums van ');
    await openTab(page, 'settings');
    await page.getByTestId('language-picker').click();
    await page.getByTestId('language-picker-en-GB').click();
    await page.close();
  });
});
