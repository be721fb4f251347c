#!/usr/bin/env node
// `npm run build:cli` (and `prepare`, so `npm ci` runs it): compiles the `subledger` command
// (src/cli/entry.ts) into JavaScript in dist-cli/, which bin/subledger.js runs. One bundle per
// subcommand, split so that a command loads only what it needs (`subledger --help` loads none of
// them); npm packages stay imports of node_modules.
import { rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const CLI_OUT = path.join(root, 'dist-cli');

export async function buildCli() {
  rmSync(CLI_OUT, { recursive: true, force: true });
  await build({
    absWorkingDir: root,
    // part-worker: the second thread of a big report's read (src/cli/part-reader.ts).
    entryPoints: { subledger: 'src/cli/entry.ts', 'part-worker': 'src/cli/part-worker.ts' },
    outdir: CLI_OUT,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    chunkNames: 'chunks/[name]-[hash]',
    sourcemap: 'linked',
    logLevel: 'warning',
  });
}

if (process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await buildCli();
