// The `subledger` command (../shared/spec/cli.md): dispatches to one module per subcommand.
// Exit status 0 on success, 1 on bad input, 2 on bad usage.
import { InputError, UsageError, processIo, type CliIo } from './io';

type Command = (args: string[], io: CliIo) => Promise<number>;

const COMMANDS: Record<string, () => Promise<Command>> = {
  demo: async () => (await import('./demo')).run,
  report: async () => (await import('./report')).run,
  build: async () => (await import('./build')).run,
  pay: async () => (await import('./pay')).run,
  yearend: async () => (await import('./yearend')).run,
};

const USAGE = `usage: subledger <demo|report|build|pay|yearend> [options]   (see ../shared/spec/cli.md)\n`;

export async function main(argv: string[], io: CliIo = processIo): Promise<number> {
  const [name, ...rest] = argv;
  const load = name === undefined ? undefined : COMMANDS[name];
  if (!load) {
    io.stderr(name === undefined || name === '--help' ? USAGE : `unknown command: ${name}\n${USAGE}`);
    return name === '--help' ? 0 : 2;
  }
  try {
    const run = await load();
    return await run(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`subledger ${name}: ${error.message}\n`);
      return 2;
    }
    if (error instanceof InputError) {
      io.stderr(`subledger ${name}: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
}
