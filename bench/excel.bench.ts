// 100,000 open items rendered into Excel through the fake Excel API (test/fake-excel): number of
// `sync()` requests (target ≤ 15), largest request (< 5 MB, Excel on the web's limit) and CPU
// time of syncSheets (target ≤ 2 s; it includes the fake's own bookkeeping). Prints a markdown
// section.   npx tsx bench/excel.bench.ts [items]     (default 100,000)
import { syncSheets } from '../src/excel/render';
import { createFakeExcel } from '../test/fake-excel';
import { manyLines, openItemsSpec } from '../test/unit/excel/specs';

const MB = 1024 * 1024;

async function measure(items: number): Promise<string[]> {
  const spec = openItemsSpec(manyLines(items));
  const fake = createFakeExcel().install();
  (globalThis as { gc?: () => void }).gc?.();
  const cpu = process.cpuUsage();
  const start = performance.now();
  await syncSheets([spec]);
  const wall = (performance.now() - start) / 1000;
  const used = process.cpuUsage(cpu);
  const cpuSeconds = (used.user + used.system) / 1e6;
  const { syncs, largestRequest, requestBytes } = fake.stats;
  fake.uninstall();
  const total = requestBytes.reduce((a, b) => a + b, 0);
  return [
    `| open items | ${items.toLocaleString('en')} |`,
    `| sync() requests | ${syncs} (target ≤ 15) ${syncs <= 15 ? '✓' : '✗'} |`,
    `| largest request | ${(largestRequest / MB).toFixed(2)} MB (limit 5 MB) ${largestRequest < 5 * MB ? '✓' : '✗'} |`,
    `| all requests | ${(total / MB).toFixed(1)} MB |`,
    `| CPU time of syncSheets | ${cpuSeconds.toFixed(2)} s (target ≤ 2 s) ${cpuSeconds <= 2 ? '✓' : '✗'} |`,
    `| wall time | ${wall.toFixed(2)} s |`,
  ];
}

const items = Number(process.argv[2] ?? 100_000);
const rows = await measure(items);
console.log('## Excel rendering through the fake Office.js (bench/excel.bench.ts)\n');
console.log('| measure | value |\n|---|---|');
console.log(rows.join('\n'));
console.log('\nOne open-items sheet of 11 columns (hand-built SheetSpec, long party and description texts), one Excel.run; the fake counts each request as the JSON size of its queued commands.\n');
