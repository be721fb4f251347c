// Revaluation at closing rates (ledger.md §9): fixtures whose expected amounts were worked out by
// hand (and checked with Python's decimal module, ROUND_HALF_UP), not through the code under test.
import { describe, expect, it } from 'vitest';
import { parseRate, type Rate, type RatesSource } from '../../../src/core/rates';
import { MissingRateError, revaluation } from '../../../src/core/revaluation';
import { revaluationJournal } from '../../../src/core/revaluation-journal';
import { day, ledgerOf, USD_PAID_IN_TWO_PARTS } from './fixture';

function rate(text: string): Rate {
  const r = parseRate(text);
  if (typeof r === 'string') throw new Error(`bad test rate ${text}`);
  return r;
}

/** Rates per currency as `{ USD: [['2024-12-31', '1.0565']] }`; null date = undated. */
function source(rates: Record<string, [string | null, string][]>, quoteBase: string | null = null): RatesSource {
  const byCurrency = new Map(
    Object.entries(rates).map(([cur, quotes]) => [cur, quotes.map(([d, r]) => ({ date: d === null ? null : day(d), rate: rate(r) }))]),
  );
  return { quoteBase, byCurrency };
}

const HEADER = 'ledger | party_id | entry_type | doc_no | entry_date | currency | amount | amount_base | settles';

