// The ledger file the pane's benchmarks import (pane-import, pane-profile, pane-trace): the real
// shape of `entries` rows, made once in the temp directory and kept for the next run, and the
// built pane it needs.
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT } from '../test/browser/harness';
import { writeRealShapeCsv } from './real-shape';

/** The path of the real-shaped CSV of `entries` rows, written first when it is not there yet; throws when dist/ is not built. */
export async function paneBenchLedger(entries: number): Promise<string> {
  if (!existsSync(path.join(ROOT, 'dist/taskpane.html'))) throw new Error('dist/ is missing: run `npm run build` first');
  const file = path.join(os.tmpdir(), `subledger-pane-bench-${entries}.csv`);
  if (!existsSync(file)) await writeRealShapeCsv(file, { entries });
  return file;
}
