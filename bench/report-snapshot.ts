// Before/after check for speed work: runs every `subledger report` on a real-shaped ledger
// (bench/real-shape.ts, shuffled) and saves each JSON output, or compares them byte for byte with
// a saved set, the warnings on stderr included. Save on main before a change, compare after it;
// any difference fails (exit 1).
//   npx tsx bench/report-snapshot.ts save .bench-data/before [--entries 100000]
//   npx tsx bench/report-snapshot.ts compare .bench-data/before [--entries 100000]
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeRealShapeCsv } from './real-shape';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const AS_OF = '2025-06-30';

/** Every report `subledger report` offers, with the options that make each one do real work. */
function reports(dir: string): Record<string, string[]> {
  const rates = path.join(dir, 'rates.csv');
  return {
    aging: ['aging'],
    'aging-doc': ['aging', '--basis', 'doc', '--buckets', '15,45,90'],
    'open-items': ['open-items'],
    balances: ['balances'],
    mutations: ['mutations', '--from', '2025-01-01', '--to', AS_OF],
    'mutations-doc-ar': ['mutations', '--from', '2024-01-01', '--to', AS_OF, '--sort', 'doc', '--side', 'AR'],
    card: ['card', '--party', 'D000002', '--from', '2023-01-01', '--to', AS_OF],
    turnaround: ['turnaround', '--from', '2025-01-01', '--to', AS_OF],
    'key-figures': ['key-figures'],
    revaluation: ['revaluation', '--rates', rates],
  };
}

/** The report's JSON and what it said on stderr (warnings), as one text. */
function run(csv: string, args: string[]): string {
  const result = spawnSync(process.execPath, [path.join(ROOT, 'bin/subledger.js'), 'report', ...args, '--input', csv, '--as-of', AS_OF, '--format', 'json'], {
    encoding: 'utf8',
    maxBuffer: 2 ** 30,
  });
  if (result.status !== 0) throw new Error(`subledger report ${args.join(' ')} failed (${result.status}):\n${result.stderr}`);
  return `${result.stdout}\n--- stderr ---\n${result.stderr}`;
}

async function main(argv: string[]): Promise<number> {
  const [mode, dirArg] = argv;
  if ((mode !== 'save' && mode !== 'compare') || !dirArg) {
    console.error('usage: report-snapshot.ts save|compare DIR [--entries N]');
    return 2;
  }
  const at = argv.indexOf('--entries');
  const entries = at >= 0 ? Number(argv[at + 1]) : 100_000;
  const dir = path.resolve(dirArg);
  await mkdir(dir, { recursive: true });
  const csv = path.join(dir, `ledger-${entries}.csv`);
  if (!existsSync(csv)) await writeRealShapeCsv(csv, { entries });
  await writeFile(path.join(dir, 'rates.csv'), 'currency,rate\nUSD,1.0712\nGBP,0.8543\nJPY,161.27\n');
  let differing = 0;
  for (const [name, args] of Object.entries(reports(dir))) {
    const out = run(csv, args);
    const file = path.join(dir, `${name}.json`);
    if (mode === 'save') {
      await writeFile(file, out);
      console.log(`saved ${name} (${out.length.toLocaleString('en')} bytes)`);
    } else {
      const before = await readFile(file, 'utf8');
      const same = before === out;
      if (!same) differing++;
      console.log(`${same ? 'same' : 'DIFFERENT'}: ${name} (${out.length.toLocaleString('en')} bytes)`);
    }
  }
  if (mode === 'compare') console.log(differing === 0 ? 'every report is byte for byte the same' : `${differing} report(s) differ`);
  return differing === 0 ? 0 : 1;
}

process.exitCode = await main(process.argv.slice(2));
