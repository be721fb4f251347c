// The first screen (model/first-screen.ts) of a ledger opened again from the cache, computed in a
// worker of its own (import.worker.ts, started for this one question and stopped after it): the
// worker reads the cached ledger itself, so the pane's thread neither goes through a million
// entries in one task nor copies them to the worker. The screen comes with the cache generation the
// worker read: where the pane knows the generation of the ledger it shows, it takes the screen only
// when that is the one (another pane may have replaced the cache since, or a save may have failed).
import type { SubledgerDb } from '../../store/db';
import { readCachedLedger } from './cached-source';
import { firstScreen, type FirstScreen, type FirstScreenParams } from '../model/first-screen';
import type { FromWorker, ToWorker } from './import-protocol';

/** The worker's answer to a `screen` request: the first screen of the cached ledger and its generation, or that none is cached. */
export async function answerScreen(db: SubledgerDb, request: Extract<ToWorker, { kind: 'screen' }>, post: (message: FromWorker) => void): Promise<void> {
  const cached = await readCachedLedger(db, request.adminId);
  post({ kind: 'screen', ticket: request.ticket, generation: cached?.generation ?? null, firstScreen: cached ? firstScreen(cached.ledger, request.screen) : null });
}

/** A first screen the worker computed from the cache, with the cache generation it is of. */
export interface CachedScreen {
  firstScreen: FirstScreen;
  generation: string;
}

/** The first screen of the administration's cached ledger; null where no worker can start, or no ledger is cached. */
export function firstScreenOfCache(db: SubledgerDb, adminId: string, screen: FirstScreenParams): Promise<CachedScreen | null> {
  if (typeof Worker !== 'function') return Promise.resolve(null);
  const worker = new Worker(new URL('./import.worker.ts', import.meta.url));
  return new Promise<CachedScreen | null>((resolve, reject) => {
    worker.onmessage = (event: MessageEvent<FromWorker>) => {
      const message = event.data;
      if (message.kind === 'screen') resolve(message.firstScreen && message.generation !== null ? { firstScreen: message.firstScreen, generation: message.generation } : null);
      else if (message.kind === 'crashed') reject(new Error(message.message));
    };
    worker.onerror = (event) => {
      event.preventDefault();
      reject(new Error(event.message || 'The worker stopped.'));
    };
    worker.postMessage({ kind: 'screen', ticket: 1, dbName: db.name, adminId, screen } satisfies ToWorker);
  }).finally(() => worker.terminate());
}

/**
 * The cached screen where it is of the ledger the pane shows: of cache generation `shown`, where
 * that is known (a ledger still opening from the cache has none yet); else null.
 */
export function screenOfShown(cached: CachedScreen | null, shown: string | undefined): FirstScreen | null {
  return cached && (shown === undefined || cached.generation === shown) ? cached.firstScreen : null;
}
