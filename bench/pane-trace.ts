// What the task pane's long tasks are made of: the built pane imports a real-shaped file (as
// bench/pane-import.ts) under a Chromium performance trace (CDP Tracing, the timeline and V8
// categories), then every task of the page's main thread over the limit is listed with what ran
// inside it: garbage collections, the events dispatched (a worker's message, a click), script
// functions by name and source, layout and paint. With --open-items, the Open items tab is clicked
// after the key figures and its tasks traced too. A tool to find the work to move, not a test.
//   npx tsx bench/pane-trace.ts [--entries 300000] [--limit 100] [--open-items] [--reopen]
import { existsSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import { launchBrowser, ROOT, serveDist } from '../test/browser/harness';
import { writeRealShapeCsv } from './real-shape';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const ENTRIES = arg('--entries', 300_000);
const LIMIT = arg('--limit', 100);
const OPEN_ITEMS = process.argv.includes('--open-items');
const REOPEN = process.argv.includes('--reopen');
const FILE = path.join(os.tmpdir(), `subledger-pane-bench-${ENTRIES}.csv`);

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: Record<string, unknown> };
}

async function traced(cdp: CDPSession, work: () => Promise<void>): Promise<TraceEvent[]> {
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e) => {
    events.push(...(e.value as unknown as TraceEvent[]));
  });
  const complete = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
  await cdp.send('Tracing.start', {
    transferMode: 'ReportEvents',
    traceConfig: { includedCategories: ['devtools.timeline', 'v8', 'disabled-by-default-devtools.timeline', 'blink.user_timing', 'toplevel'] },
  });
  await work();
  await cdp.send('Tracing.end');
  await complete;
  return events;
}

/** The renderer's main thread: the thread named CrRendererMain of the page's process. */
function mainThread(events: TraceEvent[]): { pid: number; tid: number } {
  const names = events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  const busiest = names
    .map((n) => ({ pid: n.pid, tid: n.tid, count: events.filter((e) => e.pid === n.pid && e.tid === n.tid).length }))
    .sort((a, b) => b.count - a.count)[0];
  if (!busiest) throw new Error('no renderer main thread in the trace');
  return busiest;
}

function label(e: TraceEvent): string {
  const data = (e.args?.data ?? {}) as Record<string, string | number | undefined>;
  if (e.name === 'EventDispatch') return `EventDispatch ${String(data.type)}`;
  if (e.name === 'FunctionCall') return `FunctionCall ${String(data.functionName || '(anonymous)')} ${String(data.url ?? '').split('/').pop()}:${String(data.lineNumber ?? '')}`;
  if (e.name === 'TimerFire' || e.name === 'FireAnimationFrame') return e.name;
  return e.name;
}

/** Events that say what a task did (the finer GC phases and V8's internal ones left out). */
const INTERESTING = (name: string) => !/^V8\.GC_|^RunTask$|^ThreadControllerImpl|^SequenceManager|^TaskGraphRunner/.test(name);

function report(events: TraceEvent[], origin: number, title: string): void {
  const { pid, tid } = mainThread(events);
  const mine = events.filter((e) => e.pid === pid && e.tid === tid && e.ph === 'X' && e.dur !== undefined);
  const tasks = mine.filter((e) => e.name === 'RunTask' && (e.dur ?? 0) / 1000 > LIMIT).sort((a, b) => a.ts - b.ts);
  console.log(`\n## ${title}: ${tasks.length} tasks over ${LIMIT} ms on the main thread`);
  for (const task of tasks) {
    const end = task.ts + (task.dur ?? 0);
    const inside = mine.filter((e) => e !== task && e.ts >= task.ts && e.ts + (e.dur ?? 0) <= end && INTERESTING(e.name));
    const sums = new Map<string, { ms: number; n: number }>();
    for (const e of inside) {
      const key = label(e);
      const s = sums.get(key) ?? { ms: 0, n: 0 };
      s.ms += (e.dur ?? 0) / 1000;
      s.n += 1;
      sums.set(key, s);
    }
    const parts = [...sums].sort((a, b) => b[1].ms - a[1].ms).slice(0, 8);
    console.log(`- at ${((task.ts - origin) / 1e6).toFixed(2)} s, ${((task.dur ?? 0) / 1000).toFixed(0)} ms: ${parts.map(([k, s]) => `${k} ×${s.n} ${s.ms.toFixed(0)} ms`).join('; ')}`);
  }
  const gc = mine.filter((e) => /MajorGC|MinorGC|V8\.GC_MARK_COMPACTOR|V8\.GCScavenger|V8\.GCFinalizeMC/.test(e.name));
  const byName = new Map<string, number>();
  for (const e of gc) byName.set(e.name, (byName.get(e.name) ?? 0) + (e.dur ?? 0) / 1000);
  console.log(`GC on the main thread: ${[...byName].map(([k, ms]) => `${k} ${ms.toFixed(0)} ms`).join(', ')}`);
}

async function main(): Promise<void> {
  if (!existsSync(path.join(ROOT, 'dist/taskpane.html'))) throw new Error('dist/ is missing: run `npm run build` first');
  if (!existsSync(FILE)) await writeRealShapeCsv(FILE, { entries: ENTRIES });
  console.log(`${ENTRIES.toLocaleString('en')} entries; load average before: ${os.loadavg().map((x) => x.toFixed(1)).join(', ')}`);
  const served = await serveDist();
  const session = await launchBrowser();
  try {
    const page: Page = await session.newPage();
    await page.goto(`${served.url}taskpane.html`);
    await page.getByTestId('tab-overview').waitFor({ timeout: 60_000 });
    const cdp = await session.context.newCDPSession(page);
    let origin = 0;
    const events = await traced(cdp, async () => {
      origin = Date.now();
      await page.getByTestId('import-input').setInputFiles(FILE);
      await page.getByTestId('import-preview').waitFor({ timeout: 600_000 });
      await page.getByTestId('import-replace').click();
      await page.getByTestId('kf-AR-total').waitFor({ timeout: 600_000 });
      await page.getByTestId('import-progress').waitFor({ state: 'detached', timeout: 600_000 });
      if (OPEN_ITEMS) {
        await page.getByTestId('tab-openItems').click();
        await page.getByTestId('item-row').first().waitFor({ timeout: 600_000 });
      }
    });
    const start = Math.min(...events.filter((e) => e.ts > 0).map((e) => e.ts));
    report(events, start, 'import');
    if (process.argv.includes('--save')) writeFileSync(path.join(os.tmpdir(), 'pane-trace.json'), JSON.stringify(events));
    if (REOPEN) {
      const again = await traced(cdp, async () => {
        await page.reload();
        await page.getByTestId('kf-AR-total').waitFor({ timeout: 600_000 });
        await new Promise((r) => setTimeout(r, 2000));
      });
      report(again, Math.min(...again.filter((e) => e.ts > 0).map((e) => e.ts)), 'opened again');
    }
    console.log(`load average after: ${os.loadavg().map((x) => x.toFixed(1)).join(', ')}; trace started ${new Date(origin).toISOString()}`);
  } finally {
    await session.close();
    await served.close();
  }
}

await main();
