// A cached ledger kept with the file it was imported from while its chunks are not all written
// (store/ledger-cache.ts `saveLedgerSource`: the pane closed, or the disk full, before they were):
// read again from that file, the same way (the same importer with the same options gives the same
// ledger). The workers that read the cache (first screen, lists) read it so; the pane asks a
// worker of its own (import.worker.ts 'reopen'), which also writes the chunks, so the next opening
// reads them.
import { entryAt } from '../../core/ledger-index';
import type { Ledger } from '../../core/types';
import { importFile, type ImportOptions } from '../../import/index';
import type { SubledgerDb } from '../../store/db';
import { decodeChunk, LedgerChunks } from '../../store/entry-chunks';
import { loadLedgerChunks, partiesMap, writeSourceChunks, type CachedLedger, type LedgerSource, type StoredLedger } from '../../store/ledger-cache';
import type { LedgerChunkRow } from '../../store/records';
import type { ReadOptions } from './import';
import { chunkBody, chunkBuffers, type ChunkBody, type FromWorker, type ToWorker } from './import-protocol';

/** The ledger of `source` read again as it was read when it was kept; null when it no longer reads (then it must be imported again). */
export async function ledgerOfSource(source: LedgerSource): Promise<Ledger | null> {
  const options = JSON.parse(source.read) as ReadOptions satisfies ImportOptions;
  const result = await importFile({ name: source.name, bytes: new Uint8Array(await source.file.arrayBuffer()) }, options);
  return result.ledger;
}

/** The ledger of a stored cache: its chunks decoded, or read again from its file. */
async function ledgerOfStored(stored: StoredLedger): Promise<Ledger | null> {
  if (stored.source) return ledgerOfSource(stored.source);
  return { baseCurrency: stored.baseCurrency, entries: stored.chunks.flatMap(decodeChunk), parties: partiesMap(stored.parties) };
}

/** The administration's cached ledger with its generation (store/ledger-cache.ts `loadCachedLedger`), a ledger kept with its file read again from it. */
export async function readCachedLedger(db: SubledgerDb, adminId: string): Promise<CachedLedger | null> {
  const stored = await loadLedgerChunks(db, adminId);
  const ledger = stored && (await ledgerOfStored(stored));
  return stored && ledger ? { ledger, generation: stored.generation } : null;
}

/** Writes what is left to write (`write`); where that fails, hands on the chunks not yet handed on, unwritten. */
export async function postRest(write: () => Promise<boolean>, chunks: LedgerChunks, posted: () => number, post: (chunk: ChunkBody) => void): Promise<void> {
  try {
    await write();
  } catch {
    // kept with its file: the chunks are written again when the ledger is next opened
    for (let seq = posted(); seq < chunks.count; seq++) post(chunks.take(seq));
  }
}

/**
 * The worker's answer to 'reopen': the cached ledger kept with its file read again, its chunks
 * written (the cache whole again) and handed on as they are written, then 'complete'; 'crashed'
 * when it no longer reads.
 */
export async function answerReopen(db: SubledgerDb, request: Extract<ToWorker, { kind: 'reopen' }>, post: (message: FromWorker, transfer?: Transferable[]) => void): Promise<void> {
  const { ticket, adminId } = request;
  const stored = await loadLedgerChunks(db, adminId);
  const ledger = stored?.source ? await ledgerOfSource(stored.source) : null;
  if (!stored || !ledger) throw new Error('The cached ledger could not be read again from its file.');
  const chunks = new LedgerChunks(entryAt(ledger));
  const send = (chunk: ChunkBody) => post({ kind: 'chunks', ticket, chunks: [chunk] }, chunkBuffers(chunk));
  let posted = 0;
  const onWritten = (rows: readonly LedgerChunkRow[]) => {
    for (const row of rows) send(chunkBody(row));
    posted += rows.length;
  };
  await postRest(() => writeSourceChunks(db, adminId, stored.generation, chunks, { onWritten }), chunks, () => posted, send);
  post({ kind: 'complete', ticket });
}

/**
 * The cached ledger kept with its file, for the pane: read again by a worker of its own (which
 * writes its chunks meanwhile), its chunks decoded here by `assembly` as they come; where no
 * worker can start, read again here. Null when it no longer reads.
 */
export async function reopenFromSource(db: SubledgerDb, adminId: string, source: LedgerSource, assembly: { add: (chunk: ChunkBody) => void; done: () => Promise<Ledger['entries']> }): Promise<Ledger['entries'] | null> {
  if (typeof Worker !== 'function') return (await ledgerOfSource(source))?.entries ?? null;
  const worker = new Worker(new URL('./import.worker.ts', import.meta.url));
  try {
    await new Promise<void>((resolve, reject) => {
      worker.onmessage = (event: MessageEvent<FromWorker>) => {
        const message = event.data;
        if (message.kind === 'chunks') for (const chunk of message.chunks) assembly.add(chunk);
        else if (message.kind === 'complete') resolve();
        else if (message.kind === 'crashed') reject(new Error(message.message));
      };
      worker.onerror = (event) => {
        event.preventDefault();
        reject(new Error(event.message || 'The worker stopped.'));
      };
      worker.postMessage({ kind: 'reopen', ticket: 1, dbName: db.name, adminId } satisfies ToWorker);
    });
  } catch {
    return null;
  } finally {
    worker.terminate();
  }
  return assembly.done();
}
