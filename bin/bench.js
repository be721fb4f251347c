#!/usr/bin/env node
// `npm run bench`: runs every bench/*.bench.ts through tsx, one at a time, each in its own Node
// process with --expose-gc, and prints their markdown sections under a heading with the machine.
//   npm run bench                 all benchmarks
//   npm run bench -- engine store only those whose file name contains one of the words
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const benchDir = path.join(root, 'bench');
const wanted = process.argv.slice(2);

const files = readdirSync(benchDir)
  .filter((name) => name.endsWith('.bench.ts'))
  .filter((name) => wanted.length === 0 || wanted.some((word) => name.includes(word)))
  .sort();

const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
const memory = `${(os.totalmem() / 2 ** 30).toFixed(1)} GiB`;
console.log('# Subledger benchmarks\n');
const load = os.loadavg().map((x) => x.toFixed(1)).join(', ');
console.log(`Machine: ${os.cpus().length} × ${cpu}, ${memory} memory, Node ${process.version}, ${os.platform()} ${os.release()}; load average at start ${load}\n`);
if (files.length === 0) console.log(`No benchmark matches ${wanted.join(', ')}.`);

let failed = 0;
for (const name of files) {
  const result = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', path.join(benchDir, name)], {
    cwd: root,
    stdio: 'inherit',
  });
  if (result.status !== 0) {
    failed += 1;
    console.log(`\n> bench/${name} failed (exit ${result.status ?? result.signal}).\n`);
  }
  console.log('');
}
process.exitCode = failed === 0 ? 0 : 1;
