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
