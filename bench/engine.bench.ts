// Benchmark of the engine on demo ledgers of 10k, 100k and 1M entries: import from CSV and the
// four big reports (open items, aging, balance list, turnaround), time and peak memory, and the
// same aging per party in DuckDB on the same CSV, as a ratio and checked to the cent.
//   npx tsx bench/engine.bench.ts [--sizes 10000,100000]     (or: npm run bench -- engine)
// Each size runs in child processes (prepare, measure, duckdb) so that each peak RSS is its own.
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DuckDBInstance } from '@duckdb/node-api';
import { main } from '../src/cli/main';
import { agingReport } from '../src/core/aging';
import { balanceList } from '../src/core/balances';
import { formatIsoDate, parseIsoDate } from '../src/core/date';
import { ledgerIndex } from '../src/core/ledger-index';
import { openItemsAsOf } from '../src/core/open-items';
import { DEFAULT_BUCKETS } from '../src/core/report-types';
import { turnaround } from '../src/core/turnaround';
import type { Ledger } from '../src/core/types';
import { importFile } from '../src/import/index';
import { agingSql, COLUMNS } from './duck-aging';

const AS_OF = parseIsoDate('2025-06-30')!;
const PERIOD = { from: AS_OF - 364, to: AS_OF };
const WARM_RUNS = 3;
const SELF = fileURLToPath(import.meta.url);

/** Per party (`AR|D0001`): total and the six buckets, in cents. */
type AgingTotals = Record<string, number[]>;

/** Wall-clock and CPU (user + system, all threads of the process) milliseconds of one step. */
interface Timing {
  wall: number;
  cpu: number;
}
type Steps = Record<string, Timing>;

interface Measured {
  entries: number;
  import: Timing;
  rssAfterImportMb: number;
  heapLedgerMb: number;
  cold: Steps;
  warm: Steps;
  rssPeakMb: number;
}

interface DuckMeasured {
  load: Timing;
  agingCold: Timing;
  agingWarm: Timing;
  rssPeakMb: number;
}

const peakRssMb = (): number => process.resourceUsage().maxRSS / 1024;
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const medianTiming = (ts: Timing[]): Timing => ({ wall: median(ts.map((t) => t.wall)), cpu: median(ts.map((t) => t.cpu)) });

function clock(): () => Timing {
  const wall = performance.now();
  const cpu = process.cpuUsage();
  return () => {
    const used = process.cpuUsage(cpu);
    return { wall: performance.now() - wall, cpu: (used.user + used.system) / 1000 };
  };
}

function timed(fn: () => unknown): Timing {
  const stop = clock();
  fn();
  return stop();
}

// ───────────── child: write the demo ledger as CSV through `subledger demo` ─────────────

async function prepare(size: number, dir: string): Promise<void> {
  const io = { stdout: () => undefined, stderr: (t: string) => process.stderr.write(t), now: () => new Date(2025, 5, 30, 12) };
  const stop = clock();
  const code = await main(['demo', '--out', dir, '--entries', String(size)], io);
  if (code !== 0) throw new Error(`subledger demo exited ${code}`);
  console.log(JSON.stringify(stop()));
}

// ───────────── child: import and the four reports ─────────────

const REPORTS: Record<string, (l: Ledger) => unknown> = {
  aging: (l) => agingReport(l, { asOf: AS_OF, basis: 'due', buckets: [...DEFAULT_BUCKETS] }),
  'open items': (l) => openItemsAsOf(l, AS_OF, {}),
  'balance list': (l) => balanceList(l, AS_OF),
  turnaround: (l) => turnaround(l, PERIOD),
};

/** The index (a no-op when cached), then the four reports, on one ledger object. */
function reportRound(ledger: Ledger): Steps {
  const steps: Steps = { index: timed(() => ledgerIndex(ledger)) };
  for (const [name, run] of Object.entries(REPORTS)) steps[name] = timed(() => run(ledger));
  return steps;
}

async function measure(dir: string): Promise<void> {
  const bytes = new Uint8Array(await readFile(path.join(dir, 'ledger.csv')));
  const parties = new Uint8Array(await readFile(path.join(dir, 'parties.csv')));
  const stop = clock();
  const result = await importFile({ name: 'ledger.csv', bytes }, { parties: { name: 'parties.csv', bytes: parties } });
  const importTiming = stop();
  const ledger = result.ledger;
  if (!ledger) throw new Error(`import failed: ${result.issues[0]?.message ?? '?'}`);
  const rssAfterImportMb = peakRssMb();
  globalThis.gc?.();
  const heapLedgerMb = process.memoryUsage().heapUsed / 2 ** 20;
  const cold = reportRound(ledger);
  // The engine caches its index and item table per ledger object: a warm round runs on a fresh
  // object (same entries), so it rebuilds them with the JIT already warm.
  const rounds = Array.from({ length: WARM_RUNS }, () => reportRound({ ...ledger }));
  const warm: Steps = {};
  for (const step of Object.keys(cold)) warm[step] = medianTiming(rounds.map((r) => r[step] ?? { wall: NaN, cpu: NaN }));
  const aging = agingReport(ledger, { asOf: AS_OF, basis: 'due', buckets: [...DEFAULT_BUCKETS] });
  const totals: AgingTotals = {};
  for (const r of aging.rows) totals[`${r.ledger}|${r.partyId}`] = [r.total, ...r.buckets];
  await writeFile(path.join(dir, 'ours.json'), JSON.stringify(totals));
  const out: Measured = {
    entries: ledger.entries.length, import: importTiming, rssAfterImportMb, heapLedgerMb, cold, warm, rssPeakMb: peakRssMb(),
  };
  console.log(JSON.stringify(out));
}

