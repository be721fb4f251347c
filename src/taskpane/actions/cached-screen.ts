// The first screen (model/first-screen.ts) of a ledger opened again from the cache, computed in a
// worker of its own (import.worker.ts, started for this one question and stopped after it): the
// worker reads the cached ledger itself, so the pane's thread neither goes through a million
// entries in one task nor copies them to the worker.
import type { SubledgerDb } from '../../store/db';
import type { FirstScreen, FirstScreenParams } from '../model/first-screen';
import type { FromWorker, ToWorker } from './import-protocol';

/** The first screen of the administration's cached ledger; null where no worker can start, or no ledger is cached. */
export function firstScreenOfCache(db: SubledgerDb, adminId: string, screen: FirstScreenParams): Promise<FirstScreen | null> {
  if (typeof Worker !== 'function') return Promise.resolve(null);
  const worker = new Worker(new URL('./import.worker.ts', import.meta.url));
  return new Promise<FirstScreen | null>((resolve, reject) => {
    worker.onmessage = (event: MessageEvent<FromWorker>) => {
      const message = event.data;
      if (message.kind === 'screen') resolve(message.firstScreen);
      else if (message.kind === 'crashed') reject(new Error(message.message));
    };
    worker.onerror = (event) => {
      event.preventDefault();
      reject(new Error(event.message || 'The worker stopped.'));
    };
    worker.postMessage({ kind: 'screen', ticket: 1, dbName: db.name, adminId, screen } satisfies ToWorker);
  }).finally(() => worker.terminate());
}
