// The open amount of a list of items per currency (each in its own currency, never a dollar added
// to a euro), with the total in the base currency beside them (open at the booking rate, as the
// key figures count it). Sums per currency are exact (core/money's sumMinor).
import { sumMinor, type Minor } from '../../core/money';
import { openTotal, type ItemRow } from './open-items-filter';

export interface CurrencyTotals {
  /** Per currency present, by code: the open amount in that currency. */
  perCurrency: { currency: string; open: Minor }[];
  /** Everything in the base currency. */
  base: Minor;
}

export function openByCurrency(rows: readonly ItemRow[]): CurrencyTotals {
  const amounts = new Map<string, Minor[]>();
  for (const { item } of rows) {
    const list = amounts.get(item.currency);
    if (list) list.push(item.open);
    else amounts.set(item.currency, [item.open]);
  }
  const perCurrency = [...amounts.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([currency, list]) => ({ currency, open: sumMinor(list) }));
  return { perCurrency, base: openTotal(rows) };
}
