// The pane's side of an import: the work runs in a Web Worker (import.worker.ts, served from the
// add-in's own origin by webpack), so a million-entry file does not freeze the pane. The pane
// sends the input and gets progress, then the preview; on Replace it shows the figures once the
// worker says the cache holds the new ledger, and reads the ledger from the stored chunks the
// worker hands on, one chunk per task. Cancel terminates the worker. Where no
// worker can run (tests in jsdom), the same steps run in the page.
import type { SubledgerDb } from '../../store/db';
import { cachedLedgerInfo, partiesMap } from '../../store/ledger-cache';
import type { FirstScreen, FirstScreenParams } from '../model/first-screen';
import { entryCount } from '../model/import-summary';
import type { LoadedLedger } from '../state/pane';
import type { ImportChoice, ImportInput } from './import';
import { EntryAssembly, openCachedLedger, yieldBehindQueue } from './entry-assembly';
import { UnderstoodHolder, type HeldRun } from './import-holder';
import type { FromWorker, PreviewOutcome, ToWorker, UnderstoodView } from './import-protocol';

export type JobRun = HeldRun;

/** The pane's progress of its decoding told at most this often (ms). */
const PROGRESS_MS = 100;

export interface ImportJobs {
  /** Reads `input`: what was understood (held until Replace or the next read), or the question to ask. */
  read(input: ImportInput, run: JobRun, choice: ImportChoice): Promise<PreviewOutcome>;
  /**
   * Replace: keeps what was understood as the administration's ledger, with its first screen for
   * `screen`. `onKept` is told that first screen as soon as the cache holds the new ledger, while
   * the pane still decodes its entries.
   */
  keep(understood: UnderstoodView, adminId: string, screen: FirstScreenParams, run: JobRun, onKept?: (firstScreen: FirstScreen) => void): Promise<LoadedLedger>;
  /** Declined: lets what was understood go. */
  drop(): void;
}

/** The import jobs of this pane: in a worker where the browser has workers. */
export function importJobs(db: SubledgerDb): ImportJobs {
  return typeof Worker === 'function' ? new WorkerJobs(db) : new InPageJobs(db);
}

class InPageJobs implements ImportJobs {
  private readonly holder = new UnderstoodHolder();
  private ticket = 0;
  constructor(private readonly db: SubledgerDb) {}

  read(input: ImportInput, run: JobRun, choice: ImportChoice): Promise<PreviewOutcome> {
    return this.holder.read(this.db, ++this.ticket, input, run, choice);
  }

  async keep(understood: UnderstoodView, adminId: string, screen: FirstScreenParams, run: JobRun): Promise<LoadedLedger> {
    const { writeChunks, ...kept } = await this.holder.keep(this.db, understood.ticket, adminId, screen, run);
    // where they cannot be written, the ledger stays kept with its file (read again from it)
    await writeChunks().catch(() => false);
    return kept;
  }

  drop(): void {
    this.holder.drop();
  }
}

class Cancelled extends Error {
  override name = 'AbortError';
}

/** What the pane does with the worker's messages of one request until it has its answer. */
type Listener = (message: FromWorker) => void;

class WorkerJobs implements ImportJobs {
  private worker: Worker | null = null;
  private listener: Listener | null = null;
  private failed: ((error: Error) => void) | null = null;
  private ticket = 0;
  constructor(private readonly db: SubledgerDb) {}

  private started(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(new URL('./import.worker.ts', import.meta.url));
    worker.onmessage = (event: MessageEvent<FromWorker>) => this.listener?.(event.data);
    worker.onerror = (event) => {
      event.preventDefault();
      this.stop();
      this.failed?.(new Error(event.message || 'The import worker stopped.'));
    };
    this.worker = worker;
    return worker;
  }

  private stop(): void {
    this.worker?.terminate();
    this.worker = null;
  }

