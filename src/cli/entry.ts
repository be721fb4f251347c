// The process around `subledger` (what bin/subledger.js runs, compiled): argv in, exit status
// out. A reader that stops early (`subledger report … | head`) ends the run quietly with status
// 0; an error nothing else caught is one line and status 70, never a stack trace.
import { EXIT, internalErrorText, main } from './main';

function lastWords(error: unknown): never {
  process.stderr.write(internalErrorText('subledger', error));
  process.exit(EXIT.internal);
}

process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(EXIT.ok);
  lastWords(error);
});
process.on('uncaughtException', lastWords);
process.on('unhandledRejection', lastWords);

process.exitCode = await main(process.argv.slice(2));
