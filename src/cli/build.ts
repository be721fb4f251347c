// `subledger build` (../shared/spec/cli.md): the worksheets the add-in syncs, written into an
// .xlsx file. Reads the input (any supported format) or, with --demo, the built-in demo ledger;
// prints progress on stderr and a one-line summary (sheets, rows) on stdout. With --rates the
// Revaluation sheet is added and the party cards show the balance at the closing rate (as of --as-of).
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { ledgerIndex } from '../core/ledger-index';
import { SIDES, type Ledger, type Side } from '../core/types';
import { demoLedger } from '../import/demo';
import { SHEET_KINDS, workbookSheets } from '../sheets/workbook';
import { LANGS } from '../core/words';
import type { SheetSpec } from '../sheets/spec';
import { readZipEntry, zipEntries } from '../import/zip';
import { WORKBOOK_AUTHOR, renderXlsxPieces } from '../xlsx/render';
import { accountOptions, MAX_INPUT_SIZE_OPTION, parseChoice, readInput, reportOptions, type ReportOptions } from './args';
import { specOf } from './commands';
import { deflaterOption } from './deflate';
import { checkOutputs, checkReplace, writeFileAtomic } from './files';
import { UsageError, type CliIo } from './io';
import { parseCommandArgs } from './options';
import { readRatesFile, withRates } from './rates';

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

function rowCount(spec: SheetSpec): number {
  return spec.tables.reduce((n, table) => n + table.rows.length, 0);
}

const MAX_OWN_WORKBOOK = 512 * 1024 * 1024;

/** A workbook `subledger build` wrote and nobody saved since (see WORKBOOK_AUTHOR). */
export async function isUnsavedWorkbookOfOurs(file: string): Promise<boolean> {
  try {
    if ((await stat(file)).size > MAX_OWN_WORKBOOK) return false;
    const bytes = new Uint8Array(await readFile(file));
    const core = zipEntries(bytes).get('docProps/core.xml');
    if (core === undefined) return false;
    const xml = new TextDecoder().decode(await readZipEntry(bytes, core));
    const field = (tag: string): string | undefined => new RegExp(`<${tag}(?:\\s[^>]*)?>([^<]*)</${tag}>`).exec(xml)?.[1];
    return field('dc:creator') === WORKBOOK_AUTHOR && field('cp:lastModifiedBy') === WORKBOOK_AUTHOR && field('dcterms:created') === field('dcterms:modified');
  } catch {
    return false;
  }
}

export async function run(args: string[], io: CliIo): Promise<number> {
  const parsed = parseCommandArgs(args, specOf('build'));
  const out = parsed.require('out');
  const demo = parsed.flag('demo');
  if (!demo && parsed.get('input') === undefined) throw new UsageError('--input is required (or --demo)');
  const inputs = (['input', 'parties', 'rates'] as const).flatMap((option) => {
    const file = parsed.get(option);
    return file === undefined ? [] : [{ option, file }];
  });
  await checkOutputs([{ option: 'out', file: out }], inputs);
  await checkReplace(out, parsed.flag('force'), isUnsavedWorkbookOfOurs, 'is not a workbook written by subledger build that nobody saved since');
  const options = reportOptions(parsed, io);
  const lang = parseChoice(parsed.get('lang') ?? 'en', LANGS, 'lang');
  const input = parsed.get('input');
  io.stderr(demo ? 'building the demo ledger…\n' : `reading ${input ?? ''}…\n`);
  const ledger = demo || input === undefined
    ? demoLedger({ today: options.asOf })
    : await readInput(input, parsed.get('parties'), parsed.get('base'), io, options.side, parsed.get(MAX_INPUT_SIZE_OPTION), accountOptions(parsed));
  // Titles name the company given, never the file name ("ledger — Balance list" named no company).
  const company = parsed.get('company') ?? (demo || input === undefined ? 'Demo' : '');
  const ratesFile = parsed.get('rates');
  const rates = ratesFile === undefined ? undefined : await readRatesFile(ratesFile);
  // counted by the index: a ledger read into columns makes its entries only where a report needs them
  io.stderr(`computing the reports for ${ledgerIndex(ledger).size} entries…\n`);
  const build = () => workbookSheets(narrowLedger(ledger, options), {
    asOf: options.asOf,
    period: options.period,
    basis: options.basis,
    buckets: options.buckets,
    lang,
    company,
    sort: options.sort,
    functionsSheet: true,
    rowKeys: false, // the file holds no key column (only the add-in reads the user's columns back)
    ...(options.side === undefined ? {} : { sheets: sheetKinds(options.side) }),
    ...(rates === undefined ? {} : { rates }),
  });
  const checked = <T>(compute: () => T): T => (ratesFile === undefined ? compute() : withRates(ratesFile, compute));
  let rows = 0;
  // each sheet made just before it is written, while the previous one deflates on the other core
  const sheets = checked(build).map((make) => () => {
    const spec = checked(make);
    rows += rowCount(spec);
    return spec;
  });
  const pieces = await renderXlsxPieces(sheets, {
    ...deflaterOption(),
    onProgress: (done, total, sheet) => {
      io.stderr(`sheet ${done}/${total}: ${sheet}\n`);
      if (done === total) io.stderr(`packing ${path.basename(out)}…\n`);
    },
  });
  // the archive's pieces written as they are (the 8,000 table parts of a big workbook too): no copy made whole
  await writeFileAtomic(out, pieces);
  io.stdout(`wrote ${out}: ${sheets.length} sheets, ${rows} rows\n`);
  return 0;
}
