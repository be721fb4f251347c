// The =SUBLEDGER.… worksheet functions as pure evaluations over a ledger. Each one answers with
// the figure a report of core gives (balance list, key figures, aging, open items, turnaround),
// in Excel's terms: dates in and out as Excel serials, money as a number in the base currency,
// a spilled table as rows of cells with a header row. Nothing here computes a figure itself.
//
// Arguments as a user types them: a party id or "*" (all parties of the side), an optional as-of
// (serial or "YYYY-MM-DD"; empty = the context's as-of), an optional side "AR"/"AP" (empty = the
// side the party is found on; "*" and ledger-wide figures default to AR).
import { agingReport, bucketLabels, checkBuckets } from './aging';
import { balanceList } from './balances';
import { type Day, formatIsoDate, fromExcelSerial, parseIsoDate, toExcelSerial } from './date';
import { daysOverdue } from './due-status';
import { keyFiguresOnce } from './key-figures';
import { cached, ledgerIndex } from './ledger-index';
import { currencyExponent, toMajor, type Minor } from './money';
import { OpenItemList, type OpenItemFields } from './open-items';
import { AGING_BASES, type AgingBasis, type Period, type TurnaroundReport, type TurnaroundTotals } from './report-types';
import { turnaround } from './turnaround';
import type { Ledger, Side } from './types';

/** What a function evaluates against: the administration's ledger and the pane's settings. */
export interface FunctionContext {
  ledger: Ledger;
  /** The as-of date when a function is given none. */
  asOf: Day;
  /** The configured aging limits. */
  buckets: readonly number[];
}

/** `notAvailable` → #N/A (nothing to answer from), `value` → #VALUE! (an argument is wrong). */
export type FunctionProblemKind = 'notAvailable' | 'value';

/** A function that cannot answer: becomes an Excel error value with this message. */
export class FunctionProblem extends Error {
  constructor(
    readonly kind: FunctionProblemKind,
    message: string,
  ) {
    super(message);
  }
}

/** A cell of a spilled result. */
export type Cell = number | string;

/** What the user typed in an optional argument; Excel hands over null for an omitted one. */
export type Arg = number | string | boolean | null | undefined;

export const ALL_PARTIES = '*';

/** An argument as Excel hands it over: a range or anything else but a single value is refused. */
export function argOf(value: unknown, name: string): Arg {
  if (value === null || value === undefined) return value;
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
  throw new FunctionProblem('value', `${name}: give a single value, not a range`);
}

function isBlank(arg: Arg): arg is null | undefined | '' {
  return arg === null || arg === undefined || arg === '';
}

/** A date argument: an Excel serial or ISO text; blank gives `fallback`. */
export function dateArg(arg: Arg, name: string, fallback: Day): Day {
  if (isBlank(arg)) return fallback;
  const day = typeof arg === 'number' ? fromExcelSerial(arg) : typeof arg === 'string' ? parseIsoDate(arg.trim()) : null;
  if (day === null) throw new FunctionProblem('value', `${name}: ${String(arg)} is not a date`);
  return day;
}

function sideArg(arg: Arg): Side | undefined {
  if (isBlank(arg)) return undefined;
  const text = String(arg).trim().toUpperCase();
  if (text === 'AR' || text === 'AP') return text;
  throw new FunctionProblem('value', `side: ${String(arg)} is not AR or AP`);
}

function basisArg(arg: Arg): AgingBasis {
  if (isBlank(arg)) return 'due';
  const text = String(arg).trim().toLowerCase();
  const basis = AGING_BASES.find((b) => b === text);
  if (basis !== undefined) return basis;
  throw new FunctionProblem('value', `basis: ${String(arg)} is not due, doc or entry`);
}

function partyArg(arg: Arg): string {
  if (isBlank(arg)) throw new FunctionProblem('value', 'party: give a party id or "*"');
  return String(arg).trim();
}

/** The parties a function asks about: one party (found on its side) or every party of a side. */
interface Target {
  side: Side;
  /** null for all parties of the side. */
  partyId: string | null;
}

function target(ctx: FunctionContext, partyText: Arg, sideText: Arg): Target {
  const party = partyArg(partyText);
  const side = sideArg(sideText);
  if (party === ALL_PARTIES) return { side: side ?? 'AR', partyId: null };
  const sides = ledgerIndex(ctx.ledger)
    .parties.filter((p) => p.partyId === party && (side === undefined || p.ledger === side))
    .map((p) => p.ledger);
  if (sides.length === 0) {
    throw new FunctionProblem('notAvailable', `no ${side ?? 'AR or AP'} party ${party} in the ledger`);
  }
  if (sides.length > 1) throw new FunctionProblem('value', `${party} is both a debtor and a creditor: give the side`);
  return { side: sides[0] as Side, partyId: party };
}

function inTarget(t: Target, row: { ledger: Side; partyId: string }): boolean {
  return row.ledger === t.side && (t.partyId === null || row.partyId === t.partyId);
}

function money(ctx: FunctionContext, minor: Minor): number {
  return toMajor(minor, currencyExponent(ctx.ledger.baseCurrency));
}

type BalanceFigure = 'balance' | 'overdue' | 'notDue';

/** BALANCE, OVERDUE and NOTDUE: the balance list's figure of a party, or the sum over a side. */
export function balanceFigure(ctx: FunctionContext, figure: BalanceFigure, party: Arg, asOf: Arg, side: Arg): number {
  const t = target(ctx, party, side);
  const day = dateArg(asOf, 'asOf', ctx.asOf);
  let sum = 0;
  for (const row of balanceList(ctx.ledger, day)) if (inTarget(t, row)) sum += row[figure];
  return money(ctx, sum);
}

