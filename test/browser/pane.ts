// Shared steps of the task pane's browser tests: serving the built pane and a browser for one test
// file (see harness.ts), opening the pane, and loading the demo data.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchBrowser, serveDist, type BrowserSession, type Served } from './harness';

export interface OpenPane {
  page: Page;
  errors: string[];
}

/** Opens the pane and waits until it has rendered its tabs. */
export async function openPane(session: BrowserSession, url: string, file = 'taskpane.html'): Promise<OpenPane> {
  const page = await session.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${url}${file}`);
  await page.getByTestId('tab-overview').waitFor({ timeout: 30_000 });
  return { page, errors };
}

/**
 * Clicks Load demo data and waits for the key figures. Over a ledger loaded before (the same
 * browser profile keeps it between the tests of a file), the pane first shows what it would load
 * and asks: this clicks Replace.
 */
export async function loadDemo(page: Page): Promise<void> {
  await page.getByTestId('load-demo').click();
  await page.getByTestId('import-progress').waitFor({ state: 'detached', timeout: 60_000 });
  if ((await page.getByTestId('import-preview').count()) > 0) {
    await page.getByTestId('import-replace').click();
    await page.getByTestId('import-progress').waitFor({ state: 'detached', timeout: 60_000 });
  }
  await page.getByTestId('kf-AR-total').waitFor({ timeout: 60_000 });
}

/** Saves the company's name and paying account in Settings (what a SEPA file needs). */
export async function setPayingAccount(page: Page, name = 'Demo Trading BV', iban = 'BE68539007547034'): Promise<void> {
  await page.getByTestId('tab-settings').click();
  await page.getByTestId('setting-companyName').fill(name);
  await page.getByTestId('setting-iban').fill(iban);
  await page.getByTestId('settings-save').click();
}

/** Writes a note on the first open item and goes back to the overview; returns that item's key. */
export async function noteOnFirstItem(page: Page, text: string): Promise<string | null> {
  await page.getByTestId('tab-openItems').click();
  const row = page.getByTestId('item-row').first();
  const key = await row.getAttribute('data-key');
  await row.getByTestId('item-open-dialog').click();
  await page.getByTestId('note-text').fill(text);
  await page.getByTestId('dialog-save').click();
  await page.getByTestId('item-dialog').waitFor({ state: 'detached' });
  await page.getByTestId('tab-overview').click();
  return key;
}

/** Reloads the pane and returns the AR total and the note on item `key` as they are then. */
export async function afterReload(page: Page, key: string | null): Promise<{ total: string | null; note: () => Promise<string | null> }> {
  await page.reload();
  await page.getByTestId('kf-AR-total').waitFor({ timeout: 30_000 });
  const total = await page.getByTestId('kf-AR-total').getAttribute('data-minor');
  await page.getByTestId('tab-openItems').click();
  return { total, note: () => page.locator(`[data-key="${key}"] [data-testid="item-note"]`).textContent() };
}

/**
 * Opens a tab, through the More menu when the pane is too narrow to show it (the tabs keep to one
 * line; a long Dutch or French label may push Settings into More at 420 px). The tab list measures
 * itself again as the pane settles (a language applied, fonts loaded), so a tab seen a moment ago
 * may have moved into More by the time it is clicked: then it is looked for again.
 */
export async function openTab(page: Page, id: string): Promise<void> {
  const selected = page.locator(`[data-testid="tab-${id}"][aria-selected="true"]`);
  for (let attempt = 1; ; attempt++) {
    try {
      if (await page.getByTestId(`tab-${id}`).isVisible()) {
        await page.getByTestId(`tab-${id}`).click({ timeout: 5_000 });
      } else {
        await page.getByTestId('tab-more').click({ timeout: 5_000 });
        await page.getByTestId(`tab-more-${id}`).click({ timeout: 5_000 });
      }
      await selected.waitFor({ state: 'attached', timeout: 5_000 });
      return;
    } catch (error) {
      if (attempt >= 4) throw error;
      await page.keyboard.press('Escape');
    }
  }
}

/** Waits until no toast is shown (before a screenshot or an accessibility scan). */
export async function withoutToasts(page: Page): Promise<void> {
  await page.locator('.fui-Toast').first().waitFor({ state: 'detached', timeout: 15_000 });
}

export interface PaneFixture {
  served: Served;
  session: BrowserSession;
}

/** Serves `dir` (dist/ by default) and launches the browser for the tests of one file. */
export function servePane(dir?: string, before?: () => void): PaneFixture {
  const fixture = {} as PaneFixture;
  beforeAll(async () => {
    before?.();
    fixture.served = await serveDist(dir);
    fixture.session = await launchBrowser();
  }, 600_000);
  afterAll(async () => {
    await fixture.session?.close();
    await fixture.served?.close();
  });
  return fixture;
}
