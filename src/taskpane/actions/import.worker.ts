// The pane's import worker: reading, parsing and validating a file, building its ledger and
// writing the cache happen here, off the pane's thread, through the same import/ and store/ code
// as everywhere (import-holder.ts). Cancel terminates this worker: the cache write is a new
// generation switched to in one last transaction (store/ledger-cache.ts), so an unfinished one
// leaves the previous ledger and every note as they were.
import { SubledgerDb } from '../../store/db';
import { reasonOf } from '../state/pane';
import { answerLists } from './cached-lists';
import { answerScreen } from './cached-screen';
import { answerReopen } from './cached-source';
import { answerKeep, answerRead, UnderstoodHolder } from './import-holder';
import type { FromWorker, ImportProgress, ToWorker } from './import-protocol';

const holder = new UnderstoodHolder();
const databases = new Map<string, SubledgerDb>();
/** A cancel terminates the worker, so the signal of a job is never aborted here. */
const NEVER = new AbortController().signal;
/** Progress messages at most this often (ms): enough for a bar, few enough to cost nothing. */
const PROGRESS_EVERY = 100;

function database(name: string): SubledgerDb {
  let db = databases.get(name);
  if (!db) {
    db = new SubledgerDb(name, { onVersionChange: () => databases.delete(name) });
    databases.set(name, db);
  }
  return db;
}

function post(message: FromWorker, transfer: Transferable[] = []): void {
  self.postMessage(message, { transfer });
}

function progressOf(ticket: number): (progress: ImportProgress) => void {
  let last = 0;
  return (progress) => {
    const now = performance.now();
    if (now - last < PROGRESS_EVERY && progress.fraction < 1) return;
    last = now;
    post({ kind: 'progress', ticket, progress });
  };
}

async function handle(message: ToWorker): Promise<void> {
  if (message.kind === 'drop') return holder.drop();
  const { ticket } = message;
  const run = { signal: NEVER, onProgress: progressOf(ticket) };
  try {
    if (message.kind === 'lists') await answerLists(database(message.dbName), message, post);
    else if (message.kind === 'screen') await answerScreen(database(message.dbName), message, post);
    else if (message.kind === 'reopen') await answerReopen(database(message.dbName), message, post);
    else if (message.kind === 'read') await answerRead(holder, database(message.dbName), message, run, post);
    else await answerKeep(holder, database(message.dbName), message, run, post);
  } catch (error) {
    post({ kind: 'crashed', ticket, message: reasonOf(error) });
  }
}

self.onmessage = (event: MessageEvent<ToWorker>) => {
  void handle(event.data);
};
