// Benchmark of the store: a 1,000,000-entry ledger cache written and re-opened, and 100,000
// handled flags, on fake-indexeddb in Node (NOT a browser's IndexedDB: Chromium's is a different
// engine on disk, so read these as relative numbers). Prints a markdown section.
//   npx tsx bench/store.bench.ts
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import type { Entry, Ledger } from '../src/core/types';
import { baseItemKey } from '../src/core/item-key';
import { annotationsForSheet } from '../src/store/annotations';
import { SubledgerDb } from '../src/store/db';
import { setHandledMany } from '../src/store/flags';
import { loadLedger, saveLedger } from '../src/store/ledger-cache';

const ENTRIES = Number(process.env.STORE_BENCH_ENTRIES ?? 1_000_000);
const FLAGS = 100_000;
const NAME = 'subledger-bench';

function syntheticLedger(count: number): Ledger {
  const entries: Entry[] = new Array<Entry>(count);
  for (let i = 0; i < count; i++) {
    const invoice = i % 3 !== 2;
    const party = `C${String(i % 5000).padStart(5, '0')}`;
    const amount = invoice ? 1 + ((i * 7919) % 2_500_000) : -(1 + (((i - 1) * 7919) % 2_500_000));
    const day = 19_000 + (i % 700);
    const entry: Entry = {
      ledger: i % 4 === 0 ? 'AP' : 'AR',
      partyId: party,
      entryType: invoice ? 'invoice' : 'payment',
      docNo: invoice ? `F${i}` : `B${i}`,
      entryDate: day,
      docDate: day,
      dueDate: day + 30,
      amount,
      currency: 'EUR',
      amountBase: amount,
      source: { file: 'bench.csv', line: i + 2 },
    };
    if (!invoice) entry.settles = `F${i - 1}`;
    if (i % 10 === 0) entry.description = `Invoice ${i} for services`;
    entries[i] = entry;
  }
  return { baseCurrency: 'EUR', entries, parties: new Map() };
}

interface Timing {
  wallMs: number;
  cpuMs: number;
}

/** Wall-clock and CPU time of a step (CPU time says more on a busy machine). */
async function timed<T>(run: () => Promise<T>): Promise<[T, Timing]> {
  const start = performance.now();
  const cpu = process.cpuUsage();
  const result = await run();
  const used = process.cpuUsage(cpu);
  return [result, { wallMs: performance.now() - start, cpuMs: (used.user + used.system) / 1000 }];
}

function openDb(): SubledgerDb {
  return new SubledgerDb(NAME, { indexedDB, IDBKeyRange });
}

function seconds(t: Timing): string {
  return `${(t.wallMs / 1000).toFixed(2)} s | ${(t.cpuMs / 1000).toFixed(2)} s`;
}

async function main(): Promise<void> {
  const ledger = syntheticLedger(ENTRIES);
  const writer = openDb();
  const [, writeMs] = await timed(() => saveLedger(writer, 'bench', ledger));
  const chunks = await writer.ledgerChunks.toArray();
  const bytes = chunks.reduce((sum, c) => sum + chunkBytes(c), 0);
  writer.close();

  const reader = openDb();
  const [loaded, readMs] = await timed(() => loadLedger(reader, 'bench'));
  if (loaded?.entries.length !== ENTRIES) throw new Error('the cache did not give back every entry');

  const refs = Array.from({ length: FLAGS }, (_, i) => ({
    itemKey: baseItemKey({ ledger: 'AR', partyId: `C${String(i % 5000).padStart(5, '0')}`, docNo: `F${i}`, entryType: 'invoice' }),
  }));
  const [, flagMs] = await timed(() => setHandledMany(reader, 'bench', refs, true, { at: 1 }));
  const [sheet, sheetMs] = await timed(() => annotationsForSheet(reader, 'bench'));
  if (sheet.size !== FLAGS) throw new Error('not every flag came back');
  reader.close();

  console.log('## Store (Dexie on fake-indexeddb in Node — not a browser\'s IndexedDB)\n');
  console.log('| step | size | wall time | CPU time |');
  console.log('|---|---:|---:|---:|');
  console.log(`| write ledger cache (${chunks.length} chunks of 5,000) | ${ENTRIES.toLocaleString('en')} entries | ${seconds(writeMs)} |`);
  console.log(`| re-open and load the cache (new connection) | ${ENTRIES.toLocaleString('en')} entries | ${seconds(readMs)} |`);
  console.log(`| set handled flags (transactions of 10,000) | ${FLAGS.toLocaleString('en')} flags | ${seconds(flagMs)} |`);
  console.log(`| read annotations for the sheet | ${FLAGS.toLocaleString('en')} items | ${seconds(sheetMs)} |`);
  console.log('\nWall time depends on the load of the machine; CPU time is this process alone.');
  console.log(`Stored ledger: about ${(bytes / ENTRIES).toFixed(0)} bytes per entry (typed-array columns + interned texts).`);
}

function chunkBytes(c: { strings: string[]; text: object; dates: object; amounts: object; ledger: Uint8Array; entryType: Uint8Array; line: Int32Array }): number {
  const arrays = [...Object.values(c.text), ...Object.values(c.dates), ...Object.values(c.amounts), c.ledger, c.entryType, c.line] as ArrayBufferView[];
  return arrays.reduce((s, a) => s + a.byteLength, 0) + c.strings.reduce((s, t) => s + t.length * 2, 0);
}

await main();
