// XAF 3.2 subledger lines into auditfile lines: an sbLine with the trLine it names, or a trLine on a
// debtors/creditors account; signed for the side (AR: debit positive; AP: credit positive), typed
// by the sbLine's mutation type or the journal's type, and the parties they belong to.
import type { EntryType, ImportIssue, Side } from '../../core/types';
import { ibanOf, type AuditLine, type AuditParty } from './records';
import { isDecimal, lenientDecimal, signedDecimal } from '../decimal';
import { importError, importWarning, type IssuePlace } from '../issues';
import { invoiceNumberIn, typeByWords } from './entry-words';
import { child, text, type SharedTexts, type XmlNode } from './xml-stream';
import { dayBefore, isoDay } from './xml-dates';

/** The children of a trLine, sbLine or obSbLine the import reads; a line keeps no other. */
const LINE_FIELDS = new Set(['nr', 'accID', 'docRef', 'effDate', 'desc', 'amnt', 'amntTp', 'custSupID', 'invRef', 'matchKeyID', 'invPurSalTp', 'mutTp', 'invDt', 'invDueDt', 'jrnID', 'trNr', 'trLineNr', 'curCode', 'curAmnt']);
/** Those whose texts repeat along a file (ids, codes, dates, line numbers): kept once each. */
const REPEATING = new Set(['nr', 'accID', 'effDate', 'amntTp', 'custSupID', 'invPurSalTp', 'mutTp', 'invDt', 'invDueDt', 'jrnID', 'trLineNr', 'curCode']);

type LineField = 'nr' | 'accID' | 'docRef' | 'effDate' | 'desc' | 'amnt' | 'amntTp' | 'custSupID' | 'invRef' | 'matchKeyID' | 'invPurSalTp' | 'mutTp' | 'invDt' | 'invDueDt' | 'jrnID' | 'trNr' | 'trLineNr' | 'curCode' | 'curAmnt';

/** A line element as plain values (the child texts the import reads) with its place: small enough to keep many. */
export interface FlatLine {
  v: { [F in LineField]?: string | undefined };
  path: string;
  line: number;
}

export function flatten(node: XmlNode, shared: SharedTexts): FlatLine {
  const v: FlatLine['v'] = {};
  for (const c of node.children) {
    if (!LINE_FIELDS.has(c.name)) continue;
    const name = c.name as LineField;
    const t = c.text.trim();
    if (t !== '' && v[name] === undefined) v[name] = REPEATING.has(name) ? shared.of(t) : t;
  }
  const currency = child(node, 'currency');
  if (currency) {
    const code = text(currency, 'curCode');
    v.curCode = code === undefined ? undefined : shared.of(code);
    v.curAmnt = text(currency, 'curAmnt');
  }
  return { v, path: node.path, line: node.line };
}

/** A trLine with a custSupID, kept until the subledgers (which come after the journals) are read. */
export interface TrLine {
  f: FlatLine;
  journal: { id: string; type?: string };
  trNr: string;
  trDt: string | undefined;
  /** The transaction's trDt is there but unreadable (already an error). */
  badDate: boolean;
  /** The transaction's description. */
  trDesc: string | undefined;
  /** The line is on the party's own account (its accID is the custSupID). */
  ownAccount: boolean;
}

/** The key by which an sbLine names its trLine: journal, transaction, line. */
function lineKey(jrnID: string, trNr: string, lineNr: string): string {
  return `${jrnID}\u0000${trNr}\u0000${lineNr}`;
}

