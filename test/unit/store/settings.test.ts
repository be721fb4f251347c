// The one settings model: one check whose reasons the pane shows beside the fields and the store
// enforces on save, the closing rates as a rates source, and the version-4 upgrade of a settings
// row written by version 3 (`language: 'nl|fr'`, closing rates per currency).
import { afterEach, describe, expect, it } from 'vitest';
import { LATEST_VERSION } from '../../../src/store/db';
import type { SettingsRow } from '../../../src/store/records';
import { settingProblemText, settingReason } from '../../../src/store/setting-problems';
import { getSettings, NO_RATES, ratesSourceOf, settingsProblems, updateSettings, type StoredRates } from '../../../src/store/settings';
import { closeTracked, day, freshName, openDb, track } from './helpers';

afterEach(closeTracked);

const rates = (...rows: [string, string, string | null][]): StoredRates => ({
  quoteBase: null,
  source: null,
  rates: rows.map(([currency, rate, date]) => ({ currency, rate, date: date === null ? null : day(date) })),
});

describe('one check of the settings', () => {
  it('names each wrong setting with a code and the value the pane shows', () => {
    expect(settingsProblems({ agingBuckets: [30, 20], dueSoonDays: [5, 3], baseCurrency: 'EURO' })).toEqual({
      agingBuckets: { code: 'buckets', values: { limits: [30, 20] }, text: 'limits must be ascending (e.g. 30, 60, 90, 120)' },
      dueSoonDays: { code: 'due-soon', values: { value: '5, 3' }, text: expect.stringContaining('"5, 3" is not') as string },
      baseCurrency: { code: 'currency', values: { value: 'EURO' }, text: '"EURO" is not a three-letter ISO 4217 code' },
    });
    expect(settingsProblems({ agingBuckets: [30, 60], dueSoonDays: [0, 3], baseCurrency: 'JPY', language: 'fr', sheetLanguage: 'nl' })).toEqual({});
  });

  it('words each problem in Dutch and French too, a closing rate with its row', () => {
    const { agingBuckets, baseCurrency, closingRates } = settingsProblems({
      agingBuckets: [30, 20],
      baseCurrency: 'EURO',
      closingRates: { ...NO_RATES, rates: [{ currency: 'USD', rate: '1.08', date: null }, { currency: 'USD', rate: '1.09', date: 1.5 }] },
    });
    expect(settingProblemText(agingBuckets!, 'nl')).toBe('de grenzen moeten oplopen (bijv. 30, 60, 90, 120)');
    expect(settingProblemText(baseCurrency!, 'fr')).toBe('« EURO » n’est pas un code ISO 4217 à trois lettres');
    expect(settingProblemText(closingRates!, 'en')).toBe('rate 2: 1.5 is not a date');
    expect(settingProblemText(closingRates!, 'nl')).toBe('koers 2: 1.5 is geen datum');
    expect(settingReason(closingRates!, 'fr')).toBe('1.5 n’est pas une date');
  });

  it('refuses a closing rate in the rates readers\' words, naming its row', () => {
    const problem = (r: StoredRates) => settingsProblems({ closingRates: r }).closingRates;
    expect(problem(rates(['USD', '1.0834', '2024-12-31'], ['JPY', '163', null]))).toBeUndefined();
    expect(problem(rates(['USD', '1.08', null], ['XYZ', '2', null]))).toMatchObject({ code: 'unknown-currency', index: 1, values: { value: 'XYZ' } });
    expect(problem(rates(['usd', '1.08', null]))).toMatchObject({ code: 'bad-currency', index: 0 });
    expect(problem(rates(['USD', '0', null]))).toMatchObject({ code: 'rate-not-positive', index: 0, values: { value: '0' } });
    expect(problem(rates(['USD', '-1.2', null]))).toMatchObject({ code: 'rate-not-positive' });
    expect(problem(rates(['USD', '1,08', null]))).toMatchObject({ code: 'bad-rate', values: { value: '1,08' } });
    expect(problem(rates(['USD', '1.08', '2024-12-31'], ['USD', '1.09', '2024-12-31']))).toMatchObject({ code: 'duplicate-rate', index: 1 });
    expect(problem(rates(['USD', '1.08', '2024-12-30'], ['USD', '1.09', '2024-12-31']))).toBeUndefined();
  });

  it('gives the stored rates to the revaluation as exact fractions', () => {
    const source = ratesSourceOf({ ...rates(['USD', '1.0565', '2024-12-31'], ['JPY', '163.36', null]), quoteBase: 'EUR' });
    expect(source?.quoteBase).toBe('EUR');
    expect(source?.byCurrency.get('USD')).toEqual([{ date: day('2024-12-31'), rate: { num: 10565n, den: 10000n, text: '1.0565' } }]);
    expect(source?.byCurrency.get('JPY')).toEqual([{ date: null, rate: { num: 16336n, den: 100n, text: '163.36' } }]);
    expect(ratesSourceOf(rates())).toBeNull();
  });
});

describe('schema version 4', () => {
  it('splits the pane|sheets language and turns the closing rates into a list', async () => {
    const name = freshName();
    const v3 = track(openDb(name, { upToVersion: 3 }));
    const old = { language: 'nl|fr', closingRates: { USD: '1.0834' }, agingBasis: 'doc', agingBuckets: [15, 45], dueSoonDays: [3, 5], companyName: 'Elise', iban: '', bic: '', baseCurrency: 'EUR' };
    await v3.settings.put({ ...old, adminId: 'a', updatedAt: 1 } as unknown as SettingsRow);
    await v3.settings.put({ ...old, language: 'fr', closingRates: {}, adminId: 'b', updatedAt: 1 } as unknown as SettingsRow);
    v3.close();
    const v4 = track(openDb(name));
    expect(await getSettings(v4, 'a')).toEqual({
      language: 'nl',
      locale: '', // a store from before the region: the computer's region when it goes with the language
      sheetLanguage: 'fr',
      agingBasis: 'doc',
      agingBuckets: [15, 45],
      dueSoonDays: [3, 5],
      companyName: 'Elise',
      iban: '',
      bic: '',
      baseCurrency: 'EUR',
      closingRates: { quoteBase: null, source: null, rates: [{ currency: 'USD', rate: '1.0834', date: null }] },
    });
    expect(await getSettings(v4, 'b')).toMatchObject({ language: 'fr', sheetLanguage: 'fr', closingRates: { rates: [] } });
    expect(v4.verno).toBe(LATEST_VERSION);
    expect(await updateSettings(v4, 'b', { sheetLanguage: 'en' })).toMatchObject({ language: 'fr', sheetLanguage: 'en' });
  });
});
