// Browser test harness: serves the built add-in (dist/) on 127.0.0.1 and drives Debian's
// Chromium through playwright-core. office.js requested from Microsoft's CDN is answered from
// the local @microsoft/office-js copy (and so are the scripts office.js loads next); every other
// off-host request is blocked.
import { createServer, type Server } from 'node:http';
import { mkdtempSync, readFileSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const ROOT = path.resolve(import.meta.dirname, '../..');
const DIST = path.join(ROOT, 'dist');
const OFFICE_DIST = path.join(ROOT, 'node_modules/@microsoft/office-js/dist');
const OFFICE_CDN_PATH = '/lib/1/hosted/';
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.png': 'image/png',
  '.xml': 'application/xml',
  '.map': 'application/json',
  '.json': 'application/json',
};

export interface Served {
  url: string;
  close: () => Promise<void>;
}

/** Serves dist/ on a free port of 127.0.0.1. */
export async function serveDist(dir = DIST): Promise<Served> {
  if (!existsSync(path.join(dir, 'taskpane.html'))) {
    throw new Error(`${dir}/taskpane.html is missing: run \`npm run build\` first`);
  }
  const server: Server = createServer((req, res) => {
    const urlPath = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const file = path.join(dir, path.normalize(urlPath).replace(/^(\.\.[/\\])+/, ''));
    if (!file.startsWith(dir) || !existsSync(file)) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
    res.end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return {
    url: `http://127.0.0.1:${address.port}/`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

export interface BrowserSession {
  context: BrowserContext;
  newPage: () => Promise<Page>;
  close: () => Promise<void>;
}

export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Launches Chromium with a fresh profile; pages get the CDN and off-host routing. */
export async function launchBrowser(options: { locale?: string } = {}): Promise<BrowserSession> {
  const userDataDir = mkdtempSync(path.join(tmpdir(), 'subledger-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_FLAGS,
    locale: options.locale ?? 'en-US',
    viewport: { width: 420, height: 900 },
    acceptDownloads: true,
  });
  await context.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    if (url.hostname === '127.0.0.1' || url.protocol === 'data:' || url.protocol === 'blob:') {
      await route.continue();
    } else if (url.hostname === 'appsforoffice.microsoft.com' && url.pathname.startsWith(OFFICE_CDN_PATH)) {
      // office.js and the scripts it loads next (mapping table, strings), from the local copy.
      const file = path.join(OFFICE_DIST, path.normalize(url.pathname.slice(OFFICE_CDN_PATH.length)));
      if (file.startsWith(OFFICE_DIST) && existsSync(file)) {
        await route.fulfill({ contentType: 'text/javascript', body: readFileSync(file, 'utf8') });
      } else {
        await route.abort('blockedbyclient');
      }
    } else {
      await route.abort('blockedbyclient');
    }
  });
  return {
    context,
    newPage: () => context.newPage(),
    close: async () => {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}
