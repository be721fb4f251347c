// Allocation written as a matching code (FEC `EcritureLet`, "lettrage") and the day the lines
// were matched (`DateLet`), expressed in canonical entries so that ledger.md §2 gives exactly:
// before the match every line is open on its own; from the match on the group is one item, open
// for what its lines do not cancel (zero for a full match, the remainder for a partial one).
//
// Per group (party + code), S = the match day, or the group's latest line when no day is given
// (never before the latest line). The anchor is the group's first invoice (else its first credit
// note). Then:
//   - a line dated on S, or any line when no match day is given, settles the anchor directly
//     (a payment reduces its invoice on the payment's own date, as a plain `settles` does);
//   - a line dated before a given match day settles a carrier `LET-<code>`, a credit note of
//     amount 0 dated S: before S that carrier does not exist, so the line is an item of its own
//     (§2.3); on S a journal moves the carrier's total onto the anchor;
//   - another invoice of the group (an invoice can settle nothing) stays an item and is closed
//     on S by a journal that moves its amount onto the anchor;
//   - a group without any document line gets the carrier as its anchor.
// The journals of one group add up to zero, so every balance on every date is the plain sum of
// the GL lines.
//
//   F1 invoice +100 on 01-10, bank −100 on 02-15, matched "AA" on 03-31:
//   F1 +100 (01-10) · bank −100 settles LET-AA (02-15) · LET-AA 0 (03-31)
//   · journal +100 settles LET-AA (03-31) · journal −100 settles F1 (03-31)
//   as of 03-01: F1 open 100, bank −100 open;  as of 03-31: nothing open.
//
// Currencies: the lines made for a group are in the group's currency with their base amounts. A
// group in one foreign currency whose anchor is in it takes its lines booked in the base currency
// alone (the exchange difference written off on 411) as lines of amount 0 in that currency with
// their base amount: they change the base balance, not the open amount. Any other mix (two
// foreign currencies, a base-currency anchor) is read in the base currency.
//   F7 USD 1,000.00 (EUR 900.00), bank USD −1,000.00 (EUR −880.00), écart EUR −20.00, matched "AB":
//   the écart becomes USD 0.00 (EUR −20.00) settling F7: F7 closed, the party's base balance 0.
import type { EntryType, Side } from '../../core/types';
import { addDecimal, isZeroDecimal, negateDecimal } from '../decimal';
import type { DocumentNumbers, GlLine } from './lines';

interface Group {
  lines: GlLine[];
  code: string;
  matchDay?: string;
}

/** The groups in the order of their first line: per side, party and code (maps within maps: no key text per line). */
function groupsOf(lines: readonly GlLine[]): Group[] {
  const bySide: Record<Side, Map<string, Map<string, Group>>> = { AR: new Map(), AP: new Map() };
  const groups: Group[] = [];
  for (const line of lines) {
    const code = line.matchCode;
    if (code === undefined) continue;
    let party = bySide[line.side].get(line.partyId);
    if (party === undefined) {
      party = new Map();
      bySide[line.side].set(line.partyId, party);
    }
    let group = party.get(code);
    if (group === undefined) {
      group = { lines: [], code };
      party.set(code, group);
      groups.push(group);
    }
    group.lines.push(line);
    const day = line.matchDate;
    if (day !== undefined && (group.matchDay === undefined || day > group.matchDay)) group.matchDay = day;
  }
  return groups;
}

function firstOfType(lines: readonly GlLine[], type: EntryType): GlLine | undefined {
  let first: GlLine | undefined;
  for (const l of lines) if (l.type === type && (first === undefined || l.entryDate < first.entryDate)) first = l;
  return first;
}

/** An amount in the group's currency with its base amount (the same text in the base currency). */
interface Value {
  amount: string;
  base: string;
}

const ZERO: Value = { amount: '0', base: '0' };

function valueOf(line: GlLine): Value {
  return { amount: line.amount, base: line.amountBase ?? line.amount };
}

function plus(a: Value, b: Value): Value {
  return { amount: addDecimal(a.amount, b.amount), base: addDecimal(a.base, b.base) };
}

