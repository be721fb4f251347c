// What SAF-T and XAF have in common once read: subledger lines of a general-ledger auditfile
// become canonical records. Lines of one document within a transaction are added up, a document
// number used twice by one party gets its transaction id appended, payments find their invoice by
// reference, then cross-reference (the invoice's transaction), then payment id (CID/KID), and
// an invoice without a due date is due after the party's payment terms.
import { addDays, formatIsoDate, parseIsoDate } from '../../core/date';
import { partyKey, type CanonicalRecord, type EntryType, type ImportIssue, type ImportResult, type ImportSource, type RecordSource, type Side, type SourceRef } from '../../core/types';
import { addDecimal } from '../decimal';
import { importWarning } from '../issues';
import type { ProgressOptions } from '../progress';
import { finishImport, type TableOptions } from '../tabular/tabular';

export interface AuditLine {
  side: Side;
  partyId: string;
  type: EntryType;
  docNo: string;
  entryDate: string;
  docDate?: string | undefined;
  dueDate?: string | undefined;
  /** Canonical decimal text, signed from the party balance's point of view. */
  amount: string;
  currency?: string | undefined;
  amountBase?: string | undefined;
  description?: string | undefined;
  /** What a payment names, in the order they are tried: invoice number, invoice transaction, payment id. */
  refs: { reference?: string | undefined; crossReference?: string | undefined; paymentId?: string | undefined };
  transactionId: string;
  source: SourceRef;
}

export interface AuditParty {
  side: Side;
  partyId: string;
  values: Partial<Record<string, string>>;
  source: SourceRef;
}

function isDocument(line: AuditLine): boolean {
  return line.type === 'invoice' || line.type === 'credit_note';
}

/** Adds up the lines of one document of one party within one transaction. */
function mergeDocumentLines(lines: AuditLine[]): AuditLine[] {
  const byKey = new Map<string, AuditLine>();
  const out: AuditLine[] = [];
  for (const line of lines) {
    if (!isDocument(line)) {
      out.push(line);
      continue;
    }
    const key = `${partyKey(line.side, line.partyId)}\u0000${line.transactionId}\u0000${line.docNo}\u0000${line.currency ?? ''}`;
    const first = byKey.get(key);
    if (!first) {
      byKey.set(key, line);
      out.push(line);
      continue;
    }
    first.amount = addDecimal(first.amount, line.amount);
    if (first.amountBase !== undefined || line.amountBase !== undefined) {
      first.amountBase = addDecimal(first.amountBase ?? first.amount, line.amountBase ?? line.amount);
    }
    first.type = first.amount.startsWith('-') ? 'credit_note' : 'invoice';
  }
  return out;
}

/**
 * Something of each party (its document numbers, its documents by transaction): one map per side
 * and party, so that a large file makes no key text per line.
 */
class PerParty<T> {
  private readonly sides = { AR: new Map<string, T>(), AP: new Map<string, T>() };

  constructor(private readonly make: () => T) {}

  of(line: AuditLine): T {
    const parties = this.sides[line.side];
    let found = parties.get(line.partyId);
    if (found === undefined) {
      found = this.make();
      parties.set(line.partyId, found);
    }
    return found;
  }

  /** What is there already, without making it. */
  peek(line: AuditLine): T | undefined {
    return this.sides[line.side].get(line.partyId);
  }
}

/**
 * A document number used by two documents of one party: the later ones get their transaction id.
 * Returns each party's document numbers as they are then.
 */
function renameDuplicateDocuments(lines: AuditLine[], file: string, issues: ImportIssue[]): PerParty<Set<string>> {
  const seen = new PerParty(() => new Set<string>());
  for (const line of lines) {
    if (!isDocument(line)) continue;
    const numbers = seen.of(line);
    if (numbers.has(line.docNo)) {
      // `12/1/35`: the number as the party knows it, then the booking (journal/transaction) it came
      // from. Notes and flags hang on the item key this forms, so the form stays as it was written.
      const renamed = `${line.docNo}/${line.transactionId}`;
      let unique = renamed;
      for (let n = 2; numbers.has(unique); n++) unique = `${renamed}-${n}`;
      issues.push(importWarning('renamed-document', { ...line.source, file }, { doc: line.docNo, renamed: unique }));
      line.docNo = unique;
    }
    numbers.add(line.docNo);
  }
  return seen;
}

