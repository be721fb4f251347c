// `report` on a big input runs in a child process of the command (bin/subledger.js asks glibc for
// huge pages there, on Linux). A signal that ends the command must end that child too: a
// supervisor that stops `subledger` by its process id must not find a report written after it.
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { isRunning } from '../../src/cli/lock';
import { BIN, tempDir } from './run';

const tmp = tempDir();
afterAll(() => tmp.remove());

/** The ids of the processes whose parent is `parent` (Linux: /proc/PID/stat, field 4). */
function childrenOf(parent: number): number[] {
  const found: number[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // pid (comm) state ppid …; comm may hold spaces and parentheses: read after the last ')'.
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === parent) found.push(Number(name));
    } catch {
      // the process ended while it was looked at
    }
  }
  return found;
}

async function firstChildOf(parent: number, withinMs: number): Promise<number> {
  for (const until = Date.now() + withinMs; Date.now() < until; await new Promise((r) => setTimeout(r, 10))) {
    const [child] = childrenOf(parent);
    if (child !== undefined) return child;
  }
  throw new Error(`subledger (pid ${parent}) started no child process within ${withinMs} ms`);
}

describe.skipIf(process.platform !== 'linux')('report on a big input, in a child process', () => {
  it('ends with the command when the command is stopped by its process id: no report is written after it', async () => {
    const input = tmp.file('big.csv');
    const lines = ['ledger,party_id,entry_type,doc_no,entry_date,amount,description'];
    for (let i = 0; i < 650_000; i++) lines.push(`AR,C${i % 5000},invoice,F${i},2024-01-0${(i % 9) + 1},${i}.00,invoice number ${i}`);
    writeFileSync(input, `${lines.join('\n')}\n`);
    expect(statSync(input).size).toBeGreaterThan(32 * 2 ** 20);

    const env: NodeJS.ProcessEnv = { ...process.env, NODE_OPTIONS: '' };
    delete env.GLIBC_TUNABLES;
    const command = spawn(process.execPath, [BIN, 'report', 'open-items', '--input', input, '--as-of', '2024-12-31', '--format', 'json'], {
      cwd: tmp.dir,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    command.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    // stdout closes when every process holding it has ended: the command and its child.
    const closed = new Promise<void>((resolve) => command.stdout.on('close', () => resolve()));
    const ended = new Promise<{ status: number | null; signal: NodeJS.Signals | null }>((resolve) =>
      command.on('exit', (status, signal) => resolve({ status, signal })),
    );
    const child = await firstChildOf(command.pid as number, 30_000);
    command.kill('SIGTERM');

    // Still running when stopped (so was its child): it ends by that signal...
    expect(await ended).toEqual({ status: null, signal: 'SIGTERM' });
    await closed;
    // ...and so does the child, before it wrote any of the report.
    expect(isRunning(child)).toBe(false);
    expect(stdout).toBe('');
  });
});
