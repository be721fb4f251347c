// `subledger build --rates FILE`: the workbook gets the Revaluation sheet and the party cards the
// balance at the closing rate; read back from the written .xlsx. The CLI fixture's D2 has F3,
// 100.00 USD booked at 92.00, half paid: 50.00 USD open at 46.00 EUR. At 3.2 USD per EUR that is
// 15.625 → 15.63 EUR (half away from zero), a difference of 15.63 − 46.00 = −30.37.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { loadXlsx } from '../../fixtures/xlsx/check';
import { cli, LEDGER, PARTIES } from './run-cli';

const dir = mkdtempSync(path.join(tmpdir(), 'subledger-build-rates-'));

function rowsOf(sheet: ExcelJS.Worksheet | undefined): unknown[][] {
  const rows: unknown[][] = [];
  sheet?.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => (v !== null && typeof v === 'object' && 'result' in v ? v.result : v))));
  return rows;
}

describe('subledger build --rates', () => {
  it('adds the Revaluation sheet and the closing-rate balance on the party card', async () => {
    const rates = path.join(dir, 'rates.csv');
    writeFileSync(rates, 'currency,rate,date\nUSD,3.2,2025-03-31\n');
    const out = path.join(dir, 'book.xlsx');
    const run = await cli('build', '--input', LEDGER, '--parties', PARTIES, '--as-of', '2025-03-31', '--to', '2025-03-31', '--rates', rates, '--out', out);
    expect(run.code, run.stderr).toBe(0);
    const workbook = await loadXlsx(new Uint8Array(readFileSync(out)));
    const revaluation = rowsOf(workbook.getWorksheet('Revaluation'));
    const f3 = revaluation.find((r) => r.includes('F3'));
    expect(f3).toBeDefined();
    expect(f3).toEqual(expect.arrayContaining(['D2', 'USD', 50, 46, 3.2, 15.63, -30.37]));
    const cards = rowsOf(workbook.getWorksheet('Party cards'));
    expect(cards.some((r) => r.includes('At closing rate USD 3.2 (31 Mar 2025): difference -30.37'))).toBe(true);
  });

  it('leaves the Revaluation sheet out without --rates, and names a missing rate with the rates file', async () => {
    const out = path.join(dir, 'plain.xlsx');
    expect((await cli('build', '--input', LEDGER, '--parties', PARTIES, '--as-of', '2025-03-31', '--out', out)).code).toBe(0);
    expect((await loadXlsx(new Uint8Array(readFileSync(out)))).getWorksheet('Revaluation')).toBeUndefined();
    const gbp = path.join(dir, 'gbp.csv');
    writeFileSync(gbp, 'GBP,0.85\n');
    const run = await cli('build', '--input', LEDGER, '--parties', PARTIES, '--as-of', '2025-03-31', '--rates', gbp, '--out', path.join(dir, 'x.xlsx'));
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('gbp.csv: no closing rate for USD on or before 2025-03-31');
  });

  it('shows --rates in the help of build', async () => {
    const run = await cli('build', '--help');
    expect(run.stdout).toMatch(/--rates FILE\s+closing rates .*adds the Revaluation sheet/);
  });
});