export interface XafState {
  file: string;
  base?: string;
  startDate?: string;
  opBalDate?: string;
  sbType?: string;
  journal: { id: string; type?: string };
  parties: Map<string, XmlNode>;
  accounts: Map<string, Side>;
  trLineOrder: TrLine[];
  /** trLines kept (with a party, on a debtors/creditors account or the party's own). */
  kept: number;
  /**
   * Lines made as their trLines are read (a file without subledgers: no trLine is held), with the
   * issues of making them (they follow the reading's issues); else the trLines are held in trLineOrder.
   */
  direct: { lines: AuditLine[]; issues: ImportIssue[]; journalLines: number } | null;
  /** Read directly, then something came that would have made those lines otherwise: read again. */
  stale: boolean;
  sbLines: { f: FlatLine; sbType?: string }[];
  obLines: { f: FlatLine; sbType?: string }[];
  negativeQuantities: number;
  /** trLines read, and the software that wrote the file (header softwareDesc). */
  trLineCount: number;
  software?: string;
  issues: ImportIssue[];
  /** The one copy of each repeating text (see flatten). */
  shared: SharedTexts;
}

/** The side of a subledger line: its subledger type, else purchase/sales, else the party's type. */
function sideOf(state: XafState, sbType: string | undefined, line: FlatLine | undefined, custSupID: string): Side | null {
  if (sbType === 'CU') return 'AR';
  if (sbType === 'SU') return 'AP';
  const purSal = line?.v.invPurSalTp;
  if (purSal === 'S') return 'AR';
  if (purSal === 'P') return 'AP';
  const tp = text(state.parties.get(custSupID), 'custSupTp');
  if (tp === 'C') return 'AR';
  if (tp === 'S') return 'AP';
  return null;
}

function at(state: XafState, line: FlatLine, field: string): IssuePlace {
  return { file: state.file, path: line.path, line: line.line, field };
}

/** A value signed for the side: AR debit positive, AP credit positive. */
function signFor(side: Side, value: string, debitOrCredit: 'D' | 'C'): string {
  return debitOrCredit === 'D' ? signedDecimal(side, value, '') : signedDecimal(side, '', value);
}

function debitOrCredit(line: FlatLine): 'D' | 'C' | null {
  const tp = line.v.amntTp?.toUpperCase();
  return tp === 'D' || tp === 'C' ? tp : null;
}

function signedAmount(state: XafState, line: FlatLine, side: Side): string | null {
  const amount = line.v.amnt;
  const read = amount === undefined ? null : lenientDecimal(amount);
  const tp = debitOrCredit(line);
  if (amount === undefined) {
    state.issues.push(importError('missing-element', at(state, line, 'amnt'), { element: 'amnt' }));
  } else if (read === null) {
    state.issues.push(importError('bad-amount', at(state, line, 'amnt'), { value: amount }));
  } else if (tp === null) {
    const value = line.v.amntTp;
    if (value === undefined) state.issues.push(importError('missing-element', at(state, line, 'amntTp'), { element: 'amntTp' }));
    else state.issues.push(importError('bad-code', at(state, line, 'amntTp'), { value, expected: 'D, C' }));
  } else {
    if (read.fixed) state.issues.push(importWarning('lenient-value', at(state, line, 'amnt'), { value: amount, read: read.value }));
    return signFor(side, read.value, tp);
  }
  return null;
}

/**
 * The sbLine's mutation type (I invoice, P payment, Z other), else the journal's (B bank, C cash,
 * M memorial), else the transaction's words (a general journal Z of Banana holds everything).
 */
function entryTypeOf(mutTp: string | undefined, tr: TrLine | undefined, amount: string): EntryType {
  const document: EntryType = amount.startsWith('-') ? 'credit_note' : 'invoice';
  if (mutTp === 'I') return document;
  if (mutTp === 'P') return 'payment';
  if (mutTp === 'Z') return 'journal';
  const journalType = tr?.journal.type;
  if (journalType === 'B' || journalType === 'C') return 'payment';
  if (journalType === 'M') return 'journal';
  if (journalType === 'S' || journalType === 'P' || journalType === 'I' || mutTp !== undefined) return document;
  return typeByWords(`${tr?.trDesc ?? ''} ${tr?.f.v.desc ?? ''}`) ?? document;
}

