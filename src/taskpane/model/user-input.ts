// Reading what a user types into the pane's fields: an amount in their own notation ("1.234,56",
// "1,234.56", "1234.5") into minor units of a currency, exactly. The decimal separator is read as
// the importers read a column (import/numbers), falling back to the user's locale when the text
// alone does not say ("1.000" is a thousand in nl-BE, one in en-GB); core/money parses the result.
import { bucketsProblem } from '../../core/aging';
import { CORE_ISSUE_TEXTS } from '../../core/issue-texts';
import { currencyExponent, parseAmount, type Minor } from '../../core/money';
import { fill, type Lang } from '../../core/words';
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

/**
 * Aging bucket limits, or the reason they are not usable in the engine's words and the pane's
 * language (core/aging's bucketsProblem, the check the settings make): "limits must be ascending".
 */
export function readBucketList(text: string, lang: Lang = 'en'): DayListReading {
  const read = numbersOf(text);
  if ('notNumber' in read) return { ok: false, reason: fill(CORE_ISSUE_TEXTS['bad-number'][lang], { value: `"${read.notNumber}"` }) };
  const reason = bucketsProblem(read.days, lang);
  return reason === null ? { ok: true, days: read.days } : { ok: false, reason };
}