/** DUEWITHIN: the open amount of a side due from as-of up to as-of + days (key figures). */
export function dueWithin(ctx: FunctionContext, days: Arg, asOf: Arg, side: Arg): number {
  if (typeof days !== 'number' || !Number.isInteger(days) || days < 0) {
    throw new FunctionProblem('value', `days: ${String(days)} is not a whole number of days ≥ 0`);
  }
  const day = dateArg(asOf, 'asOf', ctx.asOf);
  const figures = keyFiguresOnce(ctx.ledger, day, [days])[sideArg(side) ?? 'AR'];
  return money(ctx, figures.dueWithin[days] ?? 0);
}

/** KNOWNUPTO: the date up to which payments are known (key figures), as a serial. */
export function knownUpTo(ctx: FunctionContext, side: Arg): number {
  const known = keyFiguresOnce(ctx.ledger, ctx.asOf)[sideArg(side) ?? 'AR'].journalsUpdatedUntil;
  if (known === null) throw new FunctionProblem('notAvailable', 'the ledger holds no payment');
  return toExcelSerial(known);
}

function bucketPosition(labels: readonly string[], bucket: Arg): number {
  if (typeof bucket === 'number' && Number.isInteger(bucket) && bucket >= 1 && bucket <= labels.length) return bucket - 1;
  const position = typeof bucket === 'string' ? labels.indexOf(bucket.trim()) : -1;
  if (position >= 0) return position;
  throw new FunctionProblem('value', `bucket: ${String(bucket)} is none of 1…${labels.length} or ${labels.join(', ')}`);
}

/** AGING: one aging bucket (by number from 1, or by label) of a party or of a whole side. */
export function agingBucket(ctx: FunctionContext, party: Arg, bucket: Arg, asOf: Arg, basis: Arg, side: Arg): number {
  const t = target(ctx, party, side);
  const params = { asOf: dateArg(asOf, 'asOf', ctx.asOf), basis: basisArg(basis), buckets: [...ctx.buckets] };
  checkBuckets(params.buckets);
  const position = bucketPosition(bucketLabels(params.basis, params.buckets), bucket);
  let sum = 0;
  for (const row of agingReport(ctx.ledger, params).rows) if (inTarget(t, row)) sum += row.buckets[position] as number;
  return money(ctx, sum);
}

export const OPEN_HEADER: readonly string[] = [
  'Side',
  'Party',
  'Document',
  'Type',
  'Document date',
  'Due date',
  'Days late',
  'Open',
  'Currency',
  'Open (base)',
];

/** OPEN: the open items of a party or a side as a table with a header row (spills). */
export function openItemsTable(ctx: FunctionContext, party: Arg, asOf: Arg, side: Arg): Cell[][] {
  const t = target(ctx, party, side);
  const day = dateArg(asOf, 'asOf', ctx.asOf);
  const rows: Cell[][] = [[...OPEN_HEADER]];
  const items = OpenItemList.of(ctx.ledger, day).ofParties((p) => inTarget(t, p));
  for (let n = 0; n < items.length; n++) {
    const item = items.at(n) as OpenItemFields;
    rows.push([
      item.ledger,
      item.partyId,
      item.docNo,
      item.entryType,
      toExcelSerial(item.docDate),
      toExcelSerial(item.dueDate),
      daysOverdue(item.dueDate, day),
      toMajor(item.open, currencyExponent(item.currency)),
      item.currency,
      money(ctx, item.openBase),
    ]);
  }
  return rows;
}

function period(ctx: FunctionContext, from: Arg, to: Arg): { from: Day; to: Day } {
  const p = { from: dateArg(from, 'from', ctx.asOf), to: dateArg(to, 'to', ctx.asOf) };
  if (p.from > p.to) throw new FunctionProblem('value', `from ${formatIsoDate(p.from)} is after to ${formatIsoDate(p.to)}`);
  return p;
}

type RatioFigure = 'dso' | 'cei' | 'add';

/**
 * The turnaround of a period, computed once per ledger and period: DSO, CEI, ADD and DAYSTOPAY all
 * ask it, and so do a workbook's Turnaround and Payment behaviour sheets (read only, never changed).
 */
export function turnaroundOnce(ledger: Ledger, p: Period): TurnaroundReport {
  return cached(ledgerIndex(ledger), `turnaround@${p.from}..${p.to}`, () => turnaround(ledger, p));
}

function periodTurnaround(ctx: FunctionContext, from: Arg, to: Arg): TurnaroundReport {
  return turnaroundOnce(ctx.ledger, period(ctx, from, to));
}

/** DSO, CEI and ADD of a side over a period (turnaround totals); #N/A when nothing was invoiced. */
export function turnaroundFigure(ctx: FunctionContext, figure: RatioFigure, from: Arg, to: Arg, side: Arg): number {
  const totals: TurnaroundTotals = periodTurnaround(ctx, from, to).totals[sideArg(side) ?? 'AR'];
  const value = totals[figure];
  if (value === null) throw new FunctionProblem('notAvailable', `no ${figure.toUpperCase()}: nothing was invoiced in the period`);
  return value;
}

/** DAYSTOPAY: a party's mean days to pay the invoices it settled in the period (turnaround). */
export function daysToPay(ctx: FunctionContext, party: Arg, from: Arg, to: Arg, side: Arg): number {
  const t = target(ctx, party, side);
  if (t.partyId === null) throw new FunctionProblem('value', 'party: DAYSTOPAY needs one party, not "*"');
  const row = periodTurnaround(ctx, from, to).rows.find((r) => inTarget(t, r));
  if (row === undefined || row.avgDaysToPay === null) throw new FunctionProblem('notAvailable', `${t.partyId} settled no invoice in the period`);
  return row.avgDaysToPay;
}
