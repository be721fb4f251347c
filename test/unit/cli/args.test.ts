// The argument helpers that build, pay and report share: dates, bucket limits, choices, the
// report options with their defaults, and strict option parsing.
import { describe, expect, it } from 'vitest';
import { parseBuckets, parseChoice, parseDateArg, reportOptions } from '../../../src/cli/args';
import { parseCommandArgs, type CommandSpec, type OptionSpec } from '../../../src/cli/options';
import { UsageError, type CliIo } from '../../../src/cli/io';
import { parseIsoDate } from '../../../src/core/date';

const io: CliIo = { stdout: () => undefined, stderr: () => undefined, now: () => new Date(2024, 1, 29, 23, 30) };
const day = (text: string): number => parseIsoDate(text)!;

/** A command with these value options, flags and positionals. */
function spec(strings: string[], flags: string[] = [], positionals = 0): CommandSpec {
  const options: OptionSpec[] = [
    ...strings.map((name) => ({ name, value: 'X', help: name })),
    ...flags.map((name) => ({ name, help: name })),
  ];
  return { name: 'test', summary: '', groups: [{ title: 'Options', options }], positionals: Array.from({ length: positionals }, (_, i) => ({ name: `P${i}`, help: '' })) };
}

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
    expect(() => parseCommandArgs(['--what'], spec(['input']))).toThrow(UsageError);
    expect(() => parseCommandArgs(['--input'], spec(['input']))).toThrow(UsageError);
    expect(() => parseCommandArgs(['a', 'b'], spec([], [], 1))).toThrow(/unexpected argument: b/);
    const args = parseCommandArgs(['aging', '--input', 'x.csv', '--confirm'], spec(['input'], ['confirm'], 1));
    expect([args.positionals, args.get('input'), args.flag('confirm'), args.get('parties')]).toEqual([['aging'], 'x.csv', true, undefined]);
    expect(() => args.require('parties')).toThrow(/--parties is required/);
  });

  it('defaults as-of to the local today, the period to its calendar year, basis due, buckets 30–120', () => {
    const options = reportOptions(parseCommandArgs([], spec(['as-of', 'from', 'to'])), io);
    expect(options).toEqual({
      asOf: day('2024-02-29'), basis: 'due', buckets: [30, 60, 90, 120], sort: 'date',
      period: { from: day('2024-01-01'), to: day('2024-12-31') },
    });
  });

  it('takes side in either case and a party, and keeps a given period', () => {
    const args = parseCommandArgs(['--side', 'ap', '--party', 'C7', '--from', '2024-03-01', '--to', '2024-03-31'], spec(['side', 'party', 'from', 'to']));
    expect(reportOptions(args, io)).toMatchObject({ side: 'AP', partyId: 'C7', period: { from: day('2024-03-01'), to: day('2024-03-31') } });
  });
});

describe('option parsing', () => {
  it('takes --name=value, values that begin with a dash, and positionals after --', () => {
    const args = parseCommandArgs(['--input=a.csv', '--party', '-7', '--', '--odd'], spec(['input', 'party'], [], 1));
    expect([args.get('input'), args.get('party'), args.positionals]).toEqual(['a.csv', '-7', ['--odd']]);
  });

  it('takes the last of a repeated option; refuses a value on a flag, and a value that is the next option', () => {
    expect(parseCommandArgs(['--input', 'a', '--input', 'b'], spec(['input'])).get('input')).toBe('b');
    expect(() => parseCommandArgs(['--force=yes'], spec([], ['force']))).toThrow('--force takes no value');
    expect(() => parseCommandArgs(['--input', '--party', 'x'], spec(['input', 'party']))).toThrow('--input needs a value');
  });

  it('refuses a missing positional and a missing required option', () => {
    expect(() => parseCommandArgs([], spec([], [], 1))).toThrow('missing P0');
    const withRequired: CommandSpec = { name: 't', summary: '', groups: [{ title: 'O', options: [{ name: 'out', value: 'FILE', help: '', required: true }] }] };
    expect(() => parseCommandArgs([], withRequired)).toThrow('--out is required');
  });
});
