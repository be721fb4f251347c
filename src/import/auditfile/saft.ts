// SAF-T, streamed and read by structure under any national namespace (Norway 1.20/1.30, the OECD
// 2.0 layout of Lithuania, Romania, Luxembourg FAIA…, OECD 1.0-style plain amounts, Portugal 1.04):
// parties from MasterFiles Customers/Suppliers (opening balances become opening items, payment
// terms the default due date), subledger lines from GeneralLedgerEntries lines that carry a
// CustomerID or SupplierID (PT 1.04 names the party on the Transaction; its DebitLine/CreditLine on
// the party's AccountID, else on 21… customers / 22… suppliers, or on the user's --ar/--ap-accounts,
// are the party's), and, for a side the general ledger does not hold, from SourceDocuments
// (saft-documents.ts). Debit/Credit become a signed amount (AR: debit positive; AP: credit
// positive); CurrencyAmount the entry currency.
//   entry_type: payment when the transaction touches a bank account (19xx; PT 11–14) or says so; journal
//   for write-offs and corrections; else invoice (raises the balance) or credit_note (lowers it).
import { partyKey, type EntryType, type ImportIssue, type ImportResult, type ImportSource, type Side } from '../../core/types';
import { auditRecords, finishAuditImport, ibanOf, progressOf, type AuditLine, type AuditParty } from './records';
import { addDecimal, isZeroDecimal, lenientDecimal, signedDecimal } from '../decimal';
import { importError, importWarning } from '../issues';
import type { TableOptions } from '../tabular/tabular';
import { hasChosenAccounts, sideOfChosenAccount, type AccountChoice } from '../gl/accounts';
import { typeByWords } from './entry-words';
import { allocateLedgerReceipts, documentLinesFor, readInvoice, readPayment, type DocumentState } from './saft-documents';
import { child, childrenNamed, placeOf, readXml, SharedTexts, text, type XmlNode } from './xml-stream';
import { dateIn, isoDay, openingDate } from './xml-dates';

const CAPTURE = new Set(['Header', 'Customer', 'Supplier', 'JournalID', 'Description', 'Transaction', 'Invoice', 'Payment']);
const INDEXED = new Set(['Journal', 'Transaction', 'Line', 'DebitLine', 'CreditLine', 'Customer', 'Supplier', 'Account', 'BalanceAccount', 'Invoice', 'Payment']);


interface SaftState {
  file: string;
  base?: string;
  periodStart?: string;
  journal: { id?: string; description?: string };
  parties: AuditParty[];
  openings: { party: AuditParty; amount: string; node: XmlNode }[];
  /** Parties already listed in MasterFiles (by partyKey). */
  listed: Set<string>;
  /** The general-ledger account of each listed party (by partyKey), as MasterFiles gives it. */
  accounts: Map<string, string>;
  /** The user's account prefixes for the debtors and creditors, if given. */
  choice: AccountChoice;
  /** SourceDocuments' invoices and payments (used for the sides the general ledger does not hold). */
  documents: DocumentState;
  version?: string;
  /** General-ledger lines read, and those not on a customer or supplier. */
  ledgerLines: number;
  otherLines: number;
  transactions: AuditLine[][];
  issues: ImportIssue[];
  /** One string per party id, whichever line names it (the entries keep it). */
  shared: SharedTexts;
}

function readAmountText(state: SaftState, node: XmlNode | undefined, name: string): string | undefined {
  const element = child(node, name);
  const value = text(element);
  if (value === undefined || element === undefined) return undefined;
  const read = lenientDecimal(value);
  if (read === null) state.issues.push(importError('bad-amount', placeOf(state.file, element, name), { value }));
  else if (read.fixed) state.issues.push(importWarning('lenient-value', placeOf(state.file, element, name), { value, read: read.value }));
  return read?.value;
}

function readHeader(state: SaftState, header: XmlNode): void {
  const base = text(header, 'DefaultCurrencyCode') ?? text(header, 'CurrencyCode');
  if (base !== undefined) state.base = state.documents.base = base.toUpperCase();
  const version = text(header, 'AuditFileVersion');
  if (version !== undefined) state.version = version;
  const criteria = child(header, 'SelectionCriteria');
  const start = text(criteria, 'SelectionStartDate');
  const year = text(criteria, 'PeriodStartYear');
  const month = text(criteria, 'PeriodStart');
  const period = start ?? text(header, 'StartDate') ?? (year && month ? `${year}-${month.padStart(2, '0')}-01` : undefined);
  const day = period === undefined ? null : isoDay(period);
  if (day !== null) state.periodStart = day;
}

