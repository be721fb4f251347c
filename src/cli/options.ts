// The options of a command as one table that drives parsing, `--help` and "did you mean": a
// command lists its options once (a CommandSpec), and parseCommandArgs reads argv against it.
// `--name VALUE` and `--name=VALUE`; flags take no value; `--` ends the options.
import { UsageError } from './io';
import { closestName } from './suggest';

export interface OptionSpec {
  /** Without the dashes: `input` for `--input`. */
  readonly name: string;
  /** The placeholder of its value in help (`FILE`, `DATE`, `json|csv`); absent for a flag. */
  readonly value?: string;
  /** One line of help. */
  readonly help: string;
  /** Parsing refuses the command without it (usage error). */
  readonly required?: boolean;
}

export interface OptionGroup {
  readonly title: string;
  readonly options: readonly OptionSpec[];
}

export interface PositionalSpec {
  readonly name: string;
  readonly help: string;
}

export interface CommandSpec {
  readonly name: string;
  /** One line: what the command does. */
  readonly summary: string;
  readonly positionals?: readonly PositionalSpec[];
  readonly groups: readonly OptionGroup[];
  /** Paragraphs printed after the options in `--help`. */
  readonly notes?: string;
}

export interface ParsedArgs {
  positionals: string[];
  /** The value of a value option, or undefined when not given. */
  get(name: string): string | undefined;
  /** The value of a value option that must be given. */
  require(name: string): string;
  flag(name: string): boolean;
}

export function optionsOf(spec: CommandSpec): OptionSpec[] {
  return spec.groups.flatMap((g) => g.options);
}

/** A usage error of the command line itself: main prints the command's usage line after it. */
export class CommandLineError extends UsageError {
  constructor(
    message: string,
    readonly command: CommandSpec,
  ) {
    super(message);
  }
}

function unknownOption(word: string, spec: CommandSpec): CommandLineError {
  const names = optionsOf(spec).map((o) => o.name);
  const suggestion = closestName(word.replace(/^-+/, '').split('=')[0] ?? '', names);
  const hint = suggestion === null ? '' : ` (did you mean --${suggestion}?)`;
  return new CommandLineError(`unknown option ${word}${hint}`, spec);
}

/** Parses `args` strictly against the command's table: unknown options, missing values and extra positionals are usage errors; a repeated option counts its last value (so a script's default can be overridden). */
export function parseCommandArgs(args: readonly string[], spec: CommandSpec): ParsedArgs {
  const byName = new Map(optionsOf(spec).map((o) => [o.name, o]));
  const values = new Map<string, string | true>();
  const positionals: string[] = [];
  let optionsEnded = false;
  for (let i = 0; i < args.length; i++) {
    const word = args[i] ?? '';
    if (optionsEnded || !word.startsWith('-') || word === '-') {
      positionals.push(word);
      continue;
    }
    if (word === '--') {
      optionsEnded = true;
      continue;
    }
    const eq = word.indexOf('=');
    const name = word.startsWith('--') ? word.slice(2, eq < 0 ? undefined : eq) : '';
    const option = byName.get(name);
    if (option === undefined) throw unknownOption(word, spec);
    if (option.value === undefined) {
      if (eq >= 0) throw new CommandLineError(`--${name} takes no value`, spec);
      values.set(name, true);
      continue;
    }
    let value: string | undefined;
    if (eq >= 0) value = word.slice(eq + 1);
    else {
      const next = args[i + 1];
      if (next !== undefined && !(next.startsWith('--') && next.length > 2)) {
        value = next;
        i++;
      }
    }
    if (value === undefined) throw new CommandLineError(`--${name} needs a value: --${name} ${option.value}`, spec);
    values.set(name, value);
  }
  const allowed = spec.positionals?.length ?? 0;
  const missing = spec.positionals?.[positionals.length];
  if (missing !== undefined) throw new CommandLineError(`missing ${missing.name}: ${missing.help}`, spec);
  if (positionals.length > allowed) throw new CommandLineError(`unexpected argument: ${positionals[allowed] ?? ''}`, spec);
  const get = (name: string): string | undefined => {
    const value = values.get(name);
    return typeof value === 'string' ? value : undefined;
  };
  const require = (name: string): string => {
    const value = get(name);
    if (value === undefined || value === '') throw new CommandLineError(`--${name} is required`, spec);
    return value;
  };
  for (const option of byName.values()) if (option.required === true) require(option.name);
  return { positionals, get, require, flag: (name) => values.get(name) === true };
}

/** `-h` or `--help` among the options (before a `--`). */
export function asksForHelp(args: readonly string[]): boolean {
  const end = args.indexOf('--');
  return (end < 0 ? args : args.slice(0, end)).some((a) => a === '--help' || a === '-h');
}

/** `subledger report NAME --input FILE [options]`: positionals, required options, then the rest. */
export function usageLine(spec: CommandSpec): string {
  const required = optionsOf(spec).filter((o) => o.required === true).map((o) => `--${o.name} ${o.value ?? ''}`.trimEnd());
  const positionals = (spec.positionals ?? []).map((p) => p.name);
  return ['usage: subledger', spec.name, ...positionals, ...required, '[options]'].join(' ');
}

function optionLabel(o: OptionSpec): string {
  return o.value === undefined ? `--${o.name}` : `--${o.name} ${o.value}`;
}

/** The full `--help` text of a command, from its table. */
export function helpText(spec: CommandSpec): string {
  const lines = [usageLine(spec), '', spec.summary];
  const labels = [...(spec.positionals ?? []).map((p) => p.name), ...optionsOf(spec).map(optionLabel), '-h, --help'];
  const width = Math.min(Math.max(...labels.map((l) => l.length)), 28);
  const row = (label: string, help: string): string =>
    label.length > width ? `  ${label}\n  ${' '.repeat(width)}  ${help}` : `  ${label.padEnd(width)}  ${help}`;
  if (spec.positionals?.length) {
    lines.push('');
    for (const p of spec.positionals) lines.push(row(p.name, p.help));
  }
  for (const group of spec.groups) {
    lines.push('', `${group.title}:`);
    for (const o of group.options) lines.push(row(optionLabel(o), `${o.help}${o.required === true ? ' (required)' : ''}`));
  }
  lines.push('', row('-h, --help', 'show this help'));
  if (spec.notes !== undefined) lines.push('', spec.notes);
  return `${lines.join('\n')}\n`;
}
