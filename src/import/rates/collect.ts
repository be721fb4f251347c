// Rates as they are read, one quote at a time, into a RatesSource (core/rates.ts): every value is
// checked here, once, for both readers (CSV and ECB XML): a known currency code, a rate above
// zero, at most one rate per currency and date. Problems become issues at the quote's place.
import { formatIsoDate, type Day } from '../../core/date';
import { isCurrencyCode, isKnownCurrency } from '../../core/money';
import { parseRate, type RateQuote, type RatesSource } from '../../core/rates';
import type { ImportIssue } from '../../core/types';
import { importError, type IssuePlace } from '../issues';

export class RatesCollector {
  readonly issues: ImportIssue[] = [];
  private readonly byCurrency = new Map<string, RateQuote[]>();

  /** Checks and keeps one quote; `at(field)` gives the place of a field for an issue. */
  add(currencyText: string, rateText: string, date: Day | null, at: (field: string) => IssuePlace): void {
    const currency = currencyText.trim().toUpperCase();
    if (!isCurrencyCode(currency)) {
      this.issues.push(importError('bad-currency', at('currency'), { value: currencyText }));
      return;
    }
    if (!isKnownCurrency(currency)) {
      this.issues.push(importError('unknown-currency', at('currency'), { value: currencyText }));
      return;
    }
    const rate = parseRate(rateText);
    if (rate === 'not-a-number') this.issues.push(importError('bad-rate', at('rate'), { value: rateText }));
    else if (rate === 'not-positive') this.issues.push(importError('rate-not-positive', at('rate'), { value: rateText }));
    if (typeof rate === 'string') return;
    const quotes = this.byCurrency.get(currency) ?? [];
    if (quotes.some((q) => q.date === date)) {
      this.issues.push(importError('duplicate-rate', at('currency'), { currency, date: date === null ? '-' : formatIsoDate(date) }));
      return;
    }
    quotes.push({ date, rate });
    this.byCurrency.set(currency, quotes);
  }

  /** The source, or null when anything was an error or no rate was read (an issue says which). */
  finish(file: string, quoteBase: string | null): RatesSource | null {
    if (this.issues.length === 0 && this.byCurrency.size === 0) this.issues.push(importError('no-rates', { file }));
    return this.issues.length > 0 ? null : { quoteBase, byCurrency: this.byCurrency };
  }
}
