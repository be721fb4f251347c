// `subledger yearend`: the demo year-end pack written as .xlsx and, where LibreOffice is
// installed, printed to PDF; the PDF is read back with pdftotext and pdfinfo: every sheet's title,
// the as-of date, "Page x of y", every confirmation's party name, and no page wider than A4
// landscape. Without soffice the PDF checks are skipped with a message.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseConfirm } from '../../../src/cli/yearend';
import { balanceConfirmations } from '../../../src/core/confirmations';
import { parseIsoDate } from '../../../src/core/date';
import type { Ledger } from '../../../src/core/types';
import { importFile } from '../../../src/import/index';
import { cli, type CliRun } from './run-cli';

const has = (name: string) => spawnSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' }).status === 0;
const printing = has('soffice') && has('pdftotext') && has('pdfinfo');
if (!printing) console.warn('soffice, pdftotext or pdfinfo is not installed: the year-end PDF checks are skipped');

const AS_OF = '2025-03-31'; // the demo is written as of run-cli's today
const dir = mkdtempSync(path.join(tmpdir(), 'subledger-yearend-'));

describe('--confirm', () => {
  it('reads all, sample:N and over:AMOUNT, and refuses anything else', () => {
    expect(parseConfirm('all', 1, 'EUR')).toEqual({ kind: 'all' });
    expect(parseConfirm('sample:12', 7, 'EUR')).toEqual({ kind: 'sample', size: 12, seed: 7 });
    expect(parseConfirm('over:2500.50', 7, 'EUR')).toEqual({ kind: 'over', amount: 250050 });
    for (const bad of ['some', 'sample:0', 'sample:x', 'over:-5', 'over:']) expect(() => parseConfirm(bad, 1, 'EUR')).toThrow('--confirm');
  });
});

describe.skipIf(!printing)('the demo year-end pack printed by LibreOffice', () => {
  let run: CliRun;
  let pdfText = '';
  let pageSizes: [number, number][] = [];
  beforeAll(async () => {
    expect((await cli('demo', '--out', dir)).code).toBe(0);
    writeFileSync(path.join(dir, 'rates.csv'), 'currency,rate,date\nUSD,1.0812,2025-03-31\nGBP,0.8431,2025-03-31\n');
    run = await cli(
      'yearend', '--input', path.join(dir, 'ledger.csv'), '--parties', path.join(dir, 'parties.csv'), '--as-of', AS_OF,
      '--rates', path.join(dir, 'rates.csv'), '--confirm', 'sample:4', '--seed', '42', '--company', 'Demo BV', '--out', path.join(dir, 'pack'),
    );
    const pdf = path.join(dir, 'pack', `yearend-${AS_OF}.pdf`);
    if (existsSync(pdf)) {
      pdfText = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
      const info = execFileSync('pdfinfo', ['-f', '1', '-l', '9999', pdf], { encoding: 'utf8' });
      pageSizes = [...info.matchAll(/Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)/g)].map((m) => [Number(m[1]), Number(m[2])]);
    }
  }, 900_000);

  it('writes the workbook and its PDF, and prints the seed of the sample', () => {
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('confirmations: a sample of 4, seed 42');
    expect(existsSync(path.join(dir, 'pack', `yearend-${AS_OF}.xlsx`))).toBe(true);
    expect(pageSizes.length).toBeGreaterThan(10);
  });

  it('shows every sheet’s title, the as-of date and page x of y', () => {
    const titles = [
      'Key figures', 'Open items receivables', 'Open items payables', 'Aging receivables', 'Aging payables', 'Balance list receivables',
      'Balance list payables', 'Mutations', 'Party cards', 'Turnaround', 'Payment behaviour', 'Revaluation at closing rates', 'Balance confirmations',
    ];
    for (const title of titles) expect(pdfText, title).toContain(`Demo BV — ${title}`);
    expect(pdfText).toContain('As of 31 Mar 2025'); // AS_OF as the English sheets write it
    expect(pdfText).toMatch(new RegExp(`Page 1 of ${pageSizes.length}\\b`));
    expect(pdfText).toContain(`Page ${pageSizes.length} of ${pageSizes.length}`);
  });

  it('has a letter for every party of the sample, by name', async () => {
    const read = (name: string) => ({ name, bytes: new Uint8Array(readFileSync(path.join(dir, name))) });
    const ledger = (await importFile(read('ledger.csv'), { parties: read('parties.csv') })).ledger as Ledger;
    const names = [...run.stdout.matchAll(/confirmations: (\d+) letters/g)].map((m) => Number(m[1]));
    expect(names).toEqual([4]);
    const sampled = balanceConfirmations(ledger, parseIsoDate(AS_OF) as number, { kind: 'sample', size: 4, seed: 42 });
    expect(sampled).toHaveLength(4);
    for (const c of sampled) expect(pdfText.replace(/\s+/g, ' '), c.partyName).toContain(c.partyName.replace(/\s+/g, ' '));
  });

  it('prints no page wider than A4 landscape', () => {
    for (const [width, height] of pageSizes) {
      expect(Math.max(width, height)).toBeLessThanOrEqual(842.5);
      expect(Math.min(width, height)).toBeLessThanOrEqual(595.5);
    }
  });
});
