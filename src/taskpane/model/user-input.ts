// Reading what a user types into the pane's fields: an amount in their own notation ("1.234,56",
// "1,234.56", "1234.5") into minor units of a currency, exactly. The decimal separator is read as
// the importers read a column (import/numbers), falling back to the user's locale when the text
// alone does not say ("1.000" is a thousand in nl-BE, one in en-GB); core/money parses the result.
import { currencyExponent, parseAmount, type Minor } from '../../core/money';
import { detectDecimal, parseLocaleAmount } from '../../import/numbers';
import { settingsProblems } from '../../store/settings';

/** Minor units of `currency`, or null when the text is not an amount. */
export function parseUserAmount(text: string, currency: string, locale: string): Minor | null {
  const canonical = parseLocaleAmount(text, detectDecimal([text], locale));
  const parsed = canonical === null ? null : parseAmount(canonical, currencyExponent(currency));
  return parsed ? parsed.minor : null;
}

/** The numbers of a typed list of days (`30, 60;90 120`), or the first part that is not a number. */
function numbersOf(text: string): { days: number[] } | { notNumber: string } {
  const parts = text.split(/[,;\s]+/).filter((p) => p !== '');
  const notNumber = parts.find((p) => !/^-?\d+(\.\d+)?$/.test(p));
  return notNumber === undefined ? { days: parts.map(Number) } : { notNumber };
}

/** Due-soon days as typed (`3, 5`): the days, or null when the settings refuse them (store/settings). */
export function parseDayList(text: string): number[] | null {
  const read = numbersOf(text);
  if ('notNumber' in read) return null;
  return settingsProblems({ dueSoonDays: read.days }).dueSoonDays === undefined ? read.days : null;
}

/** What a typed list of day limits is: the limits, or the reason it cannot be used (the engine's words). */
export type DayListReading = { ok: true; days: number[] } | { ok: false; reason: string };

/** Aging bucket limits with the reason the settings give when they are not usable ("limits must be ascending"). */
export function readBucketList(text: string): DayListReading {
  const read = numbersOf(text);
  if ('notNumber' in read) return { ok: false, reason: `"${read.notNumber}" is not a number of days` };
  const problem = settingsProblems({ agingBuckets: read.days }).agingBuckets;
  return problem?.code === 'buckets' ? { ok: false, reason: problem.values.reason } : { ok: true, days: read.days };
}
