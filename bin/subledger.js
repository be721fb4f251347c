#!/usr/bin/env node
// The `subledger` command: runs the compiled command line in dist-cli/ (JavaScript, built from
// src/cli by `npm run build:cli`, which `npm ci` runs through the `prepare` script).
//
// `report` on a big input (32 MB or more) runs in a child process whose memory allocator asks
// Linux for huge pages (glibc's `glibc.malloc.hugetlb=1`, read only when a process starts): the
// file's bytes and the index's columns are read at places all over them, and with 4 KB pages many
// of those reads miss the address cache (dearer still in a VM). On the 1.2M-entry real shape
// (126 MB): ~0.8 s less CPU of ~7.7 s; the second process costs ~0.05 s. Elsewhere (not Linux,
// no glibc, GLIBC_TUNABLES already set, a small input) the command runs here as it is.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, statSync } from 'node:fs';
import { constants } from 'node:os';
import { fileURLToPath } from 'node:url';

const entry = new URL('../dist-cli/subledger.js', import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write('subledger: the command is not built yet: run `npm run build:cli` (npm ci does it)\n');
  process.exit(70);
}

const BIG_INPUT = 32 * 2 ** 20;

/** The value of `--input FILE` or `--input=FILE`. */
function inputOf(args) {
  const at = args.indexOf('--input');
  if (at >= 0) return args[at + 1];
  return args.find((a) => a.startsWith('--input='))?.slice('--input='.length);
}

function wantsHugePages(args) {
  if (process.platform !== 'linux' || process.env.GLIBC_TUNABLES !== undefined || args[0] !== 'report') return false;
  const input = inputOf(args);
  try {
    return input !== undefined && statSync(input).size >= BIG_INPUT;
  } catch {
    return false;
  }
}

/** Signals a supervisor or a terminal sends to end the command: handed on to the child. */
const ENDING_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'];

/**
 * The command run in a child process with huge pages; its exit status (or signal) becomes this
 * process's. A signal that ends this process is handed on, so that no child is left writing the
 * report after its parent is gone. False when the child could not be started.
 */
async function runWithHugePages(args) {
  const env = { ...process.env, GLIBC_TUNABLES: 'glibc.malloc.hugetlb=1' };
  // Listening before the child exists: a signal that comes while it starts must not end this
  // process alone (a signal with no listener ends it at once, the child left running).
  let child = null;
  let received = null;
  const handOn = (signal) => {
    received ??= signal;
    child?.kill(signal);
  };
  const stopHandingOn = () => {
    for (const signal of ENDING_SIGNALS) process.off(signal, handOn);
  };
  for (const signal of ENDING_SIGNALS) process.on(signal, handOn);
  child = spawn(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), ...args], { stdio: 'inherit', env });
  const started = await new Promise((resolve) => {
    child.once('spawn', () => resolve(true));
    child.once('error', () => resolve(false));
  });
  if (!started) {
    stopHandingOn();
    // Ended while the child could not start: this process ends as the signal says.
    if (received !== null) process.kill(process.pid, received);
    return false;
  }
  const [status, signal] = await once(child, 'exit');
  stopHandingOn();
  if (signal !== null) process.kill(process.pid, signal);
  process.exit(status ?? 128 + (constants.signals[signal] ?? 0));
}

const args = process.argv.slice(2);
// When the child cannot be started, the command runs here.
if (!wantsHugePages(args) || !(await runWithHugePages(args))) await import(entry.href);