function partyValues(node: XmlNode, terms: XmlNode | undefined): Partial<Record<string, string>> {
  const values: Partial<Record<string, string>> = {};
  const set = (field: string, value: string | undefined): void => {
    if (value !== undefined) values[field] = value;
  };
  set('name', text(node, 'Name') ?? text(node, 'CompanyName') ?? text(node, 'CompanyStructure', 'Name'));
  const days = text(terms, 'Days');
  if (days !== undefined && /^\d+$/.test(days)) set('payment_terms_days', days);
  const bank = child(node, 'BankAccount');
  set('iban', ibanOf(text(bank, 'IBANNumber')));
  set('bic', text(bank, 'BIC'));
  set('email', text(node, 'Contact', 'Email'));
  set('phone', text(node, 'Contact', 'Telephone'));
  set('country', text(node, 'Address', 'Country') ?? text(node, 'BillingAddress', 'Country'));
  set('vat_no', text(node, 'TaxRegistration', 'TaxRegistrationNumber') ?? text(node, 'CustomerTaxID') ?? text(node, 'SupplierTaxID'));
  return values;
}

/** Opening balance of a party: 1.20 holds it on the party, 1.30 in BalanceAccount elements. */
function openingBalance(state: SaftState, side: Side, node: XmlNode): string {
  const holders = [node, ...childrenNamed(node, 'BalanceAccount')];
  let total = '0';
  for (const h of holders) {
    const debit = readAmountText(state, h, 'OpeningDebitBalance') ?? '';
    const credit = readAmountText(state, h, 'OpeningCreditBalance') ?? '';
    total = addDecimal(total, signedDecimal(side, debit, credit));
  }
  return total;
}

function readParty(state: SaftState, node: XmlNode, side: Side): void {
  const idElement = side === 'AR' ? 'CustomerID' : 'SupplierID';
  const partyId = text(node, idElement);
  if (partyId === undefined) {
    state.issues.push(importError('missing-element', placeOf(state.file, node, idElement), { element: idElement }));
    return;
  }
  const terms = child(child(node, 'PartyInfo'), 'PaymentTerms') ?? child(node, 'PaymentTerms');
  const party: AuditParty = { side, partyId, values: partyValues(node, terms), source: { file: state.file, path: node.path, line: node.line } };
  state.parties.push(party);
  // A party listed twice keeps its first listing (auditRecords warns): the second one's opening balance is not booked too.
  const key = partyKey(side, partyId);
  if (state.listed.has(key)) return;
  state.listed.add(key);
  const account = text(node, 'AccountID');
  if (account !== undefined) state.accounts.set(key, account);
  const opening = openingBalance(state, side, node);
  if (!isZeroDecimal(opening)) state.openings.push({ party, amount: opening, node });
}

interface TransactionFacts {
  id: string;
  entryDate?: string;
  docDate?: string;
  words: string;
  touchesBank: boolean;
  /** A date element is there but unreadable (already an error). */
  badDate: boolean;
}

type LineParty = { side: Side; partyId: string } | null;

/** The ledger lines of a transaction: `Line` (OECD 2.0, NO) or `Lines/DebitLine|CreditLine` (PT 1.04). */
function ledgerLinesOf(tx: XmlNode): XmlNode[] {
  const pt = child(tx, 'Lines');
  return pt === undefined ? childrenNamed(tx, 'Line') : pt.children.filter((l) => l.name === 'DebitLine' || l.name === 'CreditLine');
}

/** True for a PT line on the transaction's party: its MasterFiles account or a sub-account of it, else the user's or the SNC's (21 customers, 22 suppliers). */
function isPartyAccount(state: SaftState, party: { side: Side; partyId: string }, account: string): boolean {
  if (hasChosenAccounts(state.choice)) return sideOfChosenAccount(state.choice, account) === party.side;
  const own = state.accounts.get(partyKey(party.side, party.partyId));
  if (own !== undefined && /^\d/.test(own)) return account.startsWith(own);
  return account.startsWith(party.side === 'AR' ? '21' : '22');
}

