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

const AS_OF = parseIsoDate('2025-06-30')!;
const PERIOD = { from: AS_OF - 364, to: AS_OF };
const WARM_RUNS = 3;
const SELF = fileURLToPath(import.meta.url);

/** Per party (`AR|D0001`): total and the six buckets, in cents. */
type AgingTotals = Record<string, number[]>;

interface Measured {
  entries: number;
  importMs: number;
  rssAfterImportMb: number;
  heapLedgerMb: number;
  cold: Record<string, number>;
  warm: Record<string, number>;
  rssPeakMb: number;
}

interface DuckMeasured {
  loadMs: number;
  agingColdMs: number;
  agingWarmMs: number;
  rssPeakMb: number;
}

const now = (): number => performance.now();
const peakRssMb = (): number => process.resourceUsage().maxRSS / 1024;
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

function timed<T>(fn: () => T): [T, number] {
  const start = now();
  const value = fn();
  return [value, now() - start];
}

// ───────────── child: write the demo ledger as CSV through `subledger demo` ─────────────

async function prepare(size: number, dir: string): Promise<void> {
  const io = { stdout: () => undefined, stderr: (t: string) => process.stderr.write(t), now: () => new Date(2025, 5, 30, 12) };
  const start = now();
  const code = await main(['demo', '--out', dir, '--entries', String(size)], io);
  if (code !== 0) throw new Error(`subledger demo exited ${code}`);
  console.log(JSON.stringify({ ms: now() - start }));
}

// ───────────── child: import and the four reports ─────────────

const REPORTS: Record<string, (l: Ledger) => unknown> = {
  aging: (l) => agingReport(l, { asOf: AS_OF, basis: 'due', buckets: [...DEFAULT_BUCKETS] }),
  'open items': (l) => openItemsAsOf(l, AS_OF, {}),
  'balance list': (l) => balanceList(l, AS_OF),
  turnaround: (l) => turnaround(l, PERIOD),
};

/** The index, then the four reports, on one ledger object: milliseconds per step. */
function reportRound(ledger: Ledger): Record<string, number> {
  const times: Record<string, number> = { index: timed(() => ledgerIndex(ledger))[1] };
  for (const [name, run] of Object.entries(REPORTS)) times[name] = timed(() => run(ledger))[1];
  return times;
}

async function measure(dir: string): Promise<void> {
  const bytes = new Uint8Array(await readFile(path.join(dir, 'ledger.csv')));
  const parties = new Uint8Array(await readFile(path.join(dir, 'parties.csv')));
  const start = now();
  const result = await importFile({ name: 'ledger.csv', bytes }, { parties: { name: 'parties.csv', bytes: parties } });
  const importMs = now() - start;
  const ledger = result.ledger;
  if (!ledger) throw new Error(`import failed: ${result.issues[0]?.message ?? '?'}`);
  const rssAfterImportMb = peakRssMb();
  globalThis.gc?.();
  const heapLedgerMb = process.memoryUsage().heapUsed / 2 ** 20;
  const cold = reportRound(ledger);
  // The engine caches its index and item table per ledger object: a warm round runs on a fresh
  // object (same entries), so it rebuilds them with the JIT already warm.
  const rounds = Array.from({ length: WARM_RUNS }, () => reportRound({ ...ledger }));
  const warm: Record<string, number> = {};
  for (const step of Object.keys(cold)) warm[step] = median(rounds.map((r) => r[step] ?? NaN));
  const aging = agingReport(ledger, { asOf: AS_OF, basis: 'due', buckets: [...DEFAULT_BUCKETS] });
  const totals: AgingTotals = {};
  for (const r of aging.rows) totals[`${r.ledger}|${r.partyId}`] = [r.total, ...r.buckets];
  await writeFile(path.join(dir, 'ours.json'), JSON.stringify(totals));
  const out: Measured = {
    entries: ledger.entries.length, importMs, rssAfterImportMb, heapLedgerMb, cold, warm, rssPeakMb: peakRssMb(),
  };
  console.log(JSON.stringify(out));
}

