// Replace in the pane, through the import worker (here in this process, ./cache-worker.ts, with the
// worker's own answers): the key figures are shown once the cache holds the new ledger, and are
// its figures; the ledger the pane then holds is the one cached; and a cache write that fails
// shows no figures and keeps the previous ledger.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SubledgerDb } from '../../../src/store/db';
import { loadCachedLedger, loadLedger, saveLedger } from '../../../src/store/ledger-cache';
import { readCachedLedger } from '../../../src/taskpane/actions/cached-source';
import { importJobs, type JobRun } from '../../../src/taskpane/actions/import-client';
import { answerKeep, answerRead, UnderstoodHolder } from '../../../src/taskpane/actions/import-holder';
import type { UnderstoodView } from '../../../src/taskpane/actions/import-protocol';
import type { FirstScreen, FirstScreenParams } from '../../../src/taskpane/model/first-screen';
import { day, openDb } from '../store/helpers';
import { inProcessWorker, other } from './cache-worker';

let db: SubledgerDb | null = null;
afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  db?.close();
});

// Open as of 2024-01-31: the debtor's 121.00 less 21.00 paid, the creditor's 50.05.
const CSV = [
  'ledger,party_id,party_name,entry_type,doc_no,entry_date,doc_date,due_date,amount,currency,amount_base,settles,description,payment_ref',
  'AR,C1,Acme,invoice,F1,2024-01-10,2024-01-10,2024-02-09,121.00,EUR,121.00,,,',
  'AR,C1,,payment,B7,2024-01-20,2024-01-20,2024-01-20,-21.00,EUR,-21.00,F1,,',
  'AP,S9,,invoice,P-77,2024-01-15,2024-01-15,2024-02-14,50.05,EUR,50.05,,,',
].join('\n');
const screen: FirstScreenParams = { asOf: day('2024-01-31'), dueSoonDays: [7], basis: 'due', buckets: [30, 60, 90] };
const ADMIN = 'adm1';

/** The pane's import jobs with the worker answering in this process */
function paneJobs(cache: SubledgerDb) {
  const holder = new UnderstoodHolder();
  const worker = { signal: new AbortController().signal, onProgress: () => undefined };
  vi.stubGlobal('Worker', inProcessWorker(cache, { read: (d, r, post) => answerRead(holder, d, r, worker, post), keep: (d, r, post) => answerKeep(holder, d, r, worker, post) }, () => holder.drop()));
  // A browser's scheduler.yield: the pane's decoding goes on ahead of the tasks waiting.
  vi.stubGlobal('scheduler', { yield: () => Promise.resolve() });
  const run: JobRun = {
    signal: new AbortController().signal,
    onProgress: () => undefined,
    settings: { locale: 'en-GB', baseCurrency: 'EUR', screen },
  };
  return { jobs: importJobs(cache), run };
}

async function preview(cache: SubledgerDb, pane: ReturnType<typeof paneJobs>): Promise<UnderstoodView> {
  const outcome = await pane.jobs.read({ kind: 'file', name: 'ledger.csv', file: new Blob([CSV]) }, pane.run, {});
  if (outcome.kind !== 'understood') throw new Error(`expected the preview, got ${outcome.kind}`);
  return outcome.understood;
}

describe('Replace through the import worker', () => {
  it('shows the figures once the cache holds the new ledger, then holds the cached ledger', async () => {
    db = openDb();
    const cache = db;
    const pane = paneJobs(cache);
    const understood = await preview(cache, pane);
    expect(await loadLedger(cache, ADMIN)).toBeNull();
    const whenShown: { figures?: FirstScreen; cached?: ReturnType<typeof readCachedLedger> } = {};
    const loaded = await pane.jobs.keep(understood, ADMIN, screen, pane.run, (firstScreen) => {
      whenShown.figures = firstScreen;
      // (kept with its file, its chunks written after: read again from the file)
      whenShown.cached = readCachedLedger(cache, ADMIN);
    });
    expect(whenShown.figures).toMatchObject({ figures: { AR: { total: 10000 }, AP: { total: 5005 } } });
    // when they were shown, the cache already held the new ledger: the one the pane now holds
    const cached = await whenShown.cached;
    expect(cached?.generation).toBe(loaded.generation);
    expect(loaded.ledger.entries).toEqual(cached?.ledger.entries);
    expect(loaded.ledger.entries.map((e) => [e.partyId, e.docNo, e.amount])).toEqual([
      ['C1', 'F1', 12100],
      ['C1', 'B7', -2100],
      ['S9', 'P-77', 5005],
    ]);
  });

  it('shows no figures when the cache write fails, says why, and keeps the previous ledger', async () => {
    db = openDb();
    const cache = db;
    const before = await saveLedger(cache, ADMIN, other);
    const pane = paneJobs(cache);
    const understood = await preview(cache, pane);
    // the previous ledger is there: the preview changed nothing
    expect((await loadCachedLedger(cache, ADMIN))?.generation).toBe(before.generation);
    vi.spyOn(cache.ledgerHeads, 'put').mockImplementation(() => {
      throw new Error('The disk is full.');
    });
    const shown = vi.fn();
    await expect(pane.jobs.keep(understood, ADMIN, screen, pane.run, shown)).rejects.toThrow('The disk is full.');
    expect(shown).not.toHaveBeenCalled();
    const kept = await loadCachedLedger(cache, ADMIN);
    expect(kept?.generation).toBe(before.generation);
    expect(kept?.ledger.entries).toEqual(other.entries);
  });
});
