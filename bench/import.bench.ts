// Importer speed and memory: a 1M-line canonical CSV (target ≤ 5 s), a large generated XAF
// auditfile (time and peak memory while streaming) and a 1M-line FEC general ledger (within the
// CSV's time and memory). Prints a markdown section; a size of 0 leaves that case out.
//   npx tsx bench/import.bench.ts [csvLines] [xafMegabytes] [fecLines]
import { importFile } from '../src/import/index';
import { canonicalCsv, largeXaf } from './import-inputs';

const CSV_LINES = Number(process.argv[2] ?? 1_000_000);
const XAF_MB = Number(process.argv[3] ?? 200);
const FEC_LINES = Number(process.argv[4] ?? 1_000_000);

/** A FEC of `lines` lines: sales to 5000 clients (411 + 706 + 44571) and their bank receipts, lettered. */
function largeFec(lines: number): Uint8Array {
  const parts = ['JournalCode\tJournalLib\tEcritureNum\tEcritureDate\tCompteNum\tCompteLib\tCompAuxNum\tCompAuxLib\tPieceRef\tPieceDate\tEcritureLib\tDebit\tCredit\tEcritureLet\tDateLet\tValidDate\tMontantdevise\tIdevise\n'];
  for (let n = 0, i = 0; i < lines; n++) {
    const client = `C${n % 5000}`;
    const day = String(1 + (n % 28)).padStart(2, '0');
    const net = 5 * ((n % 1997) + 1);
    const vat = net / 5;
    const gross = net + vat;
    const letter = `L${n}`;
    parts.push(`VT\tVentes\t${n}\t202402${day}\t411000\tClients\t${client}\tClient ${n % 5000}\tF${n}\t202402${day}\tFacture ${n}\t${gross},00\t0,00\t${letter}\t\t20240301\t\t\n`
      + `VT\tVentes\t${n}\t202402${day}\t706000\tPrestations\t\t\tF${n}\t202402${day}\tFacture ${n}\t0,00\t${net},00\t\t\t20240301\t\t\n`
      + `VT\tVentes\t${n}\t202402${day}\t445710\tTVA\t\t\tF${n}\t202402${day}\tFacture ${n}\t0,00\t${vat},00\t\t\t20240301\t\t\n`
      + `BQ\tBanque\t${n}\t202403${day}\t411000\tClients\t${client}\tClient ${n % 5000}\tR${n}\t202403${day}\tReglement ${n}\t0,00\t${gross},00\t${letter}\t\t20240401\t\t\n`
      + `BQ\tBanque\t${n}\t202403${day}\t512000\tBanque\t\t\tR${n}\t202403${day}\tReglement ${n}\t${gross},00\t0,00\t\t\t20240401\t\t\n`);
    i += 5;
  }
  return new TextEncoder().encode(parts.join(''));
}

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
const c = CSV_LINES > 0 ? await measure('bench.csv', csv) : null;
const xaf = largeXaf(XAF_MB);
const x = XAF_MB > 0 ? await measure('bench.xaf', xaf) : null;
const fec = largeFec(FEC_LINES);
const f = FEC_LINES > 0 ? await measure('FEC.txt', fec) : null;
const mb = (n: number): string => n.toFixed(0);

console.log('## Importers\n');
const load = (await import('node:os')).loadavg()[0]?.toFixed(1) ?? '?';
console.log(`Load average while measuring: ${load} (CPU time is the fairer figure on a shared machine).\n`);
console.log('| input | size | entries | errors | wall time | CPU time | peak RSS (before) | target |');
console.log('|---|---|---|---|---|---|---|---|');
const row = (label: string, bytes: Uint8Array, m: Measured, target: string): string =>
  `| ${label} | ${mb(bytes.length / 2 ** 20)} MB | ${m.entries} | ${m.errors} | ${m.seconds.toFixed(2)} s | ${m.cpuSeconds.toFixed(2)} s | ${mb(m.peakMb)} MB (${mb(m.baseMb)}) | ${target} |`;
if (c) console.log(row(`canonical CSV, ${CSV_LINES.toLocaleString('en')} lines`, csv, c, `≤ 5 s ${c.seconds <= 5 ? '✔' : '✘'}`));
if (x) console.log(row('XAF 3.2, generated', xaf, x, 'streamed (saxes)'));
if (f) console.log(row(`FEC general ledger, ${FEC_LINES.toLocaleString('en')} lines`, fec, f, 'as the canonical CSV'));
