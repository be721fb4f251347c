// `subledger report NAME[,NAME…] --input FILE …` (cli.md): imports the input once, computes the
// reports of ledger.md §2–§7 named and prints them as JSON or CSV (several: a JSON array of the
// reports in the order named, or one table after another). --side and --party narrow the rows.
// The output is written a piece at a time: a big ledger's open items never exist as one text.
import { agingReport, bucketLabels } from '../core/aging';
import { balanceList } from '../core/balances';
import { keyFigures } from '../core/key-figures';
import { mutations } from '../core/mutations';
import { OpenItemList } from '../core/open-items';
import { partyCard } from '../core/party-card';
import { revaluation, revaluationResults, revaluationTotals } from '../core/revaluation';
import { turnaround } from '../core/turnaround';
import type { Ledger, Side } from '../core/types';
import { accountOptions, MAX_INPUT_SIZE_OPTION, parseChoice, readInput, reportOptions, type ReportOptions } from './args';
import { OUTPUT_FORMATS, REPORT_NAMES, specOf } from './commands';
import { UsageError, type CliIo } from './io';
import { JsonBytes, textOut } from './json-bytes';
import { parseCommandArgs } from './options';
import { startPartReader } from './part-reader';
import {
  agingOutput, balancesOutput, cardOutput, keyFiguresOutput, mutationsOutput, openItemsOutput, toTable, writeCsv,
  writeJsonDocument, writeJsonDocuments, revaluationOutput, turnaroundOutput, type ReportOutput,
} from './output';
import { readRatesFile, withRates } from './rates';

type ReportName = (typeof REPORT_NAMES)[number];
type OutputFormat = (typeof OUTPUT_FORMATS)[number];

/** True for a row of the chosen side and party. */
function chosen(o: ReportOptions): (row: { ledger: Side; partyId: string }) => boolean {
  return (r) => (o.side === undefined || r.ledger === o.side) && (o.partyId === undefined || r.partyId === o.partyId);
}

/** Keeps the rows of the chosen side and party (all of them, not copied, when none is chosen). */
function selected<T extends { ledger: Side; partyId: string }>(rows: T[], o: ReportOptions): T[] {
  return o.side === undefined && o.partyId === undefined ? rows : rows.filter(chosen(o));
}

/** The side of the party for the card: --side, or the only ledger the party appears in. */
function cardSide(ledger: Ledger, o: ReportOptions): { side: Side; partyId: string } {
  const partyId = o.partyId;
  if (partyId === undefined) throw new UsageError('card needs --party ID');
  if (o.side !== undefined) return { side: o.side, partyId };
  const sides = new Set<Side>();
  for (const e of ledger.entries) if (e.partyId === partyId) sides.add(e.ledger);
  for (const p of ledger.parties.values()) if (p.partyId === partyId) sides.add(p.ledger);
  const [side, other] = [...sides];
  if (side === undefined) throw new UsageError(`--party ${partyId}: no such party in the ledger`);
  if (other !== undefined) throw new UsageError(`--party ${partyId} is both a debtor and a creditor: add --side AR or AP`);
  return { side, partyId };
}

const REPORTS: Record<Exclude<ReportName, 'revaluation'>, (ledger: Ledger, o: ReportOptions) => ReportOutput> = {
  'open-items': (l, o) => {
    const items = OpenItemList.of(l, o.asOf, { basis: o.basis, buckets: o.buckets });
    const shown = o.side === undefined && o.partyId === undefined ? items : items.ofParties(chosen(o));
    return openItemsOutput(shown, o.asOf, bucketLabels(o.basis, o.buckets), l.baseCurrency);
  },
  aging: (l, o) => {
    const report = agingReport(l, { asOf: o.asOf, basis: o.basis, buckets: o.buckets });
    return agingOutput({ ...report, rows: selected(report.rows, o) }, l.baseCurrency);
  },
  balances: (l, o) => balancesOutput(selected(balanceList(l, o.asOf), o), o.asOf, l.baseCurrency),
  mutations: (l, o) => {
    const filter = { sort: o.sort, ...(o.side ? { side: o.side } : {}), ...(o.partyId ? { partyId: o.partyId } : {}) };
    return mutationsOutput(mutations(l, o.period, filter), o.period, l.baseCurrency);
  },
  card: (l, o) => {
    const { side, partyId } = cardSide(l, o);
    return cardOutput(partyCard(l, side, partyId, o.period), l.baseCurrency);
  },
  turnaround: (l, o) => {
    const report = turnaround(l, o.period);
    return turnaroundOutput({ period: report.period, totals: report.totals, rows: selected(report.rows, o) }, l.baseCurrency);
  },
  'key-figures': (l, o) => keyFiguresOutput(keyFigures(l, o.asOf), l.baseCurrency),
};

