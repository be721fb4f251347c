// The settings of an administration, the one model the pane edits and every report reads: the
// pane's and the sheets' language, aging basis and buckets, due-soon days, company name, IBAN/BIC
// for payment files, base currency and the closing rates. Read with defaults filled in; every
// change is checked by settingsProblems (the pane shows its reasons beside the fields, the store
// refuses a change that has one).
import { bucketsProblem } from '../core/aging';
import type { Day } from '../core/date';
import { isCurrencyCode } from '../core/money';
import { parseRate, quoteProblem, type RateQuote, type RatesSource } from '../core/rates';
import { AGING_BASES, DEFAULT_BUCKETS, DEFAULT_DUE_WITHIN } from '../core/report-types';
import { DEFAULT_BASE_CURRENCY } from '../core/types';
import { LANGS, langOf, type Lang } from '../core/words';
import type { SubledgerDb } from './db';
import { usableSettingsRow } from './record-guard';
import type { SettingsRow, StoredRate, StoredRates, Timestamp } from './records';
import { settingProblem, type SettingProblem } from './setting-problems';

export type { StoredRate, StoredRates } from './records';
export type { SettingProblem } from './setting-problems';
export type Settings = Omit<SettingsRow, 'adminId' | 'updatedAt'>;
export const NO_RATES: Readonly<StoredRates> = { quoteBase: null, source: null, rates: [] };

/** The settings before the first save; the pane and the sheets speak `language` until then. */
export function defaultSettings(language: Lang = 'en'): Settings {
  return {
    language,
    locale: '',
    sheetLanguage: language,
    agingBasis: 'due',
    agingBuckets: [...DEFAULT_BUCKETS],
    dueSoonDays: [...DEFAULT_DUE_WITHIN],
    companyName: '',
    iban: '',
    bic: '',
    baseCurrency: DEFAULT_BASE_CURRENCY,
    closingRates: { ...NO_RATES, rates: [] },
  };
}

export const DEFAULT_SETTINGS: Readonly<Settings> = defaultSettings();

export type SettingsProblems = Partial<Record<keyof Settings, SettingProblem>>;

/** Due-soon days: whole numbers of days, 0 or more, ascending (`3, 5`). */
function dueSoonProblem(days: readonly number[]): boolean {
  return days.length === 0 || !days.every((d, i) => Number.isInteger(d) && d >= 0 && d <= 36_500 && (i === 0 || d > (days[i - 1] as number)));
}

function rateProblem(code: Extract<SettingProblem, { index: number }>['code'], index: number, value: string): SettingProblem {
  return settingProblem({ code, index, values: { value } });
}

/** The first problem of the closing rates: a row's currency, rate or date, or a currency twice on one date. */
export function closingRatesProblem(rates: StoredRates): SettingProblem | null {
  if (rates.quoteBase !== null && !isCurrencyCode(rates.quoteBase)) return rateProblem('quote-base', -1, rates.quoteBase);
  const seen = new Set<string>();
  for (const [index, r] of rates.rates.entries()) {
    const problem = quoteProblem(r.currency, r.rate);
    if (problem !== null) return rateProblem(problem, index, problem === 'bad-currency' || problem === 'unknown-currency' ? r.currency : r.rate);
    if (r.date !== null && !Number.isInteger(r.date)) return rateProblem('rate-date', index, String(r.date));
    const key = `${r.currency}@${r.date ?? ''}`;
    if (seen.has(key)) return rateProblem('duplicate-rate', index, r.currency);
    seen.add(key);
  }
  return null;
}

function simple(code: 'basis' | 'language' | 'locale' | 'due-soon' | 'currency', value: string): SettingProblem {
  return settingProblem({ code, values: { value } });
}

/** A locale must be a well-formed tag of one of our languages, and of the pane's language when given with it. */
function localeProblem(locale: string, language: Lang | undefined): boolean {
  if (locale === '') return false;
  const lang = langOf(locale);
  if (lang === null || (language !== undefined && lang !== language)) return true;
  try {
    return Intl.getCanonicalLocales(locale).length !== 1;
  } catch {
    return true;
  }
}

