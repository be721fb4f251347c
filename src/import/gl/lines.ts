// The receivable and payable lines of a general-ledger export, once read, into canonical records:
// what every GL reader (FEC, DATEV, GL transaction lists) has in common. Two ways a GL writes its
// allocation are turned into `settles`:
//
// 1. A document number repeated on the party's lines (DATEV `Belegfeld 1`, an invoice number):
//    the first document line of (party, number) is the item; later lines of that document on the
//    same day that raise the balance in the same way are added to it (one invoice over several
//    revenue lines); every other line naming the number settles it.
// 2. A matching code (FEC `EcritureLet`) with the date it was matched (`DateLet`): see `lettering.ts`.
import { FieldReader } from '../../core/record-reader';
import type { EntryType, SourceRef, Side, CanonicalRecord, RecordSource } from '../../core/types';
import { partyKey } from '../../core/types';
import { addDecimal } from '../decimal';

/** Optional fields may be present as undefined: a reader can make every line in one shape. */
export interface GlLine {
  side: Side;
  partyId: string;
  partyName?: string | undefined;
  /** Canonical decimal text, signed from the party balance's point of view (ledger.md §1.1). */
  amount: string;
  currency?: string | undefined;
  amountBase?: string | undefined;
  type: EntryType;
  docNo: string;
  /** `YYYY-MM-DD`. */
  entryDate: string;
  docDate?: string | undefined;
  dueDate?: string | undefined;
  description?: string | undefined;
  /** The document this line names (a payment's invoice number), for allocation by number. */
  reference?: string | undefined;
  /** A matching code (FEC lettering) and the day it was matched. */
  matchCode?: string | undefined;
  matchDate?: string | undefined;
  settles?: string | undefined;
  source: SourceRef;
}

export function isDocumentLine(line: GlLine): boolean {
  return line.type === 'invoice' || line.type === 'credit_note';
}

function docKey(line: GlLine, docNo: string): string {
  return `${partyKey(line.side, line.partyId)}\u0000${line.currency ?? ''}\u0000${docNo}`;
}

/**
 * Allocation by document number, whatever the order of the lines: the first document line of a
 * (party, number) is the item; a later document line of it on the same day in the same direction
 * is added to it; any other line whose number or reference names an item settles it (a document
 * line doing so becomes a journal: a correction of that document). Returns the lines that remain.
 */
export function allocateByNumber(lines: readonly GlLine[]): GlLine[] {
  const items = new Map<string, GlLine>();
  const merged = new Set<GlLine>();
  for (const line of lines) {
    if (!isDocumentLine(line)) continue;
    const own = items.get(docKey(line, line.docNo));
    if (own === undefined) items.set(docKey(line, line.docNo), line);
    else if (own.entryDate === line.entryDate && own.amount.startsWith('-') === line.amount.startsWith('-')) {
      own.amount = addDecimal(own.amount, line.amount);
      if (own.amountBase !== undefined || line.amountBase !== undefined) own.amountBase = addDecimal(own.amountBase ?? own.amount, line.amountBase ?? line.amount);
      merged.add(line);
    }
  }
  const out: GlLine[] = [];
  for (const line of lines) {
    if (merged.has(line)) continue;
    const named = items.get(docKey(line, line.docNo)) ?? (line.reference === undefined ? undefined : items.get(docKey(line, line.reference)));
    if (named !== undefined && named !== line) {
      if (isDocumentLine(line)) line.type = 'journal';
      line.settles = named.docNo;
    }
    out.push(line);
  }
  return out;
}

/** The canonical field (ledger.md §1.1) of each line property. */
const RECORD_FIELDS = [
  ['ledger', 'side'], ['party_id', 'partyId'], ['party_name', 'partyName'], ['entry_type', 'type'], ['doc_no', 'docNo'],
  ['entry_date', 'entryDate'], ['doc_date', 'docDate'], ['due_date', 'dueDate'], ['amount', 'amount'], ['currency', 'currency'],
  ['amount_base', 'amountBase'], ['description', 'description'], ['settles', 'settles'],
] as const satisfies readonly (readonly [string, keyof GlLine])[];

const PROPERTY = new Map<string, (typeof RECORD_FIELDS)[number][1]>(RECORD_FIELDS);

/** The canonical record of a line. */
function glRecord(line: GlLine): CanonicalRecord {
  const values: Partial<Record<string, string>> = {};
  for (const [field, key] of RECORD_FIELDS) {
    const value = line[key];
    if (value !== undefined) values[field] = value;
  }
  return { values, source: line.source };
}

/** The fields of a line read where they are, as glRecord would give them: no record per line. */
class GlLineReader extends FieldReader {
  line: GlLine | null = null;

  source(): SourceRef {
    return (this.line as GlLine).source;
  }

  protected value(field: string): string | undefined {
    const key = PROPERTY.get(field);
    return key === undefined ? undefined : (this.line as GlLine)[key];
  }
}

/** The lines as the engine's record source: one reader moved from line to line (see glRecord). */
export function glRecords(lines: readonly GlLine[]): RecordSource {
  return {
    count: lines.length,
    each: (visit) => lines.forEach((line) => visit(glRecord(line))),
    eachReader(issues, context, visit) {
      const reader = new GlLineReader(issues, context);
      for (const line of lines) {
        reader.ok = true;
        reader.line = line;
        visit(reader);
      }
    },
  };
}

/** The document numbers each party has used, for numbers that must stay unique per party. */
export class DocumentNumbers {
  private readonly parties: Record<Side, Map<string, Set<string>>> = { AR: new Map(), AP: new Map() };

  /** `wanted`, or `wanted/2`, `wanted/3`… : the first not yet used by the party; marks it used. */
  take(side: Side, partyId: string, wanted: string): string {
    let used = this.parties[side].get(partyId);
    if (used === undefined) {
      used = new Set();
      this.parties[side].set(partyId, used);
    }
    let docNo = wanted;
    for (let n = 2; used.has(docNo); n++) docNo = `${wanted}/${n}`;
    used.add(docNo);
    return docNo;
  }
}

/**
 * Gives a document number used by two documents of one party a suffix (`F12`, `F12/2`), so
 * that a GL that reuses a piece reference (an opening entry `RAN` per open item) still imports.
 */
export function uniqueDocumentNumbers(lines: readonly GlLine[]): DocumentNumbers {
  const used = new DocumentNumbers();
  for (const line of lines) {
    if (!isDocumentLine(line) || line.settles !== undefined) continue;
    line.docNo = used.take(line.side, line.partyId, line.docNo);
  }
  return used;
}
