// Revaluation at closing rates (ledger.md §9): every open foreign-currency item as of a date
// valued again at the closing rate; the difference with its open base at the booking rate
// (§2.5) is an unrealised exchange result: +difference on AR, −difference on AP.
//   AR invoice 1000.00 USD booked at 900.00 EUR, closing rate USD 1.0565
//   → revalued 1000.00 / 1.0565 = 946.52 EUR, difference +46.52, a gain of 46.52
// The division is exact (BigInt on the rate's fraction), rounded half away from zero once.
import type { Day } from './date';
import { currencyExponent, divRoundBig, type Minor } from './money';
import { openItemsAsOf } from './open-items';
import { closingRate, isMissingRate, missingRateText, type ClosingRate, type MissingRate, type Rate, type RatesSource } from './rates';
import type { EntryType, Ledger, Side } from './types';

export interface RevaluationRow {
  ledger: Side;
  partyId: string;
  partyName: string;
  docNo: string;
  entryType: EntryType;
  docDate: Day;
  dueDate: Day;
  currency: string;
  /** Open amount in the item's currency. */
  open: Minor;
  /** Open amount in base currency at the booking rate (ledger.md §2.5). */
  openBase: Minor;
  rate: Rate;
  rateDate: Day | null;
  revaluedBase: Minor;
  difference: Minor;
  resultEffect: Minor;
}

export interface RevaluationTotal {
  ledger: Side;
  currency: string;
  open: Minor;
  openBase: Minor;
  revaluedBase: Minor;
  difference: Minor;
  resultEffect: Minor;
}

/**
 * The result of one ledger: `resultEffect = gains − losses`. Gains and losses are kept apart per
 * currency (a currency whose items net to a gain is a gain, one netting to a loss a loss), both
 * as amounts ≥ 0.
 */
export interface RevaluationResult {
  ledger: Side;
  resultEffect: Minor;
  gains: Minor;
  losses: Minor;
}

export interface RevaluationReport {
  asOf: Day;
  base: string;
  /** The rate used per currency that has open items. */
  rates: Record<string, ClosingRate>;
  rows: RevaluationRow[];
  /** Per ledger (AR first) and currency (alphabetical). */
  totals: RevaluationTotal[];
  results: RevaluationResult[];
}

/** Thrown when a currency with open items has no rate on or before the date: nothing is reported. */
export class MissingRateError extends Error {
  constructor(readonly missing: readonly MissingRate[]) {
    super(missingRateText(missing));
    this.name = 'MissingRateError';
  }
}

/** `open / rate` in base minor units: open × 10^eb × den / (10^ec × num), half away from zero. */
export function revaluedBase(open: Minor, currency: string, base: string, rate: Rate): Minor {
  const n = BigInt(open) * 10n ** BigInt(currencyExponent(base)) * rate.den;
  const d = 10n ** BigInt(currencyExponent(currency)) * rate.num;
  return Number(divRoundBig(n, d));
}

/** A receivable worth more is a gain; a debt grown larger is a loss. */
export function resultEffect(side: Side, difference: Minor): Minor {
  return (side === 'AR' ? difference : -difference) + 0;
}

/** The rate per foreign currency with open items; throws MissingRateError naming every gap. */
function ratesFor(currencies: readonly string[], source: RatesSource, base: string, asOf: Day): Record<string, ClosingRate> {
  const rates: Record<string, ClosingRate> = {};
  const missing: MissingRate[] = [];
  for (const currency of currencies) {
    const found = closingRate(source, currency, base, asOf);
    if (isMissingRate(found)) {
      if (!missing.some((m) => m.currency === found.currency)) missing.push(found);
    } else rates[currency] = found;
  }
  if (missing.length > 0) throw new MissingRateError(missing);
  return rates;
}

/** Totals per ledger (AR first) and currency of some rows (all of a report, or one party's). */
export function revaluationTotals(rows: readonly RevaluationRow[]): RevaluationTotal[] {
  const byKey = new Map<string, RevaluationTotal>();
  for (const r of rows) {
    const key = `${r.ledger} ${r.currency}`;
    const t = byKey.get(key) ?? { ledger: r.ledger, currency: r.currency, open: 0, openBase: 0, revaluedBase: 0, difference: 0, resultEffect: 0 };
    t.open += r.open;
    t.openBase += r.openBase;
    t.revaluedBase += r.revaluedBase;
    t.difference += r.difference;
    t.resultEffect += r.resultEffect;
    byKey.set(key, t);
  }
  const order = (t: RevaluationTotal): string => `${t.ledger === 'AR' ? 0 : 1} ${t.currency}`;
  return [...byKey.values()].sort((a, b) => (order(a) < order(b) ? -1 : 1));
}

/** The result per ledger of some totals: gains and losses apart, per currency. */
export function revaluationResults(totals: readonly RevaluationTotal[]): RevaluationResult[] {
  return (['AR', 'AP'] as const).map((ledger) => {
    const mine = totals.filter((t) => t.ledger === ledger);
    const gains = mine.reduce((s, t) => s + Math.max(t.resultEffect, 0), 0);
    const losses = mine.reduce((s, t) => s + Math.max(-t.resultEffect, 0), 0);
    return { ledger, resultEffect: gains - losses, gains, losses };
  });
}

/** The revaluation of the open foreign-currency items as of `asOf` at the rates of `source`. */
export function revaluation(ledger: Ledger, asOf: Day, source: RatesSource): RevaluationReport {
  const base = ledger.baseCurrency;
  const items = openItemsAsOf(ledger, asOf).filter((i) => i.currency !== base);
  const rates = ratesFor([...new Set(items.map((i) => i.currency))].sort(), source, base, asOf);
  const rows = items.map((i): RevaluationRow => {
    const { rate, date } = rates[i.currency] as ClosingRate;
    const revalued = revaluedBase(i.open, i.currency, base, rate);
    const difference = revalued - i.openBase;
    return {
      ledger: i.ledger, partyId: i.partyId, partyName: i.partyName, docNo: i.docNo, entryType: i.entryType,
      docDate: i.docDate, dueDate: i.dueDate, currency: i.currency, open: i.open, openBase: i.openBase,
      rate, rateDate: date, revaluedBase: revalued, difference, resultEffect: resultEffect(i.ledger, difference),
    };
  });
  const totals = revaluationTotals(rows);
  return { asOf, base, rates, rows, totals, results: revaluationResults(totals) };
}