describe('revaluation (ledger.md §9)', () => {
  it('rounds open / rate half away from zero at the half cent, both signs', () => {
    const ledger = ledgerOf(`${HEADER}
      AR | C1 | invoice     | I1 | 2024-11-02 | USD | 100.01  | 90.00  |
      AR | C1 | credit_note | K1 | 2024-11-03 | USD | -100.01 | -91.00 |
      AR | C2 | invoice     | I2 | 2024-11-04 | USD | 1000.00 | 900.00 |
      AR | C3 | invoice     | I3 | 2024-11-04 | EUR | 500.00  | 500.00 |`);
    const report = revaluation(ledger, day('2024-12-31'), source({ USD: [['2024-12-31', '2']] }));
    const byDoc = Object.fromEntries(report.rows.map((r) => [r.docNo, r]));
    expect(Object.keys(byDoc).sort()).toEqual(['I1', 'I2', 'K1']); // the EUR item is not revalued
    expect(byDoc.I1).toMatchObject({ open: 10001, openBase: 9000, revaluedBase: 5001, difference: -3999, resultEffect: -3999 });
    expect(byDoc.K1).toMatchObject({ open: -10001, openBase: -9100, revaluedBase: -5001, difference: 4099 });
    const at1_0565 = revaluation(ledger, day('2024-12-31'), source({ USD: [['2024-12-31', '1.0565']] }));
    expect(at1_0565.rows.find((r) => r.docNo === 'I2')).toMatchObject({ revaluedBase: 94652, difference: 4652, resultEffect: 4652 });
  });

  it('values JPY (0 decimals) and KWD (3 decimals) items in their own minor units', () => {
    const ledger = ledgerOf(`${HEADER}
      AR | C1 | invoice | J1 | 2024-11-02 | JPY | 10000    | 62.00  |
      AP | S1 | invoice | K1 | 2024-11-02 | KWD | 1000.125 | 3000.00 |`);
    const report = revaluation(ledger, day('2024-12-31'), source({ JPY: [[null, '163.36']], KWD: [[null, '0.3301']] }));
    expect(report.rows.find((r) => r.docNo === 'J1')).toMatchObject({ open: 10000, openBase: 6200, revaluedBase: 6121, difference: -79, resultEffect: -79 });
    // AP: the debt grew by 29.76 → a loss of 29.76
    expect(report.rows.find((r) => r.docNo === 'K1')).toMatchObject({ open: 1000125, openBase: 300000, revaluedBase: 302976, difference: 2976, resultEffect: -2976 });
    expect(report.rates.JPY?.date).toBeNull();
  });

  it('revalues into a 3-decimal base currency', () => {
    const ledger = ledgerOf(`${HEADER}
      AR | C1 | invoice | U1 | 2024-11-02 | USD | 100.01 | 31.000 |`, '', 'KWD');
    const report = revaluation(ledger, day('2024-12-31'), source({ USD: [['2024-12-30', '3.2']] }));
    expect(report.rows[0]).toMatchObject({ openBase: 31000, revaluedBase: 31253, difference: 253 });
  });

  it('takes a partly paid item at its pro-rata open base (§2.5)', () => {
    const ledger = ledgerOf(USD_PAID_IN_TWO_PARTS);
    const report = revaluation(ledger, day('2024-02-29'), source({ USD: [['2024-02-29', '1.1']] }));
    // open 666.67 USD; open base 900.01 × 666.67 / 1000 = 600.01; 666.67 / 1.1 = 606.06
    expect(report.rows).toHaveLength(1);
    expect(report.rows[0]).toMatchObject({ docNo: 'INV-US', open: 66667, openBase: 60001, revaluedBase: 60606, difference: 605 });
  });

  it('uses the latest rate on or before as-of: a Sunday takes Friday', () => {
    const ledger = ledgerOf(`${HEADER}
      AR | C1 | invoice | I1 | 2017-02-01 | USD | 1000.00 | 930.00 |`);
    const rates = source({ USD: [['2017-03-06', '1.0616'], ['2017-03-02', '1.0540'], ['2017-03-03', '1.0565']] });
    const report = revaluation(ledger, day('2017-03-05'), rates);
    expect(report.rates.USD).toEqual({ rate: rate('1.0565'), date: day('2017-03-03') });
    expect(report.rows[0]?.revaluedBase).toBe(94652);
  });

  it('refuses the whole report when a currency with open items has no rate on or before as-of', () => {
    const ledger = ledgerOf(`${HEADER}
      AR | C1 | invoice | I1 | 2024-11-02 | USD | 100.00 | 90.00 |
      AR | C2 | invoice | I2 | 2024-11-02 | GBP | 100.00 | 115.00 |
      AP | S1 | invoice | I3 | 2024-11-02 | CHF | 100.00 | 104.00 |`);
    const rates = source({ USD: [['2024-12-31', '1.04']], CHF: [['2025-01-02', '0.94']] });
    let error: unknown;
    try {
      revaluation(ledger, day('2024-12-31'), rates);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(MissingRateError);
    expect((error as MissingRateError).missing).toEqual([
      { currency: 'CHF', sought: day('2024-12-31') },
      { currency: 'GBP', sought: day('2024-12-31') },
    ]);
    expect((error as Error).message).toBe('no closing rate for CHF on or before 2024-12-31; no closing rate for GBP on or before 2024-12-31');
  });

  it('does not need a rate for a currency whose items are all settled', () => {
    const ledger = ledgerOf(`${HEADER}
      AR | C1 | invoice | I1 | 2024-11-02 | GBP | 100.00  | 115.00  |
      AR | C1 | payment | P1 | 2024-11-20 | GBP | -100.00 | -116.00 | I1`);
    expect(revaluation(ledger, day('2024-12-31'), source({})).rows).toEqual([]);
  });

  it('crosses ECB rates (per EUR) through EUR for a USD base ledger', () => {
    const ledger = ledgerOf(`${HEADER}
      AR | C1 | invoice | G1 | 2017-02-01 | GBP | 100.00 | 120.00 |
      AR | C1 | invoice | E1 | 2017-02-01 | EUR | 100.00 | 107.00 |`, '', 'USD');
    const ecb = source({ USD: [['2017-03-03', '1.0565']], GBP: [['2017-03-03', '0.86355']] }, 'EUR');
    const report = revaluation(ledger, day('2017-03-05'), ecb);
    // GBP 100 × 1.0565 / 0.86355 = 122.34 USD; EUR 100 × 1.0565 = 105.65 USD
    expect(report.rows.find((r) => r.docNo === 'G1')).toMatchObject({ revaluedBase: 12234, difference: 234 });
    expect(report.rows.find((r) => r.docNo === 'E1')).toMatchObject({ revaluedBase: 10565, difference: -135 });
    expect(report.rates.GBP?.rate.text).toBe('0.817369');
    expect(report.rates.EUR?.date).toBe(day('2017-03-03'));
    expect(() => revaluation(ledger, day('2017-03-05'), source({ GBP: [['2017-03-03', '0.86355']] }, 'EUR'))).toThrow(
      'no closing rate for USD on or before 2017-03-05',
    );
  });

  it('totals per ledger and currency, gains and losses apart, and the journal to post', () => {
    const ledger = ledgerOf(`${HEADER}
      AR | C1 | invoice | A1 | 2024-11-02 | USD | 1000.00 | 900.00  |
      AR | C2 | invoice | A2 | 2024-11-02 | USD | 500.00  | 480.00  |
      AR | C2 | invoice | A3 | 2024-11-02 | GBP | 100.00  | 125.00  |
      AP | S1 | invoice | P1 | 2024-11-02 | USD | 2000.00 | 1900.00 |`);
    const report = revaluation(ledger, day('2024-12-31'), source({ USD: [['2024-12-31', '1']], GBP: [['2024-12-31', '0.8']] }));
    expect(report.totals).toEqual([
      { ledger: 'AR', currency: 'GBP', open: 10000, openBase: 12500, revaluedBase: 12500, difference: 0, resultEffect: 0 },
      { ledger: 'AR', currency: 'USD', open: 150000, openBase: 138000, revaluedBase: 150000, difference: 12000, resultEffect: 12000 },
      { ledger: 'AP', currency: 'USD', open: 200000, openBase: 190000, revaluedBase: 200000, difference: 10000, resultEffect: -10000 },
    ]);
    expect(report.results).toEqual([
      { ledger: 'AR', resultEffect: 12000, gains: 12000, losses: 0 },
      { ledger: 'AP', resultEffect: -10000, gains: 0, losses: 10000 },
    ]);
    expect(revaluationJournal(report.totals)).toEqual([
      { ledger: 'AR', currency: 'USD', account: 'debtors', debit: 12000, credit: 0 },
      { ledger: 'AR', currency: 'USD', account: 'exchange-gain', debit: 0, credit: 12000 },
      { ledger: 'AP', currency: 'USD', account: 'exchange-loss', debit: 10000, credit: 0 },
      { ledger: 'AP', currency: 'USD', account: 'creditors', debit: 0, credit: 10000 },
    ]);
  });
});

describe('parseRate', () => {
  it('keeps the decimal exactly and refuses zero, negative and non-numbers', () => {
    expect(parseRate('0.84770')).toEqual({ num: 84770n, den: 100000n, text: '0.84770' });
    expect(parseRate('163')).toEqual({ num: 163n, den: 1n, text: '163' });
    expect(parseRate('0')).toBe('not-positive');
    expect(parseRate('0.000')).toBe('not-positive');
    expect(parseRate('-1.2')).toBe('not-positive');
    expect(parseRate('1,08')).toBe('not-a-number');
    expect(parseRate('')).toBe('not-a-number');
    expect(parseRate('1e3')).toBe('not-a-number');
  });
});