// ───────────── child: the same aging in DuckDB ─────────────

async function duckdb(dir: string): Promise<void> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  const csv = path.join(dir, 'ledger.csv').replace(/'/g, "''");
  const stopLoad = clock();
  await connection.run(`CREATE TABLE entries AS SELECT * FROM read_csv('${csv}', header = true, columns = ${COLUMNS})`);
  const load = stopLoad();
  const sql = agingSql(formatIsoDate(AS_OF));
  const runs: Timing[] = [];
  let rows: Record<string, unknown>[] = [];
  for (let i = 0; i <= WARM_RUNS; i++) {
    const stop = clock();
    rows = (await connection.runAndReadAll(sql)).getRowObjectsJS();
    runs.push(stop());
  }
  const totals: AgingTotals = {};
  for (const r of rows) {
    totals[`${String(r.ledger)}|${String(r.party_id)}`] = ['total', 'b0', 'b1', 'b2', 'b3', 'b4', 'b5'].map((k) => Number(r[k]));
  }
  await writeFile(path.join(dir, 'duck.json'), JSON.stringify(totals));
  connection.closeSync();
  instance.closeSync();
  const out: DuckMeasured = { load, agingCold: runs[0] ?? { wall: NaN, cpu: NaN }, agingWarm: medianTiming(runs.slice(1)), rssPeakMb: peakRssMb() };
  console.log(JSON.stringify(out));
}

// ───────────── parent: run the children per size and print markdown ─────────────

function child<T>(...args: string[]): T {
  const flags = process.execArgv.includes('--expose-gc') ? process.execArgv : ['--expose-gc', ...process.execArgv];
  const result = spawnSync(process.execPath, [...flags, SELF, ...args], { encoding: 'utf8', maxBuffer: 2 ** 26 });
  if (result.status !== 0) throw new Error(`bench child ${args[0] ?? ''} failed:\n${result.stderr}`);
  const last = result.stdout.trim().split('\n').pop() ?? '';
  return JSON.parse(last) as T;
}

/** Compares the two agings party by party, bucket by bucket, to the cent. */
async function compare(dir: string): Promise<string> {
  const ours = JSON.parse(await readFile(path.join(dir, 'ours.json'), 'utf8')) as AgingTotals;
  const duck = JSON.parse(await readFile(path.join(dir, 'duck.json'), 'utf8')) as AgingTotals;
  const keys = new Set([...Object.keys(ours), ...Object.keys(duck)]);
  const differing = [...keys].filter((k) => JSON.stringify(ours[k] ?? []) !== JSON.stringify(duck[k] ?? []));
  const grand = Object.values(ours).reduce((s, v) => s + (v[0] ?? 0), 0);
  if (differing.length === 0) return `yes — ${keys.size} parties × 6 buckets, grand total ${(grand / 100).toFixed(2)} EUR`;
  const first = differing[0] ?? '';
  return `**NO** — ${differing.length} of ${keys.size} parties differ, e.g. ${first}: ours ${JSON.stringify(ours[first])}, DuckDB ${JSON.stringify(duck[first])}`;
}

const ms = (x: number): string => (x >= 100 ? x.toFixed(0) : x.toFixed(1));
const mb = (x: number): string => x.toFixed(0);
const cell = (t: Timing | undefined): string => (t ? `${ms(t.wall)} (${ms(t.cpu)})` : '');
const verdict = (ok: boolean): string => (ok ? 'met' : '**missed**');
const NONE: Timing = { wall: NaN, cpu: NaN };

function sumSteps(steps: Steps, names: string[]): Timing {
  return names.reduce((a, n) => ({ wall: a.wall + (steps[n]?.wall ?? NaN), cpu: a.cpu + (steps[n]?.cpu ?? NaN) }), { wall: 0, cpu: 0 });
}

function ratio(ours: Timing, duck: Timing): string {
  return `${(ours.wall / duck.wall).toFixed(2)}× (CPU ${(ours.cpu / duck.cpu).toFixed(2)}×)`;
}