/** An entry from a subledger line (`sb`, may be absent) and its trLine (`tr`, may be absent). */
function auditLine(state: XafState, side: Side, sb: FlatLine | undefined, tr: TrLine | undefined): AuditLine | null {
  const main = sb ?? tr?.f;
  if (main === undefined) return null;
  const amount = signedAmount(state, main, side);
  if (amount === null) return null;
  const type = entryTypeOf(sb?.v.mutTp, tr, amount);
  const invRef = main.v.invRef ?? tr?.f.v.invRef;
  const own = main.v.docRef ?? tr?.f.v.docRef ?? tr?.trNr ?? sb?.v.trNr ?? main.path;
  // Without invRef, the invoice number as the description names it ("Betaling factuur 345"):
  // an invoice's own number, what a credit note or payment settles.
  const named = invRef === undefined && sb === undefined ? invoiceNumberIn(tr?.trDesc, tr?.f.v.desc) : undefined;
  const entryDate = tr?.trDt ?? isoDay(tr?.f.v.effDate ?? '') ?? isoDay(sb?.v.invDt ?? '') ?? '';
  // Every field in the literal, absent ones undefined: a line is then one object of one shape, no
  // storage added per field set later (the lines of a large file are all held until allocated).
  const line: AuditLine = {
    side, partyId: main.v.custSupID ?? '', type, amount, entryDate,
    refs: { reference: invRef ?? named, paymentId: main.v.matchKeyID },
    docNo: type === 'invoice' ? invRef ?? named ?? own : type === 'credit_note' ? invRef ?? own : own,
    transactionId: `${tr?.journal.id ?? sb?.v.jrnID ?? ''}/${tr?.trNr ?? sb?.v.trNr ?? ''}`,
    source: { file: state.file, path: main.path, line: main.line },
    docDate: undefined, dueDate: undefined, description: undefined, currency: undefined, amountBase: undefined,
  };
  if (entryDate === '' && tr?.badDate !== true) state.issues.push(importError('missing-element', at(state, main, 'trDt'), { element: 'trDt' }));
  finishLine(state, line, main, sb);
  return line;
}

function finishLine(state: XafState, line: AuditLine, main: FlatLine, sb: FlatLine | undefined): void {
  const docDate = isoDay(sb?.v.invDt ?? '');
  if (docDate !== null) line.docDate = docDate;
  const dueDate = isoDay(sb?.v.invDueDt ?? '');
  if (dueDate !== null) line.dueDate = dueDate;
  if (main.v.desc !== undefined) line.description = main.v.desc;
  const curCode = main.v.curCode?.toUpperCase();
  const curAmnt = main.v.curAmnt;
  const tp = debitOrCredit(main);
  if (curCode !== undefined && curCode !== state.base && curAmnt !== undefined && isDecimal(curAmnt) && tp !== null) {
    line.amountBase = line.amount;
    line.currency = curCode;
    line.amount = signFor(line.side, curAmnt, tp);
  }
}

/** Visits the items in order, each let go (its slot emptied) before it is visited: what is made of it can take its place in memory. */
function handOver<T>(items: T[], visit: (item: T) => void): void {
  const slots = items as (T | undefined)[];
  for (let i = 0; i < slots.length; i++) {
    const item = slots[i] as T;
    slots[i] = undefined;
    visit(item);
  }
  items.length = 0;
}

/** Entries from the sbLines with their trLines (files with subledgers); the sbLines are let go. */
export function linesFromSubledgers(state: XafState): AuditLine[] {
  const out: AuditLine[] = [];
  // The trLine an sbLine names, by journal, transaction and line number (built only for files with subledgers).
  const trLines = new Map<string, TrLine>();
  for (const tr of state.trLineOrder) trLines.set(lineKey(tr.journal.id, tr.trNr, tr.f.v.nr ?? tr.f.path), tr);
  state.trLineOrder = [];
  handOver(state.sbLines, ({ f: sb, sbType }) => {
    const tr = trLines.get(lineKey(sb.v.jrnID ?? '', sb.v.trNr ?? '', sb.v.trLineNr ?? ''));
    const custSupID = sb.v.custSupID ?? tr?.f.v.custSupID;
    if (custSupID === undefined) return;
    if (sb.v.custSupID === undefined) sb.v.custSupID = custSupID;
    const side = sideOf(state, sbType, sb, custSupID);
    if (side === null) {
      state.issues.push(importError('bad-side', at(state, sb, 'sbType'), { value: sbType ?? '' }));
      return;
    }
    const line = auditLine(state, side, sb, tr);
    if (line) out.push(line);
  });
  return out;
}

