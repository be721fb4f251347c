// Benchmark on ledgers shaped like real ones (bench/real-shape.ts: ~25 entries per party, rows
// shuffled, a fifth in foreign currency, half allocated): the whole `subledger report …` process
// against DuckDB's read_csv + aging SQL in one process on the same CSV, wall time and peak RSS of
// each process (GNU time), and the two agings compared party by party to the cent.
//   npx tsx bench/real-shape.bench.ts [--sizes 100000,1200000]     (or: npm run bench -- real-shape)
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DuckDBInstance } from '@duckdb/node-api';
import { agingSql, COLUMNS } from './duck-aging';
import { writeRealShapeCsv } from './real-shape';

const AS_OF = '2025-06-30';
const SELF = fileURLToPath(import.meta.url);
const ROOT = path.resolve(path.dirname(SELF), '..');
const REPORTS = ['aging', 'open-items', 'balances', 'turnaround'] as const;

interface Run {
  wall: number;
  rssMb: number;
}

/** Runs a command under GNU time; its stdout goes to `out` when given. */
function timedProcess(command: string[], out?: string): Run {
  const shell = `/usr/bin/time -f '%e %M' ${command.map((c) => `'${c}'`).join(' ')}${out ? ` > '${out}'` : ' > /dev/null'}`;
  const result = spawnSync('bash', ['-c', shell], { encoding: 'utf8', maxBuffer: 2 ** 26 });
  if (result.status !== 0) throw new Error(`${command.join(' ')} failed:\n${result.stderr}`);
  const [wall, kb] = (result.stderr.trim().split('\n').pop() ?? '').split(' ').map(Number);
  return { wall: (wall ?? NaN) * 1000, rssMb: (kb ?? NaN) / 1024 };
}

/** Child: read_csv and the aging query in one DuckDB process; prints the totals per party. */
async function duckChild(csv: string): Promise<void> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  await connection.run(`CREATE TABLE entries AS SELECT * FROM read_csv('${csv.replace(/'/g, "''")}', header = true, columns = ${COLUMNS})`);
  const rows = (await connection.runAndReadAll(agingSql(AS_OF))).getRowObjectsJS();
  const totals: Record<string, number> = {};
  for (const r of rows) totals[`${r.ledger as string}|${r.party_id as string}`] = Number(r.total);
  process.stdout.write(JSON.stringify(totals));
  connection.closeSync();
  instance.closeSync();
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

async function runSize(entries: number): Promise<string[]> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'subledger-real-shape-'));
  try {
    const csv = path.join(dir, 'ledger.csv');
    await writeRealShapeCsv(csv, { entries });
    const cli = [process.execPath, path.join(ROOT, 'bin/subledger.js'), 'report'];
    const ours: Record<string, Run> = {};
    for (const report of REPORTS) {
      const args = [...cli, report, '--input', csv, '--as-of', AS_OF, '--format', 'json'];
      if (report === 'turnaround') args.push('--from', '2025-01-01', '--to', AS_OF);
      ours[report] = timedProcess(args, report === 'aging' ? path.join(dir, 'ours.json') : undefined);
    }
    const duck = timedProcess([process.execPath, '--import', 'tsx', SELF, 'duck', csv], path.join(dir, 'duck.json'));
    const aging = ours.aging!;
    const four = REPORTS.reduce((s, r) => s + ours[r]!.wall, 0);
    const cell = (r: Run) => `${r.wall.toFixed(0)} ms, ${r.rssMb.toFixed(0)} MB`;
    return [
      `### ${entries.toLocaleString('en')} entries, shuffled, ~25 per party`,
      '',
      '| process | wall, peak RSS |',
      '|---|---|',
      ...REPORTS.map((r) => `| \`subledger report ${r}\` | ${cell(ours[r]!)} |`),
      `| DuckDB: read_csv + aging SQL, one process | ${cell(duck)} |`,
      '',
      `Aging ratio (ours / DuckDB, whole processes): **${(aging.wall / duck.wall).toFixed(2)}** (target ≤ 1.0); ` +
        `peak RSS ${aging.rssMb.toFixed(0)} MB (target ≤ 1,024); the four reports ${(four / duck.wall).toFixed(2)}× DuckDB's aging (target ≤ 1.5). ` +
        `Same aging to the cent: ${await agree(path.join(dir, 'ours.json'), path.join(dir, 'duck.json'))}.`,
      '',
    ];
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function entry(argv: string[]): Promise<void> {
  if (argv[0] === 'duck') return duckChild(argv[1] ?? '');
  const sizesArg = argv.indexOf('--sizes');
  const sizes = sizesArg >= 0 ? (argv[sizesArg + 1] ?? '').split(',').map(Number) : [100_000, 1_200_000];
  const load = os.loadavg().map((x) => x.toFixed(1)).join(', ');
  console.log(`## Real-shaped ledgers: whole processes against DuckDB\n\nLoad average at start: ${load}\n`);
  for (const size of sizes) console.log((await runSize(size)).join('\n'));
}

await entry(process.argv.slice(2));
