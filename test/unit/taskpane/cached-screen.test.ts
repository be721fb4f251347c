// The Overview's first screen a worker computes from the cached ledger (actions/cached-screen.ts)
// is shown only where the cache holds the ledger the pane shows: after the cache was replaced by
// another ledger (another pane's import, or a save that failed after a re-import) the worker's
// figures are another ledger's. The worker runs in this process here (./cache-worker.ts): its
// answer is the worker's own (`answerScreen`).
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SubledgerDb } from '../../../src/store/db';
import { saveLedger } from '../../../src/store/ledger-cache';
import { answerScreen, firstScreenOfCache, screenOfShown } from '../../../src/taskpane/actions/cached-screen';
import type { FirstScreenParams } from '../../../src/taskpane/model/first-screen';
import { day, openDb } from '../store/helpers';
import { inProcessWorker, other, shown } from './cache-worker';

let db: SubledgerDb | null = null;
afterEach(() => {
  vi.unstubAllGlobals();
  db?.close();
});

const params: FirstScreenParams = { asOf: day('2024-01-31'), dueSoonDays: [3, 5], basis: 'due', buckets: [30, 60, 90] };

describe("the Overview's first screen of the cached ledger, made by a worker", () => {
  it('is the figures of the ledger the pane shows when the cache holds it', async () => {
    db = openDb();
    vi.stubGlobal('Worker', inProcessWorker(db, { screen: answerScreen }));
    const { generation } = await saveLedger(db, 'adm1', shown);
    const cached = await firstScreenOfCache(db, 'adm1', params);
    const screen = screenOfShown(cached, generation);
    expect(screen?.figures.AP.total).toBe(5005);
    expect(screen?.figures.AR.total).toBe(0);
  });

  it('is not taken when the cache holds another ledger than the one shown', async () => {
    db = openDb();
    vi.stubGlobal('Worker', inProcessWorker(db, { screen: answerScreen }));
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
    vi.stubGlobal('Worker', inProcessWorker(db, { screen: answerScreen }));
    await saveLedger(db, 'adm1', other);
    expect(screenOfShown(await firstScreenOfCache(db, 'adm1', params), undefined)?.figures.AR.total).toBe(2000);
  });

  it('is none when nothing is cached', async () => {
    db = openDb();
    vi.stubGlobal('Worker', inProcessWorker(db, { screen: answerScreen }));
    await saveLedger(db, 'adm1', shown);
    expect(await firstScreenOfCache(db, 'adm2', params)).toBeNull();
  });
});
