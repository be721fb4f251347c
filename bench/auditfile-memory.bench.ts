// Bytes per entry of an auditfile import against the canonical CSV path (issue 12: XAF at most
// 2× the CSV's bytes per entry). Each input is imported in its own child process, so each peak
// RSS is its own. The CSV gets as many lines as the XAF has entries.
//   npx tsx bench/auditfile-memory.bench.ts [xafMegabytes]
//   npx tsx bench/auditfile-memory.bench.ts --child xaf|csv <size>   (one measurement, JSON)
import { execFileSync } from 'node:child_process';
import { importFile } from '../src/import/index';
import { canonicalCsv, largeXaf } from './import-inputs';

interface Measured {
  entries: number;
  errors: number;
  baseMb: number;
  peakMb: number;
  seconds: number;
}

async function child(kind: string, size: number): Promise<Measured> {
  const bytes = kind === 'xaf' ? largeXaf(size) : canonicalCsv(size);
  globalThis.gc?.();
  const baseMb = process.memoryUsage().rss / 2 ** 20;
  let peak = baseMb;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss / 2 ** 20)), 10);
  const start = performance.now();
  const result = await importFile({ name: `bench.${kind}`, bytes });
  clearInterval(timer);
  peak = Math.max(peak, process.memoryUsage().rss / 2 ** 20);
  return {
    entries: result.ledger?.entries.length ?? 0,
    errors: result.issues.filter((i) => i.severity === 'error').length,
    baseMb, peakMb: peak, seconds: (performance.now() - start) / 1000,
  };
}

function run(kind: string, size: number): Measured {
  const out = execFileSync(process.execPath, [...process.execArgv, '--expose-gc', import.meta.filename, '--child', kind, String(size)], { encoding: 'utf8', maxBuffer: 1 << 20 });
  return JSON.parse(out.trim().split('\n').pop()!) as Measured;
}

if (process.argv[2] === '--child') {
  console.log(JSON.stringify(await child(process.argv[3]!, Number(process.argv[4]))));
} else {
  const megabytes = Number(process.argv[2] ?? 60);
  const xaf = run('xaf', megabytes);
  const csv = run('csv', xaf.entries);
  const perEntry = (m: Measured): number => ((m.peakMb - m.baseMb) * 2 ** 20) / Math.max(1, m.entries);
  const row = (label: string, m: Measured): string =>
    `| ${label} | ${m.entries} | ${m.errors} | ${m.seconds.toFixed(2)} s | ${m.peakMb.toFixed(0)} MB (${m.baseMb.toFixed(0)}) | ${perEntry(m).toFixed(0)} B |`;
  console.log('| input | entries | errors | wall time | peak RSS (before) | bytes per entry |');
  console.log('|---|---|---|---|---|---|');
  console.log(row(`XAF 3.2, generated, ${megabytes} MB`, xaf));
  console.log(row('canonical CSV, same entries', csv));
  console.log(`\nXAF / CSV bytes per entry: ${(perEntry(xaf) / perEntry(csv)).toFixed(2)} (target ≤ 2)`);
}
