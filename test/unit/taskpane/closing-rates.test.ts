// Closing rates in the pane: a rates file read into the settings (the ECB's history as of a Sunday
// takes Friday's rates), the stored rates used by the sheets the pane syncs or downloads, and a
// currency without a rate named in the pane's language. Expected amounts worked out by hand:
//   I1 100.01 USD at 2       → 50.005 → 50.01 EUR (half away from zero); booked 90.00 → −39.99
//   J1 10000 JPY at 163.36   → 61.2145… → 61.21 EUR; booked 62.00 → −0.79
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readRatesFile } from '../../../src/taskpane/actions/rates-file';
import { workbookSpecs } from '../../../src/taskpane/actions/workbook';
import { withClosingRates } from '../../../src/taskpane/actions/write-sheets';
import { translate } from '../../../src/taskpane/i18n';
import { nl } from '../../../src/taskpane/i18n/nl';
import { defaultSettings, ratesSourceOf, type StoredRates } from '../../../src/store/settings';
import { day, ledgerOf } from '../core/fixture';

const ECB = path.resolve(__dirname, '../../../../shared/formats/ecb-rates');
const haveEcb = existsSync(ECB);
if (!haveEcb) console.warn(`${ECB} is absent: the ECB rates-file checks are skipped`);
const ecb = (name: string) => ({ name, bytes: new Uint8Array(readFileSync(path.join(ECB, name))) });

const ledger = ledgerOf(`ledger | party_id | entry_type | doc_no | entry_date | currency | amount | amount_base | settles
  AR | C1 | invoice | I1 | 2024-11-02 | USD | 100.01 | 90.00 |
  AR | C2 | invoice | J1 | 2024-11-02 | JPY | 10000  | 62.00 |
  AR | C3 | invoice | E1 | 2024-11-02 | EUR | 500.00 | 500.00 |`);

const typed: StoredRates = {
  quoteBase: null,
  source: null,
  rates: [
    { currency: 'USD', rate: '2', date: day('2024-12-31') },
    { currency: 'JPY', rate: '163.36', date: day('2024-12-31') },
  ],
};

const choice = { sheets: ['revaluation'], asOf: day('2024-12-31'), basis: 'due' as const, buckets: [30, 60, 90, 120], period: { from: day('2024-01-01'), to: day('2024-12-31') }, lang: 'en' as const };

describe.skipIf(!haveEcb)('a rates file read into Settings', () => {
  it('keeps every currency of the daily ECB file, per 1 EUR, with its date', async () => {
    const read = await readRatesFile(ecb('eurofxref-daily.xml'), day('2025-12-31'));
    expect(read.kind).toBe('rates');
    if (read.kind !== 'rates') return;
    expect(read.rates.quoteBase).toBe('EUR');
    expect(read.rates.source).toBe('eurofxref-daily.xml');
    expect(read.rates.rates).toHaveLength(30);
    expect(read.rates.rates.find((r) => r.currency === 'USD')).toEqual({ currency: 'USD', rate: '1.1252', date: day('2025-05-09') });
    expect(read.rates.rates.find((r) => r.currency === 'JPY')).toEqual({ currency: 'JPY', rate: '163.36', date: day('2025-05-09') });
  });

  it('takes Friday’s rates of the ECB history for a Sunday, and nothing before the file starts', async () => {
    const read = await readRatesFile(ecb('eurofxref-hist-90d.xml'), day('2017-01-08'));
    if (read.kind !== 'rates') throw new Error(read.kind);
    expect(read.rates.rates.find((r) => r.currency === 'USD')).toEqual({ currency: 'USD', rate: '1.0589', date: day('2017-01-06') });
    expect(read.rates.rates.find((r) => r.currency === 'GBP')).toEqual({ currency: 'GBP', rate: '0.85648', date: day('2017-01-06') });
    expect(await readRatesFile(ecb('eurofxref-hist-90d.xml'), day('2016-12-01'))).toEqual({ kind: 'none', file: 'eurofxref-hist-90d.xml' });
  });

  it('refuses a broken file with the readers’ place and field, keeping nothing', async () => {
    const bytes = new TextEncoder().encode('currency,rate,date\nUSD,1.05,2024-12-31\nXYZ,2,2024-12-31\nGBP,-0.8,2024-12-31\n');
    const read = await readRatesFile({ name: 'rates.csv', bytes }, day('2024-12-31'));
    expect(read.kind).toBe('issues');
    if (read.kind !== 'issues') return;
    expect(read.issues.map((i) => [i.code, i.file, i.line, i.field])).toEqual([
      ['unknown-currency', 'rates.csv', 3, 'currency'],
      ['rate-not-positive', 'rates.csv', 4, 'rate'],
    ]);
  });
});

describe('the closing rates of Settings in the synced or downloaded sheets', () => {
  it('add the Revaluation sheet with the hand-computed amounts', () => {
    const [sheet] = workbookSpecs(ledger, choice, { company: 'Elise', dueWithin: [3, 5], notes: new Map(), rates: ratesSourceOf(typed) });
    expect(sheet?.kind).toBe('revaluation');
    const items = sheet?.tables[0];
    const col = (key: string) => items?.columns.findIndex((c) => c.key === key) ?? -1;
    expect(items?.rows.map((r) => [r[col('docNo')], r[col('open')], r[col('openBase')], r[col('revaluedBase')], r[col('difference')]])).toEqual([
      ['I1', 10001, 9000, 5001, -3999],
      ['J1', 10000, 6200, 6121, -79],
    ]);
  });

  it('leave the Revaluation sheet out when there are none', () => {
    expect(workbookSpecs(ledger, choice, { company: 'Elise', dueWithin: [3, 5], notes: new Map(), rates: ratesSourceOf(defaultSettings().closingRates) })).toEqual([]);
  });

  it('name a currency without a rate, and the rates file, in the pane’s language', () => {
    const settings = { ...defaultSettings('nl'), closingRates: { ...typed, source: 'koersen.csv', rates: typed.rates.slice(0, 1) } };
    const pane = { settings, lang: 'nl' as const, t: (key: keyof typeof nl, params?: Record<string, string | number>) => translate(nl, key, params) };
    const build = () => workbookSpecs(ledger, choice, { company: 'Elise', dueWithin: [3, 5], notes: new Map(), rates: ratesSourceOf(settings.closingRates) });
    expect(() => withClosingRates(pane, build)).toThrow('koersen.csv: geen slotkoers voor JPY op of vóór 2024-12-31; er wordt niets geherwaardeerd');
    const typedOnly = { ...pane, settings: { ...settings, closingRates: { ...settings.closingRates, source: null } } };
    expect(() => withClosingRates(typedOnly, build)).toThrow('slotkoersen ingetypt in Instellingen: geen slotkoers voor JPY');
  });
});
