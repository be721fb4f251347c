// The second thread of a two-thread read (part-reader.ts): chunks of the file's bytes,
// the first pass over the second half of the text's lines, then the read of blocks of its rows
// (those the first thread has not taken) into the columns it is given (shared with the first
// thread: nothing to copy back), answering with the bytes read, the blocks read, their
// numbering, issues and counts; then the document lookup (while the first thread
// names and orders the parties) and the allocation of blocks of the rows (into the same columns)
// while the first thread allocates the others.
import { parentPort } from 'node:worker_threads';
import type * as Canonical from '../import/canonical-stream';
import { readFilePart } from './file-part';
import type { PartAnswer, PartJob } from './part-reader';

/** The importer, loaded once the file's bytes are read (the thread starts reading them sooner without it). */
let rows: Promise<typeof Canonical> | null = null;
const importer = () => (rows ??= import('../import/canonical-stream'));
/** The index's functions (loaded with the importer: the same chunk). */
const index = () => import('../core/ledger-index');

async function answerTo(job: PartJob): Promise<PartAnswer> {
  try {
    if ('filePart' in job) return { bytesRead: readFilePart(job.filePart) };
    if ('docs' in job) return { lookup: (await index()).docLookupOf(job.docs) };
    if ('allocation' in job) return { allocated: (await index()).allocatePart(job.allocation) };
    const { findTextLines, readTextPart } = await importer();
    return 'lines' in job ? { found: findTextLines(job.lines) } : { read: readTextPart(job.part, job.baseCurrency, job.into) };
  } catch (error) {
    return { failed: error instanceof Error ? error.message : String(error) };
  } finally {
    void importer().catch(() => undefined);
  }
}

function reply(job: PartJob, answer: PartAnswer): void {
  job.port.postMessage(answer, 'found' in answer ? [answer.found.ends.buffer as ArrayBuffer] : []);
  Atomics.store(job.done, 0, 1);
  Atomics.notify(job.done, 0);
}

parentPort?.on('message', (job: PartJob) => void answerTo(job).then((a) => reply(job, a)));
