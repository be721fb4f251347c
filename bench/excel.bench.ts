// 100,000 open items rendered into Excel through the fake Excel API (test/fake-excel): number of
// `sync()` requests (target ≤ 15), largest request (< 5 MB, Excel on the web's limit) and CPU
// time of syncSheets (target ≤ 2 s; it includes the fake's own bookkeeping), for the first sync
// (a new sheet) and a re-sync (the sheet refreshed in place). Prints a markdown section.
//   npx tsx bench/excel.bench.ts [items]     (default 100,000)
import { syncSheets } from '../src/excel/render';
import type { SheetSpec } from '../src/sheets/spec';
import { createFakeExcel, type FakeExcel } from '../test/fake-excel';
import { manyLines, openItemsSpec } from '../test/unit/excel/specs';

const MB = 1024 * 1024;

interface Run {
  action: string;
  syncs: number;
  largest: number;
  total: number;
  cpu: number;
  wall: number;
}

async function measure(fake: FakeExcel, spec: SheetSpec): Promise<Run> {
  const before = { syncs: fake.stats.syncs, requests: fake.stats.requestBytes.length };
  (globalThis as { gc?: () => void }).gc?.();
  const cpu = process.cpuUsage();
  const start = performance.now();
  const [outcome] = await syncSheets([spec]);
  const wall = (performance.now() - start) / 1000;
  const used = process.cpuUsage(cpu);
  const requests = fake.stats.requestBytes.slice(before.requests);
  return {
    action: outcome?.action ?? '?',
    syncs: fake.stats.syncs - before.syncs,
    largest: Math.max(...requests),
    total: requests.reduce((a, b) => a + b, 0),
    cpu: (used.user + used.system) / 1e6,
    wall,
  };
}

const ok = (pass: boolean): string => (pass ? '✓' : '✗');

function row(run: Run): string {
  return `| ${run.action} | ${run.syncs} ${ok(run.syncs <= 15)} | ${(run.largest / MB).toFixed(2)} MB ${ok(run.largest < 5 * MB)} | ${(run.total / MB).toFixed(1)} MB | ${run.cpu.toFixed(2)} s ${ok(run.cpu <= 2)} | ${run.wall.toFixed(2)} s |`;
}

const items = Number(process.argv[2] ?? 100_000);
const spec = openItemsSpec(manyLines(items));
const fake = createFakeExcel().install();
const first = await measure(fake, spec);
const again = await measure(fake, spec);
fake.uninstall();

console.log('## Excel rendering through the fake Office.js (bench/excel.bench.ts)\n');
console.log(`${items.toLocaleString('en')} open items, one sheet of 11 columns (hand-built SheetSpec with long party and description texts), one Excel.run per sync. Targets: ≤ 15 syncs, every request < 5 MB, CPU ≤ 2 s.\n`);
console.log('| sync | sync() requests | largest request | all requests | CPU time | wall time |\n|---|---|---|---|---|---|');
console.log(row(first));
console.log(row(again));
console.log('\nThe request size is the fake\'s estimate (JSON of the queued commands). CPU time is the process\'s (user + system) during syncSheets, fake included; wall time also counts waiting for a CPU on a shared machine.\n');
