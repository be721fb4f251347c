// subledger pay: the payment history belongs to the administration (beside --input, whatever
// folder the file is written to, its path printed on every run); no output is a file the
// command reads; an existing payment file is replaced only with --force.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ENTRIES, PARTIES } from '../export/payables';
import { cli } from './run-cli';

const csv = (table: string): string => `${table.trim().split('\n').map((line) => line.split('|').map((c) => c.trim()).join(',')).join('\n')}\n`;

let dir = '';
let ledger = '';
let parties = '';
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'pay-outputs-'));
  mkdirSync(path.join(dir, 'admin'));
  ledger = path.join(dir, 'admin', 'ledger.csv');
  parties = path.join(dir, 'admin', 'parties.csv');
  writeFileSync(ledger, csv(ENTRIES));
  writeFileSync(parties, csv(PARTIES));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const pay = (...extra: string[]) =>
  cli('pay', '--input', ledger, '--parties', parties, '--debtor-name', 'Brasserie Élise', '--debtor-iban', 'BE71096123456769', '--execution-date', '2025-04-01', ...extra);

describe('the payment history of an administration', () => {
  it('lies beside the ledger, so a second run writing to another folder refuses what the first paid', async () => {
    const first = await pay('--docs', 'INV-1', '--out', path.join(dir, 'y3', 'a.xml'));
    expect(first.code).toBe(0);
    const history = path.join(dir, 'admin', 'payment-history.json');
    expect(first.stderr).toContain(`payment history: ${history}\n`);
    expect(existsSync(history)).toBe(true);

    const second = await pay('--docs', 'INV-1', '--out', path.join(dir, 'y4', 'a.xml'));
    expect(second.code).toBe(1);
    expect(second.stderr).toContain(`payment history: ${history}\n`);
    expect(second.stderr).toMatch(/refused: S1 INV-1 .*\[already-paid\]/);
    expect(existsSync(path.join(dir, 'y4', 'a.xml'))).toBe(false);
  });
});

describe('the lock on the history', () => {
  it('is taken over when the run that left it no longer exists, and removed after the run', async () => {
    const dead = spawnSync(process.execPath, ['-e', '0']).pid;
    const lock = path.join(dir, 'admin', 'payment-history.json.lock');
    writeFileSync(lock, JSON.stringify({ pid: dead, host: os.hostname(), since: '2025-03-31T08:00:00.000Z' }));
    const run = await pay('--docs', 'INV-1', '--out', path.join(dir, 'a.xml'));
    expect(run.code).toBe(0);
    expect(existsSync(lock)).toBe(false);
  });

  it('lets a run write its history into a folder that does not exist yet', async () => {
    const history = path.join(dir, 'new', 'folder', 'history.json');
    expect((await pay('--docs', 'INV-1', '--out', path.join(dir, 'a.xml'), '--history', history)).code).toBe(0);
    expect(existsSync(history)).toBe(true);
  });
});

describe('pay outputs', () => {
  it('--out equal to --history is a usage error, and nothing is written', async () => {
    const h = path.join(dir, 'h.json');
    const run = await pay('--docs', 'INV-1', '--out', h, '--history', h);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('is the same file as --history');
    expect(existsSync(h)).toBe(false);
  });

  it.each([
    ['--out', 'the ledger', () => ['--out', ledger]],
    ['--out', 'the parties file', () => ['--out', parties]],
    ['--history', 'the ledger', () => ['--out', path.join(dir, 'p.xml'), '--history', ledger]],
    ['--out', 'a symlink to the ledger', () => {
      symlinkSync(ledger, path.join(dir, 'link.xml'));
      return ['--out', path.join(dir, 'link.xml')];
    }],
  ])('%s onto %s is a usage error, and the ledger stays as it was', async (_, __, args) => {
    const before = readFileSync(ledger);
    const run = await pay('--docs', 'INV-1', ...args());
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/an output never replaces a file the command reads/);
    expect(readFileSync(ledger)).toEqual(before);
    expect(readFileSync(parties, 'utf8')).toBe(csv(PARTIES));
  });

  it('does not replace an existing payment file without --force', async () => {
    const out = path.join(dir, 'p.xml');
    expect((await pay('--docs', 'INV-1', '--out', out)).code).toBe(0);
    const first = readFileSync(out, 'utf8');
    const again = await pay('--docs', 'INV-2', '--out', out);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('exists and may be a payment file not yet sent to the bank: add --force');
    expect(readFileSync(out, 'utf8')).toBe(first);
    const forced = await pay('--docs', 'INV-2', '--out', out, '--force');
    expect(forced.code).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain('<CtrlSum>250.10</CtrlSum>');
  });
});