function minus(a: Value): Value {
  return { amount: negateDecimal(a.amount), base: negateDecimal(a.base) };
}

/** Puts the group's lines in one currency (see the module header); returns it, or undefined for the base currency. */
function oneCurrency(group: Group, anchor: GlLine | undefined): string | undefined {
  if (group.lines.every((l) => l.currency === undefined)) return undefined;
  const foreign = new Set(group.lines.map((l) => l.currency).filter((c) => c !== undefined));
  const [currency] = foreign;
  const keep = foreign.size === 1 && currency !== undefined && (anchor === undefined || anchor.currency === currency);
  for (const line of group.lines) {
    if (keep && line.currency === undefined) {
      line.amountBase = line.amount;
      line.amount = '0';
      line.currency = currency;
      if (line.type === 'invoice' || line.type === 'credit_note') line.type = 'journal';
    } else if (!keep && line.currency !== undefined) {
      line.amount = line.amountBase ?? line.amount;
      delete line.currency;
      delete line.amountBase;
    }
  }
  return keep ? currency : undefined;
}

/** A line made for the allocation, of the group's party, on day S. */
function madeLine(like: GlLine, type: EntryType, docNo: string, day: string, value: Value, code: string, currency: string | undefined, settles?: string): GlLine {
  const line: GlLine = {
    side: like.side, partyId: like.partyId, type, docNo, entryDate: day, amount: value.amount,
    description: `lettrage ${code}`, source: like.source,
  };
  if (currency !== undefined) {
    line.currency = currency;
    line.amountBase = value.base;
  }
  if (like.partyName !== undefined) line.partyName = like.partyName;
  if (settles !== undefined) line.settles = settles;
  return line;
}

function isZero(value: Value): boolean {
  return value === ZERO || (isZeroDecimal(value.amount) && isZeroDecimal(value.base));
}

function settleGroup(group: Group, used: DocumentNumbers, out: GlLine[]): void {
  const latest = group.lines.reduce((d, l) => (l.entryDate > d ? l.entryDate : d), '');
  const day = group.matchDay !== undefined && group.matchDay > latest ? group.matchDay : latest;
  const deferred = group.matchDay !== undefined;
  const first = group.lines[0] as GlLine;
  let carrier: string | undefined;
  const carrierNo = (): string => (carrier ??= used.take(first.side, first.partyId, `LET-${group.code}`));
  const found = firstOfType(group.lines, 'invoice') ?? firstOfType(group.lines, 'credit_note');
  const currency = oneCurrency(group, found);
  const anchor = found?.docNo ?? carrierNo();
  let carried = ZERO;
  let moved = ZERO;
  for (const line of group.lines) {
    if (line === found) continue;
    if (line.type === 'invoice') {
      out.push(madeLine(line, 'journal', line.docNo, day, minus(valueOf(line)), group.code, currency, line.docNo));
      moved = plus(moved, valueOf(line));
    } else if (deferred && line.entryDate < day && found !== undefined) {
      line.settles = carrierNo();
      carried = plus(carried, valueOf(line));
    } else line.settles = anchor;
  }
  if (carrier !== undefined) {
    out.push(madeLine(first, 'credit_note', carrier, day, ZERO, group.code, currency));
    if (found !== undefined && !isZero(carried)) {
      out.push(madeLine(first, 'journal', carrier, day, minus(carried), group.code, currency, carrier));
      moved = plus(moved, carried);
    }
  }
  if (!isZero(moved)) out.push(madeLine(first, 'journal', anchor, day, moved, group.code, currency, anchor));
}

/**
 * Sets `settles` on the lettered lines and adds the carriers and journals of their groups (see the
 * module header). `used` holds the document numbers already taken per party. Returns the lines
 * to import (the given ones first) and how many given lines were in a matched group.
 */
export function allocateByLettering(lines: GlLine[], used: DocumentNumbers): { lines: GlLine[]; matched: number } {
  const made: GlLine[] = [];
  let matched = 0;
  for (const group of groupsOf(lines)) {
    settleGroup(group, used, made);
    matched += group.lines.length;
  }
  return { lines: made.length === 0 ? lines : [...lines, ...made], matched };
}