/** The party a line is on, or null for a line on another account. */
function partyOfLine(state: SaftState, tx: XmlNode, line: XmlNode): LineParty {
  if (line.name === 'Line') return lineParty(state, line);
  const party = transactionParty(tx);
  return party !== null && isPartyAccount(state, party, text(line, 'AccountID') ?? '') ? party : null;
}

function transactionParty(tx: XmlNode): LineParty {
  const customer = text(tx, 'CustomerID');
  if (customer !== undefined) return { side: 'AR', partyId: customer };
  const supplier = text(tx, 'SupplierID');
  return supplier === undefined ? null : { side: 'AP', partyId: supplier };
}

/** A bank or cash account: Norway's 19xx, Portugal's SNC class 1 (11 cash, 12–14 deposits). */
function isBankLine(line: XmlNode): boolean {
  const account = text(line, 'AccountID') ?? '';
  return line.name === 'Line' ? /^19\d\d/.test(account) : /^1[1-4]/.test(account);
}

function transactionFacts(state: SaftState, tx: XmlNode, parties: LineParty[]): TransactionFacts {
  const lines = ledgerLinesOf(tx);
  const docDate = dateIn(state.file, tx, 'TransactionDate', state.issues);
  const entryDate = dateIn(state.file, tx, 'GLPostingDate', state.issues) ?? docDate;
  const words = [text(tx, 'VoucherType'), text(tx, 'VoucherDescription'), text(tx, 'Description'), state.journal.description]
    .filter((w) => w !== undefined).join(' ');
  const touchesBank = lines.some((l, i) => parties[i] === null && isBankLine(l));
  const badDate = entryDate === undefined && (text(tx, 'TransactionDate') ?? text(tx, 'GLPostingDate')) !== undefined;
  const facts: TransactionFacts = { id: text(tx, 'TransactionID') ?? tx.path, words, touchesBank, badDate };
  if (entryDate !== undefined) facts.entryDate = entryDate;
  if (docDate !== undefined) facts.docDate = docDate;
  return facts;
}

function entryType(facts: TransactionFacts, line: XmlNode, amount: string): EntryType {
  const words = `${facts.words} ${text(line, 'Description') ?? ''}`;
  if (facts.touchesBank) return 'payment';
  return typeByWords(words) ?? (amount.startsWith('-') ? 'credit_note' : 'invoice');
}

/** An amount holder's base and currency amounts: `<DebitAmount><Amount>…` (OECD 2.0) or `<DebitAmount>…` (PT, OECD 1.0). */
function holderAmounts(state: SaftState, holder: XmlNode): { base?: string; currency?: string; inCurrency?: string } | null {
  if (holder.children.length === 0) {
    const value = holder.text.trim();
    if (value === '') return {};
    const read = lenientDecimal(value);
    if (read === null) state.issues.push(importError('bad-amount', placeOf(state.file, holder, holder.name), { value }));
    else if (read.fixed) state.issues.push(importWarning('lenient-value', placeOf(state.file, holder, holder.name), { value, read: read.value }));
    return read === null ? null : { base: read.value };
  }
  const base = readAmountText(state, holder, 'Amount');
  if (base === undefined && text(holder, 'Amount') !== undefined) return null;
  const out: { base?: string; currency?: string; inCurrency?: string } = {};
  if (base !== undefined) out.base = base;
  const currency = text(holder, 'CurrencyCode')?.toUpperCase();
  const inCurrency = readAmountText(state, holder, 'CurrencyAmount');
  if (currency !== undefined) out.currency = currency;
  if (inCurrency !== undefined) out.inCurrency = inCurrency;
  return out;
}

/**
 * The signed base and currency amounts of a line, or null (with an error) when unreadable. A line
 * carrying both DebitAmount and CreditAmount is their difference (debit 100, credit 30: 70 debit).
 */
