// Benchmark of printing a real-shaped workbook to PDF with LibreOffice, as `subledger yearend` does
// (soffice --headless --convert-to pdf, a profile of its own): for ledgers of growing size
// (bench/real-shape.ts, ~25 entries a party), the workbook `subledger build` writes (every sheet,
// one party card a page) is converted and measured: soffice's CPU time (user + sys, through
// /usr/bin/time, as the machine may be shared) and peak memory, the pages (pdfinfo), and the CPU
// time per 1,000 parties. Aim (issue 13): the 30k-entry ledger (~1,200 parties) under ~60 s CPU,
// growing about linearly with size.
//   npm run bench:print [-- --entries 3000,10000,30000]
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseIsoDate } from '../src/core/date';
import { importFile } from '../src/import/index';
import { buildWorkbookSpecs } from '../src/sheets/workbook';
import { renderXlsx } from '../src/xlsx/render';
import { writeRealShapeCsv } from './real-shape';

const entriesArg = process.argv.indexOf('--entries');
const SIZES = (entriesArg > 0 ? String(process.argv[entriesArg + 1]) : '3000,10000,30000').split(',').map(Number);
const AS_OF = parseIsoDate('2025-12-31') as number;
const PERIOD = { from: parseIsoDate('2025-01-01') as number, to: AS_OF };

function has(command: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

interface Measured {
  cpu: number;
  peakMb: number;
  pages: number;
}

function convert(xlsx: string, dir: string): Measured {
  const profile = mkdtempSync(path.join(os.tmpdir(), 'subledger-bench-soffice-'));
  const timing = path.join(dir, 'time.txt');
  try {
    execFileSync('/usr/bin/time', ['-f', '%U %S %M', '-o', timing, 'soffice', `-env:UserInstallation=${pathToFileURL(profile).href}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, xlsx], { stdio: 'ignore' });
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
  const [user = 0, sys = 0, rssKb = 0] = readFileSync(timing, 'utf8').trim().split(/\s+/).slice(-3).map(Number);
  const info = execFileSync('pdfinfo', [xlsx.replace(/\.xlsx$/, '.pdf')], { encoding: 'utf8' });
  return { cpu: user + sys, peakMb: Math.round(rssKb / 1024), pages: Number(/Pages:\s+(\d+)/.exec(info)?.[1] ?? 0) };
}

async function main(): Promise<void> {
  if (!has('soffice') || !has('pdfinfo') || !existsTime()) {
    console.log('soffice, pdfinfo or /usr/bin/time is not installed: nothing to measure');
    return;
  }
  console.log('entries | parties | rows | pages | soffice CPU s | CPU s per 1k parties | peak MB');
  for (const entries of SIZES) {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'subledger-print-bench-'));
    try {
      const csv = path.join(dir, 'ledger.csv');
      await writeRealShapeCsv(csv, { entries });
      const { ledger } = await importFile({ name: 'ledger.csv', bytes: readFileSync(csv) });
      if (ledger === null) throw new Error('the real-shaped ledger did not import');
      const specs = buildWorkbookSpecs(ledger, { asOf: AS_OF, period: PERIOD, basis: 'due', buckets: [30, 60, 90, 120], lang: 'en', company: 'Bench', functionsSheet: true });
      const cards = specs.find((s) => s.kind === 'party-cards')?.tables.length ?? 0;
      const rows = specs.reduce((n, s) => n + s.tables.reduce((m, t) => m + t.rows.length, 0), 0);
      const xlsx = path.join(dir, 'workbook.xlsx');
      writeFileSync(xlsx, await renderXlsx(specs));
      const m = convert(xlsx, dir);
      console.log(`${entries} | ${cards} | ${rows} | ${m.pages} | ${m.cpu.toFixed(1)} | ${((m.cpu * 1000) / Math.max(1, cards)).toFixed(1)} | ${m.peakMb}`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
}

function existsTime(): boolean {
  return spawnSync('/usr/bin/time', ['-f', '', 'true'], { stdio: 'ignore' }).status === 0;
}

await main();
