// Importer speed and memory: a 1M-line canonical CSV (target ≤ 5 s) and a large generated XAF
// auditfile (time and peak memory while streaming). Prints a markdown section.
//   npx tsx bench/import.bench.ts [csvLines] [xafMegabytes]
import { importFile } from '../src/import/index';

const CSV_LINES = Number(process.argv[2] ?? 1_000_000);
const XAF_MB = Number(process.argv[3] ?? 200);

function canonicalCsv(lines: number): Uint8Array {
  const parts = ['ledger,party_id,entry_type,doc_no,entry_date,due_date,amount,settles,description\n'];
  for (let i = 0; i < lines; i++) {
    const party = `C${i % 5000}`;
    const day = String(1 + (i % 28)).padStart(2, '0');
    parts.push(i % 4 === 3
      ? `AR,${party},payment,P${i},2024-03-${day},,-${(i % 997) + 1}.50,F${i - 3},payment\n`
      : `AR,${party},invoice,F${i},2024-02-${day},2024-03-${day},${(i % 9973) + 1}.25,,invoice ${i}\n`);
  }
  return new TextEncoder().encode(parts.join(''));
}

/** An XAF file of about `megabytes` MB: customers, then journals of sales transactions with a debtor line and a revenue line. */
function largeXaf(megabytes: number): Uint8Array {
  const encoder = new TextEncoder();
  const chunks: Uint8Array[] = [];
  let size = 0;
  const push = (text: string): void => {
    const bytes = encoder.encode(text);
    chunks.push(bytes);
    size += bytes.length;
  };
  push('<?xml version="1.0" encoding="UTF-8"?>\n<auditfile xmlns="http://www.auditfiles.nl/XAF/3.2"><header><fiscalYear>2024</fiscalYear><startDate>2024-01-01</startDate><endDate>2024-12-31</endDate><curCode>EUR</curCode></header><company><companyName>Bench BV</companyName><customersSuppliers>');
  for (let c = 0; c < 2000; c++) push(`<customerSupplier><custSupID>D${c}</custSupID><custSupName>Klant ${c}</custSupName><custSupTp>C</custSupTp></customerSupplier>`);
  push('</customersSuppliers><generalLedger><ledgerAccount><accID>1300</accID><accDesc>Debiteuren</accDesc><accTp>B</accTp></ledgerAccount><ledgerAccount><accID>8000</accID><accDesc>Omzet</accDesc><accTp>P</accTp></ledgerAccount></generalLedger><transactions><linesCount>0</linesCount><totalDebit>0</totalDebit><totalCredit>0</totalCredit><journal><jrnID>V</jrnID><desc>Verkoop</desc><jrnTp>S</jrnTp>');
  const target = megabytes * 1024 * 1024;
  let batch: string[] = [];
  for (let t = 0; size < target; t++) {
    const day = String(1 + (t % 28)).padStart(2, '0');
    const amount = `${(t % 9973) + 1}.${String(t % 100).padStart(2, '0')}`;
    batch.push(`<transaction><nr>V${t}</nr><desc>Factuur ${t}</desc><trDt>2024-05-${day}</trDt>`
      + `<trLine><nr>1</nr><accID>1300</accID><docRef>F${t}</docRef><effDate>2024-05-${day}</effDate><desc>Factuur ${t}</desc><amnt>${amount}</amnt><amntTp>D</amntTp><custSupID>D${t % 2000}</custSupID><invRef>F${t}</invRef></trLine>`
      + `<trLine><nr>2</nr><accID>8000</accID><docRef>F${t}</docRef><effDate>2024-05-${day}</effDate><desc>Omzet ${t}</desc><amnt>${amount}</amnt><amntTp>C</amntTp><custSupID>D${t % 2000}</custSupID></trLine></transaction>\n`);
    if (batch.length === 1000) {
      push(batch.join(''));
      batch = [];
    }
  }
  push(batch.join(''));
  push('</journal></transactions></company></auditfile>\n');
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
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
