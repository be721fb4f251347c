// The `subledger` command (../shared/spec/cli.md): help, version, and dispatch to one module per
// subcommand (loaded only when it runs). Exit status 0 on success, 1 on bad input, 2 on bad
// usage, 70 on an internal error (a bug: one line on stderr, the stack with SUBLEDGER_DEBUG=1).
import { version } from '../../package.json';
import { COMMANDS, commandNamed } from './commands';
import { InputError, UsageError, processIo, type CliIo } from './io';
import { CommandLineError, asksForHelp, helpText, usageLine } from './options';
import { closestName } from './suggest';

export const EXIT = { ok: 0, input: 1, usage: 2, internal: 70 } as const;

function firstLine(text: string): string {
  return text.split('\n')[0] ?? '';
}

function mainHelp(): string {
  const names = COMMANDS.map((c) => c.spec.name);
  const width = Math.max(...names.map((n) => n.length), '-h, --help'.length);
  return [
    'usage: subledger COMMAND [options]',
    '',
    'Debtor and creditor subledgers: open items, aging, balances, workbooks and SEPA payments.',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.spec.name.padEnd(width)}  ${firstLine(c.spec.summary)}`),
    `  ${'help CMD'.padEnd(width)}  the options of a command (as does subledger CMD --help)`,
    '',
    'Options:',
    `  ${'-h, --help'.padEnd(width)}  show this help`,
    `  ${'--version'.padEnd(width)}  print the version`,
    '',
    `Exit status: ${EXIT.ok} done, ${EXIT.input} bad input, ${EXIT.usage} bad usage, ${EXIT.internal} internal error.`,
    '',
  ].join('\n');
}

function unknownCommand(name: string, io: CliIo): number {
  const suggestion = closestName(name, COMMANDS.map((c) => c.spec.name));
  const hint = suggestion === null ? '' : ` (did you mean ${suggestion}?)`;
  io.stderr(`subledger: unknown command: ${name}${hint}\nrun 'subledger --help' for the commands\n`);
  return EXIT.usage;
}

/** `subledger help [CMD]`. */
function help(rest: string[], io: CliIo): number {
  const [name] = rest;
  if (name === undefined) {
    io.stdout(mainHelp());
    return EXIT.ok;
  }
  const command = commandNamed(name);
  if (command === undefined) return unknownCommand(name, io);
  io.stdout(helpText(command.spec));
  return EXIT.ok;
}

/** What is shown for an error that is not the user's (a bug): one line, the stack only with SUBLEDGER_DEBUG=1. */
export function internalErrorText(command: string, error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const stack = process.env.SUBLEDGER_DEBUG === '1' && error instanceof Error ? `${error.stack ?? ''}\n` : '';
  return `${command}: internal error: ${firstLine(message)}\n${stack}`;
}

export async function main(argv: string[], io: CliIo = processIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined) {
    io.stderr(mainHelp());
    return EXIT.usage;
  }
  if (name === '--help' || name === '-h') return help([], io);
  if (name === 'help') return help(rest, io);
  if (name === '--version') {
    io.stdout(`subledger ${version}\n`);
    return EXIT.ok;
  }
  const command = commandNamed(name);
  if (command === undefined) return unknownCommand(name, io);
  if (asksForHelp(rest)) {
    io.stdout(helpText(command.spec));
    return EXIT.ok;
  }
  try {
    const run = await command.load();
    return await run(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      const usage = error instanceof CommandLineError ? `${usageLine(error.command)}\nrun 'subledger ${name} --help' for the options\n` : '';
      io.stderr(`subledger ${name}: ${error.message}\n${usage}`);
      return EXIT.usage;
    }
    if (error instanceof InputError) {
      io.stderr(`subledger ${name}: ${error.message}\n`);
      return EXIT.input;
    }
    io.stderr(internalErrorText(`subledger ${name}`, error));
    return EXIT.internal;
  }
}
