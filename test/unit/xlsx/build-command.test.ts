// `subledger build` as a user runs it: input and parties files in, an .xlsx out with a one-line
// summary; --lang and --side shape the workbook; bad usage exits 2, unreadable input exits 1.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../../src/cli/main';
import { loadXlsx } from '../../fixtures/xlsx/check';

const fixtures = path.resolve(import.meta.dirname, '../../fixtures/sheets');
const ledgerCsv = path.join(fixtures, 'ledger.csv');
const partiesCsv = path.join(fixtures, 'parties.csv');

async function build(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io = { stdout: (t: string) => (stdout += t), stderr: (t: string) => (stderr += t), now: () => new Date(Date.UTC(2024, 11, 31, 12)) };
  const code = await main(['build', ...args], io);
  return { code, stdout, stderr };
}

function outFile(name: string): string {
  return path.join(mkdtempSync(path.join(os.tmpdir(), 'subledger-build-cmd-')), name);
}

describe('subledger build', () => {
  it('writes the workbook of the input as of --as-of and says how many sheets and rows', async () => {
    const out = outFile('fixture.xlsx');
    const result = await build(['--input', ledgerCsv, '--parties', partiesCsv, '--as-of', '2024-12-31', '--out', out]);
    expect(result.code).toBe(0);
    // 2+6 dashboard, 5+1 open items, 3+1 aging, 3+1 balances, 10 mutations, 14 card rows, 4+2 turnaround, 1 settled,
    // 14 function examples (a balance per side, 2 side totals, overdue, not due, due within, aging, open, DSO, CEI, ADD,
    // days to pay, known up to)
    expect(result.stdout).toBe(`wrote ${out}: 12 sheets, 67 rows\n`);
    const workbook = await loadXlsx(new Uint8Array(readFileSync(out)));
    // no --company: the title names the report, not the file (ledger.csv)
    expect(workbook.getWorksheet('Open items AR')?.getCell('A1').value).toBe('Open items receivables');
    expect(workbook.getWorksheet('Open items AR')?.headerFooter.oddHeader).toBe('&COpen items receivables&RAs of 31 Dec 2024');
  });

  it('names sheets and headers in --lang, and keeps to one ledger with --side', async () => {
    const out = outFile('nl.xlsx');
    const result = await build(['--input', ledgerCsv, '--as-of', '2024-12-31', '--lang', 'nl', '--side', 'AP', '--company', 'Kantoor', '--out', out]);
    expect(result.code).toBe(0);
    const workbook = await loadXlsx(new Uint8Array(readFileSync(out)));
    expect(workbook.worksheets.map((ws) => ws.name)).toEqual([
      'Dashboard', 'Open posten AP', 'Ouderdom AP', 'Saldilijst AP', 'Mutaties', 'Relatiekaarten', 'Omloopsnelheid', 'Betaalgedrag', 'Functies',
    ]);
    expect(workbook.getWorksheet('Mutaties')?.getCell('A5').value).toBe('Administratie');
    expect(workbook.getWorksheet('Mutaties')?.getCell('A6').value).toBe('AP');
    expect(workbook.getWorksheet('Mutaties')?.getCell('A1').value).toBe('Kantoor — Mutatieoverzicht');
  });

  it('refuses bad usage with exit status 2 and writes nothing', async () => {
    const out = outFile('never.xlsx');
    for (const args of [
      ['--input', ledgerCsv],
      ['--out', out],
      ['--input', ledgerCsv, '--out', out, '--lang', 'de'],
      ['--input', ledgerCsv, '--out', out, '--as-of', '31-12-2024'],
      ['--input', ledgerCsv, '--out', out, '--buckets', '60,30'],
    ]) {
      const result = await build(args);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr).toMatch(/^subledger build: /);
    }
    expect(existsSync(out)).toBe(false);
  });

  it('refuses input it cannot read with exit status 1, naming the file and line', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'subledger-build-bad-'));
    const bad = path.join(dir, 'bad.csv');
    writeFileSync(bad, 'ledger,party_id,entry_type,doc_no,entry_date,amount\nAR,C1,invoice,I1,2024-02-30,10.00\n');
    const out = path.join(dir, 'out.xlsx');
    const result = await build(['--input', bad, '--out', out]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('bad.csv');
    expect(result.stderr).toMatch(/line 2|:2/);
    expect(existsSync(out)).toBe(false);
    expect((await build(['--input', path.join(dir, 'missing.csv'), '--out', out])).code).toBe(1);
  });
});
