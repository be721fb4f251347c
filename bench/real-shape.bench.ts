// Benchmark on ledgers shaped like real ones (bench/real-shape.ts: ~25 entries per party, rows
// shuffled, a fifth in foreign currency, half allocated): the whole `subledger report …` process
// against DuckDB's read_csv + aging SQL in one process on the same CSV (plain Node, no tsx, so
// DuckDB pays no compile step), with the CPU time (user + system, all threads), wall time and peak
// RSS of each process from GNU time, the machine's load beside them, and the two agings compared
// party by party to the cent. The four reports are timed as four processes and as one
// (`report aging,open-items,balances,turnaround`, the ledger read once), both against DuckDB's
// aging process (DuckDB runs no open-items, balances or turnaround query here). Its output is the real-shape section of BENCHMARKS.md.
//   npx tsx bench/real-shape.bench.ts [--sizes 100000,1200000]     (or: npm run bench -- real-shape)
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { agingSql, COLUMNS } from './duck-aging';
import { writeRealShapeCsv } from './real-shape';

const AS_OF = '2025-06-30';
const SELF = fileURLToPath(import.meta.url);
const ROOT = path.resolve(path.dirname(SELF), '..');
const REPORTS = ['aging', 'open-items', 'balances', 'turnaround'] as const;

interface Run {
  wall: number;
  /** User + system CPU seconds, all threads. */
  cpu: number;
  rssMb: number;
}

/** Runs a command under GNU time; its stdout goes to `out` when given. */
function timedProcess(command: string[], out?: string, env?: NodeJS.ProcessEnv): Run {
  const shell = `/usr/bin/time -f '%e %U %S %M' ${command.map((c) => `'${c.replace(/'/g, "'\\''")}'`).join(' ')}${out ? ` > '${out}'` : ' > /dev/null'}`;
  const result = spawnSync('bash', ['-c', shell], { cwd: ROOT, encoding: 'utf8', maxBuffer: 2 ** 26, env: { ...process.env, ...env } });
  if (result.status !== 0) throw new Error(`${command.join(' ')} failed:\n${result.stderr}`);
  const [wall, user, sys, kb] = (result.stderr.trim().split('\n').pop() ?? '').split(' ').map(Number);
  return { wall: wall ?? NaN, cpu: (user ?? NaN) + (sys ?? NaN), rssMb: (kb ?? NaN) / 1024 };
}

/** read_csv and the aging query in one DuckDB process (plain JavaScript); prints the totals per party. */
const DUCK_CHILD = `
import { DuckDBInstance } from '@duckdb/node-api';
const instance = await DuckDBInstance.create(':memory:');
const connection = await instance.connect();
await connection.run(process.env.DUCK_LOAD);
const rows = (await connection.runAndReadAll(process.env.DUCK_AGING)).getRowObjectsJS();
const totals = {};
for (const r of rows) totals[r.ledger + '|' + r.party_id] = Number(r.total);
process.stdout.write(JSON.stringify(totals));
connection.closeSync();
instance.closeSync();
`;

function duckRun(csv: string, out: string): Run {
  const load = `CREATE TABLE entries AS SELECT * FROM read_csv('${csv.replace(/'/g, "''")}', header = true, columns = ${COLUMNS})`;
  return timedProcess([process.execPath, '--input-type=module', '-e', DUCK_CHILD], out, { DUCK_LOAD: load, DUCK_AGING: agingSql(AS_OF) });
}

interface AgingJson {
  rows: { ledger: string; partyId: string; total: number }[];
}

async function agree(oursFile: string, duckFile: string): Promise<string> {
  const ours = JSON.parse(await readFile(oursFile, 'utf8')) as AgingJson;
  const duck = JSON.parse(await readFile(duckFile, 'utf8')) as Record<string, number>;
  const mine = new Map(ours.rows.map((r) => [`${r.ledger}|${r.partyId}`, Math.round(r.total * 100)]));
  const keys = new Set([...mine.keys(), ...Object.keys(duck).filter((k) => duck[k] !== 0)]);
  const differing = [...keys].filter((k) => (mine.get(k) ?? 0) !== (duck[k] ?? 0));
  return differing.length === 0 ? `yes — ${keys.size} parties` : `**NO** — ${differing.length} of ${keys.size} parties differ, e.g. ${differing[0]}`;
}

