// The second thread of a two-thread read (part-reader.ts): reads the rows of the part of the text
// it is sent into the columns it is given (shared with the first thread: nothing to copy back),
// and answers with their numbering, issues and counts.
import { parentPort } from 'node:worker_threads';
import { readTextPart } from '../import/canonical-stream';
import type { PartAnswer, PartJob } from './part-reader';

parentPort?.once('message', (job: PartJob) => {
  let answer: PartAnswer;
  try {
    answer = { read: readTextPart(job.part, job.baseCurrency, job.into) };
  } catch (error) {
    answer = { failed: error instanceof Error ? error.message : String(error) };
  }
  job.port.postMessage(answer);
  Atomics.store(job.done, 0, 1);
  Atomics.notify(job.done, 0);
});
