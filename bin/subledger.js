#!/usr/bin/env node
// The `subledger` command: runs the compiled command line in dist-cli/ (JavaScript, built from
// src/cli by `npm run build:cli`, which `npm ci` runs through the `prepare` script).
import { existsSync } from 'node:fs';

const entry = new URL('../dist-cli/subledger.js', import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write('subledger: the command is not built yet: run `npm run build:cli` (npm ci does it)\n');
  process.exit(70);
}
await import(entry.href);
