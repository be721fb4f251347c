// A rates file dropped on (or picked in) Settings: read by the rates readers (import/rates, the
// CLI's `--rates`), then each currency's rate on or before the chosen date kept as the
// administration's closing rates, as published (per 1 EUR for the ECB).
import type { Day } from '../../core/date';
import { quotesAsOf } from '../../core/rates';
import type { ImportIssue } from '../../core/types';
import { readRates } from '../../import/rates/index';
import type { StoredRates } from '../../store/settings';

export type RatesFileReading =
  | { kind: 'rates'; rates: StoredRates }
  /** The file could not be used: the readers' issues, each with file, line or element and field. */
  | { kind: 'issues'; issues: ImportIssue[] }
  /** The file holds rates, but none on or before the date. */
  | { kind: 'none'; file: string };

export async function readRatesFile(file: { name: string; bytes: Uint8Array }, asOf: Day): Promise<RatesFileReading> {
  const read = await readRates(file);
  if (read.rates === null) return { kind: 'issues', issues: read.issues.filter((i) => i.severity === 'error') };
  const quotes = quotesAsOf(read.rates, asOf);
  if (quotes.length === 0) return { kind: 'none', file: file.name };
  return {
    kind: 'rates',
    rates: { quoteBase: read.rates.quoteBase, source: file.name, rates: quotes.map(({ currency, quote }) => ({ currency, rate: quote.rate.text, date: quote.date })) },
  };
}