/** Every problem of a (partial) settings change, per setting; empty when it can be saved. */
export function settingsProblems(s: Partial<Settings>): SettingsProblems {
  const problems: SettingsProblems = {};
  if (s.language !== undefined && !LANGS.includes(s.language)) problems.language = simple('language', s.language);
  if (s.locale !== undefined && localeProblem(s.locale, s.language)) problems.locale = simple('locale', s.locale);
  if (s.sheetLanguage !== undefined && !LANGS.includes(s.sheetLanguage)) problems.sheetLanguage = simple('language', s.sheetLanguage);
  if (s.agingBasis !== undefined && !AGING_BASES.includes(s.agingBasis)) problems.agingBasis = simple('basis', s.agingBasis);
  if (s.agingBuckets !== undefined && bucketsProblem(s.agingBuckets) !== null) problems.agingBuckets = settingProblem({ code: 'buckets', values: { limits: s.agingBuckets } });
  if (s.dueSoonDays !== undefined && dueSoonProblem(s.dueSoonDays)) problems.dueSoonDays = simple('due-soon', s.dueSoonDays.join(', '));
  if (s.baseCurrency !== undefined && !isCurrencyCode(s.baseCurrency)) problems.baseCurrency = simple('currency', s.baseCurrency);
  const rates = s.closingRates === undefined ? null : closingRatesProblem(s.closingRates);
  if (rates !== null) problems.closingRates = rates;
  return problems;
}

/** Throws a RangeError naming the first wrong setting (`Setting agingBuckets: limits must be ascending …`). */
export function checkSettings(change: Partial<Settings>): void {
  const [name, problem] = Object.entries(settingsProblems(change))[0] ?? [];
  if (name !== undefined && problem !== undefined) throw new RangeError(`Setting ${name}: ${problem.text}.`);
}

/** The stored closing rates as a rates source for core/revaluation; null when there are none. */
export function ratesSourceOf(stored: StoredRates): RatesSource | null {
  if (stored.rates.length === 0) return null;
  const byCurrency = new Map<string, RateQuote[]>();
  for (const r of stored.rates) {
    const rate = parseRate(r.rate);
    if (typeof rate === 'string') continue; // refused on save; a row written before the check is skipped
    byCurrency.set(r.currency, [...(byCurrency.get(r.currency) ?? []), { date: r.date, rate }]);
  }
  return { quoteBase: stored.quoteBase, byCurrency };
}

/** A stored rate for a currency (upper-cased) typed with its date. */
export function typedRate(currency: string, rate: string, date: Day | null): StoredRate {
  return { currency: currency.trim().toUpperCase(), rate: rate.trim(), date };
}

export async function getSettings(db: SubledgerDb, adminId: string): Promise<Settings> {
  return settingsOf(await storedSettings(db, adminId));
}

/** The stored settings row of an administration without the fields a read found damaged (reported in db.damaged). */
export async function storedSettings(db: SubledgerDb, adminId: string): Promise<Partial<SettingsRow> | undefined> {
  return usableSettingsRow(db, await db.settings.get(adminId));
}

/** The settings a stored row holds (defaults for what it lacks), or the defaults in `language` without a row. */
export function settingsOf(row: Partial<SettingsRow> | undefined, language: Lang = 'en'): Settings {
  if (!row) return defaultSettings(language);
  const { adminId: _adminId, updatedAt: _updatedAt, ...settings } = row;
  return { ...defaultSettings(row.language ?? language), ...settings };
}

export async function updateSettings(
  db: SubledgerDb,
  adminId: string,
  change: Partial<Settings>,
  at: Timestamp = Date.now(),
): Promise<Settings> {
  checkSettings(change);
  return db.transaction('rw', db.settings, async () => {
    const settings = { ...(await getSettings(db, adminId)), ...change };
    await db.settings.put({ ...settings, adminId, updatedAt: at });
    return settings;
  });
}
