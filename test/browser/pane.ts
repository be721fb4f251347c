// Shared steps of the task pane's browser tests: a browser whose Microsoft CDN requests (office.js
// and the scripts it loads next) are answered from the local @microsoft/office-js copy, opening
// the built pane, and loading the demo data.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchBrowser, ROOT, serveDist, type BrowserSession, type Served } from './harness';

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
    fixture.session = dir === undefined ? await launchPaneBrowser() : await launchBrowser();
  }, 600_000);
  afterAll(async () => {
    await fixture.session?.close();
    await fixture.served?.close();
  });
  return fixture;
}
