// The item lists a worker makes from the cached ledger (actions/cached-lists.ts) are taken only
// where the cache holds the ledger the pane shows: the same number of entries is not enough (the
// cache replaced meanwhile by a ledger of the same size, e.g. by another pane). The worker runs
// in this process here (./cache-worker.ts): its answer is the worker's own (`answerLists`).
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SubledgerDb } from '../../../src/store/db';
import { saveLedger } from '../../../src/store/ledger-cache';
import { answerLists, listsOfCache } from '../../../src/taskpane/actions/cached-lists';
import { day, openDb } from '../store/helpers';
import { inProcessWorker, other, shown } from './cache-worker';

let db: SubledgerDb | null = null;
afterEach(() => {
  vi.unstubAllGlobals();
  db?.close();
});

describe("the item lists of the cached ledger, made by a worker", () => {
  const asOf = day('2024-01-31');

  it('are those of the ledger the pane shows when the cache holds it', async () => {
    db = openDb();
    vi.stubGlobal('Worker', inProcessWorker(db, { lists: answerLists }));
    const { generation } = await saveLedger(db, 'adm1', shown);
    const lists = await listsOfCache(db, 'adm1', asOf, generation, () => undefined);
    expect(lists?.rows.map((r) => r.item.docNo).sort()).toEqual(['F1', 'P-77']);
    expect(lists?.settling.map((s) => s.docNo)).toEqual(['B7']);
    expect([...(lists?.settledBy.values() ?? [])].map((list) => list.map((s) => `${s.settlesDocNo}<${s.docNo}`))).toEqual([['F1<B7']]);
  });

  it('are not taken when the cache holds another ledger of as many entries', async () => {
    db = openDb();
    vi.stubGlobal('Worker', inProcessWorker(db, { lists: answerLists }));
    const { generation } = await saveLedger(db, 'adm1', shown);
    // the cache replaced since the pane read it (another pane's import of the same size)
    await saveLedger(db, 'adm1', other);
    expect(await listsOfCache(db, 'adm1', asOf, generation, () => undefined)).toBeNull();
  });

  it('are none when nothing is cached', async () => {
    db = openDb();
    vi.stubGlobal('Worker', inProcessWorker(db, { lists: answerLists }));
    const { generation } = await saveLedger(db, 'adm1', shown);
    expect(await listsOfCache(db, 'adm2', asOf, generation, () => undefined)).toBeNull();
  });
});
