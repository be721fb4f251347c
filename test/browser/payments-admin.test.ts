// Paying suppliers from the built pane: payables selected in Open items become a SEPA pain.001
// file (with the company's IBAN from Settings), and the same items are refused the next time
// (never twice). And a bookkeeping office switches between administrations, each with its own data.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadDemo, openPane, servePane } from './pane';


const pane = servePane();

describe('payments and administrations', () => {
  it('makes a SEPA file of the selected payables and refuses them in a second batch', async () => {
    const { page } = await openPane(pane.session, pane.served.url);
    await loadDemo(page);
    await page.getByTestId('tab-settings').click();
    await page.getByTestId('setting-companyName').fill('Demo Trading BV');
    await page.getByTestId('setting-iban').fill('BE68539007547034');
    await page.getByTestId('settings-save').click();
    await page.getByTestId('tab-openItems').click();
    await page.getByTestId('side-AP').click();
    const boxes = page.getByTestId('item-select-pay');
    await boxes.nth(0).click();
    await boxes.nth(1).click();
    await page.getByTestId('tab-payments').click();
    await expect.poll(() => page.getByTestId('payments-selected').textContent()).toMatch(/^2 payables selected/);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('payments-file').click()]);
    const xml = readFileSync(await download.path(), 'utf8');
    expect(xml).toContain('<NbOfTxs>');
    expect(xml).toContain('BE68539007547034');
    const transfers = Number(/<NbOfTxs>(\d+)<\/NbOfTxs>/.exec(xml)?.[1]);
    expect(transfers).toBeGreaterThan(0);
    await page.getByTestId('tab-openItems').click();
    await page.getByTestId('side-AP').click();
    await boxes.nth(0).click();
    await page.getByTestId('tab-payments').click();
    await expect.poll(() => page.getByTestId('payments-refused').textContent()).toMatch(/.+/);
    await page.close();
  });

  it('switches between administrations, each with its own ledger', async () => {
    const { page } = await openPane(pane.session, pane.served.url);
    await loadDemo(page);
    await page.getByTestId('admin-new').click();
    await page.getByTestId('admin-name').fill('Bakkerij Peeters BV');
    await page.getByTestId('admin-create').click();
    await expect.poll(() => page.getByTestId('kf-AR-total').count()).toBe(0);
    await expect.poll(() => page.getByTestId('admin-picker').textContent()).toContain('Bakkerij Peeters BV');
    await page.getByTestId('admin-picker').click();
    await page.getByRole('option', { name: 'Administration 1' }).click();
    await page.getByTestId('kf-AR-total').waitFor({ timeout: 30_000 });
    await page.close();
  });
});