/**
 * The settles of every payment or journal line (reference, then cross-reference, then payment id)
 * and of a credit note naming another document; `byDoc`: each party's document numbers.
 */
function allocate(lines: AuditLine[], byDoc: PerParty<Set<string>>): (string | undefined)[] {
  const byTransaction = new PerParty(() => new Map<string, string>());
  const byPaymentId = new PerParty(() => new Map<string, string>());
  for (const l of lines) {
    if (!isDocument(l)) continue;
    const transactions = byTransaction.of(l);
    if (!transactions.has(l.transactionId)) transactions.set(l.transactionId, l.docNo);
    if (l.refs.paymentId) byPaymentId.of(l).set(l.refs.paymentId, l.docNo);
  }
  const settles: (string | undefined)[] = new Array<string | undefined>(lines.length);
  lines.forEach((l, i) => {
    const docs = byDoc.peek(l);
    if (isDocument(l)) {
      // A credit note that names another document ("Credit nota op factuur 203") is allocated to it.
      const named = l.refs.reference;
      if (l.type === 'credit_note' && named !== undefined && named !== l.docNo && docs?.has(named) === true) settles[i] = named;
      return;
    }
    const { reference, crossReference, paymentId } = l.refs;
    const found =
      (reference !== undefined && docs?.has(reference) === true ? reference : undefined) ??
      (crossReference !== undefined ? byTransaction.peek(l)?.get(crossReference) : undefined) ??
      (paymentId !== undefined ? byPaymentId.peek(l)?.get(paymentId) : undefined);
    if (found !== undefined) settles[i] = found;
  });
  return settles;
}

function dueAfterTerms(line: AuditLine, terms: Map<string, number>): string | undefined {
  if (line.dueDate !== undefined || line.type !== 'invoice') return line.dueDate;
  const days = terms.get(partyKey(line.side, line.partyId));
  const from = parseIsoDate(line.docDate ?? line.entryDate);
  return days === undefined || from === null ? undefined : formatIsoDate(addDays(from, days));
}

function toRecord(line: AuditLine, settles: string | undefined, dueDate: string | undefined): CanonicalRecord {
  const values: Partial<Record<string, string>> = {
    ledger: line.side,
    party_id: line.partyId,
    entry_type: line.type,
    doc_no: line.docNo,
    entry_date: line.entryDate,
    amount: line.amount,
  };
  if (line.docDate !== undefined) values.doc_date = line.docDate;
  if (dueDate !== undefined) values.due_date = dueDate;
  if (line.currency !== undefined) values.currency = line.currency;
  if (line.amountBase !== undefined) values.amount_base = line.amountBase;
  if (line.description !== undefined) values.description = line.description;
  if (settles !== undefined) values.settles = settles;
  return { values, source: line.source };
}

/** The parties as records; a party listed twice keeps its first listing (with a warning). */
function uniqueParties(file: string, parties: AuditParty[], issues: ImportIssue[]): CanonicalRecord[] {
  const seen = new Set<string>();
  const records: CanonicalRecord[] = [];
  for (const p of parties) {
    const key = partyKey(p.side, p.partyId);
    if (seen.has(key)) {
      issues.push(importWarning('duplicate-master-party', { ...p.source, file }, { party: p.partyId }));
      continue;
    }
    seen.add(key);
    records.push({ values: { ...p.values, ledger: p.side, party_id: p.partyId }, source: p.source });
  }
  return records;
}

/** One warning per party that has lines but is not in the master data. */
function warnUnknownParties(file: string, lines: AuditLine[], parties: AuditParty[], issues: ImportIssue[]): void {
  const known = new Set(parties.map((p) => partyKey(p.side, p.partyId)));
  for (const l of lines) {
    const key = partyKey(l.side, l.partyId);
    if (known.has(key)) continue;
    known.add(key);
    issues.push(importWarning('unknown-party', { ...l.source, file }, { party: l.partyId }));
  }
}

