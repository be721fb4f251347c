// The built task pane, opened as a plain web page in Chromium: it renders with Fluent UI and
// says that it runs outside Office (Office.onReady resolves with host null there).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, ROOT, serveDist, type BrowserSession, type Served } from './harness';

let served: Served;
let session: BrowserSession;

beforeAll(async () => {
  served = await serveDist();
  session = await launchBrowser();
});
afterAll(async () => {
  await session?.close();
  await served?.close();
});

describe('task pane outside Office', () => {
  it('renders with Fluent UI, loads office.js and reports that it runs outside Office', async () => {
    const page = await session.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${served.url}taskpane.html`);
    await expect.poll(() => page.getByTestId('host-status').textContent()).toMatch(/outside Office/);
    expect(await page.locator('.fui-FluentProvider').count()).toBeGreaterThan(0);
    expect(await page.evaluate(() => typeof (window as { Office?: unknown }).Office)).toBe('object');
    expect(errors).toEqual([]);
    mkdirSync(path.join(ROOT, 'docs'), { recursive: true });
    await page.screenshot({ path: path.join(ROOT, 'docs', 'taskpane.png') });
    await page.close();
  });
});

describe('production build', () => {
  it('loads office.js from Microsoft CDN and ships the manifest with the production URL', () => {
    const html = readFileSync(path.join(ROOT, 'dist', 'taskpane.html'), 'utf8');
    expect(html).toContain('https://appsforoffice.microsoft.com/lib/1/hosted/office.js');
    const manifest = readFileSync(path.join(ROOT, 'dist', 'manifest.xml'), 'utf8');
    expect(manifest).not.toContain('https://localhost:3000/');
    expect(existsSync(path.join(ROOT, 'dist', 'commands.html'))).toBe(true);
    expect(existsSync(path.join(ROOT, 'dist', 'assets', 'icon-80.png'))).toBe(true);
  });

  const schemas = path.resolve(ROOT, '../shared/formats/office-addin-manifest');
  it.skipIf(!existsSync(schemas))('its manifest still validates against the XSDs', () => {
    expect(() =>
      execFileSync('xmllint', ['--noout', '--schema', 'OfficeAppManifestV1_1.xsd', path.join(ROOT, 'dist', 'manifest.xml')], {
        cwd: schemas,
        stdio: 'pipe',
      }),
    ).not.toThrow();
  });
});
