// An exclusive lock on a file for the length of a run (FILE.lock beside it, created with O_EXCL):
// two `subledger pay` runs on one payment history take turns, so they never both read the same
// history and both pay the same invoices. A lock left by a run that no longer exists (killed) on
// this machine is taken over; otherwise a run waits, and after `waitMs` gives up with a message.
import { hostname } from 'node:os';
import { mkdir, open, readFile, rm, unlink } from 'node:fs/promises';
import path from 'node:path';
import { rmSync } from 'node:fs';
import { InputError } from './io';

interface Holder {
  pid: number;
  host: string;
  since: string;
}

const RETRY_MS = 25;

function parseHolder(text: string): Holder | null {
  try {
    const value = JSON.parse(text) as Partial<Holder>;
    return typeof value.pid === 'number' && typeof value.host === 'string' ? { pid: value.pid, host: value.host, since: String(value.since) } : null;
  } catch {
    return null;
  }
}

/** True while a process of this id exists (one of another user's included). */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Creates `file` exclusively with `content`; false when it exists. */
async function createExclusive(file: string, content: string): Promise<boolean> {
  try {
    const handle = await open(file, 'wx');
    try {
      await handle.writeFile(content);
    } finally {
      await handle.close();
    }
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw new InputError(`cannot lock ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

async function readText(file: string): Promise<string | null> {
  try {
    return await readFile(file, 'utf8');
  } catch {
    return null;
  }
}

/**
 * Removes a lock whose holder died on this machine. Only one run at a time may do so (it holds
 * LOCK.reclaim), and only if the lock still holds what was read: a lock taken meanwhile by a
 * live run is never removed.
 */
async function reclaimStale(lockFile: string, staleText: string): Promise<void> {
  const reclaim = `${lockFile}.reclaim`;
  if (!(await createExclusive(reclaim, String(process.pid)))) return;
  try {
    if ((await readText(lockFile)) === staleText) await unlink(lockFile);
  } finally {
    await rm(reclaim, { force: true });
  }
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs `work` while holding FILE.lock. */
export async function withFileLock<T>(file: string, work: () => Promise<T>, waitMs = 60_000): Promise<T> {
  const lockFile = `${file}.lock`;
  const me = JSON.stringify({ pid: process.pid, host: hostname(), since: new Date().toISOString() } satisfies Holder);
  const deadline = Date.now() + waitMs;
  await mkdir(path.dirname(path.resolve(file)), { recursive: true });
  for (;;) {
    if (await createExclusive(lockFile, me)) break;
    const text = await readText(lockFile);
    const holder = text === null ? null : parseHolder(text);
    if (text !== null && holder !== null && holder.host === hostname() && !isRunning(holder.pid)) {
      await reclaimStale(lockFile, text);
      continue;
    }
    if (Date.now() > deadline) {
      const who = holder === null ? 'another run' : `run ${holder.pid} on ${holder.host} since ${holder.since}`;
      throw new InputError(`${file} is in use by ${who}; try again when it has finished (or remove ${lockFile} if no run is active)`);
    }
    await sleep(RETRY_MS + Math.random() * RETRY_MS);
  }
  // Ctrl-C or a kill while the lock is held: remove it on the way out.
  const onSignal = (signal: NodeJS.Signals): void => {
    rmSync(lockFile, { force: true });
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    return await work();
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await rm(lockFile, { force: true });
  }
}
