// The item lists a worker makes from the cached ledger (actions/cached-lists.ts) are taken only
// where the cache holds the ledger the pane shows: the same number of entries is not enough (the
// cache replaced meanwhile by a ledger of the same size, e.g. by another pane). The worker runs
// in this process here (Node has no Web Worker): its answer is the worker's own (`answerLists`),
// its messages cloned with their arrays transferred, each delivered in a task of its own.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SubledgerDb } from '../../../src/store/db';
import { saveLedger } from '../../../src/store/ledger-cache';
import { answerLists, listsOfCache } from '../../../src/taskpane/actions/cached-lists';
import type { FromWorker, ToWorker } from '../../../src/taskpane/actions/import-protocol';
import { day, ledgerOf, line, openDb } from '../store/helpers';

let db: SubledgerDb | null = null;
afterEach(() => {
  vi.unstubAllGlobals();
  db?.close();
});

/** A Worker that answers `lists` requests from `cache` in this process. */
function inProcessWorker(cache: SubledgerDb) {
  return class {
    onmessage: ((event: { data: FromWorker }) => void) | null = null;
    onerror: ((event: Event) => void) | null = null;
    postMessage(request: ToWorker): void {
      if (request.kind !== 'lists') throw new Error(`unexpected ${request.kind}`);
      void answerLists(cache, request, (message, transfer) => {
        const moved = structuredClone(message, { transfer });
        setTimeout(() => this.onmessage?.({ data: moved }), 0);
      });
    }
    terminate(): void {}
  };
}

const shown = ledgerOf([
  line('AR C1 invoice F1 2024-01-10 121.00'),
  line('AR C1 payment B7 2024-01-20 -121.00', { settles: 'F1' }),
  line('AP S9 invoice P-77 2024-01-15 50.05'),
]);
// as many entries, another ledger
const other = ledgerOf([
  line('AR C2 invoice G1 2024-01-11 80.00'),
  line('AR C2 invoice G2 2024-01-12 20.00'),
  line('AR C2 payment B9 2024-01-21 -80.00', { settles: 'G1' }),
]);

describe("the item lists of the cached ledger, made by a worker", () => {
  const asOf = day('2024-01-31');

  it('are those of the ledger the pane shows when the cache holds it', async () => {
    db = openDb();
    vi.stubGlobal('Worker', inProcessWorker(db));
    const { generation } = await saveLedger(db, 'adm1', shown);
    const lists = await listsOfCache(db, 'adm1', asOf, generation, () => undefined);
    expect(lists?.rows.map((r) => r.item.docNo).sort()).toEqual(['F1', 'P-77']);
    expect(lists?.settling.map((s) => s.docNo)).toEqual(['B7']);
    expect([...(lists?.settledBy.values() ?? [])].map((list) => list.map((s) => `${s.settlesDocNo}<${s.docNo}`))).toEqual([['F1<B7']]);
  });

  it('are not taken when the cache holds another ledger of as many entries', async () => {
    db = openDb();
    vi.stubGlobal('Worker', inProcessWorker(db));
    const { generation } = await saveLedger(db, 'adm1', shown);
    // the cache replaced since the pane read it (another pane's import of the same size)
    await saveLedger(db, 'adm1', other);
    expect(await listsOfCache(db, 'adm1', asOf, generation, () => undefined)).toBeNull();
  });

  it('are none when nothing is cached', async () => {
    db = openDb();
    vi.stubGlobal('Worker', inProcessWorker(db));
    const { generation } = await saveLedger(db, 'adm1', shown);
    expect(await listsOfCache(db, 'adm2', asOf, generation, () => undefined)).toBeNull();
  });
});