  /** Sends `request`; `answer` settles the promise from the worker's messages. Cancel terminates the worker. */
  private exchange<T>(request: Exclude<ToWorker, { kind: 'drop' }>, run: JobRun, answer: (message: FromWorker, settle: (value: T) => void) => void): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      let finished = false;
      const done = () => {
        finished = true;
        run.signal.removeEventListener('abort', cancel);
        if (this.listener === listener) this.listener = null;
        if (this.failed === fail) this.failed = null;
      };
      const fail = (error: Error) => {
        done();
        reject(error);
      };
      const cancel = () => {
        this.stop();
        fail(new Cancelled('cancelled'));
      };
      if (run.signal.aborted) return cancel();
      run.signal.addEventListener('abort', cancel, { once: true });
      // An answer may settle later than its message (the ledger decoded in slices meanwhile): once
      // this request is done (cancelled, failed), a late answer changes nothing.
      const listener: Listener = (message) => {
        if (message.ticket !== request.ticket || finished) return;
        if (message.kind === 'progress') run.onProgress(message.progress);
        else if (message.kind === 'crashed') fail(new Error(message.message));
        else
          answer(message, (value) => {
            if (finished) return;
            done();
            resolve(value);
          });
      };
      this.failed = fail;
      this.listener = listener;
      this.started().postMessage(request);
    });
  }

  read(input: ImportInput, run: JobRun, choice: ImportChoice): Promise<PreviewOutcome> {
    const request: ToWorker = { kind: 'read', ticket: ++this.ticket, dbName: this.db.name, input, settings: run.settings, choice };
    return this.exchange<PreviewOutcome>(request, run, (message, settle) => {
      if (message.kind === 'outcome') settle(message.outcome);
    });
  }

  async keep(understood: UnderstoodView, adminId: string, screen: FirstScreenParams, run: JobRun, onKept?: (firstScreen: FirstScreen) => void): Promise<LoadedLedger> {
    const before = await cachedLedgerInfo(this.db, adminId);
    const total = understood.report ? entryCount(understood.report) : 0;
    // Decoded behind the worker's messages, not ahead of them: its 'kept' (the figures) is shown
    // as soon as it comes, not once every chunk that came before it is decoded.
    // told at most every PROGRESS_MS (a slice decodes for a few ms: the pane, its figures shown, would render after each)
    let told = 0;
    const onDecoded = (done: number) => {
      const now = performance.now();
      if (now - told < PROGRESS_MS && done < total) return;
      told = now;
      run.onProgress({ phase: 'opening', fraction: total > 0 ? done / total : 1, done, total });
    };
    const assembly = new EntryAssembly(onDecoded, run.signal, yieldBehindQueue);
    const request: ToWorker = { kind: 'keep', ticket: understood.ticket, dbName: this.db.name, adminId, screen };
    // 'kept' (the figures, once the cache holds the new ledger), then its chunks, then 'complete'
    let kept: Extract<FromWorker, { kind: 'kept' }> | null = null;
    try {
      return await this.exchange<LoadedLedger>(request, run, (message, settle) => {
        // The chunks are decoded in slices between the pane's other tasks, not in their message's task.
        if (message.kind === 'chunks') for (const chunk of message.chunks) assembly.add(chunk);
        else if (message.kind === 'kept') {
          kept = message;
          onKept?.(message.firstScreen);
        } else if (message.kind === 'complete' && kept) {
          const { baseCurrency, parties, firstScreen, generation } = kept;
          void assembly.done().then(
            (entries) => settle({ ledger: { baseCurrency, entries, parties: partiesMap(parties) }, generation, source: understood.source, report: understood.report, warnings: understood.issues, firstScreen }),
            () => undefined,
          );
        }
      });
    } catch (error) {
      // A cancel that came after the worker had switched the cache to the new ledger: it is kept.
      const after = run.signal.aborted ? await cachedLedgerInfo(this.db, adminId) : null;
      const cached = after && after.savedAt !== before?.savedAt ? await openCachedLedger(this.db, adminId) : null;
      if (!cached) throw error;
      return { ledger: cached.ledger, generation: cached.generation, source: understood.source, report: understood.report, warnings: understood.issues };
    }
  }

  drop(): void {
    this.worker?.postMessage({ kind: 'drop' } satisfies ToWorker);
  }
}
