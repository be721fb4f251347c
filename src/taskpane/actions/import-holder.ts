// The pane's import steps where the engine runs (the import worker, or the page itself where no
// worker can start): read an input into what was understood and hold it, hand the pane its
// preview (the worker encodes the cache's chunks while it is shown), and on Replace keep the held
// ledger in the cache. One understood ledger is held at a time: reading the next input, declining
// or keeping lets it go.
import { entryAt } from '../../core/ledger-index';
import type { SubledgerDb } from '../../store/db';
import { firstScreen, sameParams, type FirstScreen, type FirstScreenParams } from '../model/first-screen';
import { entriesBySide } from '../model/import-summary';
import { readInput, replaceLedger, type ImportChoice, type ImportInput, type KeptLedger, type SaveWatch, type Understood } from './import';
import { LedgerChunks } from '../../store/entry-chunks';
import type { LedgerChunkRow } from '../../store/records';
import { yieldBehindQueue } from './entry-assembly';
import { postRest } from './cached-source';
import { chunkBody, chunkBuffers, type FromWorker, type ImportProgress, type PreviewOutcome, type RunSettings, type ToWorker } from './import-protocol';

export interface HeldRun {
  signal: AbortSignal;
  onProgress: (progress: ImportProgress) => void;
  settings: RunSettings;
}

/** An error for a Replace of a ledger that is no longer held (read again since). */
export class NotHeld extends Error {}

/** Milliseconds of encoding ahead before the worker reads its messages (a Replace, a Cancel's drop). */
const AHEAD_MS = 20;

export class UnderstoodHolder {
  private held: { ticket: number; understood: Understood; file?: { name: string; file: Blob }; screen?: FirstScreen; chunks?: LedgerChunks } | null = null;

  async read(db: SubledgerDb, ticket: number, input: ImportInput, run: HeldRun, choice: ImportChoice): Promise<PreviewOutcome> {
    this.held = null;
    const onProgress = (fraction: number) => run.onProgress({ phase: 'reading', fraction });
    const outcome = await readInput(db, input, { signal: run.signal, onProgress, ...run.settings }, choice);
    if (outcome.kind !== 'understood') return outcome;
    const { ledger, source, report, issues, layout } = outcome.understood;
    this.held = { ticket, understood: outcome.understood, ...(input.kind === 'file' ? { file: { name: input.name, file: input.file } } : {}) };
    return { kind: 'understood', understood: { ticket, bySide: entriesBySide(ledger), source, report, issues, layout } };
  }

  /**
   * Computes the held ledger's first screen for `params` ahead of Replace (the import worker does,
   * while the user reads the preview), so that Replace shows the figures once the cache is written.
   */
  prepare(ticket: number, params: FirstScreenParams | undefined): void {
    const held = this.held;
    if (!held || held.ticket !== ticket || !params) return;
    held.screen = firstScreen(held.understood.ledger, params);
  }

  /**
   * Encodes the held ledger's cache chunks ahead of Replace, a few milliseconds at a time between
   * the worker's messages (the import worker does, while the user reads the preview), so that
   * Replace writes what is ready; it stops when the ledger is let go (kept, declined, read again).
   * Replace takes a chunk not yet encoded, and this goes on with the next.
   */
  async encodeAhead(ticket: number): Promise<void> {
    const held = this.held;
    if (!held || held.ticket !== ticket) return;
    const chunks = (held.chunks ??= new LedgerChunks(entryAt(held.understood.ledger)));
    let more = true;
    while (more) {
      // the worker's waiting messages first (a Replace clicked at once)
      await yieldBehindQueue();
      if (this.held !== held) return;
      const start = performance.now();
      while (more && performance.now() - start < AHEAD_MS) more = chunks.encodeNext();
    }
  }

