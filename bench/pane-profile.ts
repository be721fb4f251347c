// Where the task pane's import spends its CPU, per thread of the page's renderer (the page's main
// thread, the import worker) and per phase (the file given → the preview, Import → the key
// figures): V8's sampling profiler of every thread, through a Chromium trace of the import of a
// real-shaped file (as bench/pane-import.ts), self time by function. A tool to find the work to
// move, not a test.
//   npx tsx bench/pane-profile.ts [--entries 300000] [--top 25]
import { existsSync, readFileSync } from 'node:fs';
import { SourceMapConsumer } from 'source-map-js';
import os from 'node:os';
import path from 'node:path';
import { launchBrowser, ROOT, serveDist } from '../test/browser/harness';
import { paneBenchLedger } from './pane-ledger';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const ENTRIES = arg('--entries', 300_000);
const TOP = arg('--top', 25);

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url?: string; lineNumber: number; columnNumber?: number };
  parent?: number;
}
interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  pid: number;
  tid: number;
  id?: string;
  args?: { name?: string; data?: { startTime?: number; cpuProfile?: { nodes?: ProfileNode[]; samples?: number[] }; timeDeltas?: number[] } };
}

const maps = new Map<string, SourceMapConsumer | null>();

/** A frame of the built pane as its source names it (dist/*.js.map): function, file and line. */
function place(frame: ProfileNode['callFrame']): string {
  const file = (frame.url ?? '').split('/').pop() ?? '';
  const name = frame.functionName || '(anonymous)';
  const mapFile = path.join(ROOT, 'dist', `${file}.map`);
  if (!maps.has(file)) maps.set(file, file.endsWith('.js') && existsSync(mapFile) ? new SourceMapConsumer(JSON.parse(readFileSync(mapFile, 'utf8')) as ConstructorParameters<typeof SourceMapConsumer>[0]) : null);
  const map = maps.get(file);
  if (!map || frame.lineNumber < 0) return `${name} ${file}:${frame.lineNumber}`;
  const at = map.originalPositionFor({ line: frame.lineNumber + 1, column: frame.columnNumber ?? 0 });
  return `${at.name ?? name} ${(at.source ?? file).replace(/^.*node_modules\//, '').replace(/^webpack:\/\/[^/]*\//, '')}:${at.line ?? '?'}`;
}

/** Per profiled thread: its samples' functions with their time, each stamped (trace clock, µs). */
function samples(events: TraceEvent[]): Map<string, { ts: number; ms: number; key: string }[]> {
  const threadName = new Map<string, string>();
  for (const e of events) if (e.ph === 'M' && e.name === 'thread_name') threadName.set(`${e.pid}:${e.tid}`, e.args?.name ?? '?');
  const profiles = new Map<string, { thread: string; nodes: Map<number, ProfileNode>; ts: number }>();
  const out = new Map<string, { ts: number; ms: number; key: string }[]>();
  for (const e of events) {
    if (e.name === 'Profile') {
      profiles.set(`${e.pid}:${e.id}`, { thread: `${threadName.get(`${e.pid}:${e.tid}`) ?? e.tid} (${e.pid}:${e.tid})`, nodes: new Map(), ts: e.args?.data?.startTime ?? e.ts });
    } else if (e.name === 'ProfileChunk') {
      const p = profiles.get(`${e.pid}:${e.id}`);
      if (!p) continue;
      for (const n of e.args?.data?.cpuProfile?.nodes ?? []) p.nodes.set(n.id, n);
      const ids = e.args?.data?.cpuProfile?.samples ?? [];
      const deltas = e.args?.data?.timeDeltas ?? [];
      const list = out.get(p.thread) ?? [];
      for (let i = 0; i < ids.length; i++) {
        p.ts += deltas[i] ?? 0;
        const frame = p.nodes.get(ids[i] as number)?.callFrame;
        const key = frame ? place(frame) : '?';
        list.push({ ts: p.ts, ms: (deltas[i + 1] ?? 0) / 1000, key });
      }
      out.set(p.thread, list);
    }
  }
  return out;
}

function top(list: { ms: number; key: string }[]): string {
  const self = new Map<string, number>();
  for (const s of list) self.set(s.key, (self.get(s.key) ?? 0) + s.ms);
  const busy = [...self].filter(([k]) => !k.startsWith('(idle)') && !k.startsWith('(program)'));
  const total = busy.reduce((sum, [, ms]) => sum + ms, 0);
  return `  busy ${total.toFixed(0)} ms (idle ${[...self].filter(([k]) => k.startsWith('(idle)')).reduce((t, [, ms]) => t + ms, 0).toFixed(0)} ms)\n` + busy.sort((a, b) => b[1] - a[1]).slice(0, TOP).map(([k, ms]) => `  - ${ms.toFixed(0)} ms ${k}`).join('\n');
}

async function main(): Promise<void> {
  const FILE = await paneBenchLedger(ENTRIES);
  console.log(`${ENTRIES.toLocaleString('en')} entries; load average before: ${os.loadavg().map((x) => x.toFixed(1)).join(', ')}`);
  const served = await serveDist();
  const session = await launchBrowser();
  try {
    const page = await session.newPage();
    await page.goto(`${served.url}taskpane.html`);
    await page.getByTestId('tab-overview').waitFor({ timeout: 60_000 });
    const cdp = await session.context.newCDPSession(page);
    const events: TraceEvent[] = [];
    cdp.on('Tracing.dataCollected', (e) => {
      for (const event of e.value as unknown as TraceEvent[]) events.push(event);
    });
    const complete = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
    await cdp.send('Tracing.start', { transferMode: 'ReportEvents', traceConfig: { includedCategories: ['disabled-by-default-v8.cpu_profiler', '__metadata'] } });
    const stamp = async () => (await cdp.send('Runtime.evaluate', { expression: 'performance.timeOrigin + performance.now()', returnByValue: true })).result.value as number;
    const t0 = await stamp();
    await page.getByTestId('import-input').setInputFiles(FILE);
    await page.getByTestId('import-preview').waitFor({ timeout: 600_000 });
    const tPreview = await stamp();
    await page.getByTestId('import-replace').click();
    await page.getByTestId('kf-AR-total').waitFor({ timeout: 600_000 });
    const tFigures = await stamp();
    await page.getByTestId('ledger-opening').waitFor({ state: 'detached', timeout: 600_000 });
    await cdp.send('Tracing.end');
    await complete;
    console.log(`file → preview ${((tPreview - t0) / 1000).toFixed(2)} s, Import → figures ${((tFigures - tPreview) / 1000).toFixed(2)} s (click included)`);
    // trace timestamps are µs of a monotonic clock: the phases are placed relative to the first sample
    const byThread = samples(events);
    const first = Math.min(...[...byThread.values()].map((l) => l[0]?.ts ?? Infinity));
    const previewAt = first + (tPreview - t0) * 1000;
    for (const [thread, list] of byThread) {
      if (list.length < 10) continue;
      console.log(`\n## ${thread}, file → preview\n${top(list.filter((s) => s.ts < previewAt))}`);
      console.log(`## ${thread}, preview → ledger open\n${top(list.filter((s) => s.ts >= previewAt))}`);
    }
  } finally {
    await session.close();
    await served.close();
  }
}

await main();