function sizeTable(prepared: Timing, m: Measured, d: DuckMeasured): string[] {
  const names = Object.keys(REPORTS);
  const [cold, warm] = [sumSteps(m.cold, names), sumSteps(m.warm, names)];
  return [
    '| step | first run, ms (CPU ms) | warm, ms (CPU ms) | peak RSS, MB |',
    '|---|---:|---:|---:|',
    `| generate the demo ledger and write its CSV | ${cell(prepared)} | | |`,
    `| import the CSV (\`importFile\`: parse, validate, build the ledger index) | ${cell(m.import)} | | ${mb(m.rssAfterImportMb)} |`,
    `| ledger index (first run: cached by the import; warm: rebuilt) | ${cell(m.cold.index)} | ${cell(m.warm.index)} | |`,
    ...names.map((name) => `| ${name} | ${cell(m.cold[name])} | ${cell(m.warm[name])} | |`),
    `| **four reports together** | **${cell(cold)}** | ${cell(warm)} | ${mb(m.rssPeakMb)} |`,
    `| DuckDB: load the CSV (\`read_csv\` into a table) | ${cell(d.load)} | | |`,
    `| DuckDB: aging per party in SQL | ${cell(d.agingCold)} | ${cell(d.agingWarm)} | ${mb(d.rssPeakMb)} |`,
    `| **aging ours ÷ DuckDB** | **${ratio(m.cold.aging ?? NONE, d.agingCold)}** | ${ratio(m.warm.aging ?? NONE, d.agingWarm)} | |`,
  ];
}

/** "met"/"missed" by wall clock and by CPU time: on a shared machine the two can disagree. */
function judged(t: Timing, limit: number): string {
  return `wall ${verdict(t.wall <= limit)} (${ms(t.wall)} ms), CPU ${verdict(t.cpu <= limit)} (${ms(t.cpu)} ms)`;
}

function targets(m: Measured, d: DuckMeasured): string[] {
  const four = sumSteps(m.cold, Object.keys(REPORTS));
  const cold = m.cold.aging ?? NONE;
  const warm = m.warm.aging ?? NONE;
  const twice = (a: Timing, b: Timing): string =>
    `wall ${verdict(a.wall <= 2 * b.wall)}, CPU ${verdict(a.cpu <= 2 * b.cpu)}`;
  return [
    'Targets at 1M:',
    `- four reports ≤ 2 s together: ${judged(four, 2000)}`,
    `- four reports ≤ 1.5 GB: ${verdict(m.rssPeakMb <= 1536)} (${mb(m.rssPeakMb)} MB peak RSS, import included)`,
    `- aging ≤ 2× DuckDB: first run ${twice(cold, d.agingCold)}; warm ${twice(warm, d.agingWarm)}`,
    `- CSV import ≤ 5 s: ${judged(m.import, 5000)}`,
  ];
}

async function runSize(size: number): Promise<string[]> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'subledger-bench-'));
  try {
    const prepared = child<Timing>('--prepare', String(size), dir);
    const m = child<Measured>('--measure', dir);
    const d = child<DuckMeasured>('--duckdb', dir);
    const same = await compare(dir);
    const lines = [`### ${m.entries.toLocaleString('en')} entries`, '', ...sizeTable(prepared, m, d), ''];
    lines.push(`Ledger in memory after import: ${mb(m.heapLedgerMb)} MB of JS heap. DuckDB aging equals ours to the cent: ${same}.`, '');
    if (size >= 1_000_000) lines.push(...targets(m, d), '');
    return lines;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function parent(sizes: number[]): Promise<void> {
  const out = [
    '## Engine: import and reports on demo ledgers, against DuckDB',
    '',
    `As of ${formatIsoDate(AS_OF)}, aging by due date (${DEFAULT_BUCKETS.join(', ')}), turnaround over the 12 months before. ` +
      'Each size runs in fresh processes; peak RSS is `process.resourceUsage().maxRSS` of the process that imports and ' +
      'runs the reports (import included). Times are wall clock, with the CPU time of the process (user + system, all ' +
      'threads) in brackets: on a busy machine the CPU time is the steadier figure. ' +
      '"First run" is the first call in a fresh process; "warm" is the median ' +
      `of ${WARM_RUNS} further rounds, each on a fresh ledger object so the engine rebuilds its cached index. ` +
      'DuckDB runs in memory on the same CSV with its default threads; its warm figure is the median of the next runs.',
    '',
  ];
  console.log(out.join('\n'));
  for (const size of sizes) console.log((await runSize(size)).join('\n'));
}

async function entry(argv: string[]): Promise<void> {
  const [mode, a, b] = argv;
  if (mode === '--prepare') return prepare(Number(a), b ?? '');
  if (mode === '--measure') return measure(a ?? '');
  if (mode === '--duckdb') return duckdb(a ?? '');
  const sizesArg = mode === '--sizes' ? a : process.env.BENCH_SIZES;
  const sizes = (sizesArg ?? '10000,100000,1000000').split(',').map(Number);
  return parent(sizes);
}

await entry(process.argv.slice(2));
