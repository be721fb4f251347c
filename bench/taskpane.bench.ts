// Benchmark of the task pane in Chromium (playwright-core + Debian's Chromium, as the browser
// tests): first paint of the built pane (dist/, so run `npm run build` first), and the Open items
// filter on about 100k items, run inside the browser. Targets: ≤ 1.5 s and ≤ 100 ms.
//   npx tsx bench/taskpane.bench.ts [--entries 220000]     (or: npm run bench -- taskpane)
import { build } from 'esbuild';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchBrowser, ROOT, serveDist } from '../test/browser/harness';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const PAINT_RUNS = 5;
const entriesArg = process.argv.indexOf('--entries');
const ENTRIES = entriesArg > 0 ? Number(process.argv[entriesArg + 1]) : 220_000;

interface FilterResult {
  items: number;
  prepareMs: number;
  timings: { name: string; shown: number; medianMs: number; maxMs: number }[];
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const ms = (x: number) => `${Math.round(x)} ms`;

async function firstPaint(): Promise<{ fcp: number[]; ready: number[] }> {
  const served = await serveDist();
  const session = await launchBrowser();
  const fcp: number[] = [];
  const ready: number[] = [];
  try {
    for (let i = 0; i < PAINT_RUNS; i++) {
      const page = await session.newPage();
      await page.goto(`${served.url}taskpane.html`);
      await page.getByTestId('tab-overview').waitFor({ timeout: 30_000 });
      ready.push(await page.evaluate(() => performance.now()));
      fcp.push(await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Number.NaN));
      await page.close();
    }
  } finally {
    await session.close();
    await served.close();
  }
  return { fcp, ready };
}

async function filterTimes(): Promise<FilterResult> {
  const bundle = await build({
    entryPoints: [path.join(HERE, 'taskpane-filter-page.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    logLevel: 'silent',
  });
  const session = await launchBrowser();
  try {
    const page = await session.newPage();
    await page.goto('about:blank');
    await page.addScriptTag({ content: bundle.outputFiles[0]!.text });
    return await page.evaluate(
      (entries) => (globalThis as unknown as { runFilterBench: (n: number) => FilterResult }).runFilterBench(entries),
      ENTRIES,
    );
  } finally {
    await session.close();
  }
}

async function main(): Promise<void> {
  console.log('## Task pane (Chromium)\n');
  if (!existsSync(path.join(ROOT, 'dist', 'taskpane.html'))) {
    console.log('dist/ is missing: run `npm run build` first; first paint not measured.\n');
  } else {
    const paint = await firstPaint();
    console.log(`First paint of the built pane (dist/, ${PAINT_RUNS} loads, a warm browser cache after the first; office.js served locally):\n`);
    console.log('| measure | median | worst | target |');
    console.log('|---|---|---|---|');
    console.log(`| first contentful paint | ${ms(median(paint.fcp))} | ${ms(Math.max(...paint.fcp))} | ≤ 1.5 s |`);
    console.log(`| pane ready (tabs rendered, Office.onReady done) | ${ms(median(paint.ready))} | ${ms(Math.max(...paint.ready))} | ≤ 1.5 s |\n`);
  }
  const filters = await filterTimes();
  console.log(`Open items filter inside Chromium on ${filters.items.toLocaleString('en-US')} items (demo ledger of ${ENTRIES.toLocaleString('en-US')} entries, made in ${ms(filters.prepareMs)}); 9 runs each:\n`);
  console.log('| filter | items shown | median | worst | target |');
  console.log('|---|---|---|---|---|');
  for (const t of filters.timings) console.log(`| ${t.name} | ${t.shown.toLocaleString('en-US')} | ${t.medianMs.toFixed(1)} ms | ${t.maxMs.toFixed(1)} ms | ≤ 100 ms |`);
  console.log('');
}

await main();
