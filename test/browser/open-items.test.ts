// Open items in the built pane with the demo ledger: filtering (due within 5 days, handled
// hidden) agrees with the engine; an item marked handled with a note keeps both after a reload
// (real IndexedDB); two pages writing notes at the same time lose none. docs/open-items.png.
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { formatIsoDate, today } from '../../src/core/date';
import { isDueWithin } from '../../src/core/due-status';
import { openItemsAsOf } from '../../src/core/open-items';
import { demoLedger } from '../../src/import/demo';
import { DEMO_SEED } from '../../src/taskpane/actions/import';
import { ROOT } from './harness';
import { loadDemo, openPane, servePane, withoutToasts } from './pane';


const pane = servePane();

async function showDueWithin5(page: Page) {
  await page.getByTestId('tab-overview').click();
  await page.getByTestId('kf-AR-within-5').click();
  await page.getByTestId('item-count').waitFor();
}

const count = async (page: Page) => Number(await page.getByTestId('item-count').getAttribute('data-count'));

describe('open items', () => {
  it('filters the receivables due within 5 days as the engine does, and hides handled ones', async () => {
    const { page, errors } = await openPane(pane.session, pane.served.url);
    await loadDemo(page);
    const asOf = today();
    const expected = openItemsAsOf(demoLedger({ seed: DEMO_SEED }), asOf).filter((i) => i.ledger === 'AR' && isDueWithin(i.dueDate, asOf, 5));
    await showDueWithin5(page);
    await expect.poll(() => count(page)).toBe(expected.length);
    expect(Number(await page.getByTestId('item-count').getAttribute('data-total'))).toBe(expected.reduce((s, i) => s + i.openBase, 0));
    expect(expected.length).toBeGreaterThan(1);
    const first = page.getByTestId('item-row').first();
    const mark = first.getByTestId('item-handled-mark');
    await first.getByTestId('item-select').click();
    await page.getByTestId('action-handled').click();
    await expect.poll(() => mark.count()).toBe(1);
    await page.getByTestId('hide-handled').click();
    await expect.poll(() => count(page)).toBe(expected.length - 1);
    await page.getByTestId('hide-handled').click();
    await expect.poll(() => count(page)).toBe(expected.length);
    await page.getByTestId('action-not-handled').click();
    await expect.poll(() => mark.count()).toBe(0);
    await page.getByTestId('item-search').fill(expected[0]!.docNo);
    await expect.poll(() => count(page)).toBe(1);
    await page.getByTestId('item-search').fill('');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('keeps a handled mark and a note after a reload', async () => {
    const { page } = await openPane(pane.session, pane.served.url);
    await loadDemo(page);
    await showDueWithin5(page);
    const row = page.getByTestId('item-row').nth(1);
    const key = await row.getAttribute('data-key');
    await row.getByTestId('item-select').click();
    await page.getByTestId('action-handled').click();
    await expect.poll(() => row.getByTestId('item-handled-mark').count()).toBe(1);
    await row.getByTestId('item-open-dialog').click();
    await page.getByTestId('note-text').fill('=SUM(A1) promised by phone');
    await page.getByTestId('dialog-save').click();
    await page.getByTestId('item-dialog').waitFor({ state: 'detached' });
    await page.reload();
    await page.getByTestId('kf-AR-within-5').waitFor({ timeout: 30_000 });
    await showDueWithin5(page);
    const again = page.locator(`[data-testid="item-row"][data-key="${key}"]`);
    await expect.poll(() => again.getByTestId('item-handled-mark').count()).toBe(1);
    await expect.poll(() => again.getByTestId('item-note').textContent()).toBe('=SUM(A1) promised by phone');
    await page.getByTestId('tab-overview').click();
    await page.getByTestId('kf-AR-overdue').click();
    await withoutToasts(page);
    await page.screenshot({ path: path.join(ROOT, 'docs', 'open-items.png'), fullPage: true });
    await page.close();
  });

  it('puts a follow-up due today on the Follow-ups list until it is done, and keeps an agreement', async () => {
    const { page } = await openPane(pane.session, pane.served.url);
    await page.getByTestId('kf-AR-total').waitFor({ timeout: 30_000 });
    await page.getByTestId('tab-openItems').click();
    const row = page.getByTestId('item-row').first();
    const doc = (await row.getAttribute('data-key'))!.split('·')[2]!;
    await row.getByTestId('item-open-dialog').click();
    const dialog = page.getByTestId('item-dialog');
    await dialog.getByLabel('Promised date').fill(formatIsoDate(today() + 7));
    await dialog.getByLabel('Promised amount').fill('1.234,50');
    await page.getByTestId('followup-date').fill(formatIsoDate(today()));
    await dialog.getByLabel('Follow-up action').fill('call the buyer');
    expect(await dialog.getByRole('button', { name: 'Save' }).count()).toBe(1);
    await page.getByTestId('dialog-save').click();
    await dialog.waitFor({ state: 'detached' });
    await row.getByTestId('item-open-dialog').click();
    await expect.poll(() => dialog.textContent()).toContain('€1,234.50');
    await page.getByTestId('dialog-close').click();
    await page.getByTestId('tab-parties').click();
    const list = page.getByTestId('follow-ups');
    await expect.poll(() => list.textContent()).toContain('call the buyer');
    expect(await list.textContent()).toContain(doc);
    await list.getByRole('button', { name: 'Done' }).first().click();
    await expect.poll(() => list.textContent()).not.toContain('call the buyer');
    await page.close();
  });

  it('keeps the text of a note closed unsaved (Close or Esc), brings it back, and returns the focus to the row', async () => {
    const { page } = await openPane(pane.session, pane.served.url);
    await loadDemo(page);
    await page.getByTestId('tab-openItems').click();
    const row = page.getByTestId('item-row').nth(1);
    const key = await row.getAttribute('data-key');
    const dialog = page.getByTestId('item-dialog');
    await row.getByTestId('item-open-dialog').click();
    await page.getByTestId('note-text').fill('called, will pay Friday');
    await page.getByTestId('dialog-close').click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => page.evaluate(() => document.activeElement?.closest('[data-testid="item-row"]')?.getAttribute('data-key'))).toBe(key);
    await row.getByTestId('item-open-dialog').click();
    await expect.poll(() => page.getByTestId('note-text').inputValue()).toBe('called, will pay Friday');
    expect(await page.getByTestId('draft-restored').count()).toBe(1);
    await page.getByTestId('note-text').fill('called, will pay Friday; confirmed by mail');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    // a reload keeps the draft too; nothing is in the store until Save
    await page.reload();
    await page.getByTestId('kf-AR-total').waitFor({ timeout: 30_000 });
    await page.getByTestId('tab-openItems').click();
    const again = page.locator(`[data-testid="item-row"][data-key="${key}"]`);
    expect(await again.getByTestId('item-note').count()).toBe(0);
    await again.getByTestId('item-open-dialog').click();
    await expect.poll(() => page.getByTestId('note-text').inputValue()).toBe('called, will pay Friday; confirmed by mail');
    await page.getByTestId('dialog-save').click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => again.getByTestId('item-note').textContent()).toBe('called, will pay Friday; confirmed by mail');
    await again.getByTestId('item-open-dialog').click();
    expect(await page.getByTestId('draft-restored').count()).toBe(0);
    await page.close();
  });

  it('keeps the note in the dialog and says why when the store refuses to save it', async () => {
    const { page } = await openPane(pane.session, pane.served.url);
    await loadDemo(page);
    await page.getByTestId('tab-openItems').click();
    const row = page.getByTestId('item-row').nth(2);
    await row.getByTestId('item-open-dialog').click();
    await page.getByTestId('note-text').fill('must not vanish');
    // every IndexedDB write from now on fails, as on a full disk
    await page.evaluate(() => {
      IDBObjectStore.prototype.put = function put() {
        throw new DOMException('The disk is full', 'QuotaExceededError');
      };
    });
    await page.getByTestId('dialog-save').click();
    const failure = page.getByTestId('dialog-failure');
    await expect.poll(() => failure.textContent()).toMatch(/^Your note could not be saved: .*disk is full/);
    expect(await page.getByTestId('note-text').inputValue()).toBe('must not vanish');
    expect(await page.getByTestId('item-dialog').count()).toBe(1);
    await page.close();
  });

  it('loses no note when two panes write notes at the same time', async () => {
    const a = await openPane(pane.session, pane.served.url);
    await loadDemo(a.page);
    const b = await openPane(pane.session, pane.served.url);
    await b.page.getByTestId('kf-AR-total').waitFor({ timeout: 30_000 });
    for (const { page } of [a, b]) {
      await page.getByTestId('tab-openItems').click();
      await page.getByTestId('item-list').waitFor();
    }
    const rows = a.page.getByTestId('item-row');
    const keys = [await rows.nth(2).getAttribute('data-key'), await rows.nth(3).getAttribute('data-key')];
    const write = async (page: Page, index: number, text: string) => {
      await page.getByTestId('item-row').nth(index).getByTestId('item-open-dialog').click();
      await page.getByTestId('note-text').fill(text);
    };
    await write(a.page, 2, 'note from pane A');
    await write(b.page, 3, 'note from pane B');
    await Promise.all([a.page.getByTestId('dialog-save').click(), b.page.getByTestId('dialog-save').click()]);
    for (const { page } of [a, b]) {
      await expect.poll(() => page.locator(`[data-key="${keys[0]}"] [data-testid="item-note"]`).textContent()).toBe('note from pane A');
      await expect.poll(() => page.locator(`[data-key="${keys[1]}"] [data-testid="item-note"]`).textContent()).toBe('note from pane B');
    }
    await a.page.close();
    await b.page.close();
  });
});
