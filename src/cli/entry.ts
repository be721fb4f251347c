// The process around `subledger` (what bin/subledger.js runs, compiled): argv in, exit status
// out. A reader that stops early (`subledger report … | head`) ends the run quietly with status
// 0; an error nothing else caught is one line and status 70, never a stack trace.
import { EXIT, internalErrorText, main } from './main';
import { usePartWorker } from './part-reader';

// The compiled second thread of a big report's read, beside this file (scripts/build-cli.js).
usePartWorker(new URL('./part-worker.js', import.meta.url));

function lastWords(error: unknown): never {
  process.stderr.write(internalErrorText('subledger', error));
  process.exit(EXIT.internal);
}

// Writes to a pipe are asynchronous in Node on POSIX: a report made faster than its reader takes
// it would wait in memory (the four reports of a 1.2M-entry ledger into a slow pipe: 1.4 GB).
// Blocking writes, as a terminal's and a file's already are, keep the output at the reader's pace.
const stdoutHandle = (process.stdout as unknown as { _handle?: { setBlocking?: (blocking: boolean) => void } })._handle;
stdoutHandle?.setBlocking?.(true);

process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(EXIT.ok);
  lastWords(error);
});
process.on('uncaughtException', lastWords);
process.on('unhandledRejection', lastWords);

process.exitCode = await main(process.argv.slice(2));
