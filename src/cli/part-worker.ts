// The second thread of a two-thread read (part-reader.ts): reads the rows of the part of the text
// it is sent and hands them back, their columns moved (not copied) to the first thread.
import { parentPort } from 'node:worker_threads';
import type { RowsRead } from '../core/ledger';
import { readTextPart } from '../import/canonical-stream';
import type { PartAnswer, PartJob } from './part-reader';

/** The buffers of the read's columns, each once. */
function buffers(read: RowsRead): ArrayBuffer[] {
  const { columns, texts, lines } = read.index;
  const all = [columns, texts, lines].flatMap((group) => (Object.values(group) as ArrayBufferView[]).map((column) => column.buffer));
  return [...new Set(all)].filter((b): b is ArrayBuffer => b instanceof ArrayBuffer);
}

parentPort?.once('message', (job: PartJob) => {
  try {
    const read = readTextPart(job.part, job.baseCurrency);
    const answer: PartAnswer = { read };
    job.port.postMessage(answer, buffers(read));
  } catch (error) {
    const answer: PartAnswer = { failed: error instanceof Error ? error.message : String(error) };
    job.port.postMessage(answer);
  }
  Atomics.store(job.done, 0, 1);
  Atomics.notify(job.done, 0);
});
