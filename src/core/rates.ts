// Closing rates (ledger.md §9): units of a currency per 1 unit of a quote currency (the ECB's
// convention, `USD 1.0565` = 1 EUR buys 1.0565 USD), held as exact fractions, never as floats.
// The rate used for a date is the one of the latest quote date on or before it.
//   parseRate('1.0565') → { num: 10565n, den: 10000n, text: '1.0565' }
// A source quoted against another currency than the ledger's base (the ECB's EUR, for a USD
// ledger) is crossed through that currency, exactly: GBP per USD = (GBP per EUR) / (USD per EUR).
import { formatIsoDate, type Day } from './date';
import { divRoundBig, isCurrencyCode, isKnownCurrency } from './money';

/** A positive rate `num / den`, and the text it was given as (or a rounded text of a cross rate). */
export interface Rate {
  num: bigint;
  den: bigint;
  text: string;
}

export type RateProblem = 'not-a-number' | 'not-positive';

/** One published rate; `date` null for a rate given without a date (valid for any date). */
export interface RateQuote {
  date: Day | null;
  rate: Rate;
}

export interface RatesSource {
  /** What the rates are per 1 unit of (`EUR` for the ECB); null: the ledger's base currency. */
  quoteBase: string | null;
  /** Per currency code, its quotes in any order, at most one per date. */
  byCurrency: ReadonlyMap<string, readonly RateQuote[]>;
}

/** The rate used for a currency as of a date, and the date of the quote it came from. */
export interface ClosingRate {
  rate: Rate;
  date: Day | null;
}

const DECIMAL = /^(\d*)(?:\.(\d*))?$/;
const SIGNED = /^[+-]\d*(?:\.\d*)?$/;

/** A rate from decimal text (`1.0565`, `163.36`); a problem for text that is no number, or ≤ 0. */
export function parseRate(text: string): Rate | RateProblem {
  const t = text.trim();
  if (SIGNED.test(t) && /\d/.test(t)) return t.startsWith('-') || !/[1-9]/.test(t) ? 'not-positive' : parseRate(t.slice(1));
  const m = DECIMAL.exec(t);
  if (!m || !/\d/.test(t)) return 'not-a-number';
  const frac = m[2] ?? '';
  const num = BigInt(`${m[1] ?? ''}${frac}` || '0');
  if (num === 0n) return 'not-positive';
  return { num, den: 10n ** BigInt(frac.length), text: t };
}

/** Why a quote (currency code and rate text) cannot be used; the codes are the rates readers' issue codes. */
export type QuoteProblem = 'bad-currency' | 'unknown-currency' | 'bad-rate' | 'rate-not-positive';

/**
 * The one check of a closing rate, for the rates files and for a rate typed in the pane: a known
 * ISO 4217 code (upper case) and a rate above zero. `usd` is `bad-currency`: callers upper-case
 * what the user typed first.
 */
export function quoteProblem(currency: string, rateText: string): QuoteProblem | null {
  if (!isCurrencyCode(currency)) return 'bad-currency';
  if (!isKnownCurrency(currency)) return 'unknown-currency';
  const rate = parseRate(rateText);
  if (rate === 'not-a-number') return 'bad-rate';
  if (rate === 'not-positive') return 'rate-not-positive';
  return null;
}

/** `num / den` as decimal text with at most `decimals` decimals (half away from zero). */
export function rateText(num: bigint, den: bigint, decimals = 6): string {
  const scaled = divRoundBig(num * 10n ** BigInt(decimals), den);
  const digits = scaled.toString().padStart(decimals + 1, '0');
  const cut = digits.length - decimals;
  return `${digits.slice(0, cut)}.${digits.slice(cut)}`.replace(/\.?0+$/, '');
}

/** The quote of the latest date ≤ asOf (a dated one before an undated one), or null. */
function quoteOn(quotes: readonly RateQuote[] | undefined, asOf: Day): RateQuote | null {
  let best: RateQuote | null = null;
  for (const q of quotes ?? []) {
    if (q.date === null) best ??= q;
    else if (q.date <= asOf && (best === null || best.date === null || q.date > best.date)) best = q;
  }
  return best;
}

/**
 * Every currency's quote on or before `asOf` (the latest; an undated one when none is dated),
 * in code order, as published: per 1 unit of the source's quote currency, not crossed.
 *   ECB history, as of Sunday 2024-12-29 → USD 1.0444 of Friday 2024-12-27
 */
export function quotesAsOf(source: RatesSource, asOf: Day): { currency: string; quote: RateQuote }[] {
  const found: { currency: string; quote: RateQuote }[] = [];
  for (const [currency, quotes] of source.byCurrency) {
    const quote = quoteOn(quotes, asOf);
    if (quote !== null) found.push({ currency, quote });
  }
  return found.sort((a, b) => (a.currency < b.currency ? -1 : 1));
}

export interface MissingRate {
  currency: string;
  /** The date a rate was sought for (on or before it). */
  sought: Day;
}

/**
 * The rate of `currency` per 1 unit of `base` as of `asOf`, or the currency whose quote is
 * missing (the currency itself, or the base when a cross through the quote currency needs it).
 */
export function closingRate(source: RatesSource, currency: string, base: string, asOf: Day): ClosingRate | MissingRate {
  const direct = source.quoteBase === null || source.quoteBase === base;
  const own = currency === source.quoteBase ? null : quoteOn(source.byCurrency.get(currency), asOf);
  if (direct) return own ?? { currency, sought: asOf };
  if (currency !== source.quoteBase && own === null) return { currency, sought: asOf };
  const viaBase = quoteOn(source.byCurrency.get(base), asOf);
  if (viaBase === null) return { currency: base, sought: asOf };
  const a = own?.rate ?? { num: 1n, den: 1n };
  const b = viaBase.rate;
  const num = a.num * b.den;
  const den = a.den * b.num;
  const dates = [own?.date, viaBase.date].filter((d): d is Day => d !== null && d !== undefined);
  return { rate: { num, den, text: rateText(num, den) }, date: dates.length === 0 ? null : Math.min(...dates) };
}

export function isMissingRate(r: ClosingRate | MissingRate): r is MissingRate {
  return 'sought' in r;
}

/** `no closing rate for USD on or before 2024-12-31` (English; the catalogues translate it). */
export function missingRateText(missing: readonly MissingRate[]): string {
  return missing.map((m) => `no closing rate for ${m.currency} on or before ${formatIsoDate(m.sought)}`).join('; ');
}
