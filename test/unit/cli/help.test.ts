// `subledger --help`, `-h`, `help CMD`, `CMD --help`, `--version`; unknown options and commands
// answered with the usage and a "did you mean"; every option of a command listed in its help.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { main } from '../../../src/cli/main';
import { closestName } from '../../../src/cli/suggest';
import { LEDGER, cli } from './run-cli';

const pkg = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string };

describe('subledger help', () => {
  it.each([['--help'], ['-h'], ['help']])('%s lists the commands on stdout, exit 0', async (arg) => {
    const run = await cli(arg);
    expect(run.code).toBe(0);
    for (const name of ['demo', 'report', 'build', 'pay']) expect(run.stdout).toMatch(new RegExp(`^  ${name} `, 'm'));
    expect(run.stdout).toContain('help CMD');
    expect(run.stderr).toBe('');
  });

  it('without a command prints the help on stderr and exits 2', async () => {
    const run = await cli();
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('usage: subledger COMMAND');
  });

  it('--version prints the package version', async () => {
    const run = await cli('--version');
    expect([run.code, run.stdout]).toEqual([0, `subledger ${pkg.version}\n`]);
  });

  // The options of cli.md, per command: each one must be in that command's help.
  const CLI_MD: Record<string, string[]> = {
    demo: ['out', 'seed', 'parties', 'years'],
    report: ['input', 'parties', 'base', 'as-of', 'basis', 'buckets', 'from', 'to', 'side', 'party', 'sort', 'format'],
    build: ['input', 'parties', 'out', 'as-of', 'from', 'to', 'lang', 'company', 'basis', 'buckets', 'side', 'party'],
    pay: ['input', 'parties', 'out', 'debtor-name', 'debtor-iban', 'debtor-bic', 'execution-date', 'docs', 'due-by', 'format', 'history', 'confirm-repeat'],
  };

  it.each(Object.entries(CLI_MD))('%s: "CMD --help", "CMD -h" and "help CMD" print the same help with every option', async (name, options) => {
    const runs = await Promise.all([cli(name, '--help'), cli(name, '-h'), cli('help', name), cli(name, '--input', 'x', '--help')]);
    for (const run of runs) {
      expect(run.code).toBe(0);
      expect(run.stdout).toBe(runs[0].stdout);
    }
    const text = runs[0].stdout;
    expect(text).toMatch(new RegExp(`^usage: subledger ${name}`));
    for (const option of options) expect(text).toMatch(new RegExp(`^  --${option}\\b`, 'm'));
  });

  it('help of an unknown command exits 2', async () => {
    const run = await cli('help', 'reprot');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('did you mean report?');
  });
});

describe('unknown options and commands', () => {
  it('a typo in an option: the usage and "did you mean", exit 2, nothing on stdout', async () => {
    const run = await cli('report', 'aging', '--imput', LEDGER);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('subledger report: unknown option --imput (did you mean --input?)');
    expect(run.stderr).toContain('usage: subledger report NAME[,NAME…] --input FILE [options]');
    expect(run.stderr).not.toContain("after '--'");
  });

  it('an option of another command: the usage without a guess', async () => {
    const run = await cli('report', 'aging', '--input', LEDGER, '--debtor-iban', 'BE68539007547034');
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^subledger report: unknown option --debtor-iban\n/);
  });

  it('a typo in a command', async () => {
    const run = await cli('reprot', 'aging');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('unknown command: reprot (did you mean report?)');
  });

  it('guesses only when one name is close', () => {
    expect(closestName('imput', ['input', 'parties'])).toBe('input');
    expect(closestName('inp', ['input', 'parties'])).toBe('input');
    expect(closestName('partise', ['input', 'parties'])).toBe('parties');
    expect(closestName('asof', ['as-of', 'out'])).toBe('as-of');
    expect(closestName('colour', ['input', 'parties', 'format'])).toBeNull();
    expect(closestName('x', ['input', 'out'])).toBeNull();
  });
});

describe('an unexpected error', () => {
  it('is one line "internal error: …" and exit 70, not a stack trace', async () => {
    let stderr = '';
    const io = {
      stdout: () => {
        throw new TypeError('something broke\n    at somewhere (file.ts:1:1)');
      },
      stderr: (t: string) => (stderr += t),
      now: () => new Date(2025, 2, 31),
    };
    const code = await main(['report', 'aging', '--input', LEDGER, '--format', 'json'], io);
    expect(code).toBe(70);
    expect(stderr).toBe('subledger report: internal error: something broke\n');
  });
});
