// Bytes per entry of an auditfile import against the canonical CSV path (issue 12: XAF at most
// 2× the CSV's bytes per entry), both measured the same way. The inputs are written to files
// under .bench-data first; each import runs in its own process (`node --expose-gc`), which reads
// the file, collects garbage and imports it. Its peak RSS (getrusage maxRSS) minus the peak RSS of
// an empty process (the same, without the import: code loaded, file read) is what the import took;
// divided by the ledger's entries, its bytes per entry. The CSV gets as many lines as the XAF has
// entries. CPU time is user + sys of the import alone.
//   npx tsx bench/auditfile-memory.bench.ts [--runs N] [xafMegabytes …]   (default: 60)
//   npx tsx bench/auditfile-memory.bench.ts --child none|import <file>   (one measurement, JSON)
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import path from 'node:path';
import { importFile } from '../src/import/index';
import { canonicalCsv, largeXaf } from './import-inputs';

interface Measured {
  entries: number;
  errors: number;
  /** Peak RSS of the process, MB. */
  peakMb: number;
  /** Heap in use after the import with the ledger alive, after a full collection, MB. */
  liveMb: number;
  cpuSeconds: number;
  wallSeconds: number;
}

const DATA = path.resolve(import.meta.dirname, '..', '.bench-data');
const MB = 2 ** 20;

async function child(mode: string, file: string): Promise<Measured> {
  const bytes = readFileSync(file);
  globalThis.gc?.();
  const cpu = process.cpuUsage();
  const start = performance.now();
  const result = mode === 'import' ? await importFile({ name: path.basename(file), bytes }) : null;
  const used = process.cpuUsage(cpu);
  const wallSeconds = (performance.now() - start) / 1000;
  globalThis.gc?.();
  const liveMb = process.memoryUsage().heapUsed / MB;
  return {
    entries: result?.ledger?.entries.length ?? 0,
    errors: result?.issues.filter((i) => i.severity === 'error').length ?? 0,
    peakMb: (process.resourceUsage().maxRSS * 1024) / MB,
    liveMb, cpuSeconds: (used.user + used.system) / 1e6, wallSeconds,
  };
}

function run(mode: string, file: string): Measured {
  const out = execFileSync(process.execPath, [...process.execArgv, '--expose-gc', import.meta.filename, '--child', mode, file], { encoding: 'utf8', maxBuffer: 1 << 20 });
  return JSON.parse(out.trim().split('\n').pop()!) as Measured;
}

function inputFile(name: string, make: () => Uint8Array): string {
  const file = path.join(DATA, name);
  if (!existsSync(file)) {
    mkdirSync(DATA, { recursive: true });
    writeFileSync(file, make());
  }
  return file;
}

/** The median run by peak RSS (the figure that varies most between identical runs). */
function median(runs: Measured[]): Measured {
  return [...runs].sort((a, b) => a.peakMb - b.peakMb)[Math.floor(runs.length / 2)]!;
}

function measure(file: string, runs: number): { empty: Measured; imported: Measured; all: Measured[] } {
  const empty = median(Array.from({ length: runs }, () => run('none', file)));
  const all = Array.from({ length: runs }, () => run('import', file));
  return { empty, imported: median(all), all };
}

if (process.argv[2] === '--child') {
  console.log(JSON.stringify(await child(process.argv[3]!, process.argv[4]!)));
} else {
  const args = process.argv.slice(2);
  const runsAt = args.indexOf('--runs');
  const runs = runsAt >= 0 ? Number(args.splice(runsAt, 2)[1]) : 1;
  const sizes = args.length > 0 ? args.map(Number) : [60];
  const load = (): string => loadavg().map((l) => l.toFixed(1)).join(', ');
  console.log(`Node ${process.version}; ${new Date().toISOString()}; load average before: ${load()}; median of ${runs} run(s) per row`);
  console.log('| input | size | entries | errors | CPU s | wall s | peak RSS MB (empty process) | live heap MB | bytes per entry |');
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const megabytes of sizes) {
    const xafFile = inputFile(`xaf-${megabytes}mb.xaf`, () => largeXaf(megabytes));
    const xaf = measure(xafFile, runs);
    const csvFile = inputFile(`canonical-${xaf.imported.entries}.csv`, () => canonicalCsv(xaf.imported.entries));
    const csv = measure(csvFile, runs);
    const perEntry = (m: { empty: Measured; imported: Measured }): number => ((m.imported.peakMb - m.empty.peakMb) * MB) / Math.max(1, m.imported.entries);
    const row = (label: string, file: string, m: { empty: Measured; imported: Measured; all: Measured[] }): string => {
      const i = m.imported;
      const peaks = m.all.length > 1 ? ` [${m.all.map((r) => r.peakMb.toFixed(0)).join(', ')}]` : '';
      return `| ${label} | ${(readFileSync(file).length / MB).toFixed(0)} MB | ${i.entries} | ${i.errors} | ${i.cpuSeconds.toFixed(2)} | ${i.wallSeconds.toFixed(2)} | ${i.peakMb.toFixed(0)}${peaks} (${m.empty.peakMb.toFixed(0)}) | ${i.liveMb.toFixed(0)} | ${perEntry(m).toFixed(0)} |`;
    };
    console.log(row(`XAF 3.2, generated`, xafFile, xaf));
    console.log(row('canonical CSV, same entries', csvFile, csv));
    console.log(`| XAF / CSV bytes per entry at ${megabytes} MB | | | | | | | | **${(perEntry(xaf) / perEntry(csv)).toFixed(2)}** (target ≤ 2) |`);
  }
  console.log(`\nLoad average after: ${load()}`);
}
