// Money as an integer count of a currency's minor units (cents), never a binary fraction.
// Parsing is done on the decimal text itself; a float appears only in `toMajor`, at the edge
// where a number is handed to a cell or to JSON.
//   parseAmount("-1234.565", 2) → { minor: -123457, rounded: true }   (half away from zero)
import type { CharText } from './char-text';

/** An integer number of minor units. Always a safe integer. */
export type Minor = number;

/**
 * ISO 4217 currencies whose minor unit is not 2 decimals. A Map: a code read from a file (a string
 * of its own, asked for twice a row) is found by its hash, not looked up as a property name.
 */
const EXPONENTS: ReadonlyMap<string, number> = new Map(Object.entries({
  BHD: 3, BIF: 0, CLF: 4, CLP: 0, DJF: 0, GNF: 0, IQD: 3, ISK: 0, JOD: 3, JPY: 0, KMF: 0,
  KRW: 0, KWD: 3, LYD: 3, OMR: 3, PYG: 0, RWF: 0, TND: 3, UGX: 0, UYI: 0, UYW: 4, VND: 0,
  VUV: 0, XAF: 0, XOF: 0, XPF: 0,
}));

/** Number of decimals of a currency's minor unit (JPY 0, KWD 3, most 2). */
export function currencyExponent(currency: string): number {
  return EXPONENTS.get(currency) ?? 2;
}

/** True for a three-letter upper-case code (ISO 4217 shape): A–Z only, by character codes. */
export function isCurrencyCode(text: string): boolean {
  return text.length === 3 && isUpperLetter(text.charCodeAt(0)) && isUpperLetter(text.charCodeAt(1)) && isUpperLetter(text.charCodeAt(2));
}

function isUpperLetter(c: number): boolean {
  return c >= 65 && c <= 90;
}

/** Currencies the ECB published before the euro replaced them (its history files still hold them). */
const WITHDRAWN = ['CYP', 'EEK', 'LTL', 'LVL', 'MTL', 'ROL', 'SIT', 'SKK', 'TRL'];

let known: ReadonlySet<string> | null = null;

/**
 * True for an ISO 4217 code in use (the runtime's Intl list, which every current browser and Node
 * have) or withdrawn into the euro; `USS` or `EURO` are not. Without the Intl list, the shape only.
 */
export function isKnownCurrency(code: string): boolean {
  if (!isCurrencyCode(code)) return false;
  if (known === null) {
    const intl = Intl as { supportedValuesOf?: (key: 'currency') => string[] };
    if (intl.supportedValuesOf === undefined) return true;
    known = new Set([...intl.supportedValuesOf('currency'), ...EXPONENTS.keys(), ...WITHDRAWN]);
  }
  return known.has(code);
}

export interface ParsedAmount {
  minor: Minor;
  /** The text had more decimals than the currency's minor unit and was rounded. */
  rounded: boolean;
}

const DECIMAL = /^([+-])?(\d*)(?:\.(\d*))?$/;

/**
 * Fast path (char codes, no regex or strings) for the common `-1234.56` in text[start, end): sign,
 * 1+ digits, at most `exponent` decimals, at most 15 digits in all; null sends anything else to
 * the full parser (parseAmount).
 */
export function plainAmountAt(text: CharText, start: number, end: number, exponent: number): Minor | null {
  const n = end;
  let i = start;
  const first = text.charCodeAt(start);
  if (first === 45 /* - */ || first === 43 /* + */) i = start + 1;
  let minor = 0;
  let digits = 0;
  let decimals = -1;
  for (; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      minor = minor * 10 + (c - 48);
      digits++;
      if (decimals >= 0) decimals++;
    } else if (c === 46 /* . */ && decimals < 0 && digits > 0) decimals = 0;
    else return null;
  }
  if (digits === 0 || decimals > exponent || digits + exponent > 15) return null;
  for (let d = Math.max(decimals, 0); d < exponent; d++) minor *= 10;
  return first === 45 ? -minor || 0 : minor;
}

/**
 * Parses canonical decimal text (`-1234.56`, `.5`, `+7`; point as decimal separator, no
 * thousands separator) into minor units, rounding half away from zero. Returns null when the
 * text is not such a number or is out of the safe integer range.
 */
export function parseAmount(text: string, exponent: number): ParsedAmount | null {
  const fast = plainAmountAt(text, 0, text.length, exponent);
  if (fast !== null) return { minor: fast, rounded: false };
  const m = DECIMAL.exec(text.trim());
  if (!m) return null;
  const sign = m[1] === '-' ? -1 : 1;
  const intPart = m[2] ?? '';
  const fracPart = m[3] ?? '';
  if (intPart === '' && fracPart === '') return null;
  const kept = fracPart.slice(0, exponent).padEnd(exponent, '0');
  const dropped = fracPart.slice(exponent);
  const digits = (intPart + kept).replace(/^0+(?=\d)/, '') || '0';
  if (digits.length > 15) return null;
  let minor = Number(digits);
  const rounded = /[1-9]/.test(dropped);
  if (dropped !== '' && dropped.charCodeAt(0) >= 53 /* '5' */) minor += 1;
  if (!Number.isSafeInteger(minor)) return null;
  return { minor: sign * minor || 0, rounded };
}

/** Minor units as canonical decimal text: formatMinor(-5, 2) → "-0.05". */
export function formatMinor(minor: Minor, exponent: number): string {
  const negative = minor < 0;
  const digits = String(Math.abs(minor)).padStart(exponent + 1, '0');
  const cut = digits.length - exponent;
  const text = exponent === 0 ? digits : `${digits.slice(0, cut)}.${digits.slice(cut)}`;
  return negative ? `-${text}` : text;
}

