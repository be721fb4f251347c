// An exchange-rate column (`Exchange Rate`, `Koers`, `Taux de change`, `Kurs`) gives amount_base
// where the file has none. Its direction (base per unit, or units per base) is checked against
// the rows that carry both a base amount and a rate; without such rows a rate is base per unit,
// as invoicing apps write it. A currency at rate 1 on every row is the file's own base currency.
//   USD 100.00 at 0.92 (base EUR) → amount_base 92.00
import { convertAtRate, currencyExponent, formatMinor, parseAmount } from '../../core/money';
import type { ImportIssue } from '../../core/types';
import { toNano } from '../decimal';
import { importError } from '../issues';
import type { ListRow } from './invoice-lines';

const NANO = 1_000_000_000;
type Direction = 'multiply' | 'divide';

function rateNano(text: string | undefined): number | null {
  if (!text) return null;
  const nano = toNano(text);
  return nano === null || nano <= 0n || nano > BigInt(Number.MAX_SAFE_INTEGER) ? null : Number(nano);
}

/**
 * The currency the file keeps its books in, when it says so by a rate of exactly 1 on every row
 * of one currency (and of no other); null when the rates do not say it.
 */
export function fileBaseCurrency(rows: readonly ListRow[]): string | null {
  const atOne = new Map<string, boolean>();
  for (const r of rows) {
    const currency = r.record.values.currency;
    const rate = rateNano(r.rate);
    if (!currency || rate === null) continue;
    atOne.set(currency, (atOne.get(currency) ?? true) && rate === NANO);
  }
  const candidates = [...atOne].filter(([, one]) => one).map(([c]) => c);
  return candidates.length === 1 ? (candidates[0] ?? null) : null;
}

function converted(row: ListRow, base: string, direction: Direction): number | null {
  const v = row.record.values;
  const rate = rateNano(row.rate);
  const amount = parseAmount(v.amount ?? '', currencyExponent(v.currency ?? base))?.minor;
  if (rate === null || amount === undefined) return null;
  return convertAtRate(amount, currencyExponent(v.currency ?? base), currencyExponent(base), rate, NANO, direction === 'divide');
}

function isForeign(row: ListRow, base: string): boolean {
  const currency = row.record.values.currency;
  return currency !== undefined && currency !== '' && currency !== base;
}

export interface RatedRows {
  rows: ListRow[];
  issues: ImportIssue[];
  /** How the rates were read, or null when no row needed one. */
  direction: Direction | null;
}

/** The direction the rows with both a base amount and a rate agree on; an error for a row that fits neither. */
function checkDirection(rows: readonly ListRow[], base: string, place: { file: string; field: string }): { direction: Direction; issues: ImportIssue[] } {
  const votes = { multiply: 0, divide: 0 };
  const issues: ImportIssue[] = [];
  for (const row of rows) {
    const given = row.record.values.amount_base;
    if (!isForeign(row, base) || !given || rateNano(row.rate) === null) continue;
    const baseMinor = parseAmount(given, currencyExponent(base))?.minor;
    if (baseMinor === undefined) continue;
    const fits = (d: Direction): boolean => Math.abs((converted(row, base, d) ?? NaN) - baseMinor) <= 1;
    if (fits('multiply')) votes.multiply++;
    else if (fits('divide')) votes.divide++;
    else {
      issues.push(importError('rate-mismatch', { file: place.file, line: row.record.source.line ?? 0, field: place.field }, {
        amount: row.record.values.amount ?? '', rate: row.rate ?? '', base: given,
      }));
    }
  }
  return { direction: votes.divide > votes.multiply ? 'divide' : 'multiply', issues };
}

/** amount_base from the rate for every foreign-currency row that has none. */
export function applyRates(rows: readonly ListRow[], base: string, place: { file: string; field: string }): RatedRows {
  if (!rows.some((r) => r.rate !== undefined && r.rate !== '')) return { rows: [...rows], issues: [], direction: null };
  const { direction, issues } = checkDirection(rows, base, place);
  let used = false;
  const out = rows.map((row) => {
    if (!isForeign(row, base) || row.record.values.amount_base) return row;
    const minor = converted(row, base, direction);
    if (minor === null) return row;
    used = true;
    const amountBase = formatMinor(minor, currencyExponent(base));
    return { ...row, record: { ...row.record, values: { ...row.record.values, amount_base: amountBase } } };
  });
  return { rows: out, issues, direction: used || issues.length > 0 ? direction : null };
}
