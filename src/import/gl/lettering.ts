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
import { partyKey, type EntryType } from '../../core/types';
import { addDecimal, isZeroDecimal, negateDecimal } from '../decimal';
import { freeNumber, type GlLine } from './lines';

interface Group {
  lines: GlLine[];
  code: string;
  matchDay?: string;
}

function groupsOf(lines: readonly GlLine[]): Group[] {
  const groups = new Map<string, Group>();
  for (const line of lines) {
    if (line.match === undefined) continue;
    const key = `${partyKey(line.side, line.partyId)}\u0000${line.match.code}`;
    let group = groups.get(key);
    if (group === undefined) {
      group = { lines: [], code: line.match.code };
      groups.set(key, group);
    }
    group.lines.push(line);
    const day = line.match.date;
    if (day !== undefined && (group.matchDay === undefined || day > group.matchDay)) group.matchDay = day;
  }
  return [...groups.values()];
}

function firstOfType(lines: readonly GlLine[], type: EntryType): GlLine | undefined {
  let first: GlLine | undefined;
  for (const l of lines) if (l.type === type && (first === undefined || l.entryDate < first.entryDate)) first = l;
  return first;
}

/** A line made for the allocation, of the group's party, on day S. */
function madeLine(like: GlLine, type: EntryType, docNo: string, day: string, amount: string, code: string, settles?: string): GlLine {
  const line: GlLine = {
    side: like.side, partyId: like.partyId, type, docNo, entryDate: day, amount,
    description: `lettrage ${code}`, source: like.source,
  };
  if (like.partyName !== undefined) line.partyName = like.partyName;
  if (settles !== undefined) line.settles = settles;
  return line;
}

function settleGroup(group: Group, used: Set<string>, out: GlLine[]): void {
  const latest = group.lines.reduce((d, l) => (l.entryDate > d ? l.entryDate : d), '');
  const day = group.matchDay !== undefined && group.matchDay > latest ? group.matchDay : latest;
  const deferred = group.matchDay !== undefined;
  const first = group.lines[0] as GlLine;
  let carrier: string | undefined;
  const carrierNo = (): string => (carrier ??= freeNumber(used, first.side, first.partyId, `LET-${group.code}`));
  const found = firstOfType(group.lines, 'invoice') ?? firstOfType(group.lines, 'credit_note');
  const anchor = found?.docNo ?? carrierNo();
  let carried = '0';
  let moved = '0';
  for (const line of group.lines) {
    if (line === found) continue;
    if (line.type === 'invoice') {
      out.push(madeLine(line, 'journal', line.docNo, day, negateDecimal(line.amount), group.code, line.docNo));
      moved = addDecimal(moved, line.amount);
    } else if (deferred && line.entryDate < day && found !== undefined) {
      line.settles = carrierNo();
      carried = addDecimal(carried, line.amount);
    } else line.settles = anchor;
  }
  if (carrier !== undefined) {
    out.push(madeLine(first, 'credit_note', carrier, day, '0', group.code));
    if (found !== undefined && !isZeroDecimal(carried)) {
      out.push(madeLine(first, 'journal', carrier, day, negateDecimal(carried), group.code, carrier));
      moved = addDecimal(moved, carried);
    }
  }
  if (!isZeroDecimal(moved)) out.push(madeLine(first, 'journal', anchor, day, moved, group.code, anchor));
}

/**
 * Sets `settles` on the lettered lines and adds the carriers and journals of their groups (see the
 * module header). `used` holds the document numbers already taken per party. Returns the lines
 * to import (the given ones first) and how many given lines were in a matched group.
 */
export function allocateByLettering(lines: GlLine[], used: Set<string>): { lines: GlLine[]; matched: number } {
  const made: GlLine[] = [];
  let matched = 0;
  for (const group of groupsOf(lines)) {
    settleGroup(group, used, made);
    matched += group.lines.length;
  }
  return { lines: made.length === 0 ? lines : [...lines, ...made], matched };
}
