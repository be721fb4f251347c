// The real `subledger` process (bin/subledger.js, compiled by the test setup): what a shell
// sees of it. A reader that stops early ends it quietly with status 0.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

export const BIN = fileURLToPath(new URL('../../../bin/subledger.js', import.meta.url));

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'subledger-process-'));
  const demo = spawnSync(process.execPath, [BIN, 'demo', '--out', dir, '--parties', '10', '--years', '1'], { encoding: 'utf8' });
  expect(demo.status, demo.stderr).toBe(0);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the subledger process', () => {
  it('runs compiled JavaScript, not TypeScript through tsx', () => {
    expect(readFileSync(BIN, 'utf8')).not.toMatch(/tsx/);
    const run = spawnSync(process.execPath, [BIN, '--help'], { encoding: 'utf8' });
    expect([run.status, run.stderr]).toEqual([0, '']);
    expect(run.stdout).toMatch(/^usage: subledger COMMAND/);
  });

  it('ends quietly with status 0 when the reader closes the pipe (| head)', async () => {
    const child = spawn(process.execPath, [BIN, 'report', 'mutations', '--input', path.join(dir, 'ledger.csv'), '--from', '2000-01-01', '--to', '2100-12-31', '--format', 'csv'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });
});

describe('a failed write', () => {
  it('leaves the previous workbook as it was (the disk full halfway through the new one)', () => {
    const out = path.join(dir, 'book.xlsx');
    const ledger = fileURLToPath(new URL('../../fixtures/cli/ledger.csv', import.meta.url));
    const args = [BIN, 'build', '--input', ledger, '--out', out];
    expect(spawnSync(process.execPath, args, { encoding: 'utf8' }).status).toBe(0);
    const before = readFileSync(out);
    // A file size limit of half the workbook (SIGXFSZ ignored, so a write fails with EFBIG as on a full disk).
    const limitKb = Math.floor(statSync(out).size / 2048);
    const quoted = args.map((a) => `'${a}'`).join(' ');
    const run = spawnSync('bash', ['-c', `trap '' XFSZ; ulimit -f ${limitKb}; '${process.execPath}' ${quoted} --company Other`], { encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/cannot write .*book\.xlsx: EFBIG/);
    expect(readFileSync(out)).toEqual(before);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  }, 90_000);
});
