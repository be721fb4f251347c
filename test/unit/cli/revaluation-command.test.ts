// `subledger report revaluation --rates FILE` on the CLI fixture: D2's USD invoice 100.00 booked
// at 92.00, half paid, leaves 50.00 USD open at 46.00 EUR. Expected amounts by hand.
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, LEDGER, PARTIES } from './run-cli';

const dir = mkdtempSync(path.join(tmpdir(), 'subledger-rates-'));
function ratesFile(name: string, text: string): string {
  const file = path.join(dir, name);
  writeFileSync(file, text);
  return file;
}
const ECB_DAILY = path.resolve(import.meta.dirname, '../../..', '../shared/formats/ecb-rates/eurofxref-daily.xml');

async function revaluation(...options: string[]) {
  return cli('report', 'revaluation', '--input', LEDGER, '--parties', PARTIES, ...options);
}

describe('subledger report revaluation', () => {
  it('prints the JSON shape of cli.md from a rates CSV', async () => {
    const run = await revaluation('--as-of', '2025-03-31', '--rates', ratesFile('rates.csv', 'currency,rate,date\nUSD,1.08,2025-03-31\n'));
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({
      report: 'revaluation', asOf: '2025-03-31', base: 'EUR',
      rates: { USD: { rate: 1.08, date: '2025-03-31' } },
      rows: [{ ledger: 'AR', partyId: 'D2', partyName: 'Dubois SRL', docNo: 'F3', currency: 'USD', open: 50, openBase: 46, rate: 1.08, revaluedBase: 46.3, difference: 0.3 }],
      totals: [{ ledger: 'AR', currency: 'USD', open: 50, openBase: 46, revaluedBase: 46.3, difference: 0.3, resultEffect: 0.3 }],
      results: [{ ledger: 'AR', resultEffect: 0.3, gains: 0.3, losses: 0 }, { ledger: 'AP', resultEffect: 0, gains: 0, losses: 0 }],
    });
  });

  it('prints CSV rows', async () => {
    const run = await revaluation('--as-of', '2025-03-31', '--format', 'csv', '--rates', ratesFile('r2.csv', 'USD,1.08\n'));
    expect(run.stdout).toBe(
      'ledger,partyId,partyName,docNo,currency,open,openBase,rate,rateDate,revaluedBase,difference\r\nAR,D2,Dubois SRL,F3,USD,50.00,46.00,1.08,,46.30,0.30\r\n',
    );
  });

  it.skipIf(!existsSync(ECB_DAILY))('takes the ECB daily file: a Sunday as-of uses Friday 2025-05-09', async () => {
    const run = await revaluation('--as-of', '2025-05-11', '--rates', ECB_DAILY);
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout) as { rates: unknown; rows: { revaluedBase: number; difference: number }[] };
    expect(json.rates).toEqual({ USD: { rate: 1.1252, date: '2025-05-09' } });
    // 50 / 1.1252 = 44.436 → 44.44
    expect(json.rows[0]).toMatchObject({ revaluedBase: 44.44, difference: -1.56 });
  });

  it('fails with exit 1 naming the rates file, the currency and the date when a rate is missing', async () => {
    const run = await revaluation('--as-of', '2025-03-31', '--rates', ratesFile('gbp.csv', 'GBP,0.85,2025-03-31\nUSD,1.05,2025-04-01\n'));
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe('subledger report: gbp.csv: no closing rate for USD on or before 2025-03-31; nothing is revalued\n');
  });

  it('fails with exit 1 on a bad rates file, and 2 without --rates', async () => {
    const bad = await revaluation('--rates', ratesFile('bad.csv', 'USD,-1.05\n'));
    expect(bad.code).toBe(1);
    expect(bad.stderr).toBe('subledger report: bad.csv, line 1, field rate: the rate -1.05 is not above zero\n');
    expect((await revaluation()).code).toBe(2);
  });
});
