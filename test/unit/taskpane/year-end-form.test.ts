// The Year-end pack's form as a controller fills it in: the date it opens with, and what each
// choice of confirmations gives the engine, or which field is refused and why.
import { describe, expect, it } from 'vitest';
import { readSampleSize, readSeed, seedFromClock } from '../../../src/core/confirmations';
import { parseIsoDate, type Day } from '../../../src/core/date';
import { lastYearEndBefore } from '../../../src/sheets/year-end';
import { newYearEndForm, readYearEndForm, type YearEndForm } from '../../../src/taskpane/model/year-end-form';

const day = (iso: string) => parseIsoDate(iso) as Day;
const form = (change: Partial<YearEndForm>): YearEndForm => ({ ...newYearEndForm(day('2026-11-30'), 4242), ...change });

describe('the as-of date the form opens with', () => {
  it('is the end of the last fiscal year before today', () => {
    expect(lastYearEndBefore(day('2026-11-30'))).toBe(day('2025-12-31'));
    expect(lastYearEndBefore(day('2026-01-01'))).toBe(day('2025-12-31'));
    // on 31 December the year is not closed yet
    expect(lastYearEndBefore(day('2026-12-31'))).toBe(day('2025-12-31'));
    expect(lastYearEndBefore(day('2025-03-01'))).toBe(day('2024-12-31'));
  });

  it('opens without confirmations, with a sample of 10 and the seed it was given ready', () => {
    expect(newYearEndForm(day('2026-11-30'), 4242)).toEqual({ asOf: '2025-12-31', kind: 'none', size: '10', seed: '4242', over: '', parties: [] });
    expect(readYearEndForm(form({}), 'EUR', 'en-GB')).toEqual({ ok: true, choice: { asOf: day('2025-12-31'), confirm: null } });
  });
});

describe('the confirmations chosen', () => {
  it('gives every party, a seeded sample, those over an amount, or the parties picked', () => {
    expect(readYearEndForm(form({ kind: 'all' }), 'EUR', 'en-GB')).toEqual({ ok: true, choice: { asOf: day('2025-12-31'), confirm: { kind: 'all' } } });
    expect(readYearEndForm(form({ kind: 'sample', size: ' 3 ', seed: '77' }), 'EUR', 'en-GB')).toEqual({
      ok: true,
      choice: { asOf: day('2025-12-31'), confirm: { kind: 'sample', size: 3, seed: 77 } },
    });
    // the amount in the user's notation, in minor units of the base currency
    expect(readYearEndForm(form({ kind: 'over', over: '10.000,50' }), 'EUR', 'nl-BE')).toEqual({
      ok: true,
      choice: { asOf: day('2025-12-31'), confirm: { kind: 'over', amount: 1_000_050 } },
    });
    expect(readYearEndForm(form({ kind: 'over', over: '2500' }), 'JPY', 'en-GB')).toMatchObject({ choice: { confirm: { kind: 'over', amount: 2500 } } });
    const parties = [{ ledger: 'AP' as const, partyId: 'S7', name: 'Desmet Drukkerij' }];
    expect(readYearEndForm(form({ kind: 'parties', parties }), 'EUR', 'en-GB')).toEqual({
      ok: true,
      choice: { asOf: day('2025-12-31'), confirm: { kind: 'parties', parties: [{ ledger: 'AP', partyId: 'S7' }] } },
    });
  });

  it('names the field that cannot be used', () => {
    expect(readYearEndForm(form({ asOf: '' }), 'EUR', 'en-GB')).toEqual({ ok: false, problems: { asOf: 'yearEnd.asOfInvalid' } });
    for (const size of ['0', '', 'three', '2.5', '-1']) {
      expect(readYearEndForm(form({ kind: 'sample', size }), 'EUR', 'en-GB')).toEqual({ ok: false, problems: { size: 'yearEnd.sizeInvalid' } });
    }
    for (const seed of ['', '1e3', '-4', '1234567890']) {
      expect(readYearEndForm(form({ kind: 'sample', seed }), 'EUR', 'en-GB')).toEqual({ ok: false, problems: { seed: 'yearEnd.seedInvalid' } });
    }
    for (const over of ['', 'much', '-100']) {
      expect(readYearEndForm(form({ kind: 'over', over }), 'EUR', 'en-GB')).toEqual({ ok: false, problems: { over: 'yearEnd.overInvalid' } });
    }
    expect(readYearEndForm(form({ kind: 'parties', asOf: 'x' }), 'EUR', 'en-GB')).toEqual({
      ok: false,
      problems: { asOf: 'yearEnd.asOfInvalid', parties: 'yearEnd.partiesEmpty' },
    });
  });

  it('ignores the fields of the choices not taken', () => {
    expect(readYearEndForm(form({ kind: 'all', size: 'x', seed: 'y', over: 'z' }), 'EUR', 'en-GB').ok).toBe(true);
  });
});

describe('a sample’s size and seed as typed (the CLI’s --confirm sample:N and --seed read them the same way)', () => {
  it('takes whole numbers only', () => {
    expect([readSampleSize('12'), readSampleSize('0'), readSampleSize('x')]).toEqual([12, null, null]);
    expect([readSeed('0'), readSeed('999999999'), readSeed('1000000000'), readSeed('4.2')]).toEqual([0, 999_999_999, null, null]);
  });

  it('draws a seed of at most six digits from the clock', () => {
    expect(seedFromClock(1_764_480_123_456)).toBe(123_456);
    expect(seedFromClock(999)).toBe(999);
  });
});
