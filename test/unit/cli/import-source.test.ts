// The CLI says on stderr what it took an input for, unless it is the canonical CSV itself.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, LEDGER } from './run-cli';

describe('the import summary on stderr', () => {
  it('names the kind of an export and its lines', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'subledger-source-'));
    const file = path.join(dir, 'export.csv');
    writeFileSync(file, 'Klant;Factuurnr;Datum;Bedrag\nK1;F1;05-01-2024;100,00\nK1;F2;06-01-2024;50,00\n');
    const run = await cli('report', 'balances', '--input', file, '--as-of', '2024-12-31', '--format', 'json');
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('export.csv: CSV export, 2 lines');
  });

  it('stays quiet for the canonical subledger CSV', async () => {
    const run = await cli('report', 'balances', '--input', LEDGER, '--as-of', '2024-12-31', '--format', 'json');
    expect(run.code).toBe(0);
    expect(run.stderr).not.toMatch(/subledger CSV/);
  });
});

describe('--ar-accounts / --ap-accounts', () => {
  const head = 'JournalCode\tJournalLib\tEcritureNum\tEcritureDate\tCompteNum\tCompteLib\tCompAuxNum\tCompAuxLib\tPieceRef\tPieceDate\tEcritureLib\tDebit\tCredit\tEcritureLet\tDateLet\tValidDate\tMontantdevise\tIdevise';
  const lines = [
    'VT\tVentes\t1\t20240110\t140000\tVorderingen\t\t\tF1\t20240110\tF1\t121,00\t0,00\t\t\t\t\t',
    'VT\tVentes\t1\t20240110\t800000\tOmzet\t\t\tF1\t20240110\tF1\t0,00\t121,00\t\t\t\t\t',
  ];

  it('names the debtors account of a GL that does not say it', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'subledger-gl-'));
    const file = path.join(dir, 'gl.txt');
    writeFileSync(file, [head, ...lines, ''].join('\n'));
    const refused = await cli('report', 'balances', '--input', file, '--as-of', '2024-12-31', '--format', 'json');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/140000 Vorderingen \(1\)/);
    const run = await cli('report', 'balances', '--input', file, '--as-of', '2024-12-31', '--format', 'json', '--ar-accounts', '14');
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('gl.txt: FEC general ledger, 2 lines: 1 on 140000, 1 on other accounts left out; 0 matched');
    expect((JSON.parse(run.stdout) as { rows: { balance: number }[] }).rows.map((r) => r.balance)).toEqual([121]);
  });
});
