// `subledger demo --out DIR` writes a ledger and parties file that `subledger report` reads back,
// and whose figures agree with one another.
import { appendFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli } from './run-cli';

const dirs: string[] = [];
async function tempDir(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'subledger-demo-'));
  dirs.push(dir);
  return dir;
}
afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

const cents = (n: number | undefined): number => Math.round((n ?? NaN) * 100);

describe('subledger demo', () => {
  it('writes DIR/ledger.csv and DIR/parties.csv, the same for the same seed', async () => {
    const [a, b] = [await tempDir(), await tempDir()];
    const run = await cli('demo', '--out', a, '--seed', '5', '--parties', '20', '--years', '2');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/ledger\.csv \(\d+ entries\).*parties\.csv \(20 parties\)/);
    await cli('demo', '--out', b, '--seed', '5', '--parties', '20', '--years', '2');
    const ledgerA = await readFile(path.join(a, 'ledger.csv'), 'utf8');
    expect(ledgerA.split('\r\n')[0]).toMatch(/^ledger,party_id,party_name,entry_type,doc_no,entry_date/);
    expect(ledgerA).toBe(await readFile(path.join(b, 'ledger.csv'), 'utf8'));
    const parties = (await readFile(path.join(a, 'parties.csv'), 'utf8')).trimEnd().split('\r\n');
    expect(parties).toHaveLength(21);
  });

  it('gives a ledger whose balances add up to the key figures, with no import warning', async () => {
    const dir = await tempDir();
    await cli('demo', '--out', dir);
    const input = ['--input', path.join(dir, 'ledger.csv'), '--parties', path.join(dir, 'parties.csv')];
    const figures = await cli('report', 'key-figures', ...input);
    const balances = await cli('report', 'balances', ...input);
    expect(figures.code).toBe(0);
    expect(figures.stderr).toBe('');
    const kf = JSON.parse(figures.stdout) as Record<'AR' | 'AP', Record<string, number>>;
    const rows = JSON.parse(balances.stdout).rows as { ledger: string; balance: number }[];
    for (const side of ['AR', 'AP'] as const) {
      const sum = rows.filter((r) => r.ledger === side).reduce((s, r) => s + cents(r.balance), 0);
      expect(sum, side).toBe(cents(kf[side].total));
      expect(cents(kf[side].total)).toBe(cents(kf[side].overdue) + cents(kf[side].notDue));
      expect(kf[side].journalsUpdatedUntil).toMatch(/^2025-03-2\d$/);
    }
    expect(kf.AR.total).toBeGreaterThan(0);
  });

  it('refuses bad usage with exit 2', async () => {
    expect((await cli('demo')).code).toBe(2);
    expect((await cli('demo', '--out', await tempDir(), '--seed', 'abc')).code).toBe(2);
    expect((await cli('demo', '--out', await tempDir(), '--parties', '1')).code).toBe(2);
  });
});

describe('subledger demo never overwrites a ledger it did not write', () => {
  it("refuses a folder holding the user's own ledger.csv, and leaves it byte for byte", async () => {
    const dir = await tempDir();
    const own = 'ledger,party_id,entry_type,doc_no,entry_date,amount\nAR,K1,invoice,F1,2025-01-02,100.00\n';
    await writeFile(path.join(dir, 'ledger.csv'), own);
    const run = await cli('demo', '--out', dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('ledger.csv exists');
    expect(run.stderr).toContain('--force');
    expect(await readFile(path.join(dir, 'ledger.csv'), 'utf8')).toBe(own);
    expect((await cli('demo', '--out', dir, '--force')).code).toBe(0);
    expect(await readFile(path.join(dir, 'ledger.csv'), 'utf8')).not.toBe(own);
  });

  it('writes again over its own files, but not once they were edited', async () => {
    const dir = await tempDir();
    expect((await cli('demo', '--out', dir, '--parties', '5')).code).toBe(0);
    expect((await cli('demo', '--out', dir, '--parties', '6')).code).toBe(0);
    await appendFile(path.join(dir, 'parties.csv'), 'AR,X9,My own customer,,,,,,,,,,,,\r\n');
    const run = await cli('demo', '--out', dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('parties.csv exists');
    expect(await readFile(path.join(dir, 'parties.csv'), 'utf8')).toContain('My own customer');
  });
});
