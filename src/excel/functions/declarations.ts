// The =SUBLEDGER.… custom functions as Excel sees them. The JSDoc of each function is the source
// of functions.json (custom-functions-metadata's webpack plugin reads it and appends the
// CustomFunctions.associate calls to this file at build time); the figures come from
// core/ledger-functions. Every function streams: it answers now from the ledger the pane holds and
// again whenever the pane publishes another (a new import, a re-sync, another as-of date), so no
// function is volatile and nothing recalculates on every keystroke in the workbook.
import { argOf, type Cell, type FunctionContext, FunctionProblem } from '../../core/ledger-functions';
import * as figures from '../../core/ledger-functions';
import { watchLedger } from './ledger-source';

const NO_LEDGER = 'No ledger is loaded: open Subledger and import a ledger (or load the demo data).';

/** The value a call shows for a context: the figure, or an Excel error with the reason. */
export function resultFor<T>(context: FunctionContext | null, compute: (context: FunctionContext) => T): T | CustomFunctions.Error {
  if (context === null) return new CustomFunctions.Error(CustomFunctions.ErrorCode.notAvailable, NO_LEDGER);
  try {
    return compute(context);
  } catch (error) {
    if (!(error instanceof FunctionProblem)) throw error;
    const code = error.kind === 'notAvailable' ? CustomFunctions.ErrorCode.notAvailable : CustomFunctions.ErrorCode.invalidValue;
    return new CustomFunctions.Error(code, error.message);
  }
}

function stream<T>(invocation: CustomFunctions.StreamingInvocation<T>, compute: (context: FunctionContext) => T): void {
  invocation.onCanceled = watchLedger((context) => invocation.setResult(resultFor(context, compute)));
}

/**
 * The balance of a party (or of all parties of a side with "*") as of a date, in the base currency.
 * @customfunction BALANCE
 * @param party Party id, or "*" for every party of the side.
 * @param [asOf] As-of date (default: the pane's as-of date).
 * @param [side] "AR" or "AP" (default: the side the party is on; AR for "*").
 * @param invocation Streaming invocation.
 */
export function balance(party: unknown, asOf: unknown, side: unknown, invocation: CustomFunctions.StreamingInvocation<number>): void {
  stream(invocation, (c) => figures.balanceFigure(c, 'balance', argOf(party, 'party'), argOf(asOf, 'asOf'), argOf(side, 'side')));
}

/**
 * The overdue part (due date before the as-of date) of a party's or a side's balance.
 * @customfunction OVERDUE
 * @param party Party id, or "*" for every party of the side.
 * @param [asOf] As-of date (default: the pane's as-of date).
 * @param [side] "AR" or "AP" (default: the side the party is on; AR for "*").
 * @param invocation Streaming invocation.
 */
export function overdue(party: unknown, asOf: unknown, side: unknown, invocation: CustomFunctions.StreamingInvocation<number>): void {
  stream(invocation, (c) => figures.balanceFigure(c, 'overdue', argOf(party, 'party'), argOf(asOf, 'asOf'), argOf(side, 'side')));
}

/**
 * The part of a party's or a side's balance that is not yet due.
 * @customfunction NOTDUE
 * @param party Party id, or "*" for every party of the side.
 * @param [asOf] As-of date (default: the pane's as-of date).
 * @param [side] "AR" or "AP" (default: the side the party is on; AR for "*").
 * @param invocation Streaming invocation.
 */
export function notDue(party: unknown, asOf: unknown, side: unknown, invocation: CustomFunctions.StreamingInvocation<number>): void {
  stream(invocation, (c) => figures.balanceFigure(c, 'notDue', argOf(party, 'party'), argOf(asOf, 'asOf'), argOf(side, 'side')));
}

/**
 * What falls due from the as-of date up to that date plus a number of days, for a whole side.
 * @customfunction DUEWITHIN
 * @param days Number of days.
 * @param [asOf] As-of date (default: the pane's as-of date).
 * @param [side] "AR" or "AP" (default AR).
 * @param invocation Streaming invocation.
 */
export function dueWithin(days: unknown, asOf: unknown, side: unknown, invocation: CustomFunctions.StreamingInvocation<number>): void {
  stream(invocation, (c) => figures.dueWithin(c, argOf(days, 'days'), argOf(asOf, 'asOf'), argOf(side, 'side')));
}