/** The entry of a trLine on a debtors/creditors account or the party's own (files without subledgers), or null. */
export function controlAccountLine(state: XafState, tr: TrLine): AuditLine | null {
  const side = tr.ownAccount ? sideOf(state, undefined, tr.f, tr.f.v.custSupID ?? '') ?? state.accounts.get(tr.f.v.accID ?? '') : state.accounts.get(tr.f.v.accID ?? '');
  if (side === undefined || side === null) {
    if (tr.ownAccount) state.issues.push(importError('bad-side', at(state, tr.f, 'custSupTp'), { value: text(state.parties.get(tr.f.v.custSupID ?? ''), 'custSupTp') ?? '' }));
    return null;
  }
  return auditLine(state, side, undefined, tr);
}

/** Entries from trLines on debtors/creditors accounts (files without subledgers); the trLines are let go. */
export function linesFromControlAccounts(state: XafState): AuditLine[] {
  const out: AuditLine[] = [];
  handOver(state.trLineOrder, (tr) => {
    const line = controlAccountLine(state, tr);
    if (line) out.push(line);
  });
  return out;
}

export function openingLines(state: XafState): AuditLine[] {
  const date = state.opBalDate ?? (state.startDate ? dayBefore(state.startDate) : '');
  const out: AuditLine[] = [];
  for (const { f, sbType } of state.obLines) {
    const custSupID = f.v.custSupID;
    if (custSupID === undefined) continue;
    const side = sideOf(state, sbType, f, custSupID);
    if (side === null) continue;
    const line = auditLine(state, side, f, undefined);
    if (!line) continue;
    line.entryDate = date || line.docDate || '';
    line.transactionId = 'OPENING';
    if (line.type === 'payment') line.type = line.amount.startsWith('-') ? 'credit_note' : 'invoice';
    out.push(line);
  }
  return out;
}

function partyOf(state: XafState, side: Side, id: string): AuditParty {
  const node = state.parties.get(id);
  const values: Partial<Record<string, string>> = {};
  const set = (field: string, value: string | undefined): void => {
    if (value !== undefined) values[field] = value;
  };
  set('name', text(node, 'custSupName'));
  const limit = text(node, side === 'AR' ? 'custCreditLimit' : 'supplierLimit');
  if (limit !== undefined && isDecimal(limit)) values.credit_limit = limit;
  set('iban', ibanOf(text(node, 'bankAccount', 'bankAccNr')));
  set('bic', text(node, 'bankAccount', 'bankIdCd'));
  set('email', text(node, 'eMail'));
  set('phone', text(node, 'telephone'));
  set('country', text(node, 'streetAddress', 'country') ?? text(node, 'postalAddress', 'country'));
  set('vat_no', text(node, 'taxRegIdent'));
  return { side, partyId: id, values, source: { file: state.file, path: node?.path ?? '', line: node?.line ?? 0 } };
}

/** Parties: every (side, id) with entries, and every typed customer or supplier without. */
export function partiesOf(state: XafState, lines: AuditLine[]): AuditParty[] {
  const sides = new Map<string, Set<Side>>();
  for (const l of lines) sides.set(l.partyId, (sides.get(l.partyId) ?? new Set()).add(l.side));
  const out: AuditParty[] = [];
  for (const [id, node] of state.parties) {
    const tp = text(node, 'custSupTp');
    const set = sides.get(id) ?? new Set<Side>();
    if (tp === 'C' || tp === 'B') set.add('AR');
    if (tp === 'S' || tp === 'B') set.add('AP');
    for (const side of set) out.push(partyOf(state, side, id));
  }
  return out.filter((p) => state.parties.has(p.partyId));
}
