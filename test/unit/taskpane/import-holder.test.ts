// The import steps where the engine runs (actions/import-holder.ts): the first screen prepared
// while the preview is shown is the one Replace hands the pane, for the settings it was prepared
// for, and its figures are the engine's for the ledger that was read; other settings on Replace
// get their own.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { agingReport, sideBucketTotals } from '../../../src/core/aging';
import { keyFigures } from '../../../src/core/key-figures';
import { demoLedger } from '../../../src/import/demo';
import type { SubledgerDb } from '../../../src/store/db';
import { LedgerChunks } from '../../../src/store/entry-chunks';
import { cachedLedgerInfo, importHistory, loadLedger } from '../../../src/store/ledger-cache';
import { DEMO_SEED } from '../../../src/taskpane/actions/import';
import { UnderstoodHolder } from '../../../src/taskpane/actions/import-holder';
import type { FirstScreenParams } from '../../../src/taskpane/model/first-screen';
import { day, openDb } from '../store/helpers';

let db: SubledgerDb | null = null;
afterEach(() => {
  vi.restoreAllMocks();
  db?.close();
});

const run = { signal: new AbortController().signal, onProgress: () => undefined };
const settings = { locale: 'en-GB', baseCurrency: 'EUR' };
const params: FirstScreenParams = { asOf: day('2025-06-30'), dueSoonDays: [5, 10], basis: 'due', buckets: [30, 60, 90] };

async function readDemo(holder: UnderstoodHolder, ticket: number) {
  db = openDb();
  const outcome = await holder.read(db, ticket, { kind: 'demo' }, { ...run, settings }, {});
  if (outcome.kind !== 'understood') throw new Error('the demo was not understood');
}

describe('the first screen prepared while the preview is shown', () => {
  it('is what Replace brings, the engine’s figures of the ledger read', async () => {
    const holder = new UnderstoodHolder();
    await readDemo(holder, 1);
    holder.prepare(1, params);
    // the same settings, read again (another object): the prepared screen is the one kept
    const kept = await holder.keep(db as SubledgerDb, 1, 'adm1', { ...params }, run);
    const ledger = demoLedger({ seed: DEMO_SEED });
    expect(kept.firstScreen.figures).toEqual(keyFigures(ledger, params.asOf, params.dueSoonDays));
    const aging = agingReport(ledger, { asOf: params.asOf, basis: 'due', buckets: [...params.buckets] });
    expect(kept.firstScreen.aging.AR.amounts).toEqual(sideBucketTotals(aging, 'AR'));
    expect(kept.firstScreen.params).toBe(params);
  });

  it('is not used for other settings, nor for another reading', async () => {
    const holder = new UnderstoodHolder();
    await readDemo(holder, 1);
    holder.prepare(1, params);
    const other = { ...params, buckets: [45] };
    const kept = await holder.keep(db as SubledgerDb, 1, 'adm1', other, run);
    expect(kept.firstScreen.params).toBe(other);
    expect(kept.firstScreen.aging.AP.amounts).toHaveLength(3);

    const again = new UnderstoodHolder();
    await readDemo(again, 2);
    again.prepare(1, params); // an earlier reading's ticket: nothing prepared
    const asked = { ...params };
    const fresh = await again.keep(db as SubledgerDb, 2, 'adm1', asked, run);
    expect(fresh.firstScreen.params).toBe(asked);
  });
});

describe('the cache chunks encoded while the preview is shown', () => {
  /** Counts the chunks encoded from here on (ahead or by the cache write). */
  const countEncoded = () => vi.spyOn(LedgerChunks.prototype as unknown as { encode: (seq: number) => unknown }, 'encode');
  // three chunks of 5,000 entries and a part
  const docNos = Array.from({ length: 16_000 }, (_, i) => `F${i}`);
  const csv = ['ledger,party_id,entry_type,doc_no,entry_date,amount', ...docNos.map((doc, i) => `AR,C${i % 97},invoice,${doc},2025-0${1 + (i % 6)}-10,${(i % 500) + 1}.25`)].join('\n');
  const chunkCount = 4;

  async function readRows(holder: UnderstoodHolder) {
    db = openDb();
    const outcome = await holder.read(db, 1, { kind: 'file', name: 'rows.csv', file: new Blob([csv]) }, { ...run, settings }, {});
    if (outcome.kind !== 'understood') throw new Error(`the rows were not understood: ${outcome.kind}`);
  }
  const cachedDocNos = async () => (await loadLedger(db as SubledgerDb, 'adm1'))?.entries.map((e) => e.docNo);

  it('are what Replace stores: none encoded again, the ledger cached as read', async () => {
    const holder = new UnderstoodHolder();
    await readRows(holder);
    await holder.encodeAhead(1);
    const encoded = countEncoded();
    // kept with its file, then its chunks written
    await (await holder.keep(db as SubledgerDb, 1, 'adm1', params, run)).writeChunks();
    expect(encoded).not.toHaveBeenCalled();
    expect(await cachedDocNos()).toEqual(docNos);
    // the counts recorded with it are the file's
    expect((await cachedLedgerInfo(db as SubledgerDb, 'adm1'))?.entryCount).toBe(docNos.length);
    const [imported] = await importHistory(db as SubledgerDb, 'adm1');
    expect(imported?.counts).toEqual({ entries: docNos.length, parties: 0, errors: 0, warnings: 0 });
  });

  it('are each encoded once when Replace comes while they are being encoded, the ledger cached in order', async () => {
    const holder = new UnderstoodHolder();
    await readRows(holder);
    const encoded = countEncoded();
    const ahead = holder.encodeAhead(1);
    await (await holder.keep(db as SubledgerDb, 1, 'adm1', params, run)).writeChunks();
    await ahead;
    expect(encoded.mock.calls.map(([seq]) => seq).sort((a, b) => a - b)).toEqual([...Array(chunkCount).keys()]);
    expect(await cachedDocNos()).toEqual(docNos);
  });

  it('stop being encoded when the ledger read is declined', async () => {
    const holder = new UnderstoodHolder();
    await readRows(holder);
    const encoded = countEncoded();
    const ahead = holder.encodeAhead(1);
    holder.drop();
    await ahead;
    expect(encoded.mock.calls.length).toBeLessThan(chunkCount);
  });
});