function loadNow(): string {
  return os.loadavg().map((x) => x.toFixed(1)).join(', ');
}

async function runSize(entries: number): Promise<string[]> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'subledger-real-shape-'));
  try {
    const csv = path.join(dir, 'ledger.csv');
    const written = await writeRealShapeCsv(csv, { entries });
    const cli = [process.execPath, path.join(ROOT, 'bin/subledger.js'), 'report'];
    const loadBefore = loadNow();
    const ours: Record<string, Run> = {};
    for (const report of REPORTS) {
      const args = [...cli, report, '--input', csv, '--as-of', AS_OF, '--format', 'json'];
      if (report === 'turnaround') args.push('--from', '2025-01-01', '--to', AS_OF);
      ours[report] = timedProcess(args, report === 'aging' ? path.join(dir, 'ours.json') : undefined);
    }
    const together = [...cli, REPORTS.join(','), '--input', csv, '--as-of', AS_OF, '--from', '2025-01-01', '--to', AS_OF, '--format', 'json'];
    const oneProcess = timedProcess(together);
    const duck = duckRun(csv, path.join(dir, 'duck.json'));
    const aging = ours.aging!;
    const four = { cpu: REPORTS.reduce((s, r) => s + ours[r]!.cpu, 0), wall: REPORTS.reduce((s, r) => s + ours[r]!.wall, 0) };
    const row = (name: string, r: Run) => `| ${name} | ${r.cpu.toFixed(2)} | ${r.wall.toFixed(2)} | ${r.rssMb.toFixed(0)} |`;
    const ratio = (a: number, b: number) => (a / b).toFixed(2);
    return [
      `### ${written.toLocaleString('en')} entries, shuffled, ~25 per party`,
      '',
      `Load average (1, 5, 15 min) before: ${loadBefore}; after: ${loadNow()}.`,
      '',
      '| process | CPU s (user + sys) | wall s | peak RSS MB |',
      '|---|---:|---:|---:|',
      ...REPORTS.map((r) => row(`\`subledger report ${r}\``, ours[r]!)),
      row(`\`subledger report ${REPORTS.join(',')}\`, one process`, oneProcess),
      row('DuckDB: read_csv + aging SQL, one process', duck),
      '',
      `| ratio (ours ÷ DuckDB's aging process) | CPU | wall | target |`,
      '|---|---:|---:|---|',
      `| \`report aging\` | **${ratio(aging.cpu, duck.cpu)}** | ${ratio(aging.wall, duck.wall)} | ≤ 1.0 |`,
      `| the four reports, four processes | ${ratio(four.cpu, duck.cpu)} | ${ratio(four.wall, duck.wall)} | |`,
      `| the four reports in one process | **${ratio(oneProcess.cpu, duck.cpu)}** | ${ratio(oneProcess.wall, duck.wall)} | ≤ 1.5 |`,
      '',
      `Peak RSS of \`report aging\`: ${aging.rssMb.toFixed(0)} MB, of the four in one process: ${oneProcess.rssMb.toFixed(0)} MB (target ≤ 1,024). ` +
        `Same aging to the cent: ${await agree(path.join(dir, 'ours.json'), path.join(dir, 'duck.json'))}.`,
      '',
    ];
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function entry(argv: string[]): Promise<void> {
  const sizesArg = argv.indexOf('--sizes');
  const sizes = sizesArg >= 0 ? (argv[sizesArg + 1] ?? '').split(',').map(Number) : [100_000, 1_200_000];
  console.log(`## Real-shaped ledgers: whole processes against DuckDB (bench/real-shape.bench.ts)\n`);
  console.log(`${os.cpus().length} cores, Node ${process.version}; run at ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC. ` +
    'Each row is one whole process (start-up, reading the CSV, the report, writing JSON). CPU time is the steadier figure on a shared machine; ' +
    'DuckDB uses both cores, so its wall time can be below its CPU time.\n');
  for (const size of sizes) console.log((await runSize(size)).join('\n'));
}

await entry(process.argv.slice(2));