// ───────────── child: the same aging in DuckDB ─────────────

const COLUMNS = `{'ledger': 'VARCHAR', 'party_id': 'VARCHAR', 'party_name': 'VARCHAR', 'entry_type': 'VARCHAR',
  'doc_no': 'VARCHAR', 'entry_date': 'DATE', 'doc_date': 'DATE', 'due_date': 'DATE', 'amount': 'DECIMAL(18,2)',
  'currency': 'VARCHAR', 'amount_base': 'DECIMAL(18,2)', 'settles': 'VARCHAR', 'description': 'VARCHAR',
  'payment_ref': 'VARCHAR'}`;

/**
 * Aging per party as of a date (ledger.md §2–§3), by allocation: invoices and credit notes
 * without settles are items; other rows reduce the item they settle (same party and currency),
 * or are items of their own; open_base = amount_base × open / amount, half away from zero.
 */
function agingSql(asOf: string): string {
  const isItem = `(entry_type = 'invoice' OR (entry_type = 'credit_note' AND settles IS NULL))`;
  const limits = [0, ...DEFAULT_BUCKETS];
  const buckets = limits
    .map((limit, i) => {
      const low = i === 0 ? '' : `age > ${limits[i - 1]} AND `;
      return `CAST(coalesce(sum(open_base) FILTER (WHERE ${low}age <= ${limit}), 0) AS BIGINT) AS b${i}`;
    })
    .join(',\n    ');
  return `
WITH e AS (
  SELECT ledger, party_id, entry_type, doc_no, due_date, currency, NULLIF(settles, '') AS settles,
         CAST(amount * 100 AS BIGINT) AS amt, CAST(amount_base * 100 AS BIGINT) AS amt_base
  FROM entries WHERE entry_date <= DATE '${asOf}'
),
items AS (SELECT ledger, party_id, doc_no, currency, due_date, amt, amt_base FROM e WHERE ${isItem}),
rest AS (
  SELECT r.*, i.doc_no IS NOT NULL AS allocated
  FROM (SELECT * FROM e WHERE NOT ${isItem}) r
  LEFT JOIN items i ON i.ledger = r.ledger AND i.party_id = r.party_id AND i.doc_no = r.settles AND i.currency = r.currency
),
alloc AS (SELECT ledger, party_id, settles AS doc_no, sum(amt) AS amt FROM rest WHERE allocated GROUP BY ALL),
opened AS (
  SELECT i.ledger, i.party_id, i.due_date, i.amt, i.amt_base, i.amt + coalesce(a.amt, 0) AS open
  FROM items i LEFT JOIN alloc a USING (ledger, party_id, doc_no)
),
open_items AS (
  SELECT ledger, party_id, due_date, open,
         CASE WHEN open = amt THEN amt_base
              ELSE sign(amt_base) * sign(open) * sign(amt)
                   * ((abs(CAST(amt_base AS HUGEINT) * open) * 2 + abs(amt)) // (2 * abs(amt))) END AS open_base
  FROM opened WHERE open <> 0
  UNION ALL
  SELECT ledger, party_id, due_date, amt, amt_base FROM rest WHERE NOT allocated AND amt <> 0
)
SELECT ledger, party_id, CAST(sum(open_base) AS BIGINT) AS total,
    ${buckets},
    CAST(coalesce(sum(open_base) FILTER (WHERE age > ${limits[limits.length - 1]}), 0) AS BIGINT) AS b${limits.length}
FROM (SELECT *, DATE '${asOf}' - due_date AS age FROM open_items)
GROUP BY ledger, party_id`;
}

