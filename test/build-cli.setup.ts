// Vitest global setup: compiles the `subledger` command (npm run build:cli) before the tests, so
// the tests that run bin/subledger.js as a child process test the code of this checkout, not a
// build left from an earlier one.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export default function setup(): void {
  const script = fileURLToPath(new URL('../scripts/build-cli.js', import.meta.url));
  const result = spawnSync(process.execPath, [script], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`npm run build:cli failed:\n${result.stderr}`);
}
