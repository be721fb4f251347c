// `subledger build` of a large ledger (about 100k items): wall time per phase and peak memory, on
// the demo ledger (2,000 parties, ~100 entries each, in date order) and on the real shape
// (bench/real-shape.ts: ~25 entries a party, shuffled, so ~8,000 party cards). The parent writes
// each as canonical CSV, then runs the build in a child process of its own, so that the peak RSS
// is the build's and not the generator's. Prints a markdown section.
//   npx tsx bench/xlsx.bench.ts [entries]      (default 200,000 entries ≈ 100k items)
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseIsoDate } from '../src/core/date';
import { allItemsAsOf } from '../src/core/open-items';
import { readInput } from '../src/cli/args';
import { main } from '../src/cli/main';
import { ledgerToCsv } from '../src/import/canonical-writer';
import { demoLedger } from '../src/import/demo';
import { writeRealShapeCsv } from './real-shape';

const AS_OF = '2026-06-30';
/** The real shape's dates run 2023–2025. */
const REAL_AS_OF = '2025-06-30';
/** Real-shape entries per demo entry for about as many items (206k real-shape entries ≈ 100k items). */
const REAL_PER_DEMO_ENTRY = 1.03;

interface ChildResult {
  code: number;
  summary: string;
  maxRssMb: number;
  /** Seconds since start at which each phase ended. */
  marks: Record<string, number>;
  /** CPU seconds (user + system) of the process when each phase ended. */
  cpu: Record<string, number>;
}

/** In the child: run `subledger build`, noting when each progress message arrives. */
async function child(args: string[]): Promise<void> {
  const start = performance.now();
  const marks: Record<string, number> = {};
  const cpu: Record<string, number> = {};
  const cpuNow = () => {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1e6;
  };
  const at = () => (performance.now() - start) / 1000;
  let summary = '';
  const code = await main(['build', ...args], {
    stdout: (text) => {
      summary += text;
      marks.written = at();
      cpu.written = cpuNow();
    },
    stderr: (text) => {
      if (text.startsWith('computing')) [marks.imported, cpu.imported] = [at(), cpuNow()];
      if (text.startsWith('sheet 1/')) [marks.laidOut, cpu.laidOut] = [at(), cpuNow()];
      if (text.startsWith('sheet ')) [marks.rendered, cpu.rendered] = [at(), cpuNow()];
    },
    now: () => new Date(),
  });
  const result: ChildResult = { code, summary: summary.trim(), maxRssMb: process.resourceUsage().maxRSS / 1024, marks, cpu };
  console.log(JSON.stringify(result));
}

/** Runs the build of `args` in a child process of its own and prints its phases. */
function measure(title: string, args: string[], out: string): void {
  const self = fileURLToPath(import.meta.url);
  const run = spawnSync(process.execPath, ['--import', 'tsx', self, '--child', ...args, '--out', out], { encoding: 'utf8', maxBuffer: 1 << 26 });
  const line = run.stdout.trim().split('\n').pop() ?? '';
  if (run.status !== 0 || !line.startsWith('{')) throw new Error(`build failed: ${run.stderr}`);
  const result = JSON.parse(line) as ChildResult;
  const m = result.marks;
  const c = result.cpu;
  const s = (n: number | undefined) => `${(n ?? 0).toFixed(2)} s`;
  console.log(`${title}; ${result.summary.replace(/^wrote \S+: /, '')}, ${(statSync(out).size / 2 ** 20).toFixed(1)} MB\n`);
  console.log(`Load average at start: ${os.loadavg().map((x) => x.toFixed(1)).join(', ')}\n`);
  console.log('| phase | ended at (wall) | CPU used by then |');
  console.log('|---|---|---|');
  console.log(`| import (CSV → ledger; the child runs through tsx) | ${s(m.imported)} | ${s(c.imported)} |`);
  console.log(`| reports and layout (SheetSpecs) | ${s(m.laidOut)} | ${s(c.laidOut)} |`);
  console.log(`| sheets written (XML compressed as it is written) | ${s(m.rendered)} | ${s(c.rendered)} |`);
  console.log(`| zip directory and file written (total) | ${s(m.written)} | ${s(c.written)} |`);
  console.log(`\npeak RSS of the build process: ${result.maxRssMb.toFixed(0)} MB\n`);
}

async function parent(entries: number): Promise<void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'subledger-bench-xlsx-'));
  try {
    const asOf = parseIsoDate(AS_OF) ?? 0;
    const ledger = demoLedger({ today: asOf, parties: 2000, entries, seed: 7 });
    const items = allItemsAsOf(ledger, asOf).length;
    const { ledgerCsv, partiesCsv } = ledgerToCsv(ledger);
    writeFileSync(path.join(dir, 'ledger.csv'), ledgerCsv);
    writeFileSync(path.join(dir, 'parties.csv'), partiesCsv);
    console.log('## xlsx: subledger build\n');
    const demoArgs = ['--input', path.join(dir, 'ledger.csv'), '--parties', path.join(dir, 'parties.csv'), '--as-of', AS_OF];
    measure(`Demo ledger: ${ledger.entries.length.toLocaleString('en')} entries, ${items.toLocaleString('en')} items, as of ${AS_OF}, 2,000 parties`, demoArgs, path.join(dir, 'demo.xlsx'));
    // the real shape (bench/real-shape.ts): ~25 entries a party, shuffled; as many entries give about as many items
    const real = path.join(dir, 'real.csv');
    await writeRealShapeCsv(real, { entries: Math.round(entries * REAL_PER_DEMO_ENTRY) });
    const realLedger = await readInput(real);
    const realItems = allItemsAsOf(realLedger, parseIsoDate(REAL_AS_OF) ?? 0).length;
    const parties = new Set(realLedger.entries.map((e) => `${e.ledger} ${e.partyId}`)).size;
    measure(
      `Real shape: ${realLedger.entries.length.toLocaleString('en')} entries, ${realItems.toLocaleString('en')} items, as of ${REAL_AS_OF}, ${parties.toLocaleString('en')} parties`,
      ['--input', real, '--as-of', REAL_AS_OF],
      path.join(dir, 'real.xlsx'),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[2] === '--child') await child(process.argv.slice(3));
else await parent(Number(process.argv[2] ?? 200_000));
