// Settings of an administration: language, aging buckets and basis, due-soon days, company name,
// IBAN/BIC for payment files, base currency, closing rates. Read with defaults filled in; every
// change is checked, and a wrong value is refused with a sentence naming the setting.
import { DEFAULT_BASE_CURRENCY } from '../core/types';
import { bucketsProblem } from '../core/aging';
import { isCurrencyCode } from '../core/money';
import { DEFAULT_BUCKETS, DEFAULT_DUE_WITHIN, type AgingBasis } from '../core/report-types';
import type { SubledgerDb } from './db';
import type { SettingsRow, Timestamp } from './records';

export type Settings = Omit<SettingsRow, 'adminId' | 'updatedAt'>;

export const DEFAULT_SETTINGS: Readonly<Settings> = {
  language: 'en',
  agingBasis: 'due',
  agingBuckets: [...DEFAULT_BUCKETS],
  dueSoonDays: [...DEFAULT_DUE_WITHIN],
  companyName: '',
  iban: '',
  bic: '',
  baseCurrency: DEFAULT_BASE_CURRENCY,
  closingRates: {},
};

const BASES: readonly AgingBasis[] = ['due', 'doc', 'entry'];
const RATE = /^\d+(\.\d+)?$/;

export async function getSettings(db: SubledgerDb, adminId: string): Promise<Settings> {
  const row = await db.settings.get(adminId);
  if (!row) return { ...DEFAULT_SETTINGS };
  const { adminId: _adminId, updatedAt: _updatedAt, ...settings } = row;
  return { ...DEFAULT_SETTINGS, ...settings };
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

/** Throws a RangeError naming the first wrong setting. */
export function checkSettings(change: Partial<Settings>): void {
  const wrong = firstWrongSetting(change);
  if (wrong) throw new RangeError(`Setting ${wrong}`);
}

function firstWrongSetting(s: Partial<Settings>): string | null {
  if (s.agingBasis !== undefined && !BASES.includes(s.agingBasis)) return `agingBasis: "${s.agingBasis}" is not due, doc or entry.`;
  if (s.agingBuckets !== undefined && bucketsProblem(s.agingBuckets) !== null) {
    return 'agingBuckets: give ascending whole numbers of days, at least 1 (e.g. 30, 60, 90, 120).';
  }
  if (s.dueSoonDays !== undefined && !s.dueSoonDays.every((d) => Number.isInteger(d) && d >= 0)) {
    return 'dueSoonDays: give whole numbers of days, 0 or more.';
  }
  if (s.baseCurrency !== undefined && !isCurrencyCode(s.baseCurrency)) return `baseCurrency: "${s.baseCurrency}" is not a three-letter ISO 4217 code.`;
  for (const [currency, rate] of Object.entries(s.closingRates ?? {})) {
    if (!isCurrencyCode(currency)) return `closingRates: "${currency}" is not a three-letter ISO 4217 code.`;
    if (!RATE.test(rate) || Number(rate) === 0) return `closingRates.${currency}: "${rate}" is not a positive decimal rate such as 1.0834.`;
  }
  return null;
}
