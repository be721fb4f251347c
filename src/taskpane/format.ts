// Showing money and dates in the user's locale, at the very edge: minor units become a number only
// here (toMajor), days become a Date only here (UTC, so no time zone shifts the calendar day).
import { formatIsoDate, type Day } from '../core/date';
import { currencyExponent, toMajor, type Minor } from '../core/money';

const moneyFormats = new Map<string, Intl.NumberFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();

function moneyFormat(locale: string, currency: string): Intl.NumberFormat {
  const key = `${locale}|${currency}`;
  let format = moneyFormats.get(key);
  if (!format) {
    const digits = currencyExponent(currency);
    format = new Intl.NumberFormat(locale, {
      style: 'currency',
      currency,
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    });
    moneyFormats.set(key, format);
  }
  return format;
}

/** 123456 EUR in nl-NL → "€ 1.234,56". */
export function formatMoney(minor: Minor, currency: string, locale: string): string {
  return moneyFormat(locale, currency).format(toMajor(minor, currencyExponent(currency)));
}

/** A calendar day in the locale's short form (19782 in en-GB → "29/02/2024"). */
export function formatDay(day: Day | null, locale: string): string {
  if (day === null) return '';
  let format = dateFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { timeZone: 'UTC', year: 'numeric', month: '2-digit', day: '2-digit' });
    dateFormats.set(locale, format);
  }
  return format.format(new Date(day * 86_400_000));
}

/** `YYYY-MM-DD` for an `<input type="date">`. */
export function dayInputValue(day: Day | null): string {
  return day === null ? '' : formatIsoDate(day);
}

/** A whole number or one decimal in the locale ("12,5"), or "–" when there is none. */
export function formatNumber(value: number | null, locale: string, digits = 1): string {
  if (value === null || !Number.isFinite(value)) return '–';
  return new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(value);
}

/** A share as a whole percentage the locale's way: 0.4 → "40%" (en, nl), "40 %" (fr). */
export function formatPercent(share: number, locale: string): string {
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(share);
}
