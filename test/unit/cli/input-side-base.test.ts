// --side and --base for inputs that do not say them: a one-sided export without a side column
// fails with a request for --side and imports with it; --base sets the base currency of an input
// in a foreign currency (and pay takes both too).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from './run-cli';

const dir = mkdtempSync(path.join(tmpdir(), 'subledger-side-'));
const ONE_SIDED = path.join(dir, 'openstaand.csv');
writeFileSync(ONE_SIDED, ['Relatienr;Boekstuk;Datum;Vervaldatum;Bedrag', 'L1;I-1;02-01-2025;01-02-2025;100,00', 'L2;I-2;03-01-2025;02-02-2025;40,50'].join('\n'));
const IN_USD = path.join(dir, 'usd.csv');
writeFileSync(IN_USD, ['Customer,Invoice No,Invoice Date,Total,Currency', 'C1,A-1,2025-01-02,250.00,USD'].join('\n'));

describe('--side for an input without a side column', () => {
  it('without it: exit 1, the message asks for --side', async () => {
    const run = await cli('report', 'balances', '--input', ONE_SIDED, '--as-of', '2025-03-31');
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('openstaand.csv');
    expect(run.stderr).toContain('--side AR or --side AP');
  });

  it('with --side AP: the rows are payables', async () => {
    const run = await cli('report', 'balances', '--input', ONE_SIDED, '--as-of', '2025-03-31', '--side', 'AP');
    expect(run.code).toBe(0);
    const rows = (JSON.parse(run.stdout) as { rows: { ledger: string; partyId: string; balance: number }[] }).rows;
    expect(rows.map((r) => [r.ledger, r.partyId, r.balance]).sort()).toEqual([['AP', 'L1', 100], ['AP', 'L2', 40.5]]);
  });
});

describe('--base for an input in another currency', () => {
  it('USD invoices with --base USD need no base amount', async () => {
    const without = await cli('report', 'balances', '--input', IN_USD, '--as-of', '2025-03-31');
    expect(without.code).toBe(1);
    const run = await cli('report', 'balances', '--input', IN_USD, '--as-of', '2025-03-31', '--base', 'USD');
    expect(run.code).toBe(0);
    expect((JSON.parse(run.stdout) as { rows: { balance: number }[] }).rows.map((r) => r.balance)).toEqual([250]);
  });
});