/**
 * One aging bucket of a party or of a side, with the aging limits set in Subledger.
 * @customfunction AGING
 * @param party Party id, or "*" for every party of the side.
 * @param bucket Bucket number (1 = the first column) or its label ("not due", "1-30", …).
 * @param [asOf] As-of date (default: the pane's as-of date).
 * @param [basis] "due" (default), "doc" or "entry": the date the age counts from.
 * @param [side] "AR" or "AP" (default: the side the party is on; AR for "*").
 * @param invocation Streaming invocation.
 */
export function aging(
  party: unknown,
  bucket: unknown,
  asOf: unknown,
  basis: unknown,
  side: unknown,
  invocation: CustomFunctions.StreamingInvocation<number>,
): void {
  stream(invocation, (c) =>
    figures.agingBucket(c, argOf(party, 'party'), argOf(bucket, 'bucket'), argOf(asOf, 'asOf'), argOf(basis, 'basis'), argOf(side, 'side')),
  );
}

/**
 * The open items of a party or of a side, with a header row: side, party, document, type, dates, days late, open, currency, open in base currency.
 * @customfunction OPEN
 * @param party Party id, or "*" for every party of the side.
 * @param [asOf] As-of date (default: the pane's as-of date).
 * @param [side] "AR" or "AP" (default: the side the party is on; AR for "*").
 * @param invocation Streaming invocation.
 */
export function open(party: unknown, asOf: unknown, side: unknown, invocation: CustomFunctions.StreamingInvocation<unknown[][]>): void {
  stream<Cell[][]>(invocation, (c) => figures.openItemsTable(c, argOf(party, 'party'), argOf(asOf, 'asOf'), argOf(side, 'side')));
}

/**
 * Days sales (or purchases) outstanding of a side over a period: closing balance / invoiced × days.
 * @customfunction DSO
 * @param from First day of the period.
 * @param to Last day of the period.
 * @param [side] "AR" or "AP" (default AR).
 * @param invocation Streaming invocation.
 */
export function dso(from: unknown, to: unknown, side: unknown, invocation: CustomFunctions.StreamingInvocation<number>): void {
  stream(invocation, (c) => figures.turnaroundFigure(c, 'dso', argOf(from, 'from'), argOf(to, 'to'), argOf(side, 'side')));
}

/**
 * Collection effectiveness index (percent) of a side over a period.
 * @customfunction CEI
 * @param from First day of the period.
 * @param to Last day of the period.
 * @param [side] "AR" or "AP" (default AR).
 * @param invocation Streaming invocation.
 */
export function cei(from: unknown, to: unknown, side: unknown, invocation: CustomFunctions.StreamingInvocation<number>): void {
  stream(invocation, (c) => figures.turnaroundFigure(c, 'cei', argOf(from, 'from'), argOf(to, 'to'), argOf(side, 'side')));
}

/**
 * Average days delinquent of a side over a period: DSO minus the best possible DSO.
 * @customfunction ADD
 * @param from First day of the period.
 * @param to Last day of the period.
 * @param [side] "AR" or "AP" (default AR).
 * @param invocation Streaming invocation.
 */
export function add(from: unknown, to: unknown, side: unknown, invocation: CustomFunctions.StreamingInvocation<number>): void {
  stream(invocation, (c) => figures.turnaroundFigure(c, 'add', argOf(from, 'from'), argOf(to, 'to'), argOf(side, 'side')));
}

/**
 * A party's average days to pay the invoices it settled in a period.
 * @customfunction DAYSTOPAY
 * @param party Party id.
 * @param from First day of the period.
 * @param to Last day of the period.
 * @param [side] "AR" or "AP" (default: the side the party is on).
 * @param invocation Streaming invocation.
 */
export function daysToPay(
  party: unknown,
  from: unknown,
  to: unknown,
  side: unknown,
  invocation: CustomFunctions.StreamingInvocation<number>,
): void {
  stream(invocation, (c) => figures.daysToPay(c, argOf(party, 'party'), argOf(from, 'from'), argOf(to, 'to'), argOf(side, 'side')));
}

/**
 * The date up to which payments are known: the latest payment in the ledger of a side.
 * @customfunction KNOWNUPTO
 * @param [side] "AR" or "AP" (default AR).
 * @param invocation Streaming invocation.
 */
export function knownUpTo(side: unknown, invocation: CustomFunctions.StreamingInvocation<number>): void {
  stream(invocation, (c) => figures.knownUpTo(c, argOf(side, 'side')));
}
