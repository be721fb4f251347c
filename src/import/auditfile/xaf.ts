// XAF 3.2 (Dutch XML Auditfile Financieel), streamed. Parties from `customersSuppliers`; entries
// from the subledger lines: where the file has `subledgers`, each `sbLine` with the `trLine` it
// names (its date, journal; `invDt`, `invDueDt`, `mutTp` from the sbLine); else the `trLine`s
// with a `custSupID` on a debtors/creditors account (packages put the custSupID on every line of
// the transaction, VAT and revenue too). Opening items from `obSubledgers`. Allocation by
// `invRef`, then `matchKeyID`. AR: debit positive; AP: credit positive.
import { holdsBytes } from '../../core/char-text';
import type { ImportIssue, ImportResult, ImportSource } from '../../core/types';
import { auditRecords, finishAuditImport, progressOf, type AuditLine } from './records';
import type { ProgressOptions } from '../progress';
import { importWarning } from '../issues';
import type { TableOptions } from '../tabular/tabular';
import { controlAccountLine, flatten, linesFromControlAccounts, linesFromSubledgers, openingLines, partiesOf, type TrLine, type XafState } from './xaf-entries';
import { readXml, SharedTexts, text, type XmlNode } from './xml-stream';
import { dateIn, isoDay } from './xml-dates';

const CAPTURE = new Set(['header', 'customerSupplier', 'ledgerAccount', 'opBalDate', 'sbType', 'obSbLine', 'jrnID', 'jrnTp', 'transaction', 'sbLine']);
const INDEXED = new Set(['customerSupplier', 'ledgerAccount', 'journal', 'transaction', 'trLine', 'subledger', 'sbLine', 'obSubledger', 'obSbLine']);

const AR_ACCOUNT = /debiteur|debtor|receivable|handelsdebiteur|^BVorDeb/i;
const AP_ACCOUNT = /crediteur|creditor|payable|leverancier|handelscrediteur|^BSchCre/i;


/**
 * A custSupID line is kept when its account is a debtors/creditors account, or when no such
 * account was recognised (then every custSupID line is kept, as the subledgers may still name it).
 */
function mayBeSubledgerLine(state: XafState, accID: string | undefined): boolean {
  return state.accounts.size === 0 || (accID !== undefined && state.accounts.has(accID));
}

/**
 * The party of a trLine: its custSupID, else its accID when that is a custSupID (Banana and others
 * post to the party's own account and write no custSupID).
 */
function partyOfLine(state: XafState, line: XmlNode): { id: string; ownAccount: boolean } | undefined {
  const custSupID = text(line, 'custSupID');
  if (custSupID !== undefined) return { id: custSupID, ownAccount: false };
  const accID = text(line, 'accID');
  return accID !== undefined && state.parties.has(accID) ? { id: accID, ownAccount: true } : undefined;
}

function readTransaction(state: XafState, tx: XmlNode): void {
  const trNr = text(tx, 'nr') ?? tx.path;
  const day = dateIn(state.file, tx, 'trDt', state.issues);
  const trDt = day === undefined ? undefined : state.shared.of(day);
  const badDate = trDt === undefined && text(tx, 'trDt') !== undefined;
  const trDesc = text(tx, 'desc');
  for (const line of tx.children) {
    if (line.name !== 'trLine') continue;
    const quantity = text(line, 'qntity');
    if (quantity !== undefined && quantity.startsWith('-')) state.negativeQuantities++;
    state.trLineCount++;
    const party = partyOfLine(state, line);
    if (party === undefined || (!party.ownAccount && !mayBeSubledgerLine(state, text(line, 'accID')))) continue;
    const f = flatten(line, state.shared);
    if (party.ownAccount) f.v.custSupID = party.id;
    const tr: TrLine = { f, journal: state.journal, trNr, trDt, badDate, trDesc, ownAccount: party.ownAccount };
    state.kept++;
    if (state.direct) makeLine(state, state.direct, tr);
    else state.trLineOrder.push(tr);
  }
}

/** The line of a trLine made now, as it would be made at the end (its issues kept apart till then). */
function makeLine(state: XafState, direct: NonNullable<XafState['direct']>, tr: TrLine): void {
  const issues = state.issues;
  state.issues = direct.issues;
  const line = controlAccountLine(state, tr);
  state.issues = issues;
  if (line) direct.lines.push(line);
  direct.journalLines++;
}

/**
 * What would change lines already made directly (the base currency, the debtors/creditors
 * accounts, a journal's type, subledgers) comes after them: they must be made at the end after all.
 */
function changesMadeLines(state: XafState, touched: boolean): void {
  if (touched && state.direct !== null && state.kept > 0) state.stale = true;
}

function readAccount(state: XafState, account: XmlNode): void {
  const id = text(account, 'accID');
  if (id === undefined) return;
  const words = [text(account, 'accDesc'), text(account, 'leadDescription'), text(account, 'leadReference')].join(' ');
  const reference = text(account, 'leadReference') ?? '';
  if (AR_ACCOUNT.test(words) || AR_ACCOUNT.test(reference)) state.accounts.set(id, 'AR');
  else if (AP_ACCOUNT.test(words) || AP_ACCOUNT.test(reference)) state.accounts.set(id, 'AP');
}

