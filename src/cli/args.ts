// Option values shared by the subcommands: dates, bucket limits, choices, the report options of
// cli.md, and reading the input files through the importers (the options themselves are
// parsed against each command's table in commands.ts / options.ts). Bad usage throws UsageError (exit 2), bad input InputError (exit 1).
import { bucketsProblem } from '../core/aging';
import { calendarYear, parseIsoDate, today, type Day } from '../core/date';
import { isCurrencyCode } from '../core/money';
import { AGING_BASES, DEFAULT_BUCKETS, type AgingBasis, type MutationSort, type Period } from '../core/report-types';
import type { ImportIssue, Ledger, Side } from '../core/types';
import { accountPrefixes } from '../import/gl/accounts';
import { importFile } from '../import/index';
import { describeSource, localizeIssue } from '../import/messages';
import { InputError, UsageError, type CliIo } from './io';
import type { ParsedArgs } from './options';
import type { TwoThreadReader } from './part-reader';
import { parseSize, readSource } from './read-source';

/** A `YYYY-MM-DD` option value as a day. */
export function parseDateArg(text: string, option = 'date'): Day {
  const day = parseIsoDate(text);
  if (day === null) throw new UsageError(`--${option}: "${text}" is not a date in the form YYYY-MM-DD`);
  return day;
}

/** `30,60,90,120` → [30, 60, 90, 120]: ascending whole days ≥ 1, as core/aging's bucketsProblem allows. */
export function parseBuckets(text: string): number[] {
  const limits = text.split(',').map((part) => part.trim());
  const days = limits.map(Number);
  const bad = limits.findIndex((part, i) => !/^\d+$/.test(part) || (days[i] ?? 0) < 1);
  if (bad >= 0) throw new UsageError(`--buckets: "${limits[bad] ?? ''}" is not a whole number of days ≥ 1`);
  const problem = bucketsProblem(days);
  const shown = text.length > 60 ? `${text.slice(0, 59)}…` : text;
  if (problem !== null) throw new UsageError(`--buckets: ${problem}, got ${shown}`);
  return days;
}

/** One of a fixed set of words, e.g. `--basis due|doc|entry`. */
export function parseChoice<T extends string>(text: string, choices: readonly T[], option: string): T {
  const found = choices.find((c) => c === text);
  if (found === undefined) throw new UsageError(`--${option}: "${text}" is not one of ${choices.join(', ')}`);
  return found;
}

export function parseCurrencyArg(text: string, option = 'base'): string {
  const code = text.toUpperCase();
  if (!isCurrencyCode(code)) throw new UsageError(`--${option}: "${text}" is not an ISO 4217 currency code`);
  return code;
}

/** The options every report shares (cli.md): as-of, basis, buckets, period, side, party, sort. */
export interface ReportOptions {
  asOf: Day;
  basis: AgingBasis;
  buckets: number[];
  period: Period;
  sort: MutationSort;
  side?: Side;
  partyId?: string;
}

/**
 * `--side AR|AP`: which subledger an input without a side column holds, and for an input with
 * both, the one the output keeps.
 */
export function sideArg(args: ParsedArgs): Side | undefined {
  const text = args.get('side');
  return text === undefined ? undefined : parseChoice(text.toUpperCase(), ['AR', 'AP'] as const, 'side');
}

/** `--as-of` defaults to today (io.now()); `--from`/`--to` to the calendar year of as-of. */
export function reportOptions(args: ParsedArgs, io: CliIo): ReportOptions {
  const asOfText = args.get('as-of');
  const asOf = asOfText === undefined ? today(io.now()) : parseDateArg(asOfText, 'as-of');
  const year = calendarYear(asOf);
  const fromText = args.get('from');
  const toText = args.get('to');
  const period = {
    from: fromText === undefined ? year.from : parseDateArg(fromText, 'from'),
    to: toText === undefined ? year.to : parseDateArg(toText, 'to'),
  };
  if (period.from > period.to) throw new UsageError(`--from ${fromText ?? ''} lies after --to ${toText ?? ''}`);
  const bucketsText = args.get('buckets');
  const side = sideArg(args);
  const partyId = args.get('party');
  return {
    asOf,
    basis: parseChoice(args.get('basis') ?? 'due', AGING_BASES, 'basis'),
    buckets: bucketsText === undefined ? [...DEFAULT_BUCKETS] : parseBuckets(bucketsText),
    period,
    sort: parseChoice(args.get('sort') ?? 'date', ['date', 'doc'] as const, 'sort'),
    ...(side === undefined ? {} : { side }),
    ...(partyId === undefined ? {} : { partyId }),
  };
}

