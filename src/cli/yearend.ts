// `subledger yearend` (cli.md): the year-end pack as of a date in one command: a workbook with
// every analysis as of the date, turnaround and mutations over the fiscal year up to it (the
// calendar year of --as-of), the revaluation at closing rates (--rates) and balance confirmations
// (--confirm all | sample:N | over:AMOUNT, --seed for the sample), written to DIR as
// yearend-<date>.xlsx and, where LibreOffice is installed, yearend-<date>.pdf beside it.
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { readSampleSize, readSeed, seedFromClock, type ConfirmSelection } from '../core/confirmations';
import { currencyExponent, parseAmount } from '../core/money';
import { yearEndFileName, yearEndPackSpecs } from '../sheets/year-end';
import { LANGS } from '../core/words';
import { renderXlsx } from '../xlsx/render';
import { MAX_INPUT_SIZE_OPTION, parseChoice, parseDateArg, readInput } from './args';
import { specOf } from './commands';
import { deflaterOption } from './deflate';
import { InputError, UsageError, type CliIo } from './io';
import { parseCommandArgs } from './options';
import { sofficeAvailable, workbookToPdf } from './pdf';
import { readRatesFile, withRates } from './rates';

/** `all`, `sample:N` or `over:AMOUNT` (AMOUNT in the base currency, e.g. `over:10000`). */
export function parseConfirm(text: string, seed: number, base: string): ConfirmSelection {
  if (text === 'all') return { kind: 'all' };
  const [kind, value = ''] = text.split(':', 2);
  const size = kind === 'sample' ? readSampleSize(value) : null;
  if (size !== null) return { kind: 'sample', size, seed };
  const amount = kind === 'over' ? parseAmount(value, currencyExponent(base)) : null;
  if (amount !== null && amount.minor >= 0) return { kind: 'over', amount: amount.minor };
  throw new UsageError(`--confirm: "${text}" is not all, sample:N or over:AMOUNT`);
}

function parseSeed(text: string | undefined, io: CliIo): number {
  if (text === undefined) return seedFromClock(io.now().getTime());
  const seed = readSeed(text);
  if (seed === null) throw new UsageError(`--seed: "${text}" is not a whole number`);
  return seed;
}

async function writeAtomically(file: string, bytes: Uint8Array): Promise<void> {
  const temp = `${file}.${process.pid}.tmp`;
  try {
    await writeFile(temp, bytes);
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true });
    throw new InputError(`cannot write ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

export async function run(args: string[], io: CliIo): Promise<number> {
  const parsed = parseCommandArgs(args, specOf('yearend'));
  const input = parsed.require('input');
  const asOf = parseDateArg(parsed.require('as-of'), 'as-of');
  const outDir = parsed.require('out');
  const lang = parseChoice(parsed.get('lang') ?? 'en', LANGS, 'lang');
  const ratesFile = parsed.get('rates');
  const seed = parseSeed(parsed.get('seed'), io);
  const ledger = await readInput(input, parsed.get('parties'), parsed.get('base'), io, undefined, parsed.get(MAX_INPUT_SIZE_OPTION));
  const confirmText = parsed.get('confirm');
  const confirm = confirmText === undefined ? undefined : parseConfirm(confirmText, seed, ledger.baseCurrency);
  const rates = ratesFile === undefined ? undefined : await readRatesFile(ratesFile);
  const company = parsed.get('company') ?? path.parse(input).name;
  const build = () => yearEndPackSpecs(ledger, { asOf, lang, company, ...(rates === undefined ? {} : { rates }), ...(confirm === undefined ? {} : { confirm }) });
  const specs = ratesFile === undefined ? build() : withRates(ratesFile, build);
  if (confirm?.kind === 'sample') io.stdout(`confirmations: a sample of ${confirm.size}, seed ${seed} (--seed ${seed} draws it again)\n`);
  const letters = specs.find((s) => s.kind === 'confirmations')?.tables[0]?.pageBreaksBefore?.length;
  if (letters !== undefined) io.stdout(`confirmations: ${letters + 1} letters\n`);
  await mkdir(outDir, { recursive: true });
  const xlsx = path.join(outDir, yearEndFileName(asOf));
  await writeAtomically(xlsx, await renderXlsx(specs, deflaterOption()));
  io.stdout(`wrote ${xlsx}: ${specs.length} sheets (${specs.map((s) => s.name).join(', ')})\n`);
  if (!sofficeAvailable()) {
    io.stdout('LibreOffice (soffice) is not installed: no PDF, the workbook alone\n');
    return 0;
  }
  io.stderr('printing the workbook to PDF with LibreOffice…\n');
  try {
    io.stdout(`wrote ${await workbookToPdf(xlsx, outDir)}\n`);
  } catch (error) {
    throw new InputError(`${error instanceof Error ? error.message : String(error)} (the workbook ${xlsx} is written)`);
  }
  return 0;
}
