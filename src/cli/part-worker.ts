// The second thread of a two-thread read (part-reader.ts): the second half of the file's bytes,
// the first pass over the second half of the text's lines, then the read of its rows into the
// columns it is given (shared with the first thread: nothing to copy back), answering with the
// bytes read, their numbering, issues and counts.
import { parentPort } from 'node:worker_threads';
import { findTextLines, readTextPart } from '../import/canonical-stream';
import { readFilePart } from './file-part';
import type { PartAnswer, PartJob } from './part-reader';

function answerTo(job: PartJob): PartAnswer {
  try {
    if ('filePart' in job) return { bytesRead: readFilePart(job.filePart) };
    return 'lines' in job ? { found: findTextLines(job.lines) } : { read: readTextPart(job.part, job.baseCurrency, job.into) };
  } catch (error) {
    return { failed: error instanceof Error ? error.message : String(error) };
  }
}

parentPort?.on('message', (job: PartJob) => {
  const answer = answerTo(job);
  job.port.postMessage(answer, 'found' in answer ? [answer.found.ends.buffer as ArrayBuffer] : []);
  Atomics.store(job.done, 0, 1);
  Atomics.notify(job.done, 0);
});
