// A big canonical CSV read on two threads (the machine's second core): the command starts a
// worker thread (part-worker.ts) as it starts, reads the file's bytes into a SharedArrayBuffer
// the worker sees without a copy, and the import (core/ledger.ts readRowsInParts) reads blocks of
// the rows while the worker reads others, each thread taking the next block not taken, into the
// same (shared) columns: neither waits for the other longer than one block takes. A worker that
// cannot start or fails leaves its blocks to this thread: the same ledger, read on one thread;
// one that does not answer at all makes the import fail with an error saying so.
import { statSync } from 'node:fs';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import type { PartReader, RowsRead } from '../core/ledger';
import { sharedInts } from '../core/shared-memory';
import type { AllocationPart, DocLookupBuilt, DocLookupPart, RowColumns } from '../core/ledger-index';
import type { LinesFound, TextLines, TextPart } from '../core/types';
import type { FilePart, FilePartReader } from './file-part';

/** Inputs at least this big are read on two threads (below, starting a thread costs more than it saves). */
const BIG_INPUT = 32 * 2 ** 20;
/** Rows a text has at least to be split (about 2.5 MB of a real export). */
const MIN_ROWS = 25_000;
/** Lines per block of rows (some 15 ms of reading: the most one thread waits for the other). */
const BLOCK_LINES = 16_384;
/** How long this thread waits for the worker's answer to a job. */
const PATIENCE_MS = 60_000;
/** How often it looks whether the worker failed to start meanwhile. */
const LOOK_MS = 100;

/** What the worker is sent: a first pass over lines, or rows to read; where it answers (`done[0]` set to 1 once it has). */
export type PartJob = Job & { port: MessagePort; done: Int32Array };
type Job = { filePart: FilePart } | { lines: TextLines } | { part: TextPart; baseCurrency: string; into: RowColumns } | { docs: DocLookupPart } | { allocation: AllocationPart };

/** The worker's answer: the bytes of the file read, the lines found, the rows read, the document lookup, the rows allocated, or why it could not. */
export type PartAnswer = { bytesRead: number } | { found: LinesFound } | { read: RowsRead } | { lookup: DocLookupBuilt } | { allocated: number } | { failed: string };

/** The second half of a big input's bytes and of its rows read on the second thread. */
export type TwoThreadReader = PartReader & FilePartReader;

let workerFile: URL | null = null;

/** Where the compiled worker is (set by the compiled command's entry; without it, one thread reads all). */
export function usePartWorker(file: URL): void {
  workerFile = file;
}

function sizeOf(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}

/**
 * A reader of the second half of `input`'s rows on a worker thread, started now (it loads while
 * the file is read), or undefined when the input is small or no worker can be started.
 */
export function startPartReader(input: string): TwoThreadReader | undefined {
  if (workerFile === null || sizeOf(input) < BIG_INPUT) return undefined;
  let worker: Worker;
  try {
    worker = new Worker(workerFile);
  } catch {
    return undefined;
  }
  let failed = false;
  worker.on('error', () => (failed = true));
  worker.on('exit', () => (failed = true));
  // Never what keeps the command running.
  worker.unref();
  let closed = false;
  const close = () => {
    closed = true;
    void worker.terminate();
  };
  /** Sends the job; the function returned waits for the answer (undefined: none, the worker failed or did not start). */
  const ask = (job: Job) => {
    // Stopped here (its exit is seen only once this thread is free again): no more jobs.
    if (closed) return () => undefined;
    const done = sharedInts(1);
    const { port1, port2 } = new MessageChannel();
    if (!failed) worker.postMessage({ ...job, port: port2, done }, [port2]);
    return (): PartAnswer | undefined => {
      // Synchronous (the import is): woken when the worker has answered.
      const until = Date.now() + PATIENCE_MS;
      while (!failed && Atomics.load(done, 0) === 0 && Date.now() < until) Atomics.wait(done, 0, 0, LOOK_MS);
      const answer = receiveMessageOnPort(port1)?.message as PartAnswer | undefined;
      port1.close();
      // Still working, maybe writing: its rows cannot be read here meanwhile.
      if (answer === undefined && !failed) throw new Error(`the second reading thread did not answer in ${PATIENCE_MS / 1000} s`);
      return answer;
    };
  };
  return {
    readPart(filePart) {
      if (failed) return Promise.resolve(null);
      const done = sharedInts(1);
      const { port1, port2 } = new MessageChannel();
      worker.postMessage({ filePart, port: port2, done }, [port2]);
      // Waited for without blocking (the file's first half is read meanwhile): the worker's exit is seen.
      return new Promise((resolve) => {
        const finish = (bytesRead: number | null) => {
          clearTimeout(timer);
          worker.off('exit', stopped);
          port1.close();
          resolve(bytesRead);
        };
        const stopped = () => finish(null);
        // Stopped before this thread reads the part itself: nothing written into the buffer after.
        const timer = setTimeout(() => void worker.terminate().then(stopped, stopped), PATIENCE_MS);
        worker.once('exit', stopped);
        port1.once('message', (answer: PartAnswer) => finish('bytesRead' in answer ? answer.bytesRead : null));
      });
    },
    minRows: MIN_ROWS,
    blockLines: BLOCK_LINES,
    findLines(lines) {
      const wait = ask({ lines });
      return () => {
        const answer = wait();
        return answer !== undefined && 'found' in answer ? answer.found : null;
      };
    },
    start(part, baseCurrency, into) {
      const wait = ask({ part, baseCurrency, into });
      return () => {
        const answer = wait();
        const read = answer !== undefined && 'read' in answer ? answer.read : null;
        // Kept for the index's work (see lookup and allocate) when it read the rows.
        if (read === null) close();
        return read;
      };
    },
    lookup(docs) {
      const wait = ask({ docs });
      return () => {
        const answer = wait();
        if (answer === undefined || !('lookup' in answer)) {
          close();
          return null;
        }
        return answer.lookup;
      };
    },
    allocate(allocation) {
      const wait = ask({ allocation });
      return () => {
        const answer = wait();
        close();
        return answer !== undefined && 'allocated' in answer;
      };
    },
    close,
  };
}