function readHeader(state: XafState, header: XmlNode): void {
  const base = text(header, 'curCode');
  if (base !== undefined) state.base = base.toUpperCase();
  const software = text(header, 'softwareDesc');
  if (software !== undefined) state.software = software;
  const start = isoDay(text(header, 'startDate') ?? '');
  if (start !== null) state.startDate = start;
}

function onElement(state: XafState, node: XmlNode, parent: string): void {
  switch (node.name) {
    case 'header':
      changesMadeLines(state, true);
      readHeader(state, node);
      break;
    case 'customerSupplier': {
      const id = text(node, 'custSupID');
      if (id !== undefined && !state.parties.has(id)) state.parties.set(id, node);
      break;
    }
    case 'ledgerAccount':
      changesMadeLines(state, true);
      readAccount(state, node);
      break;
    case 'opBalDate': {
      const date = isoDay(node.text);
      if (date !== null) state.opBalDate = date;
      break;
    }
    case 'sbType':
      state.sbType = node.text.trim();
      break;
    case 'obSbLine':
      state.obLines.push({ f: flatten(node, state.shared), ...(state.sbType ? { sbType: state.sbType } : {}) });
      break;
    case 'jrnID':
      if (parent === 'journal') {
        state.journal = { id: node.text.trim() };
        if (state.direct) state.direct.journalLines = 0;
      }
      break;
    case 'jrnTp':
      changesMadeLines(state, parent === 'journal' && state.direct !== null && state.direct.journalLines > 0);
      if (parent === 'journal') state.journal.type = node.text.trim();
      break;
    case 'transaction':
      if (parent === 'journal') readTransaction(state, node);
      break;
    case 'sbLine':
      // Subledgers the bytes did not show (another encoding): their lines are made at the end.
      changesMadeLines(state, true);
      if (state.kept === 0) state.direct = null;
      state.sbLines.push({ f: flatten(node, state.shared), ...(state.sbType ? { sbType: state.sbType } : {}) });
      break;
  }
}

/** The lines made as they were read, their issues where making them at the end would have put them. */
function madeLines(state: XafState, direct: NonNullable<XafState['direct']>): AuditLine[] {
  for (const issue of direct.issues) state.issues.push(issue);
  state.direct = null;
  return direct.lines;
}

/** The records of the file; the lines read are handed over (not kept here), so they can be let go one by one. */
function auditOf(state: XafState): ReturnType<typeof auditRecords> {
  const bySubledgers = state.sbLines.length > 0;
  const kept = state.kept;
  const lines = state.direct ? madeLines(state, state.direct) : bySubledgers ? linesFromSubledgers(state) : linesFromControlAccounts(state);
  if (!bySubledgers && state.accounts.size === 0 && kept > 0) {
    // Without subledgers or a recognisable debtors/creditors account, the party's lines cannot be
    // told from the revenue and VAT lines that carry the same custSupID: import none rather than wrong balances.
    state.issues.push(importWarning('no-control-account', { file: state.file }, { count: kept }));
  }
  state.trLineOrder = [];
  state.sbLines = [];
  const openings = openingLines(state);
  const parties = partiesOf(state, [...openings, ...lines]);
  // Each line is a transaction of its own (lines are not added up across a XAF transaction).
  return auditRecords(state.file, [openings, ...lines], parties);
}

/** Reads the file; `direct`: make each kept trLine's line as it is read (see XafState.direct). */
async function readXaf(file: { name: string; bytes: Uint8Array }, namespaceWarning: ImportIssue | null, progress: ProgressOptions, direct: boolean): Promise<{ state: XafState; warnings: ImportIssue[] }> {
  const state: XafState = {
    file: file.name, journal: { id: '' }, parties: new Map(), accounts: new Map(),
    trLineOrder: [], kept: 0, direct: direct ? { lines: [], issues: [], journalLines: 0 } : null, stale: false,
    sbLines: [], obLines: [], negativeQuantities: 0, trLineCount: 0, issues: namespaceWarning ? [namespaceWarning] : [], shared: new SharedTexts(),
  };
  const warnings = await readXml(file.name, file.bytes, {
    capture: CAPTURE, indexed: INDEXED,
    onElement: (node, parent) => onElement(state, node, parent), ...progress,
  });
  return { state, warnings };
}

/** An sbLine element's name, as its bytes in an ASCII-compatible encoding. */
const SB_LINE = Uint8Array.from('sbLine', (c) => c.charCodeAt(0));

export async function importXaf(file: { name: string; bytes: Uint8Array }, namespaceWarning: ImportIssue | null, options: TableOptions): Promise<ImportResult> {
  // A file without subledgers (no sbLine anywhere in its bytes) has its lines made as they are
  // read: its trLines are not all held first. Should what they were made with change after them
  // (see changesMadeLines), the file is read again the other way.
  let { state, warnings } = await readXaf(file, namespaceWarning, progressOf(options), !holdsBytes(file.bytes, SB_LINE));
  if (state.stale) ({ state, warnings } = await readXaf(file, namespaceWarning, options.signal ? { signal: options.signal } : {}, false));
  const audit = auditOf(state);
  const issues = [...warnings, ...state.issues, ...audit.issues];
  if (state.negativeQuantities > 0) issues.push(importWarning('negative-quantity', { file: file.name }, { count: state.negativeQuantities }));
  const source: ImportSource = { kind: 'xaf', variant: state.software ? `3.2 (${state.software})` : '3.2', lines: state.trLineCount };
  return finishAuditImport(file.name, 'xaf', audit, issues, state.base, options, source);
}
