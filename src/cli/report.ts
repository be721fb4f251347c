// `subledger report NAME --input FILE …` (cli.md): imports the input, computes one report of
// ledger.md §2–§7 and prints it as JSON or CSV. --side and --party narrow the rows.
import { agingReport, bucketLabels } from '../core/aging';
import { balanceList } from '../core/balances';
import { keyFigures } from '../core/key-figures';
import { mutations } from '../core/mutations';
import { openItemsAsOf } from '../core/open-items';
import { partyCard } from '../core/party-card';
import { revaluation, revaluationResults, revaluationTotals } from '../core/revaluation';
import { turnaround } from '../core/turnaround';
import type { Ledger, Side } from '../core/types';
import { accountOptions, MAX_INPUT_SIZE_OPTION, parseChoice, readInput, reportOptions, type ReportOptions } from './args';
import { OUTPUT_FORMATS, REPORT_NAMES, specOf } from './commands';
import { UsageError, type CliIo } from './io';
import { parseCommandArgs } from './options';
import {
  agingOutput, balancesOutput, cardOutput, keyFiguresOutput, mutationsOutput, openItemsOutput, toCsv, toJson, toTable,
  revaluationOutput, turnaroundOutput, type ReportOutput,
} from './output';
import { readRatesFile, withRates } from './rates';

type ReportName = (typeof REPORT_NAMES)[number];

/** Keeps the rows of the chosen side and party. */
function selected<T extends { ledger: Side; partyId: string }>(rows: readonly T[], o: ReportOptions): T[] {
  return rows.filter((r) => (o.side === undefined || r.ledger === o.side) && (o.partyId === undefined || r.partyId === o.partyId));
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
    const items = openItemsAsOf(l, o.asOf, { basis: o.basis, buckets: o.buckets });
    return openItemsOutput(selected(items, o), o.asOf, bucketLabels(o.basis, o.buckets), l.baseCurrency);
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
    return turnaroundOutput({ ...report, rows: selected(report.rows, o) }, l.baseCurrency);
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

export async function run(args: string[], io: CliIo): Promise<number> {
  const parsed = parseCommandArgs(args, specOf('report'));
  const name = parseChoice(parsed.positionals[0] ?? '', REPORT_NAMES, 'report NAME');
  const input = parsed.require('input');
  const options = reportOptions(parsed, io);
  const format = parseChoice(parsed.get('format') ?? (io.stdoutIsTerminal === true ? 'table' : 'json'), OUTPUT_FORMATS, 'format');
  if (name === 'card' && options.partyId === undefined) throw new UsageError('card needs --party ID');
  const ratesFile = parsed.get('rates');
  if (name === 'revaluation' && ratesFile === undefined) throw new UsageError('revaluation needs --rates FILE (a CSV currency,rate[,date] or the ECB eurofxref XML)');
  const ledger = await readInput(input, parsed.get('parties'), parsed.get('base'), io, options.side, parsed.get(MAX_INPUT_SIZE_OPTION), accountOptions(parsed));
  const output = name === 'revaluation' ? await revaluationReport(ledger, ratesFile ?? '', options) : REPORTS[name](ledger, options);
  io.stdout(format === 'json' ? toJson(output) : format === 'csv' ? toCsv(output) : toTable(output));
  return 0;
}