async function duckdb(dir: string): Promise<void> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  const csv = path.join(dir, 'ledger.csv').replace(/'/g, "''");
  let start = now();
  await connection.run(`CREATE TABLE entries AS SELECT * FROM read_csv('${csv}', header = true, columns = ${COLUMNS})`);
  const loadMs = now() - start;
  const sql = agingSql(formatIsoDate(AS_OF));
  const runs: number[] = [];
  let rows: Record<string, unknown>[] = [];
  for (let i = 0; i <= WARM_RUNS; i++) {
    start = now();
    rows = (await connection.runAndReadAll(sql)).getRowObjectsJS();
    runs.push(now() - start);
  }
  const totals: AgingTotals = {};
  for (const r of rows) {
    totals[`${String(r.ledger)}|${String(r.party_id)}`] = ['total', 'b0', 'b1', 'b2', 'b3', 'b4', 'b5'].map((k) => Number(r[k]));
  }
  await writeFile(path.join(dir, 'duck.json'), JSON.stringify(totals));
  connection.closeSync();
  instance.closeSync();
  const out: DuckMeasured = { loadMs, agingColdMs: runs[0] ?? NaN, agingWarmMs: median(runs.slice(1)), rssPeakMb: peakRssMb() };
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
const verdict = (ok: boolean): string => (ok ? 'met' : '**missed**');

async function runSize(size: number): Promise<string[]> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'subledger-bench-'));
  try {
    const prepared = child<{ ms: number }>('--prepare', String(size), dir);
    const m = child<Measured>('--measure', dir);
    const d = child<DuckMeasured>('--duckdb', dir);
    const same = await compare(dir);
    const sum = (t: Record<string, number>): number => Object.values(t).reduce((a, b) => a + b, 0);
    const [coldTotal, warmTotal] = [sum(m.cold), sum(m.warm)];
    const agingCold = (m.cold.index ?? NaN) + (m.cold.aging ?? NaN);
    const agingWarm = (m.warm.index ?? NaN) + (m.warm.aging ?? NaN);
    const lines = [
      `### ${m.entries.toLocaleString('en')} entries`,
      '',
      '| step | first run, ms | warm, ms | peak RSS, MB |',
      '|---|---:|---:|---:|',
      `| generate the demo ledger and write its CSV | ${ms(prepared.ms)} | | |`,
      `| import the CSV (\`importFile\`, ledger + parties) | ${ms(m.importMs)} | | ${mb(m.rssAfterImportMb)} |`,
      `| ledger index (built once per ledger, shared by the reports) | ${ms(m.cold.index ?? NaN)} | ${ms(m.warm.index ?? NaN)} | |`,
      ...Object.keys(REPORTS).map((name) => `| ${name} | ${ms(m.cold[name] ?? NaN)} | ${ms(m.warm[name] ?? NaN)} | |`),
      `| **four reports together** (index included) | **${ms(coldTotal)}** | ${ms(warmTotal)} | ${mb(m.rssPeakMb)} |`,
      `| DuckDB: load the CSV (\`read_csv\` into a table) | ${ms(d.loadMs)} | | |`,
      `| DuckDB: aging per party in SQL | ${ms(d.agingColdMs)} | ${ms(d.agingWarmMs)} | ${mb(d.rssPeakMb)} |`,
      `| **aging (index + aging) ours ÷ DuckDB** | **${(agingCold / d.agingColdMs).toFixed(2)}×** | ${(agingWarm / d.agingWarmMs).toFixed(2)}× | |`,
      '',
      `Ledger in memory after import: ${mb(m.heapLedgerMb)} MB of JS heap. DuckDB aging equals ours to the cent: ${same}.`,
      '',
    ];
    if (size >= 1_000_000) {
      lines.push(
        `Targets at 1M: four reports ≤ 2 s together — ${verdict(coldTotal <= 2000)} (${ms(coldTotal)} ms first run); ` +
          `≤ 1.5 GB — ${verdict(m.rssPeakMb <= 1536)} (${mb(m.rssPeakMb)} MB peak RSS, import included); ` +
          `aging ≤ 2× DuckDB — ${verdict(agingCold / d.agingColdMs <= 2)} first run, ${verdict(agingWarm / d.agingWarmMs <= 2)} warm; ` +
          `CSV import ≤ 5 s — ${verdict(m.importMs <= 5000)} (${ms(m.importMs)} ms).`,
        '',
      );
    }
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
      'runs the reports (import included). "First run" is the first call in a fresh process; "warm" is the median ' +
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
