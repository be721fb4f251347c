import { describe, expect, it } from 'vitest';
import { detectDateOrder, toIsoDate } from '../../../src/import/dates';
import { detectDecimal, parseLocaleAmount } from '../../../src/import/numbers';

describe('amounts as exports write them', () => {
  it.each([
    ['1.234,56', ',', '1234.56'],
    ['1,234.56', '.', '1234.56'],
    ['1 234,56', ',', '1234.56'],
    ['1\u00a0234,56', ',', '1234.56'],
    ["1'234.56", '.', '1234.56'],
    ['(123,45)', ',', '-123.45'],
    ['123,45-', ',', '-123.45'],
    ['-1.000', ',', '-1000'],
    ['€ 99,90', ',', '99.90'],
    ['+7', '.', '7'],
    ['0,00-', ',', '0.00'],
  ] as const)('%s with decimal %s reads as %s', (text, decimal, expected) => {
    expect(parseLocaleAmount(text, decimal)).toBe(expected);
  });

  it.each(['abc', '', '1,2,3.4.5', '12-3', '()', '1.234,56,7'])('%s is not an amount', (text) => {
    expect(parseLocaleAmount(text, ',')).toBeNull();
  });

  it('decides the decimal separator from the whole column', () => {
    expect(detectDecimal(['1.000', '250', '12,50'])).toBe(',');
    expect(detectDecimal(['1,000', '250', '12.50'])).toBe('.');
    expect(detectDecimal(['1.234.567', '5'])).toBe(',');
  });

  it('lets the locale decide a column that never shows its separator', () => {
    expect(detectDecimal(['1.000', '2.500'], 'nl-BE')).toBe(',');
    expect(detectDecimal(['1,000', '2,500'], 'en-GB')).toBe('.');
  });
});

describe('dates as exports write them', () => {
  it('reads ISO, compact and Excel serial dates', () => {
    expect(toIsoDate('2024-02-29', 'dmy')).toBe('2024-02-29');
    expect(toIsoDate('20240229', 'mdy')).toBe('2024-02-29');
    expect(toIsoDate(45351, 'dmy')).toBe('2024-02-29');
    expect(toIsoDate('45351', 'dmy')).toBe('2024-02-29');
    expect(toIsoDate('2024-02-29T10:15:00', 'dmy')).toBe('2024-02-29');
  });

  it('reads day-first and month-first with any separator and two-digit years', () => {
    expect(toIsoDate('05/03/2024', 'dmy')).toBe('2024-03-05');
    expect(toIsoDate('05/03/2024', 'mdy')).toBe('2024-05-03');
    expect(toIsoDate('31.12.23', 'dmy')).toBe('2023-12-31');
  });

  it('refuses dates that do not exist', () => {
    expect(toIsoDate('31/02/2024', 'dmy')).toBeNull();
    expect(toIsoDate('2023-02-29', 'dmy')).toBeNull();
    expect(toIsoDate('yesterday', 'dmy')).toBeNull();
  });

  it('lets one value with a first part above 12 decide the whole column', () => {
    expect(detectDateOrder(['01/02/2024', '03/04/2024', '25/04/2024'], 'en-US')).toEqual({ order: 'dmy', ambiguous: false });
    expect(detectDateOrder(['01/02/2024', '04/25/2024'], 'nl-BE')).toEqual({ order: 'mdy', ambiguous: false });
  });

  it('takes the locale for a genuinely ambiguous column', () => {
    expect(detectDateOrder(['01/02/2024', '03/04/2024'], 'en-US')).toEqual({ order: 'mdy', ambiguous: true });
    expect(detectDateOrder(['01/02/2024', '03/04/2024'], 'fr-BE')).toEqual({ order: 'dmy', ambiguous: true });
    expect(detectDateOrder(['01/01/2024', '2024-05-30'], 'en-US').ambiguous).toBe(false);
  });
});
