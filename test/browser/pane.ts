// Shared steps of the task pane's browser tests: a browser whose Microsoft CDN requests (office.js
// and the scripts it loads next) are answered from the local @microsoft/office-js copy, opening
// the built pane, and loading the demo data.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { launchBrowser, ROOT, type BrowserSession } from './harness';

const OFFICE_DIST = path.join(ROOT, 'node_modules/@microsoft/office-js/dist');

/** Chromium through the harness, with every office.js file served locally (not only office.js). */
export async function launchPaneBrowser(options: { locale?: string } = {}): Promise<BrowserSession> {
  const session = await launchBrowser(options);
  await session.context.route('https://appsforoffice.microsoft.com/**', async (route) => {
    const url = new URL(route.request().url());
    const file = path.join(OFFICE_DIST, path.basename(url.pathname));
    if (existsSync(file)) await route.fulfill({ contentType: 'text/javascript', body: readFileSync(file, 'utf8') });
    else await route.abort('blockedbyclient');
  });
  return session;
}

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

/** Clicks Load demo data and waits for the key figures. */
export async function loadDemo(page: Page): Promise<void> {
  await page.getByTestId('load-demo').click();
  await page.getByTestId('import-progress').waitFor({ state: 'detached', timeout: 60_000 });
  await page.getByTestId('kf-AR-total').waitFor({ timeout: 60_000 });
}
