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

describe('--ar-accounts / --ap-accounts on a GL transaction list whose accounts say nothing', () => {
  const gl = [
    'Date;Account;Description;Debit;Credit;Contact;Reference',
    '05-01-2024;1300;Invoice F1;1.210,00;;Jansen;F1',
    '05-01-2024;8000;Invoice F1;;1.000,00;Jansen;F1',
    '05-01-2024;1500;Invoice F1;;210,00;Jansen;F1',
    '08-01-2024;4000;Purchase I7;400,00;;Peeters;I7',
    '08-01-2024;1600;Purchase I7;;400,00;Peeters;I7',
    '20-01-2024;1100;Receipt Jansen;200,50;;;R1',
    '20-01-2024;1300;Receipt Jansen;;200,50;Jansen;R1',
    '',
  ].join('\n');

  it('refuses it naming the accounts it saw and the options, and imports it once they are given', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'subledger-gl-list-'));
    const file = path.join(dir, 'grootboek.csv');
    writeFileSync(file, gl);
    const refused = await cli('report', 'balances', '--input', file, '--as-of', '2024-12-31', '--format', 'json');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/1300 \(2\), 1100 \(1\), 1500 \(1\), 1600 \(1\), 4000 \(1\), 8000 \(1\)/);
    expect(refused.stderr).toContain('--ar-accounts / --ap-accounts');
    const run = await cli('report', 'balances', '--input', file, '--as-of', '2024-12-31', '--format', 'json', '--ar-accounts', '13', '--ap-accounts', '16');
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('grootboek.csv: general-ledger transaction list, 7 lines: 3 on 1300, 1600, 4 on other accounts left out');
    const rows = (JSON.parse(run.stdout) as { rows: { ledger: string; partyId: string; balance: number }[] }).rows;
    expect(rows.map((r) => `${r.ledger} ${r.partyId} ${r.balance}`).sort()).toEqual(['AP Peeters 400', 'AR Jansen 1009.5']);
  });
});