/** The option every command that reads input takes (cli.md): the largest input file accepted. */
export const MAX_INPUT_SIZE_OPTION = 'max-input-size';

function parseSizeArg(text: string): number {
  const bytes = parseSize(text);
  if (bytes === null) throw new UsageError(`--${MAX_INPUT_SIZE_OPTION}: "${text}" is not a size such as 300MB or 2G`);
  return bytes;
}

/** `--ar-accounts`/`--ap-accounts PREFIX,…`: which general-ledger accounts hold debtors and creditors. */
export const ACCOUNT_OPTION_NAMES = ['ar-accounts', 'ap-accounts'] as const;

export interface GlAccounts {
  arAccounts?: string[];
  apAccounts?: string[];
}

export function accountOptions(args: ParsedArgs): GlAccounts {
  const list = (name: string): string[] | undefined => {
    const text = args.get(name);
    if (text === undefined) return undefined;
    const prefixes = accountPrefixes(text);
    if (prefixes.length === 0) throw new UsageError(`--${name}: give one or more account prefixes, e.g. 411,416`);
    return prefixes;
  };
  const ar = list('ar-accounts');
  const ap = list('ap-accounts');
  return { ...(ar ? { arAccounts: ar } : {}), ...(ap ? { apAccounts: ap } : {}) };
}

const SHOWN_WARNINGS = 20;

function reportWarnings(warnings: readonly ImportIssue[], io: CliIo): void {
  for (const w of warnings.slice(0, SHOWN_WARNINGS)) io.stderr(`warning: ${localizeIssue(w, 'en')}\n`);
  if (warnings.length > SHOWN_WARNINGS) io.stderr(`warning: … and ${warnings.length - SHOWN_WARNINGS} more\n`);
}

/**
 * Reads the input (any supported format) and an optional parties file, and imports them; `side`
 * (--side) says which subledger an input without a side column holds. Errors
 * become an InputError with the importer's messages; warnings go to `io.stderr` when given.
 */
export async function readInput(
  file: string,
  partiesFile?: string,
  base?: string,
  io?: CliIo,
  side?: Side,
  maxSize?: string,
  accounts: GlAccounts = {},
  partReader?: TwoThreadReader,
): Promise<Ledger> {
  const baseCurrency = base === undefined ? undefined : parseCurrencyArg(base);
  const maxInputSize = maxSize === undefined ? undefined : parseSizeArg(maxSize);
  const source = await readSource(file, maxInputSize, partReader ?? false);
  const parties = partiesFile === undefined ? undefined : await readSource(partiesFile, maxInputSize);
  const result = await importFile(source, {
    ...(parties ? { parties } : {}),
    ...(baseCurrency === undefined ? {} : { baseCurrency }),
    ...(side === undefined ? {} : { side }),
    ...(maxInputSize === undefined ? {} : { maxInputSize }),
    ...accounts,
    ...(partReader ? { partReader } : {}),
  });
  const errors = result.issues.filter((i) => i.severity === 'error');
  if (result.ledger === null || errors.length > 0) {
    const lines = errors.length > 0 ? errors.map((i) => localizeIssue(i, 'en')) : [`${file}: could not be imported`];
    throw new InputError(lines.join('\n'));
  }
  // What the file was taken for, unless it is the canonical CSV itself (nothing to interpret).
  const takenFor = result.report?.source;
  if (io && takenFor && takenFor.kind !== 'subledger-csv') io.stderr(`${file}: ${describeSource(takenFor, 'en')}\n`);
  if (io) reportWarnings(result.issues.filter((i) => i.severity === 'warning'), io);
  return result.ledger;
}
