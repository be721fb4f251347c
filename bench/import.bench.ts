// Importer speed and memory: a 1M-line canonical CSV (target ≤ 5 s) and a large generated XAF
// auditfile (time and peak memory while streaming). Prints a markdown section.
//   npx tsx bench/import.bench.ts [csvLines] [xafMegabytes]
import { importFile } from '../src/import/index';
import { canonicalCsv, largeXaf } from './import-inputs';

const CSV_LINES = Number(process.argv[2] ?? 1_000_000);
const XAF_MB = Number(process.argv[3] ?? 200);

interface Measured {
  seconds: number;
  /** CPU time of this process: what the import costs when the machine is shared. */
  cpuSeconds: number;
  peakMb: number;
  baseMb: number;
  entries: number;
  errors: number;
}

async function measure(name: string, bytes: Uint8Array): Promise<Measured> {
  globalThis.gc?.();
  const baseMb = process.memoryUsage().rss / 2 ** 20;
  let peak = baseMb;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss / 2 ** 20)), 20);
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  const result = await importFile({ name, bytes });
  const seconds = (performance.now() - start) / 1000;
  const cpu = process.cpuUsage(cpuStart);
  clearInterval(timer);
  peak = Math.max(peak, process.memoryUsage().rss / 2 ** 20);
  return { seconds, cpuSeconds: (cpu.user + cpu.system) / 1e6, peakMb: peak, baseMb, entries: result.ledger?.entries.length ?? 0, errors: result.issues.filter((i) => i.severity === 'error').length };
}

const csv = canonicalCsv(CSV_LINES);
const c = await measure('bench.csv', csv);
const xaf = largeXaf(XAF_MB);
const x = await measure('bench.xaf', xaf);
const mb = (n: number): string => n.toFixed(0);

console.log('## Importers\n');
const load = (await import('node:os')).loadavg()[0]?.toFixed(1) ?? '?';
console.log(`Load average while measuring: ${load} (CPU time is the fairer figure on a shared machine).\n`);
console.log('| input | size | entries | errors | wall time | CPU time | peak RSS (before) | target |');
console.log('|---|---|---|---|---|---|---|---|');
const row = (label: string, bytes: Uint8Array, m: Measured, target: string): string =>
  `| ${label} | ${mb(bytes.length / 2 ** 20)} MB | ${m.entries} | ${m.errors} | ${m.seconds.toFixed(2)} s | ${m.cpuSeconds.toFixed(2)} s | ${mb(m.peakMb)} MB (${mb(m.baseMb)}) | ${target} |`;
console.log(row(`canonical CSV, ${CSV_LINES.toLocaleString('en')} lines`, csv, c, `≤ 5 s ${c.seconds <= 5 ? '✔' : '✘'}`));
console.log(row('XAF 3.2, generated', xaf, x, 'streamed (saxes)'));
