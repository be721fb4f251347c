// `subledger demo --out DIR [--seed N] [--parties N] [--years N] [--entries N] [--force]`: writes
// the built-in demo ledger as DIR/ledger.csv and DIR/parties.csv (canonical subledger CSV). A
// ledger.csv or parties.csv already in DIR is replaced only when an earlier `subledger demo` wrote
// it and nobody changed it since (DIR/.subledger-demo.json records their sizes and times), or with
// --force: a user's own ledger in that folder is never overwritten by demo data.
import { readFile, stat, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { today } from '../core/date';
import type { Ledger } from '../core/types';
import { ledgerCsvLines, partiesCsv } from '../import/canonical-writer';
import { demoLedger, type DemoOptions } from '../import/demo';
import { specOf } from './commands';
import { parseCommandArgs, type ParsedArgs } from './options';
import { checkReplace, writeFileAtomic } from './files';
import { UsageError, type CliIo } from './io';

/** A whole number option within limits, or its default when absent. */
export function parseCountArg(args: ParsedArgs, option: string, min: number, max: number): number | undefined {
  const text = args.get(option);
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!/^\d+$/.test(text) || value < min || value > max) {
    throw new UsageError(`--${option}: "${text}" is not a whole number from ${min} to ${max}`);
  }
  return value;
}

function demoOptions(args: ParsedArgs, io: CliIo): DemoOptions {
  const options: DemoOptions = { today: today(io.now()) };
  const seed = parseCountArg(args, 'seed', 0, 2 ** 32 - 1);
  const parties = parseCountArg(args, 'parties', 2, 100_000);
  const years = parseCountArg(args, 'years', 1, 20);
  const entries = parseCountArg(args, 'entries', 10, 5_000_000);
  if (seed !== undefined) options.seed = seed;
  if (parties !== undefined) options.parties = parties;
  if (years !== undefined) options.years = years;
  if (entries !== undefined) options.entries = entries;
  return options;
}

/** Writes the ledger CSV in pieces, so a million entries never form one string. */
async function writeLedgerCsv(ledger: Ledger, handle: FileHandle): Promise<void> {
  let chunk: string[] = [];
  for (const line of ledgerCsvLines(ledger)) {
    chunk.push(line);
    if (chunk.length === 20_000) {
      await handle.write(`${chunk.join('\r\n')}\r\n`);
      chunk = [];
    }
  }
  if (chunk.length > 0) await handle.write(`${chunk.join('\r\n')}\r\n`);
}

const MARKER = '.subledger-demo.json';

type Written = Record<string, { size: number; mtimeMs: number }>;

async function writtenByDemo(dir: string): Promise<Written> {
  try {
    const parsed: unknown = JSON.parse(await readFile(path.join(dir, MARKER), 'utf8'));
    return typeof parsed === 'object' && parsed !== null ? (parsed as Written) : {};
  } catch {
    return {};
  }
}

/** True when `file` is as an earlier `subledger demo` left it. */
async function isUnchangedDemoFile(file: string): Promise<boolean> {
  const known = (await writtenByDemo(path.dirname(file)))[path.basename(file)];
  if (known === undefined) return false;
  const now = await stat(file);
  return now.size === known.size && now.mtimeMs === known.mtimeMs;
}

async function recordWritten(dir: string, files: string[]): Promise<void> {
  const written: Written = {};
  for (const file of files) {
    const { size, mtimeMs } = await stat(file);
    written[path.basename(file)] = { size, mtimeMs };
  }
  await writeFileAtomic(path.join(dir, MARKER), `${JSON.stringify(written)}\n`);
}

export async function run(args: string[], io: CliIo): Promise<number> {
  const parsed = parseCommandArgs(args, specOf('demo'));
  const dir = parsed.require('out');
  const ledgerFile = path.join(dir, 'ledger.csv');
  const partiesFile = path.join(dir, 'parties.csv');
  for (const file of [ledgerFile, partiesFile]) {
    await checkReplace(file, parsed.flag('force'), isUnchangedDemoFile, 'was not written by subledger demo, or was changed since');
  }
  const ledger = demoLedger(demoOptions(parsed, io));
  await writeFileAtomic(ledgerFile, (handle) => writeLedgerCsv(ledger, handle));
  await writeFileAtomic(partiesFile, partiesCsv(ledger));
  await recordWritten(dir, [ledgerFile, partiesFile]);
  io.stdout(`wrote ${ledgerFile} (${ledger.entries.length} entries) and ${partiesFile} (${ledger.parties.size} parties)\n`);
  return 0;
}