function lineAmounts(state: SaftState, line: XmlNode, side: Side): { base: string; amount?: string; currency?: string } | null {
  const debitNode = child(line, 'DebitAmount');
  const creditNode = child(line, 'CreditAmount');
  const debit = debitNode ? holderAmounts(state, debitNode) : {};
  const credit = creditNode ? holderAmounts(state, creditNode) : {};
  if (debit === null || credit === null) return null;
  if (debit.base === undefined && credit.base === undefined) {
    const holder = debitNode ?? creditNode;
    if (holder === undefined) state.issues.push(importError('missing-element', placeOf(state.file, line, 'DebitAmount'), { element: 'DebitAmount/CreditAmount' }));
    else state.issues.push(importError('missing-element', placeOf(state.file, holder, 'Amount'), { element: 'Amount' }));
    return null;
  }
  const base = signedDecimal(side, debit.base ?? '', credit.base ?? '');
  const currency = debit.currency ?? credit.currency;
  const inCurrency = debit.inCurrency ?? credit.inCurrency;
  if (currency === undefined || currency === state.base || inCurrency === undefined) return { base };
  return { base, currency, amount: signedDecimal(side, debit.inCurrency ?? '', credit.inCurrency ?? '') };
}

function lineParty(state: SaftState, line: XmlNode): { side: Side; partyId: string } | null {
  const customer = text(line, 'CustomerID');
  const supplier = text(line, 'SupplierID');
  if (customer !== undefined && supplier !== undefined) {
    state.issues.push(importWarning('lenient-value', placeOf(state.file, line, 'SupplierID'), { value: `CustomerID ${customer} + SupplierID ${supplier}`, read: `CustomerID ${customer}` }));
  }
  if (customer !== undefined) return { side: 'AR', partyId: customer };
  return supplier === undefined ? null : { side: 'AP', partyId: supplier };
}

function readLine(state: SaftState, facts: TransactionFacts, line: XmlNode, party: { side: Side; partyId: string }): AuditLine | null {
  const amounts = lineAmounts(state, line, party.side);
  if (amounts === null) return null;
  const amount = amounts.amount ?? amounts.base;
  const type = entryType(facts, line, amount);
  const reference = text(line, 'ReferenceNumber');
  const own = text(line, 'SourceDocumentID') ?? facts.id;
  const audit: AuditLine = {
    side: party.side, partyId: state.shared.of(party.partyId), type, amount, transactionId: facts.id,
    docNo: type === 'invoice' || type === 'credit_note' ? reference ?? own : own,
    entryDate: facts.entryDate ?? dateIn(state.file, line, 'ValueDate', state.issues) ?? '',
    refs: {},
    source: { file: state.file, path: line.path, line: line.line },
  };
  if (audit.entryDate === '' && !facts.badDate) state.issues.push(importError('missing-element', placeOf(state.file, line, 'TransactionDate'), { element: 'TransactionDate' }));
  if (facts.docDate !== undefined) audit.docDate = facts.docDate;
  const due = dateIn(state.file, line, 'DueDate', state.issues);
  if (due !== undefined) audit.dueDate = due;
  if (amounts.currency !== undefined) {
    audit.currency = amounts.currency;
    audit.amountBase = amounts.base;
  }
  const description = text(line, 'Description');
  if (description !== undefined) audit.description = description;
  if (reference !== undefined) audit.refs.reference = reference;
  const crossReference = text(line, 'CrossReference');
  if (crossReference !== undefined) audit.refs.crossReference = crossReference;
  const cid = text(line, 'CID');
  if (cid !== undefined) audit.refs.paymentId = cid;
  return audit;
}

function readTransaction(state: SaftState, tx: XmlNode): void {
  const ledgerLines = ledgerLinesOf(tx);
  const parties = ledgerLines.map((line) => partyOfLine(state, tx, line));
  const facts = transactionFacts(state, tx, parties);
  const lines: AuditLine[] = [];
  ledgerLines.forEach((line, i) => {
    state.ledgerLines++;
    const party = parties[i] ?? null;
    if (party === null) {
      state.otherLines++;
      return;
    }
    const audit = readLine(state, facts, line, party);
    if (audit) lines.push(audit);
  });
  if (lines.length > 0) state.transactions.push(lines);
}

