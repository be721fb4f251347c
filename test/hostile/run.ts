// Runs the real `subledger` command (bin/subledger.js, however it runs the sources) as a child
// process under a memory cap, and reports its exit status, output and peak memory.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(here, '../..');
export const BIN = path.join(ROOT, 'bin/subledger.js');
/** Preloaded into each child: at exit it writes its peak resident memory (heap and buffers) in bytes. */
const PRELOAD = `data:text/javascript,${encodeURIComponent(
  "import { writeFileSync } from 'node:fs'; const t = process.env.SUBLEDGER_PEAK_FILE;"
  + " if (t) process.on('exit', () => writeFileSync(t, String(process.resourceUsage().maxRSS * 1024)));",
)}`;

/** The V8 heap cap of every child; the peak of the whole process is checked against TARGET. */
export const HEAP_CAP_MB = 400;
/** Issue 16: no input of at most 10 MB makes the process use more than 500 MB. */
export const MEMORY_TARGET = 500 * 2 ** 20;

export interface Run {
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** Peak resident memory in bytes (0 when the child died before it could say). */
  peak: number;
}

export function tempDir(): { dir: string; file: (name: string) => string; remove: () => void } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'subledger-hostile-'));
  return { dir, file: (name) => path.join(dir, name), remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export function subledger(args: readonly string[], options: { cwd: string }): Promise<Run> {
  const peakFile = path.join(options.cwd, `.peak-${process.hrtime.bigint()}`);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [`--max-old-space-size=${HEAP_CAP_MB}`, '--import', PRELOAD, BIN, ...args], {
      cwd: options.cwd,
      env: { ...process.env, SUBLEDGER_PEAK_FILE: peakFile, NODE_OPTIONS: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (status, signal) => {
      const peak = existsSync(peakFile) ? Number(readFileSync(peakFile, 'utf8')) : 0;
      rmSync(peakFile, { force: true });
      resolve({ status, signal, stdout, stderr, peak });
    });
  });
}