async function revaluationReport(ledger: Ledger, ratesFile: string, o: ReportOptions): Promise<ReportOutput> {
  const rates = await readRatesFile(ratesFile);
  const report = withRates(ratesFile, () => revaluation(ledger, o.asOf, rates));
  const rows = selected(report.rows, o);
  const totals = o.side === undefined && o.partyId === undefined ? report.totals : revaluationTotals(rows);
  return revaluationOutput({ ...report, rows, totals, results: revaluationResults(totals) });
}

/** The names of `report NAME[,NAME…]`: each a report, none twice. */
function reportNames(text: string): ReportName[] {
  const names = text.split(',').map((name) => parseChoice(name.trim(), REPORT_NAMES, 'report NAME'));
  const twice = names.find((name, k) => names.indexOf(name) !== k);
  if (twice !== undefined) throw new UsageError(`report NAME: ${twice} is named twice`);
  return names;
}

/** One report as its format says; several as one JSON array, or one table after another under their names. */
function printAll(outputs: Iterable<ReportOutput>, names: readonly ReportName[], format: OutputFormat, io: CliIo): void {
  if (format === 'json') {
    // JSON as bytes: stdout's own when it takes them.
    const out = new JsonBytes(io.stdoutBytes ?? textOut(io.stdout));
    if (names.length > 1) writeJsonDocuments(outputs, out);
    else {
      for (const output of outputs) {
        writeJsonDocument(output, out);
        out.text('\n');
      }
    }
    out.end();
    return;
  }
  let k = 0;
  for (const output of outputs) {
    if (format === 'csv') writeCsv(output, io.stdout);
    else io.stdout(names.length === 1 ? toTable(output) : `${k > 0 ? '\n' : ''}${names[k] ?? ''}\n\n${toTable(output)}`);
    k++;
  }
}

export async function run(args: string[], io: CliIo): Promise<number> {
  const parsed = parseCommandArgs(args, specOf('report'));
  const names = reportNames(parsed.positionals[0] ?? '');
  const input = parsed.require('input');
  const options = reportOptions(parsed, io);
  const format = parseChoice(parsed.get('format') ?? (io.stdoutIsTerminal === true ? 'table' : 'json'), OUTPUT_FORMATS, 'format');
  if (format === 'csv' && names.length > 1) throw new UsageError('--format csv: one report at a time (several reports print as json or as tables)');
  if (names.includes('card') && options.partyId === undefined) throw new UsageError('card needs --party ID');
  const ratesFile = parsed.get('rates');
  if (names.includes('revaluation') && ratesFile === undefined) throw new UsageError('revaluation needs --rates FILE (a CSV currency,rate[,date] or the ECB eurofxref XML)');
  // A big input's second reader starts before the file is read, to be ready when it is.
  const partReader = startPartReader(input);
  const ledger = await readInput(input, parsed.get('parties'), parsed.get('base'), io, options.side, parsed.get(MAX_INPUT_SIZE_OPTION), accountOptions(parsed), partReader);
  // The card and revaluation first (they may refuse the party or the rates); every other report is
  // made when its turn to print comes, so only one report's rows exist at a time.
  const made = new Map<ReportName, ReportOutput>();
  for (const name of names) {
    if (name === 'revaluation') made.set(name, await revaluationReport(ledger, ratesFile ?? '', options));
    else if (name === 'card') made.set(name, REPORTS.card(ledger, options));
  }
  const outputs = function* (): Generator<ReportOutput> {
    for (const name of names) {
      const ready = made.get(name);
      if (ready !== undefined) yield ready;
      else if (name !== 'revaluation') yield REPORTS[name](ledger, options);
    }
  };
  printAll(outputs(), names, format, io);
  return 0;
}
