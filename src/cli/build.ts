// `subledger build` (../shared/spec/cli.md): the worksheets the add-in syncs, written into an
// .xlsx file. Reads the input (any supported format) or, with --demo, the built-in demo ledger;
// prints progress on stderr and a one-line summary (sheets, rows) on stdout.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { SIDES, type Ledger, type Side } from '../core/types';
import { demoLedger } from '../import/demo';
import { buildWorkbookSpecs, SHEET_KINDS } from '../sheets/workbook';
import { LANGS, type SheetSpec } from '../sheets/spec';
import { renderXlsx } from '../xlsx/render';
import { accountOptions, ACCOUNT_OPTION_NAMES, MAX_INPUT_SIZE_OPTION, parseChoice, parseCommandArgs, readInput, reportOptions, REPORT_OPTION_NAMES, type ReportOptions } from './args';
import { InputError, UsageError, type CliIo } from './io';

const BUILD_ARGS = {
  strings: ['input', 'parties', 'base', 'out', 'lang', 'company', MAX_INPUT_SIZE_OPTION, ...REPORT_OPTION_NAMES, ...ACCOUNT_OPTION_NAMES],
  flags: ['demo'],
};

/** Only the entries (and parties) of --side and --party, when given. */
function narrowLedger(ledger: Ledger, options: ReportOptions): Ledger {
  const { side, partyId } = options;
  if (side === undefined && partyId === undefined) return ledger;
  const keep = (entry: { ledger: Side; partyId: string }) =>
    (side === undefined || entry.ledger === side) && (partyId === undefined || entry.partyId === partyId);
  const parties = new Map([...ledger.parties].filter(([, party]) => keep(party)));
  return { ...ledger, entries: ledger.entries.filter(keep), parties };
}

/** With --side, the other ledger's own sheets are left out. */
function sheetKinds(side: Side): string[] {
  const other = SIDES.find((s) => s !== side) ?? side;
  return SHEET_KINDS.filter((kind) => !kind.endsWith(`-${other}`));
}

function rowCount(specs: readonly SheetSpec[]): number {
  return specs.reduce((sum, spec) => sum + spec.tables.reduce((n, table) => n + table.rows.length, 0), 0);
}

async function writeOut(file: string, bytes: Uint8Array): Promise<void> {
  try {
    await mkdir(path.dirname(path.resolve(file)), { recursive: true });
    await writeFile(file, bytes);
  } catch (error) {
    throw new InputError(`cannot write ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

export async function run(args: string[], io: CliIo): Promise<number> {
  const parsed = parseCommandArgs(args, BUILD_ARGS);
  const out = parsed.require('out');
  const demo = parsed.flag('demo');
  if (!demo && parsed.get('input') === undefined) throw new UsageError('--input is required (or --demo)');
  const options = reportOptions(parsed, io);
  const lang = parseChoice(parsed.get('lang') ?? 'en', LANGS, 'lang');
  const input = parsed.get('input');
  io.stderr(demo ? 'building the demo ledger…\n' : `reading ${input ?? ''}…\n`);
  const ledger = demo || input === undefined
    ? demoLedger({ today: options.asOf })
    : await readInput(input, parsed.get('parties'), parsed.get('base'), io, options.side, parsed.get(MAX_INPUT_SIZE_OPTION), accountOptions(parsed));
  const company = parsed.get('company') ?? (demo || input === undefined ? 'Demo' : path.parse(input).name);
  io.stderr(`computing the reports for ${ledger.entries.length} entries…\n`);
  const specs = buildWorkbookSpecs(narrowLedger(ledger, options), {
    asOf: options.asOf,
    period: options.period,
    basis: options.basis,
    buckets: options.buckets,
    lang,
    company,
    sort: options.sort,
    functionsSheet: true,
    ...(options.side === undefined ? {} : { sheets: sheetKinds(options.side) }),
  });
  const bytes = await renderXlsx(specs, {
    onProgress: (done, total, sheet) => {
      io.stderr(`sheet ${done}/${total}: ${sheet}\n`);
      if (done === total) io.stderr(`packing ${path.basename(out)}…\n`);
    },
  });
  await writeOut(out, bytes);
  io.stdout(`wrote ${out}: ${specs.length} sheets, ${rowCount(specs)} rows\n`);
  return 0;
}
