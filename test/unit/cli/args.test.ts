// The argument helpers that build, pay and report share: dates, bucket limits, choices, the
// report options with their defaults, and strict option parsing.
import { describe, expect, it } from 'vitest';
import { parseBuckets, parseChoice, parseCommandArgs, parseDateArg, reportOptions } from '../../../src/cli/args';
import { UsageError, type CliIo } from '../../../src/cli/io';
import { parseIsoDate } from '../../../src/core/date';

const io: CliIo = { stdout: () => undefined, stderr: () => undefined, now: () => new Date(2024, 1, 29, 23, 30) };
const day = (text: string): number => parseIsoDate(text)!;

describe('argument helpers', () => {
  it('reads a date, and refuses one that does not exist', () => {
    expect(parseDateArg('2024-02-29', 'as-of')).toBe(day('2024-02-29'));
    expect(() => parseDateArg('2023-02-29', 'as-of')).toThrow(UsageError);
    expect(() => parseDateArg('29-02-2024', 'as-of')).toThrow(/--as-of: "29-02-2024" is not a date/);
  });

  it('reads ascending bucket limits', () => {
    expect(parseBuckets('30,60,90,120')).toEqual([30, 60, 90, 120]);
    expect(parseBuckets(' 15, 45 ')).toEqual([15, 45]);
    expect(() => parseBuckets('30,30')).toThrow(/ascending/);
    expect(() => parseBuckets('60,30')).toThrow('--buckets: limits must be ascending, got 60,30');
    expect(() => parseBuckets('0,30')).toThrow(/"0" is not a whole number of days ≥ 1/);
    expect(() => parseBuckets('30,')).toThrow(UsageError);
  });

  it('accepts only the listed choices', () => {
    expect(parseChoice('doc', ['due', 'doc', 'entry'] as const, 'basis')).toBe('doc');
    expect(() => parseChoice('DOC', ['due', 'doc', 'entry'] as const, 'basis')).toThrow(/--basis: "DOC" is not one of due, doc, entry/);
  });

  it('refuses unknown options, missing values and extra arguments', () => {
    expect(() => parseCommandArgs(['--what'], { strings: ['input'] })).toThrow(UsageError);
    expect(() => parseCommandArgs(['--input'], { strings: ['input'] })).toThrow(UsageError);
    expect(() => parseCommandArgs(['a', 'b'], { positionals: 1 })).toThrow(/unexpected argument: b/);
    const args = parseCommandArgs(['aging', '--input', 'x.csv', '--confirm'], { strings: ['input'], flags: ['confirm'], positionals: 1 });
    expect([args.positionals, args.get('input'), args.flag('confirm'), args.get('parties')]).toEqual([['aging'], 'x.csv', true, undefined]);
    expect(() => args.require('parties')).toThrow(/--parties is required/);
  });

  it('defaults as-of to the local today, the period to its calendar year, basis due, buckets 30–120', () => {
    const options = reportOptions(parseCommandArgs([], { strings: ['as-of', 'from', 'to'] }), io);
    expect(options).toEqual({
      asOf: day('2024-02-29'), basis: 'due', buckets: [30, 60, 90, 120], sort: 'date',
      period: { from: day('2024-01-01'), to: day('2024-12-31') },
    });
  });

  it('takes side in either case and a party, and keeps a given period', () => {
    const args = parseCommandArgs(['--side', 'ap', '--party', 'C7', '--from', '2024-03-01', '--to', '2024-03-31'], {
      strings: ['side', 'party', 'from', 'to'],
    });
    expect(reportOptions(args, io)).toMatchObject({ side: 'AP', partyId: 'C7', period: { from: day('2024-03-01'), to: day('2024-03-31') } });
  });
});