  /**
   * Keeps the held ledger in the cache (saving progress, each stored batch to `watch`), and lets
   * it go; with the first screen of the kept ledger for `screen`, computed here where the ledger is.
   * A ledger read from a file is kept with that file first (one short transaction): its chunks
   * are written by `writeChunks` after this returns (store/ledger-cache.ts `saveLedgerSource`).
   */
  async keep(db: SubledgerDb, ticket: number, adminId: string, screen: FirstScreenParams, run: Omit<HeldRun, 'settings'>, watch: SaveWatch = {}): Promise<KeptLedger & { firstScreen: FirstScreen }> {
    const held = this.held?.ticket === ticket ? this.held : null;
    if (!held) throw new NotHeld(`import ${ticket} is no longer held`);
    const { understood } = held;
    const prepared = held.screen && sameParams(held.screen.params, screen) ? held.screen : null;
    const onProgress = (done: number, total: number) => run.onProgress({ phase: 'saving', fraction: total > 0 ? done / total : 1, done, total });
    // saving from the click on (the ledger kept with its file before any chunk is written)
    onProgress(0, this.chunksOf(ticket)?.entryCount ?? 0);
    const ahead = held.chunks ? { chunks: held.chunks } : {};
    const file = held.file && understood.read ? { source: { ...held.file, read: JSON.stringify(understood.read) } } : {};
    const loaded = await replaceLedger(db, adminId, understood, run.signal, { ...watch, ...ahead, ...file, onProgress });
    this.held = null;
    return { ...loaded, firstScreen: prepared ?? firstScreen(loaded.ledger, screen) };
  }

  /** The held ledger's chunks (those encoded ahead, the rest encoded as taken); undefined when `ticket` is not held. */
  chunksOf(ticket: number): LedgerChunks | undefined {
    const held = this.held?.ticket === ticket ? this.held : null;
    if (!held) return undefined;
    return (held.chunks ??= new LedgerChunks(entryAt(held.understood.ledger)));
  }

  drop(): void {
    this.held = null;
  }
}

type Post = (message: FromWorker, transfer?: Transferable[]) => void;

/** The import worker's answer to a read: the preview, then the first screen prepared while the user reads it. */
export async function answerRead(holder: UnderstoodHolder, db: SubledgerDb, request: Extract<ToWorker, { kind: 'read' }>, run: Omit<HeldRun, 'settings'>, post: Post): Promise<void> {
  const { ticket, settings } = request;
  const outcome = await holder.read(db, ticket, request.input, { ...run, settings }, request.choice);
  post({ kind: 'outcome', ticket, outcome });
  // while the user reads the preview (a Replace waits for this, and then needs it no more)
  holder.prepare(ticket, settings.screen);
  await holder.encodeAhead(ticket);
}

/**
 * The import worker's answer to Replace: 'kept' with the first screen as soon as the cache holds
 * the new ledger (a file's ledger: kept with its file, before its chunks are written); each stored
 * batch of chunks goes to the pane as soon as it is written (a message per chunk, its arrays
 * transferred), so the pane decodes the ledger while the rest is written; then 'complete'. Where
 * the chunks cannot all be written (the disk full), the ledger stays kept with its file (read
 * again from it when the pane opens) and the pane gets the rest of them unwritten.
 */
export async function answerKeep(holder: UnderstoodHolder, db: SubledgerDb, request: Extract<ToWorker, { kind: 'keep' }>, run: Omit<HeldRun, 'settings'>, post: Post): Promise<void> {
  const { ticket } = request;
  let posted = 0;
  const onWritten = (rows: readonly LedgerChunkRow[]) => {
    for (const chunk of rows.map(chunkBody)) post({ kind: 'chunks', ticket, chunks: [chunk] }, chunkBuffers(chunk));
    posted += rows.length;
  };
  const chunks = holder.chunksOf(ticket);
  const kept = await holder.keep(db, ticket, request.adminId, request.screen, run, chunks ? { onWritten, chunks } : { onWritten });
  const { ledger, report, firstScreen, generation } = kept;
  post({ kind: 'kept', ticket, baseCurrency: ledger.baseCurrency, parties: [...ledger.parties.values()], report, firstScreen, generation });
  if (chunks) await postRest(kept.writeChunks, chunks, () => posted, (chunk) => post({ kind: 'chunks', ticket, chunks: [chunk] }, chunkBuffers(chunk)));
  post({ kind: 'complete', ticket });
}