/**
 * The amount as a JavaScript number of major units: only for a cell or JSON, never to compute.
 * The number of `formatMinor`'s text: minor units are a safe integer and 10^exponent is exact, so
 * the division rounds the exact quotient once, as reading the decimal text does (+ 0: no −0).
 */
export function toMajor(minor: Minor, exponent: number): number {
  return minor / 10 ** exponent + 0;
}

/** Up to 15 digits a decimal is its double's shortest text (no other decimal as short reads as it). */
const SHORT_DIGITS_LIMIT = 1e15;

/**
 * `String(toMajor(minor, exponent))`, the text a JSON number of the amount has, made from the
 * digits without a round trip through a double: formatMinor without trailing zeros in the fraction
 * (majorText(-123450, 2) → "-1234.5", majorText(500, 2) → "5").
 */
export function majorText(minor: Minor, exponent: number): string {
  if (!Number.isInteger(minor) || !(Math.abs(minor) < SHORT_DIGITS_LIMIT) || exponent > 6) return String(toMajor(minor, exponent));
  // Made from the whole and the fraction as numbers (a report writes millions: no text to cut up).
  const sign = minor < 0 ? '-' : '';
  const abs = Math.abs(minor);
  const unit = 10 ** exponent;
  let fraction = abs % unit;
  const whole = (abs - fraction) / unit;
  if (fraction === 0) return `${sign}${whole}`;
  let digits = exponent;
  while (fraction % 10 === 0) {
    fraction /= 10;
    digits--;
  }
  return `${sign}${whole}.${String(fraction).padStart(digits, '0')}`;
}

/**
 * `value × numerator / denominator`, rounded half away from zero, computed exactly (BigInt when
 * the product leaves the safe range). Used for `open_base = amount_base × open / amount`.
 */
export function mulDivRound(value: Minor, numerator: Minor, denominator: Minor): Minor {
  if (denominator === 0) throw new RangeError('mulDivRound: division by zero');
  const product = value * numerator;
  if (Number.isSafeInteger(product)) {
    const q = product / denominator;
    if (Number.isInteger(q)) return q || 0; // no -0
    const neg = product < 0 !== denominator < 0;
    const a = Math.abs(product);
    const d = Math.abs(denominator);
    const whole = Math.floor(a / d);
    const rest = a - whole * d;
    const r = rest * 2 >= d ? whole + 1 : whole;
    return neg && r !== 0 ? -r : r;
  }
  return Number(divRoundBig(BigInt(value) * BigInt(numerator), BigInt(denominator)));
}

/** `n / d` for BigInts, rounded half away from zero (the one rounding rule of ledger.md §1.3). */
export function divRoundBig(n: bigint, d: bigint): bigint {
  if (d === 0n) throw new RangeError('divRoundBig: division by zero');
  const neg = n < 0n !== d < 0n;
  const a = n < 0n ? -n : n;
  const b = d < 0n ? -d : d;
  let q = a / b;
  if ((a % b) * 2n >= b) q += 1n;
  return neg && q !== 0n ? -q : q;
}

/**
 * The largest total of minor units computed exactly (2^53 − 1). Where the absolute amounts of a
 * ledger add up to no more than this, every sum of some of them (a bucket, a balance, a report
 * total, a payment batch) is exact too; the ledger's funnel refuses a ledger beyond it.
 */
export const MAX_EXACT_TOTAL = Number.MAX_SAFE_INTEGER;

/**
 * The absolute amounts of each currency (numbered 0, 1, …) added up, to find the first currency
 * whose amounts add up to more than MAX_EXACT_TOTAL. Each amount is a safe integer, so the float
 * sum is exact until it passes the limit.
 */
export class ExactTotals {
  private readonly sums: Float64Array;

  constructor(currencies: number) {
    this.sums = new Float64Array(currencies);
  }

  /** Adds |minor| to currency c's total; false (the total left as it was) when that passes the limit. */
  add(c: number, minor: Minor): boolean {
    const sum = (this.sums[c] as number) + Math.abs(minor);
    if (sum > MAX_EXACT_TOTAL) return false;
    this.sums[c] = sum;
    return true;
  }
}

/** Exact sum of minor units (throws if the sum leaves the safe integer range). */
export function sumMinor(values: Iterable<Minor>): Minor {
  let total = 0;
  for (const v of values) total += v;
  if (!Number.isSafeInteger(total)) throw new RangeError('sum of amounts out of range');
  return total;
}

/**
 * An amount converted at a rate given as `rateNumerator / rateDenominator` base units per unit
 * (or, with `divide`, units per base unit), from a currency with `fromExponent` decimals into
 * minor units of one with `toExponent`, rounded half away from zero.
 *   convertAtRate(10000, 2, 2, 1_100_000_000, 1_000_000_000) → 11000   (100.00 × 1.1)
 */
export function convertAtRate(minor: Minor, fromExponent: number, toExponent: number, rateNumerator: number, rateDenominator: number, divide = false): Minor {
  const [num, den] = divide ? [rateDenominator, rateNumerator] : [rateNumerator, rateDenominator];
  const scale = 10 ** Math.abs(toExponent - fromExponent);
  return toExponent >= fromExponent ? mulDivRound(minor, num * scale, den) : mulDivRound(minor, num, den * scale);
}