function onElement(state: SaftState, node: XmlNode, parent: string): void {
  if (node.name === 'Header') readHeader(state, node);
  else if (node.name === 'Customer' && (parent === 'Customers' || parent === 'MasterFiles')) readParty(state, node, 'AR');
  else if (node.name === 'Supplier' && (parent === 'Suppliers' || parent === 'MasterFiles')) readParty(state, node, 'AP');
  else if (node.name === 'Invoice' && (parent === 'SalesInvoices' || parent === 'PurchaseInvoices')) readInvoice(state.documents, node);
  else if (node.name === 'Payment' && parent === 'Payments') readPayment(state.documents, node);
  else if (node.name === 'JournalID' && parent === 'Journal') state.journal = { id: node.text.trim() };
  else if (node.name === 'Description' && parent === 'Journal') state.journal.description = node.text.trim();
  else if (node.name === 'Transaction' && parent === 'Journal') readTransaction(state, node);
}

/** Opening balances as one `journal` item per party, dated the day before the period. */
function openingLines(state: SaftState): AuditLine[] {
  const date = openingDate(state.periodStart, state.transactions.flat().map((l) => l.entryDate));
  return state.openings.map(({ party, amount, node }) => ({
    side: party.side, partyId: party.partyId, type: 'journal', docNo: 'OPENING', transactionId: 'OPENING',
    entryDate: date, amount, description: 'Opening balance', refs: {},
    source: { file: state.file, path: node.path, line: node.line },
  }));
}

/** The records of the file; the lines read are handed over (not kept here), so they can be let go one by one. */
function auditOf(state: SaftState): ReturnType<typeof auditRecords> {
  const openings = openingLines(state);
  const ledgerSides = new Set(state.transactions.flat().map((l) => l.side));
  const groups = [openings, ...allocateLedgerReceipts(state.documents, state.transactions), ...documentLinesFor(state.documents, ledgerSides).map((l) => [l])];
  state.transactions = [];
  state.documents.lines = [];
  return auditRecords(state.file, groups, state.parties);
}

/** The national variant as the namespace and header say it: `NO 1.30`, `PT 1.04_01`, `RO 2.4.9`, or the version. */
function variantOf(namespace: string, version: string | undefined): string | undefined {
  const country =
    /Financial:([A-Z]{2})\b/.exec(namespace)?.[1] ??
    /StandardAuditFile-Tax:([A-Z]{2})_/.exec(namespace)?.[1] ??
    (/anaf/i.test(namespace) ? 'RO' : /vmi\.lt/i.test(namespace) ? 'LT' : undefined);
  const parts = [country, version].filter((p) => p !== undefined);
  return parts.length > 0 ? parts.join(' ') : undefined;
}

export async function importSaft(file: { name: string; bytes: Uint8Array }, namespace: string, options: TableOptions & AccountChoice): Promise<ImportResult> {
  const issues: ImportIssue[] = [];
  const documents: DocumentState = { file: file.name, issues, lines: [], counts: { documents: 0, cancelled: 0, paidAtIssue: 0, payments: 0 } };
  const state: SaftState = {
    file: file.name, journal: {}, parties: [], openings: [], listed: new Set(), transactions: [], issues, documents, ledgerLines: 0, otherLines: 0, shared: new SharedTexts(),
    accounts: new Map(), choice: { ...(options.arAccounts ? { arAccounts: options.arAccounts } : {}), ...(options.apAccounts ? { apAccounts: options.apAccounts } : {}) },
  };
  const warnings = await readXml(file.name, file.bytes, {
    capture: CAPTURE, indexed: INDEXED, onElement: (node, parent) => onElement(state, node, parent), ...progressOf(options),
  });
  const audit = auditOf(state);
  const byDocuments = state.ledgerLines === 0 && documents.counts.documents + documents.counts.payments > 0;
  const variant = variantOf(namespace, state.version);
  const source: ImportSource = {
    kind: 'saf-t', ...(variant !== undefined ? { variant } : {}),
    // Taken and left out in the unit of `lines` (documents, or GL lines), so that they add up.
    ...(byDocuments
      ? { unit: 'documents', lines: documents.counts.documents + documents.counts.payments, taken: documents.counts.documents + documents.counts.payments - documents.counts.cancelled, leftOut: { cancelled: documents.counts.cancelled } }
      : { lines: state.ledgerLines, taken: state.ledgerLines - state.otherLines, leftOut: { 'other-accounts': state.otherLines } }),
  };
  return finishAuditImport(file.name, 'saf-t', audit, [...warnings, ...state.issues, ...audit.issues], state.base, options, source);
}
