// Bundled by bench/taskpane.bench.ts (esbuild) and run inside Chromium: builds a demo ledger with
// about 100k items, then times the Open items filters of the task pane on it.
import { today } from '../src/core/date';
import { allItemsAsOf } from '../src/core/open-items';
import { demoLedger } from '../src/import/demo';
import { DEFAULT_FILTER, filterItems, itemRows, type ItemFilter } from '../src/taskpane/model/open-items-filter';

export interface FilterTiming {
  name: string;
  shown: number;
  medianMs: number;
  maxMs: number;
}

function time(run: () => number, repeats: number): { shown: number; medianMs: number; maxMs: number } {
  const times: number[] = [];
  let shown = 0;
  for (let i = 0; i < repeats; i++) {
    const start = performance.now();
    shown = run();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { shown, medianMs: times[Math.floor(times.length / 2)] ?? 0, maxMs: times[times.length - 1] ?? 0 };
}

function runFilterBench(entries: number): { items: number; prepareMs: number; timings: FilterTiming[] } {
  const asOf = today();
  const start = performance.now();
  const rows = itemRows(allItemsAsOf(demoLedger({ seed: 7, entries, today: asOf }), asOf));
  const prepareMs = performance.now() - start;
  const handled = new Set(rows.filter((_, i) => i % 10 === 0).map((r) => r.key));
  const sample = rows[Math.floor(rows.length / 2)]!.item;
  const filters: [string, ItemFilter][] = [
    ['receivables, open only', DEFAULT_FILTER],
    ['all items, both statuses', { ...DEFAULT_FILTER, status: 'all' }],
    ['due within 5 days', { ...DEFAULT_FILTER, due: 'within', withinDays: 5 }],
    ['overdue, handled hidden (10% handled)', { ...DEFAULT_FILTER, due: 'overdue', hideHandled: true }],
    ['search on a party name', { ...DEFAULT_FILTER, status: 'all', search: sample.partyName.slice(0, 5) }],
    ['search on an amount', { ...DEFAULT_FILTER, status: 'all', search: (Math.abs(sample.amount) / 100).toFixed(2) }],
  ];
  const timings = filters.map(([name, filter]) => ({ name, ...time(() => filterItems(rows, filter, asOf, handled).length, 9) }));
  return { items: rows.length, prepareMs, timings };
}

(globalThis as unknown as { runFilterBench: typeof runFilterBench }).runFilterBench = runFilterBench;
