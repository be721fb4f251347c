// Totals are exact to the cent or the ledger is refused: never rounded silently. A ledger whose
// amounts add up past 2^53 minor units (90,071,992,547,409.91 EUR) is refused by the import
// funnel with a message; just below it, every total is exact (checked with BigInt here).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli } from './run-cli';

const dir = mkdtempSync(path.join(os.tmpdir(), 'exact-totals-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const AMOUNT = '9999999999999.99';

function ledgerOf(invoices: number): string {
  const file = path.join(dir, `ledger-${invoices}.csv`);
  const rows = Array.from({ length: invoices }, (_, i) => `AR,D1,Big Customer,invoice,INV-${i + 1},2025-01-10,2025-01-10,2025-02-09,${AMOUNT},EUR,${AMOUNT},,,`);
  writeFileSync(file, ['ledger,party_id,party_name,entry_type,doc_no,entry_date,doc_date,due_date,amount,currency,amount_base,settles,description,payment_ref', ...rows].join('\n'));
  return file;
}

/** n × AMOUNT as decimal text, computed with BigInt. */
function exactTotal(n: number): string {
  const cents = BigInt(AMOUNT.replace('.', '')) * BigInt(n);
  return `${cents / 100n}.${String(cents % 100n).padStart(2, '0')}`;
}

describe('totals past 2^53 minor units', () => {
  it('1,000 invoices of 9,999,999,999,999.99: refused with a message, no report printed', async () => {
    const run = await cli('report', 'balances', '--input', ledgerOf(1000), '--as-of', '2025-03-31', '--format', 'csv');
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('the amounts in EUR add up to more than 90071992547409.91 EUR');
  });

  it('9 of them (just below the limit): the total is exact to the cent', async () => {
    const run = await cli('report', 'balances', '--input', ledgerOf(9), '--as-of', '2025-03-31', '--format', 'csv');
    expect(run.code).toBe(0);
    expect(exactTotal(9)).toBe('89999999999999.91');
    expect(run.stdout.split('\r\n')[1]).toMatch(new RegExp(`^AR,D1,Big Customer,${exactTotal(9).replace('.', '\\.')},`));
  });
});
