// What the task pane's long tasks are made of: the built pane imports a real-shaped file (as
// bench/pane-import.ts) under a Chromium performance trace (CDP Tracing, the timeline and V8
// categories), then every task of the page's main thread over the limit is listed with what ran
// inside it: garbage collections, the events dispatched (a worker's message, a click), script
// functions by name and source, layout and paint. With --open-items, the import is not traced and the
// Open items tab is clicked after it: its long tasks are split in two phases, the lists made and
// the view over them to its first row (--trace traces that opening as well, --profile takes a CPU
// profile of the view's phase). A tool to find the work to move, not a test.
//   npx tsx bench/pane-trace.ts [--entries 300000] [--limit 100] [--open-items [--trace | --profile]] [--reopen [--reopen-only]]
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import { launchBrowser, serveDist } from '../test/browser/harness';
import { paneBenchLedger } from './pane-ledger';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const ENTRIES = arg('--entries', 300_000);
const LIMIT = arg('--limit', 100);
const OPEN_ITEMS = process.argv.includes('--open-items');
const REOPEN = process.argv.includes('--reopen');
const TRACE_TAB = process.argv.includes('--trace');
const PROFILE_VIEW = process.argv.includes('--profile');

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
    for (const event of e.value as unknown as TraceEvent[]) events.push(event);
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

interface Phases {
  longTasks: { start: number; duration: number }[];
  clicked: number;
  listsReady: number;
  firstRow: number;
  watch(): void;
}

declare global {
  interface Window {
    __phases: Phases;
  }
}

/**
 * In the page: its long tasks, and when the Open items tab was clicked, when its lists were made
 * (the lists' progress notice gone) and when its first row was shown (a string: a function would
 * carry tsx's name helpers into the page).
 */
const PHASES = `
  const phases = { longTasks: [], clicked: 0, listsReady: 0, firstRow: 0 };
  window.__phases = phases;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) phases.longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
  phases.watch = () => {
    phases.clicked = performance.now();
    let seen = false;
    const look = () => {
      const busy = document.querySelector('[data-testid="lists-progress"]') !== null;
      if (busy) seen = true;
      if (!phases.listsReady && seen && !busy) phases.listsReady = performance.now();
      if (!phases.firstRow && document.querySelector('[data-testid="item-row"]')) {
        phases.firstRow = performance.now();
        if (!phases.listsReady) phases.listsReady = phases.firstRow;
        observer.disconnect();
      }
    };
    const observer = new MutationObserver(look);
    observer.observe(document.body, { childList: true, subtree: true, attributes: true });
  };
`;

/** The Open items opening in two phases: the lists made (worker, decoding), then the view over them. */
function phaseReport(p: Phases): string {
  const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  const phase = (from: number, to: number) => {
    const tasks = p.longTasks.filter((t) => t.start >= from && t.start < to);
    const longest = tasks.reduce((m, t) => Math.max(m, t.duration), 0);
    return `${s(to - from)}, longest task ${Math.round(longest)} ms, ${tasks.filter((t) => t.duration > LONG).length} over ${LONG} ms`;
  };
  return [
    `\n## Open items first opened (long tasks from the page; load ${os.loadavg().map((x) => x.toFixed(1)).join(', ')})`,
    `- click → lists made (worker, rows decoded): ${phase(p.clicked, p.listsReady)}`,
    `- lists made → first row (filtered, ordered, grouped, rendered): ${phase(p.listsReady, p.firstRow + 1)}`,
    `- click → first row: ${s(p.firstRow - p.clicked)}`,
    `- tasks over ${LONG} ms (from the click, duration): ${
      p.longTasks
        .filter((t) => t.start >= p.clicked && t.duration > LONG)
        .map((t) => `${s(t.start - p.clicked)} ${Math.round(t.duration)} ms`)
        .join('; ') || 'none'
    }`,
  ].join('\n');
}

const LONG = 200;

interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number } }[];
  samples?: number[];
  timeDeltas?: number[];
}