/**
 * The canonical records of an auditfile's subledger lines (grouped by transaction, in file order;
 * a line given alone is a transaction of its own) and its parties; warnings for what had to be adjusted. The records are made one at a time as the
 * engine reads them, and each line is let go once read, so lines, records and entries of a large
 * file are not all held at once (the caller must not keep `transactions` either).
 */
export function auditRecords(
  file: string,
  transactions: (AuditLine[] | AuditLine)[],
  parties: AuditParty[],
): { records: RecordSource; matched: number; parties: CanonicalRecord[]; issues: ImportIssue[] } {
  const issues: ImportIssue[] = [];
  const lines: (AuditLine | undefined)[] = [];
  for (const t of transactions) {
    if (!Array.isArray(t)) lines.push(t);
    else for (const line of mergeDocumentLines(t)) lines.push(line);
  }
  transactions.length = 0;
  const kept = lines as AuditLine[];
  const documents = renameDuplicateDocuments(kept, file, issues);
  const settles = allocate(kept, documents);
  const terms = new Map<string, number>();
  for (const p of parties) {
    const days = Number(p.values.payment_terms_days);
    if (p.values.payment_terms_days !== undefined && Number.isInteger(days)) terms.set(partyKey(p.side, p.partyId), days);
  }
  const partyRecords = uniqueParties(file, parties, issues);
  warnUnknownParties(file, kept, parties, issues);
  const records: RecordSource = {
    count: lines.length,
    each(visit) {
      for (let i = 0; i < lines.length; i++) {
        const l = lines[i];
        if (l === undefined) continue;
        lines[i] = undefined;
        visit(toRecord(l, settles[i], dueAfterTerms(l, terms)));
      }
    },
  };
  return { records, matched: settles.filter((s) => s !== undefined).length, parties: partyRecords, issues };
}

/** An account number written as an IBAN (spaces dropped), or undefined (`n.a`, domestic numbers). */
export function ibanOf(account: string | undefined): string | undefined {
  const compact = account?.replace(/\s/g, '').toUpperCase();
  return compact !== undefined && /^[A-Z]{2}\d{2}[A-Z0-9]{8,30}$/.test(compact) ? compact : undefined;
}

/** Only the progress and cancel options (for the XML reader). */
export function progressOf(options: ProgressOptions): ProgressOptions {
  return { ...(options.signal ? { signal: options.signal } : {}), ...(options.onProgress ? { onProgress: options.onProgress } : {}) };
}

/**
 * Hands an auditfile's records to the engine in the currency the file declares as its own (its
 * amounts are in it); the user's base currency serves only a file that declares none.
 */
export function finishAuditImport(
  file: string,
  format: string,
  audit: { records: RecordSource; matched: number; parties: CanonicalRecord[] },
  issues: ImportIssue[],
  fileBase: string | undefined,
  options: TableOptions,
  source: ImportSource,
): ImportResult {
  if (audit.records.count === 0 && !issues.some((i) => i.severity === 'error')) issues.push(importWarning('no-subledger-lines', { file }));
  const baseCurrency = fileBase ?? options.baseCurrency;
  if (fileBase !== undefined && options.baseCurrency !== undefined && fileBase !== options.baseCurrency.toUpperCase()) {
    issues.push(importWarning('file-base-currency', { file }, { currency: fileBase, asked: options.baseCurrency }));
  }
  // What was taken, counted as the reader counted its lines; else the records made.
  const described: ImportSource = { ...source, taken: source.taken ?? audit.records.count, ...(audit.matched > 0 ? { matched: audit.matched } : {}) };
  const result = finishImport(audit.records, audit.parties, issues, { file, format, source: described, ...(baseCurrency ? { baseCurrency } : {}) });
  options.onProgress?.(1);
  return result;
}
