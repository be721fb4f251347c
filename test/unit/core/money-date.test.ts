// Money in minor units and calendar dates (ledger.md §8): parsing, rounding half away from zero,
// currency exponents, exact mulDivRound beyond the safe range, Excel serials and leap days.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, calendarYear, dayFromParts, formatIsoDate, fromExcelSerial, parseIsoDate, toExcelSerial, today } from '../../../src/core/date';
import { currencyExponent, formatMinor, majorText, mulDivRound, parseAmount, sumMinor, toMajor } from '../../../src/core/money';

describe('parseAmount', () => {
  it('reads canonical decimal text into minor units', () => {
    expect(parseAmount('1234.56', 2)).toEqual({ minor: 123456, rounded: false });
    expect(parseAmount('-0.05', 2)).toEqual({ minor: -5, rounded: false });
    expect(parseAmount('+7', 2)).toEqual({ minor: 700, rounded: false });
    expect(parseAmount('.5', 2)).toEqual({ minor: 50, rounded: false });
    expect(parseAmount(' 12.30 ', 2)).toEqual({ minor: 1230, rounded: false });
  });

  it('rounds half away from zero and says so', () => {
    expect(parseAmount('0.005', 2)).toEqual({ minor: 1, rounded: true });
    expect(parseAmount('-0.005', 2)).toEqual({ minor: -1, rounded: true });
    expect(parseAmount('2.675', 2)).toEqual({ minor: 268, rounded: true }); // 2.675 is 2.67499… as a float
    expect(parseAmount('0.0049', 2)).toEqual({ minor: 0, rounded: true });
    expect(parseAmount('-0.004', 2)).toEqual({ minor: 0, rounded: true });
    expect(parseAmount('1.500', 2)).toEqual({ minor: 150, rounded: false }); // trailing zeros are not rounding
  });

  it('knows the minor unit of JPY (0) and KWD (3)', () => {
    expect(currencyExponent('JPY')).toBe(0);
    expect(currencyExponent('KWD')).toBe(3);
    expect(currencyExponent('EUR')).toBe(2);
    expect(parseAmount('1234.5', currencyExponent('JPY'))).toEqual({ minor: 1235, rounded: true });
    expect(parseAmount('1.2345', currencyExponent('KWD'))).toEqual({ minor: 1235, rounded: true });
    expect(formatMinor(1235, 3)).toBe('1.235');
    expect(formatMinor(1235, 0)).toBe('1235');
  });

  it('refuses text that is not a canonical amount', () => {
    for (const text of ['', '-', '.', '1,50', '1.234,50', '1e3', '12a', '1 000', '--1', '9999999999999999']) {
      expect(parseAmount(text, 2)).toBeNull();
    }
  });

  it('round-trips every amount through formatMinor', () => {
    fc.assert(fc.property(fc.integer({ min: -1e13, max: 1e13 }), fc.constantFrom(0, 2, 3), (minor, exp) => {
      expect(parseAmount(formatMinor(minor, exp), exp)).toEqual({ minor, rounded: false });
    }));
  });

  it('turns minor units into a number only at the edge', () => {
    expect(toMajor(-123456, 2)).toBe(-1234.56);
    expect(formatMinor(-5, 2)).toBe('-0.05');
  });

  it('writes the number of major units as JSON does, from the digits (majorText)', () => {
    const cases: [number, number, string][] = [
      [-123450, 2, '-1234.5'], [500, 2, '5'], [-5, 2, '-0.05'], [0, 2, '0'], [-0, 2, '0'], [1235, 0, '1235'],
      [1230, 3, '1.23'], [999999999999999, 2, '9999999999999.99'], [-1, 4, '-0.0001'],
    ];
    for (const [minor, exp, text] of cases) {
      expect(majorText(minor, exp)).toBe(text);
      expect(JSON.stringify(toMajor(minor, exp))).toBe(text);
    }
    const edge = fc.oneof(fc.integer({ min: -1e6, max: 1e6 }), fc.maxSafeInteger().map((m) => m - (m % 1000)), fc.constantFrom(1e15 - 1, 1e15, -1e15, 2 ** 53 - 1, -(2 ** 53 - 1)));
    fc.assert(fc.property(fc.oneof(fc.maxSafeInteger(), edge), fc.constantFrom(0, 1, 2, 3, 4), (minor, exp) => {
      expect(majorText(minor, exp)).toBe(JSON.stringify(toMajor(minor, exp)));
    }), { numRuns: 5000 });
  });

  it('gives the number of the decimal text, to the last bit, over the whole safe range (and 0, never −0)', () => {
    expect(Object.is(toMajor(0, 2), 0)).toBe(true);
    expect(Object.is(toMajor(-0, 2), 0)).toBe(true);
    expect(toMajor(Number.MAX_SAFE_INTEGER, 2)).toBe(Number('90071992547409.91'));
    const minor = fc.oneof(fc.integer({ min: -1e6, max: 1e6 }), fc.maxSafeInteger(), fc.integer().map((n) => n * 1e6 + 7));
    fc.assert(fc.property(minor, fc.constantFrom(0, 1, 2, 3, 4), (m, exp) => Object.is(toMajor(m, exp), Number(formatMinor(m, exp)))), { numRuns: 20_000 });
  });
});

