// Schema version 4 (db.ts): the settings row of versions 1–3 becomes the one settings model.
import type { Transaction } from 'dexie';
import type { SettingsRow } from './records';
import { LANGS } from '../core/words';

/** The settings row as versions 1–3 wrote it: `language` `pane|sheets`, closing rates per currency. */
interface SettingsRowV3 {
  language?: string;
  sheetLanguage?: string;
  closingRates?: Record<string, string> | SettingsRow['closingRates'];
}

/**
 * v3 → v4: the one settings model. `language: 'nl|fr'` becomes `language: 'nl', sheetLanguage:
 * 'fr'` (one language: both), and the closing rates `{ USD: '1.0834' }` (per base currency,
 * undated) become a list of rates.
 */
export async function splitSettingsLanguage(tx: Transaction): Promise<void> {
  const lang = (text: string | undefined, fallback: string): string => LANGS.find((l) => l === text) ?? fallback;
  await tx.table('settings').toCollection().modify((row: SettingsRowV3) => {
    const [pane, sheets] = (row.language ?? '').split('|');
    row.language = lang(pane, 'en');
    row.sheetLanguage = lang(sheets, row.language);
    const rates: object = row.closingRates ?? {};
    if (!('rates' in rates)) {
      const old = rates as Record<string, string>;
      row.closingRates = { quoteBase: null, source: null, rates: Object.entries(old).map(([currency, rate]) => ({ currency, rate, date: null })) };
    }
  });
}
