// Rates as they are read, one quote at a time, into a RatesSource (core/rates.ts): every value is
// checked here, once, for both readers (CSV and ECB XML): a known currency code, a rate above
// zero, at most one rate per currency and date. Problems become issues at the quote's place.
import { formatIsoDate, type Day } from '../../core/date';
import { parseRate, quoteProblem, type QuoteProblem, type Rate, type RateQuote, type RatesSource } from '../../core/rates';
import type { ImportIssue } from '../../core/types';
import { importError, type IssuePlace } from '../issues';

/** The issue of a quote problem (codes written out: the messages test finds every code raised). */
function quoteIssue(problem: QuoteProblem, currencyText: string, rateText: string, at: (field: string) => IssuePlace): ImportIssue {
  switch (problem) {
    case 'bad-currency':
      return importError('bad-currency', at('currency'), { value: currencyText });
    case 'unknown-currency':
      return importError('unknown-currency', at('currency'), { value: currencyText });
    case 'bad-rate':
      return importError('bad-rate', at('rate'), { value: rateText });
    case 'rate-not-positive':
      return importError('rate-not-positive', at('rate'), { value: rateText });
  }
}

export class RatesCollector {
  readonly issues: ImportIssue[] = [];
  private readonly byCurrency = new Map<string, RateQuote[]>();

  /** Checks and keeps one quote; `at(field)` gives the place of a field for an issue. */
  add(currencyText: string, rateText: string, date: Day | null, at: (field: string) => IssuePlace): void {
    const currency = currencyText.trim().toUpperCase();
    const problem = quoteProblem(currency, rateText);
    if (problem !== null) {
      this.issues.push(quoteIssue(problem, currencyText, rateText, at));
      return;
    }
    const rate = parseRate(rateText) as Rate;
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