describe('mulDivRound', () => {
  it('rounds half away from zero', () => {
    expect(mulDivRound(90001, 66667, 100000)).toBe(60001); // 60000.96667
    expect(mulDivRound(5, 1, 2)).toBe(3);
    expect(mulDivRound(-5, 1, 2)).toBe(-3);
    expect(mulDivRound(5, -1, 2)).toBe(-3);
    expect(mulDivRound(7, 1, 3)).toBe(2);
    expect(mulDivRound(10, 3, 4)).toBe(8); // 7.5
  });

  it('never answers minus zero (it would print as -0 in JSON and cells)', () => {
    expect(Object.is(mulDivRound(-1, 1, 3), 0)).toBe(true); // -0.33 rounds to 0
    expect(Object.is(mulDivRound(0, 5, -7), 0)).toBe(true);
    expect(Object.is(mulDivRound(-3, 2 ** 52, 2 ** 55), 0)).toBe(true); // -0.375, by BigInt
  });

  it('is exact when the product leaves the safe integer range', () => {
    const big = 900_719_925_474; // 9.0e11 cents: 9 billion euro
    // big × 333333 / 1000000: computed with BigInt, compared against a BigInt reference
    const expected = (BigInt(big) * 333333n * 2n + 1000000n) / 2000000n;
    expect(mulDivRound(big, 333333, 1000000)).toBe(Number(expected));
    expect(mulDivRound(Number.MAX_SAFE_INTEGER, 3, 3)).toBe(Number.MAX_SAFE_INTEGER);
  });

  it('agrees with BigInt arithmetic on any operands', () => {
    const reference = (v: number, n: number, d: number) => {
      const p = BigInt(v) * BigInt(n);
      const neg = p < 0n !== d < 0;
      const a = p < 0n ? -p : p;
      const b = BigInt(Math.abs(d));
      const q = (a * 2n + b) / (2n * b);
      return Number(neg ? -q : q);
    };
    fc.assert(fc.property(fc.integer({ min: -1e12, max: 1e12 }), fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: 1, max: 1e9 }), fc.boolean(), (v, n, d, negD) => {
      const den = negD ? -d : d;
      // `+ 0`: a result that rounds to zero from below comes back as −0 (shown as 0 everywhere)
      expect(mulDivRound(v, n, den) + 0).toBe(reference(v, n, den) + 0);
    }));
  });

  it('refuses a division by zero', () => {
    expect(() => mulDivRound(1, 1, 0)).toThrow(RangeError);
  });

  it('sums exactly and refuses a sum out of range', () => {
    expect(sumMinor([10, 20, -5])).toBe(25);
    expect(() => sumMinor([Number.MAX_SAFE_INTEGER, 1])).toThrow(RangeError);
  });
});

describe('calendar dates', () => {
  it('reads YYYY-MM-DD and knows leap days', () => {
    expect(parseIsoDate('1970-01-01')).toBe(0);
    expect(parseIsoDate('2024-02-29')).toBe(19782);
    expect(parseIsoDate('2023-02-29')).toBeNull();
    expect(parseIsoDate('1900-02-29')).toBeNull(); // not a leap year
    expect(parseIsoDate('2000-02-29')).not.toBeNull(); // a leap year
    expect(parseIsoDate('2024-13-01')).toBeNull();
    expect(parseIsoDate('24-01-01')).toBeNull();
    expect(parseIsoDate('2024-1-1')).toBeNull();
    expect(formatIsoDate(19782 + 1)).toBe('2024-03-01');
  });

  it('counts days across a leap day', () => {
    const d = parseIsoDate('2024-02-28') as number;
    expect(formatIsoDate(addDays(d, 1))).toBe('2024-02-29');
    expect(formatIsoDate(addDays(d, 2))).toBe('2024-03-01');
    expect(calendarYear(d)).toEqual({ from: parseIsoDate('2024-01-01'), to: parseIsoDate('2024-12-31') });
  });

  it('converts Excel serial numbers both ways', () => {
    expect(toExcelSerial(parseIsoDate('1970-01-01') as number)).toBe(25569);
    expect(toExcelSerial(parseIsoDate('2024-02-29') as number)).toBe(45351);
    expect(toExcelSerial(parseIsoDate('1900-03-01') as number)).toBe(61);
    expect(fromExcelSerial(45351.75)).toBe(parseIsoDate('2024-02-29')); // a time of day is dropped
    expect(fromExcelSerial(60)).toBeNull(); // Excel's fictitious 1900-02-29
    fc.assert(fc.property(fc.integer({ min: -25_000, max: 2_900_000 }), (day) => {
      expect(fromExcelSerial(toExcelSerial(day))).toBe(day);
      expect(parseIsoDate(formatIsoDate(day))).toBe(day);
    }));
  });

  it('takes today from the local calendar date', () => {
    expect(today(new Date(2024, 1, 29, 23, 59))).toBe(parseIsoDate('2024-02-29'));
    expect(dayFromParts(2024, 2, 30)).toBeNull();
  });
});
