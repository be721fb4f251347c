// The pane's ledger put together from stored chunks (those the import worker hands on, or those
// read back from the cache) a slice at a time: each slice decodes for a few milliseconds and then
// lets the pane answer clicks and paint, so a million entries never make one long task of the
// pane's thread (a chunk of 5,000 decoded at once took 0.1–0.8 s on a loaded machine). The
// chunks' typed arrays are let go as they are decoded.
import type { Entry, Ledger } from '../../core/types';
import type { SubledgerDb } from '../../store/db';
import { decodeRange } from '../../store/entry-chunks';
import { loadLedgerChunks, partiesMap, type CachedLedger } from '../../store/ledger-cache';
import { reopenFromSource } from './cached-source';
import type { ChunkBody } from './import-protocol';

/** Milliseconds of decoding in one slice before the pane gets its turn. */
const SLICE_MS = 8;
/** Entries decoded between two looks at the clock. */
const STEP = 250;

interface TaskScheduler {
  yield(): Promise<void>;
}

/** Lets the pane's pending work (input, paint, messages) run, then goes on: `scheduler.yield` where the browser has it. */
export function yieldToPane(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: Partial<TaskScheduler> }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return yieldBehindQueue();
}

/**
 * Goes on in a task queued behind every task already waiting, a worker's messages included.
 * `scheduler.yield` puts its continuation ahead of them: decoding that yields so runs to its end
 * before the pane reads a message that came meanwhile (the import worker's "the cache holds the
 * new ledger, here are its figures" waited behind a million entries decoded).
 */
export function yieldBehindQueue(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/**
 * Records decoded from batches (`decode` makes those `from`–`to` of a batch) in the order the
 * batches were added, in slices that yield to the pane between them. `onProgress` gets the count
 * decoded after each slice; an aborted `signal` stops the decoding (what was added is let go).
 */
export class SlicedAssembly<B extends { count: number }, T> {
  readonly decoded: T[] = [];
  private readonly queue: B[] = [];
  /** Position in the first batch of the queue. */
  private at = 0;
  private running: Promise<void> | null = null;

  constructor(
    private readonly decode: (batch: B, from: number, to: number, into: T[]) => void,
    private readonly onProgress: (decoded: number) => void = () => undefined,
    private readonly signal?: AbortSignal,
    /** How a slice lets the pane's other work run (`yieldBehindQueue` where messages must not wait). */
    private readonly pause: () => Promise<void> = yieldToPane,
  ) {}

  add(batch: B): void {
    this.queue.push(batch);
    this.running ??= this.run();
  }

  /** Every record of the batches added so far, once they are decoded. */
  async done(): Promise<T[]> {
    while (this.running) await this.running;
    this.signal?.throwIfAborted();
    return this.decoded;
  }

  private async run(): Promise<void> {
    try {
      // never in the task that added the batch (a worker's message): that task stays short
      await this.pause();
      while (this.queue.length > 0 && !this.signal?.aborted) {
        this.slice();
        this.onProgress(this.decoded.length);
        if (this.queue.length > 0) await this.pause();
      }
    } finally {
      if (this.signal?.aborted) this.queue.length = 0;
      this.running = null;
    }
  }

  private slice(): void {
    const start = performance.now();
    let batch = this.queue[0];
    while (batch && performance.now() - start < SLICE_MS) {
      const to = Math.min(this.at + STEP, batch.count);
      this.decode(batch, this.at, to, this.decoded);
      this.at = to;
      if (this.at >= batch.count) {
        this.queue.shift();
        this.at = 0;
        batch = this.queue[0];
      }
    }
  }
}

/** A ledger's entries decoded from its stored chunks. */
export class EntryAssembly extends SlicedAssembly<ChunkBody, Entry> {
  constructor(onProgress?: (decoded: number) => void, signal?: AbortSignal, pause?: () => Promise<void>) {
    super(decodeRange, onProgress, signal, pause);
  }

  get entries(): Entry[] {
    return this.decoded;
  }
}

/**
 * The administration's cached ledger for the pane (store/ledger-cache.ts `loadLedgerChunks`),
 * decoded a slice at a time (or, kept with its file and its chunks not all written, read again from
 * it: actions/cached-source.ts), with the generation it was read from; null as `loadLedger` (none
 * cached, or damaged).
 */
export async function openCachedLedger(db: SubledgerDb, adminId: string, onProgress?: (decoded: number, total: number) => void): Promise<CachedLedger | null> {
  const stored = await loadLedgerChunks(db, adminId);
  if (!stored) return null;
  const assembly = new EntryAssembly(onProgress && ((decoded) => onProgress(decoded, stored.entryCount)));
  for (const chunk of stored.chunks) assembly.add(chunk);
  // kept with its file, its chunks not all written: read again from it
  const entries = stored.source ? await reopenFromSource(db, adminId, stored.source, assembly) : await assembly.done();
  if (!entries) return null;
  const ledger: Ledger = { baseCurrency: stored.baseCurrency, entries, parties: partiesMap(stored.parties) };
  return { ledger, generation: stored.generation };
}
