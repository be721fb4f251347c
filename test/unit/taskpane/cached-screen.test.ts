// The Overview's first screen a worker computes from the cached ledger (actions/cached-screen.ts)
// is shown only where the cache holds the ledger the pane shows: after the cache was replaced by
// another ledger (another pane's import, or a save that failed after a re-import) the worker's
// figures are another ledger's. The worker runs in this process here (Node has no Web Worker):
// its answer is the worker's own (`answerScreen`), its message cloned and delivered in a task.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SubledgerDb } from '../../../src/store/db';
import { saveLedger } from '../../../src/store/ledger-cache';
import { answerScreen, firstScreenOfCache, screenOfShown } from '../../../src/taskpane/actions/cached-screen';
import type { FromWorker, ToWorker } from '../../../src/taskpane/actions/import-protocol';
import type { FirstScreenParams } from '../../../src/taskpane/model/first-screen';
import { day, ledgerOf, line, openDb } from '../store/helpers';

let db: SubledgerDb | null = null;
afterEach(() => {
  vi.unstubAllGlobals();
  db?.close();
});

/** A Worker that answers `screen` requests from `cache` in this process. */
function inProcessWorker(cache: SubledgerDb) {
  return class {
    onmessage: ((event: { data: FromWorker }) => void) | null = null;
    onerror: ((event: Event) => void) | null = null;
    postMessage(request: ToWorker): void {
      if (request.kind !== 'screen') throw new Error(`unexpected ${request.kind}`);
      void answerScreen(cache, request, (message) => {
        const copy = structuredClone(message);
        setTimeout(() => this.onmessage?.({ data: copy }), 0);
      });
    }
    terminate(): void {}
  };
}

// open: the creditor's 50.05 only
const shown = ledgerOf([
  line('AR C1 invoice F1 2024-01-10 121.00'),
  line('AR C1 payment B7 2024-01-20 -121.00', { settles: 'F1' }),
  line('AP S9 invoice P-77 2024-01-15 50.05'),
]);
// as many entries, another ledger: open, the debtor's 20.00 only
const other = ledgerOf([
  line('AR C2 invoice G1 2024-01-11 80.00'),
  line('AR C2 invoice G2 2024-01-12 20.00'),
  line('AR C2 payment B9 2024-01-21 -80.00', { settles: 'G1' }),
]);

const params: FirstScreenParams = { asOf: day('2024-01-31'), dueSoonDays: [3, 5], basis: 'due', buckets: [30, 60, 90] };

describe("the Overview's first screen of the cached ledger, made by a worker", () => {
  it('is the figures of the ledger the pane shows when the cache holds it', async () => {
    db = openDb();
    vi.stubGlobal('Worker', inProcessWorker(db));
    const { generation } = await saveLedger(db, 'adm1', shown);
    const cached = await firstScreenOfCache(db, 'adm1', params);
    const screen = screenOfShown(cached, generation);
    expect(screen?.figures.AP.total).toBe(5005);
    expect(screen?.figures.AR.total).toBe(0);
  });

  it('is not taken when the cache holds another ledger than the one shown', async () => {
    db = openDb();
    vi.stubGlobal('Worker', inProcessWorker(db));
    const { generation } = await saveLedger(db, 'adm1', shown);
    await saveLedger(db, 'adm1', other);
    const cached = await firstScreenOfCache(db, 'adm1', params);
    // what the worker read is the other ledger's ...
    expect(cached?.firstScreen.figures.AR.total).toBe(2000);
    // ... so the pane showing the first one does not take it
    expect(screenOfShown(cached, generation)).toBeNull();
  });

  it('is taken while the ledger is still opening from the cache (its generation not yet known)', async () => {
    db = openDb();
    vi.stubGlobal('Worker', inProcessWorker(db));
    await saveLedger(db, 'adm1', other);
    expect(screenOfShown(await firstScreenOfCache(db, 'adm1', params), undefined)?.figures.AR.total).toBe(2000);
  });

  it('is none when nothing is cached', async () => {
    db = openDb();
    vi.stubGlobal('Worker', inProcessWorker(db));
    await saveLedger(db, 'adm1', shown);
    expect(await firstScreenOfCache(db, 'adm2', params)).toBeNull();
  });
});