/** The functions that took the most CPU (self time) in a profile. */
function profileReport(profile: CpuProfile): string {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  for (let i = 0; i < samples.length; i++) {
    const frame = byId.get(samples[i] as number)?.callFrame;
    if (!frame) continue;
    const key = `${frame.functionName || '(anonymous)'} ${frame.url.split('/').pop() ?? ''}:${frame.lineNumber}:${frame.columnNumber}`;
    self.set(key, (self.get(key) ?? 0) + (deltas[i + 1] ?? 0) / 1000);
  }
  const top = [...self].sort((a, b) => b[1] - a[1]).slice(0, 20);
  return `\n## CPU profile of the view (lists made → first row), self time\n${top.map(([k, ms]) => `- ${k}: ${ms.toFixed(0)} ms`).join('\n')}`;
}

/** The first timestamp of a trace (a loop: a spread of a million events overflows the stack). */
function firstTs(events: TraceEvent[]): number {
  let first = Infinity;
  for (const e of events) if (e.ts > 0 && e.ts < first) first = e.ts;
  return first;
}

async function main(): Promise<void> {
  const FILE = await paneBenchLedger(ENTRIES);
  console.log(`${ENTRIES.toLocaleString('en')} entries; load average before: ${os.loadavg().map((x) => x.toFixed(1)).join(', ')}`);
  const served = await serveDist();
  const session = await launchBrowser();
  try {
    const page: Page = await session.newPage();
    if (OPEN_ITEMS) await page.addInitScript({ content: PHASES });
    await page.goto(`${served.url}taskpane.html`);
    await page.getByTestId('tab-overview').waitFor({ timeout: 60_000 });
    const cdp = await session.context.newCDPSession(page);
    let origin = 0;
    const importing = async () => {
      origin = Date.now();
      await page.getByTestId('import-input').setInputFiles(FILE);
      await page.getByTestId('import-preview').waitFor({ timeout: 600_000 });
      await page.getByTestId('import-replace').click();
      await page.getByTestId('kf-AR-total').waitFor({ timeout: 600_000 });
      await page.getByTestId('import-progress').waitFor({ state: 'detached', timeout: 600_000 });
    };
    if (OPEN_ITEMS) {
      // the import untraced (a trace of it all is too big at a million entries), the tab traced
      await importing();
      await page.getByTestId('ledger-opening').waitFor({ state: 'detached', timeout: 600_000 });
      const open = async () => {
        await page.evaluate(() => window.__phases.watch());
        await page.getByTestId('tab-openItems').click();
        await page.getByTestId('item-row').first().waitFor({ timeout: 600_000 });
      };
      if (PROFILE_VIEW) {
        // a CPU profile of the view's phase: from the lists made to the first row
        await page.evaluate(() => window.__phases.watch());
        await page.getByTestId('tab-openItems').click();
        await page.getByTestId('lists-progress').waitFor({ timeout: 600_000 });
        await page.getByTestId('lists-progress').waitFor({ state: 'detached', timeout: 600_000 });
        await cdp.send('Profiler.enable');
        await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
        await cdp.send('Profiler.start');
        await page.getByTestId('item-row').first().waitFor({ timeout: 600_000 });
        const { profile } = await cdp.send('Profiler.stop');
        console.log(profileReport(profile));
      } else if (TRACE_TAB) {
        const events = await traced(cdp, open);
        report(events, firstTs(events), 'Open items first opened');
      }
      else await open();
      console.log(phaseReport(await page.evaluate(() => window.__phases)));
    } else if (REOPEN && process.argv.includes('--reopen-only')) {
      // the import untraced, the pane opened again traced (below)
      await importing();
      await page.getByTestId('ledger-opening').waitFor({ state: 'detached', timeout: 600_000 });
    } else {
      const events = await traced(cdp, importing);
      report(events, firstTs(events), 'import');
      if (process.argv.includes('--save')) writeFileSync(path.join(os.tmpdir(), 'pane-trace.json'), JSON.stringify(events));
    }
    if (REOPEN) {
      const again = await traced(cdp, async () => {
        await page.reload();
        await page.getByTestId('kf-AR-total').waitFor({ timeout: 600_000 });
        await new Promise((r) => setTimeout(r, 2000));
      });
      report(again, firstTs(again), 'opened again');
    }
    console.log(`load average after: ${os.loadavg().map((x) => x.toFixed(1)).join(', ')}; trace started ${new Date(origin).toISOString()}`);
  } finally {
    await session.close();
    await served.close();
  }
}

await main();
