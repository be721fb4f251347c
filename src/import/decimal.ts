// Exact arithmetic on canonical decimal text (`-1234.56`), for the sums an importer must do before
// the engine rounds to the currency: debit − credit, lines of one document added up.
//   subtractDecimal('100.10', '0.2') → '99.9';  signedDecimal('AP', '100', '') → '-100'
import { balanceSign } from '../core/debit-credit';
import type { Side } from '../core/types';

const SCALE_DIGITS = 9;
const SCALE = 10n ** BigInt(SCALE_DIGITS);
const DECIMAL = /^([+-])?(\d*)(?:\.(\d*))?$/;

/** Canonical decimal text as an integer count of 10⁻⁹ units; null when it is not such text. */
export function toNano(text: string): bigint | null {
  const m = DECIMAL.exec(text.trim());
  if (!m || ((m[2] ?? '') === '' && (m[3] ?? '') === '')) return null;
  const frac = (m[3] ?? '').slice(0, SCALE_DIGITS).padEnd(SCALE_DIGITS, '0');
  const value = BigInt(m[2] || '0') * SCALE + BigInt(frac);
  return m[1] === '-' ? -value : value;
}

/** Canonical decimal text of a count of 10⁻⁹ units, without trailing zeros. */
export function fromNano(value: bigint): string {
  const abs = value < 0n ? -value : value;
  const frac = (abs % SCALE).toString().padStart(SCALE_DIGITS, '0').replace(/0+$/, '');
  return `${value < 0n ? '-' : ''}${abs / SCALE}${frac ? `.${frac}` : ''}`;
}

/** True for canonical decimal text. */
export function isDecimal(text: string): boolean {
  return toNano(text) !== null;
}

/** `a − b`; an empty text counts as zero. Both must be canonical decimal text. */
export function subtractDecimal(a: string, b: string): string {
  return fromNano((toNano(a || '0') ?? 0n) - (toNano(b || '0') ?? 0n));
}

/** `a + b`; an empty text counts as zero. */
export function addDecimal(a: string, b: string): string {
  return fromNano((toNano(a || '0') ?? 0n) + (toNano(b || '0') ?? 0n));
}

/**
 * Debit and credit (canonical decimal text, empty = 0) as one amount signed from the party
 * balance's point of view (core/debit-credit.ts): `debit − credit` on AR, `credit − debit` on AP.
 */
export function signedDecimal(ledger: Side, debit: string, credit: string): string {
  return balanceSign(ledger, 'D') > 0 ? subtractDecimal(debit, credit) : subtractDecimal(credit, debit);
}

export function negateDecimal(a: string): string {
  return fromNano(-(toNano(a || '0') ?? 0n));
}

export function isZeroDecimal(a: string): boolean {
  return (toNano(a || '0') ?? 0n) === 0n;
}

/**
 * An amount from an auditfile that should be `xs:decimal`: as given when it is, read leniently when
 * it was written with a decimal comma (`1234,56`), else null.
 */
export function lenientDecimal(text: string): { value: string; fixed: boolean } | null {
  if (isDecimal(text)) return { value: text, fixed: false };
  const comma = /^([+-]?\d*),(\d+)$/.exec(text.trim());
  return comma ? { value: `${comma[1]}.${comma[2]}`, fixed: true } : null;
}

/** True for the ASCII blanks (space, tab, line breaks) that `\s` and `trim` remove. */
export function isBlankCode(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13);
}

/** plainDecimalAt's unit: 10⁻⁴ (every amount of up to four decimals below 9·10¹¹ is an exact integer of it). */
const PLAIN_SCALE = 10_000;

/**
 * The plain amount at text[start, end), as most general ledgers write every amount: blanks
 * around, an optional sign, digits (zero-padded or not) and at most one `,` or `.` before at most
 * four decimals; in 10⁻⁴ units, 0 when blank. NaN for any other text (a thousands separator, a
 * sign after the digits, more decimals, a value too large): read that with parseLocaleAmount.
 *   plainDecimalAt('  0001200,50') → 12005000
 */
export function plainDecimalAt(text: string, start: number, end: number): number {
  let i = start;
  let n = end;
  while (i < n && isBlankCode(text.charCodeAt(i))) i++;
  while (n > i && isBlankCode(text.charCodeAt(n - 1))) n--;
  if (i === n) return 0;
  const sign = text.charCodeAt(i);
  if (sign === 45 /* - */ || sign === 43 /* + */) i++;
  let units = 0;
  let digits = 0;
  let decimals = -1;
  for (; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      units = units * 10 + (c - 48);
      digits++;
      if (decimals >= 0) decimals++;
    } else if ((c === 44 /* , */ || c === 46 /* . */) && decimals < 0) decimals = 0;
    else return NaN;
  }
  if (digits === 0 || decimals > 4) return NaN;
  for (let d = Math.max(decimals, 0); d < 4; d++) units *= 10;
  if (!Number.isSafeInteger(units)) return NaN;
  return sign === 45 ? -units : units;
}

/** Canonical decimal text of 10⁻⁴ units, as fromNano writes it: plainDecimalText(-12005000) → '-1200.5'. */
export function plainDecimalText(units: number): string {
  const abs = Math.abs(units);
  const whole = Math.floor(abs / PLAIN_SCALE);
  const part = abs - whole * PLAIN_SCALE;
  const sign = units < 0 ? '-' : '';
  if (part === 0) return `${sign}${whole}`;
  return `${sign}${whole}.${String(part).padStart(4, '0').replace(/0+$/, '')}`;
}
