// Amounts as exports write them, into canonical decimal text: decimal comma or point, thousands
// separators (`1.234,56`, `1,234.56`, `1 234,56`, `1'234.56`), currency signs, and negatives as
// `-123,45`, `(123,45)` or a trailing minus `123,45-`. The separator is decided per column.
//   parseLocaleAmount('(1.234,56)', ',') → '-1234.56'

export type DecimalSeparator = '.' | ',';

const CURRENCY_MARKS = /[€$£¥]|\b(?:EUR|USD|GBP|CHF|JPY|SEK|NOK|DKK|PLN|CZK)\b/gi;
const SPACES = /[\s\u00a0\u202f\u2009']/g;

/** The value without currency marks and spaces, and whether it is written as a negative. */
function unsign(text: string): { body: string; negative: boolean } | null {
  let body = text.replace(CURRENCY_MARKS, '').replace(SPACES, '').replace(/\u2212/g, '-');
  let negative = false;
  if (/^\(.*\)$/.test(body)) {
    negative = true;
    body = body.slice(1, -1);
  }
  if (body.endsWith('-')) {
    negative = !negative;
    body = body.slice(0, -1);
  } else if (/^[+-]/.test(body)) {
    negative = body.startsWith('-') !== negative;
    body = body.slice(1);
  }
  return /^[\d.,]+$/.test(body) && /\d/.test(body) ? { body, negative } : null;
}

/** What one value says about the decimal separator: ',', '.', or nothing (ambiguous). */
function decimalVote(text: string): DecimalSeparator | null {
  const u = unsign(text);
  if (!u) return null;
  const lastComma = u.body.lastIndexOf(',');
  const lastPoint = u.body.lastIndexOf('.');
  if (lastComma >= 0 && lastPoint >= 0) return lastComma > lastPoint ? ',' : '.';
  const sep = lastComma >= 0 ? ',' : lastPoint >= 0 ? '.' : null;
  if (sep === null) return null;
  const parts = u.body.split(sep);
  // "1,234" or "1.234.567": groups of three after a separator read as thousands (ambiguous once).
  const grouped = parts.length > 1 && parts.slice(1).every((p) => p.length === 3) && (parts[0] ?? '').length <= 3;
  if (parts.length > 2) return sep === ',' ? '.' : ',';
  return grouped ? null : sep;
}

/** The decimal separator of a column: the majority of decisive values, else the locale's. */
export function detectDecimal(values: Iterable<string>, locale?: string): DecimalSeparator {
  let comma = 0;
  let point = 0;
  for (const v of values) {
    const vote = decimalVote(v);
    if (vote === ',') comma++;
    else if (vote === '.') point++;
  }
  if (comma !== point) return comma > point ? ',' : '.';
  return localeDecimal(locale);
}

/** The decimal separator a locale writes (English: point; Dutch, French, German: comma). */
export function localeDecimal(locale?: string): DecimalSeparator {
  if (!locale) return '.';
  return /^(en|ja|zh|ko|he|th)\b/i.test(locale) && !/^en-(ZA|BE|NL)/i.test(locale) ? '.' : ',';
}

/** Canonical decimal text (`-1234.56`) of an amount written with `decimal`, or null. */
export function parseLocaleAmount(text: string, decimal: DecimalSeparator): string | null {
  const u = unsign(text.trim());
  if (!u) return null;
  const thousands = decimal === ',' ? '.' : ',';
  const parts = u.body.split(decimal);
  if (parts.length > 2) return null;
  const intPart = (parts[0] ?? '').split(thousands).join('');
  const fracPart = parts[1];
  if (fracPart !== undefined && fracPart.includes(thousands)) return null;
  if (!/^\d*$/.test(intPart) || (fracPart !== undefined && !/^\d*$/.test(fracPart))) return null;
  if (intPart === '' && (fracPart ?? '') === '') return null;
  const digits = `${intPart === '' ? '0' : intPart}${fracPart ? `.${fracPart}` : ''}`;
  return u.negative && /[1-9]/.test(digits) ? `-${digits}` : digits;
}
