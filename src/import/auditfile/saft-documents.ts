// SAF-T SourceDocuments (SAF-T PT 1.04 and the OECD 2.0 structure) as subledger lines, for files
// whose GeneralLedgerEntries do not hold the parties' lines (Portugal's billing files have none):
//   SalesInvoices/Invoice → AR invoice (GrossTotal), credit note (PT type NC), debit note (ND);
//   PurchaseInvoices/Invoice (OECD 2.0) → AP invoice;
//   cancelled documents (InvoiceStatus/PaymentStatus A) and billed ones (F) are not open items;
//   an invoice-receipt paid at issue (PT FR, and the old VD/TV/TD) is the invoice with its payment;
//   Payments/Payment → a payment per invoice it names (PT Line/SourceDocumentID/OriginatingON, OECD
//   Line/SourceDocumentID), the document's GrossTotal (plus settlement discount) shared among them
//   by their lines' amounts.
//   Example: PGT 1 pays 1T 1/6 with two lines (5000 + 1000 net), GrossTotal 7000 → -7000 settles 1T 1/6.
import type { ImportIssue, Side } from '../../core/types';
import { balanceSign } from '../../core/debit-credit';
import { addDecimal, fromNano, isZeroDecimal, lenientDecimal, negateDecimal, signedDecimal, toNano } from '../decimal';
import { importError, importWarning } from '../issues';
import type { AuditLine } from './records';
import { child, childrenNamed, placeOf, text, type XmlNode } from './xml-stream';
import { dateIn } from './xml-dates';

export interface DocumentState {
  file: string;
  base?: string;
  issues: ImportIssue[];
  lines: AuditLine[];
  /** Documents read, and those left out as cancelled or billed elsewhere. */
  counts: { documents: number; cancelled: number; paidAtIssue: number; payments: number };
}

const PAID_AT_ISSUE = new Set(['FR', 'VD', 'TV', 'TD']);
const CREDITING = new Set(['NC', 'TD', 'RE']);

/** An amount element's value (plain, or its Amount child), with an error when unreadable. */
function amountOf(state: DocumentState, holder: XmlNode | undefined, name: string): string | undefined {
  const element = child(holder, name);
  if (element === undefined) return undefined;
  const inner = child(element, 'Amount') ?? element;
  const value = inner.text.trim();
  if (value === '') return undefined;
  const read = lenientDecimal(value);
  if (read === null) state.issues.push(importError('bad-amount', placeOf(state.file, inner, inner.name), { value }));
  else if (read.fixed) state.issues.push(importWarning('lenient-value', placeOf(state.file, inner, inner.name), { value, read: read.value }));
  return read?.value;
}

function required(state: DocumentState, node: XmlNode, name: string, value: string | undefined): value is string {
  if (value === undefined) state.issues.push(importError('missing-element', placeOf(state.file, node, name), { element: name }));
  return value !== undefined;
}

/** A required date: missing is an error here, unreadable already is one (from dateIn). */
function requiredDate(state: DocumentState, node: XmlNode, name: string): string | undefined {
  const date = dateIn(state.file, node, name, state.issues);
  if (date === undefined && text(node, name) === undefined) required(state, node, name, undefined);
  return date;
}

function partyIn(node: XmlNode): { side: Side; partyId: string } | undefined {
  const customer = text(node, 'CustomerID') ?? text(node, 'CustomerInfo', 'CustomerID');
  if (customer !== undefined) return { side: 'AR', partyId: customer };
  const supplier = text(node, 'SupplierID') ?? text(node, 'SupplierInfo', 'SupplierID');
  return supplier === undefined ? undefined : { side: 'AP', partyId: supplier };
}

function status(node: XmlNode, name: string): string | undefined {
  return text(node, 'DocumentStatus', name) ?? text(node, name);
}

/** A sales (AR) or purchase (AP) invoice, credit or debit note. */
export function readInvoice(state: DocumentState, invoice: XmlNode): void {
  state.counts.documents++;
  const st = status(invoice, 'InvoiceStatus');
  if (st === 'A' || st === 'F') {
    state.counts.cancelled++;
    return;
  }
  const docNo = text(invoice, 'InvoiceNo');
  const party = partyIn(invoice);
  const date = requiredDate(state, invoice, 'InvoiceDate');
  const totals = child(invoice, 'DocumentTotals');
  const gross = amountOf(state, totals, 'GrossTotal');
  if (!required(state, invoice, 'InvoiceNo', docNo) || !required(state, invoice, 'CustomerID', party?.partyId) || party === undefined) return;
  if (date === undefined) return;
  if (!required(state, totals ?? invoice, 'GrossTotal', gross)) return;
  const type = text(invoice, 'InvoiceType')?.toUpperCase() ?? '';
  const amount = CREDITING.has(type) ? negateDecimal(gross) : gross;
  const entryDate = dateIn(state.file, invoice, 'GLPostingDate', state.issues) ?? date;
  const line: AuditLine = {
    ...party, type: amount.startsWith('-') ? 'credit_note' : 'invoice', docNo, entryDate, docDate: date, amount,
    transactionId: text(invoice, 'TransactionID') ?? docNo, refs: {},
    source: { file: state.file, path: invoice.path, line: invoice.line },
  };
  const currency = text(totals, 'Currency', 'CurrencyCode')?.toUpperCase();
  const inCurrency = amountOf(state, child(totals, 'Currency'), 'CurrencyAmount');
  if (currency !== undefined && currency !== state.base && inCurrency !== undefined) {
    line.currency = currency;
    line.amountBase = amount;
    line.amount = CREDITING.has(type) ? negateDecimal(inCurrency) : inCurrency;
  }
  const due = isoDueDate(invoice);
  if (due !== undefined) line.dueDate = due;
  const reference = text(invoice, 'References', 'Reference');
  if (reference !== undefined && line.type === 'credit_note') line.refs.reference = reference;
  state.lines.push(line);
  if (PAID_AT_ISSUE.has(type)) {
    state.counts.paidAtIssue++;
    const paidOn = dateIn(state.file, child(totals, 'Payment') ?? invoice, 'PaymentDate', state.issues) ?? entryDate;
    state.lines.push({
      ...line, type: 'payment', entryDate: paidOn, docDate: paidOn, amount: negateDecimal(line.amount),
      ...(line.amountBase !== undefined ? { amountBase: negateDecimal(line.amountBase) } : {}),
      refs: { reference: docNo }, description: 'Paid at issue',
    });
  }
}

/** PT writes agreed payment terms as free text; a plain date there is the due date. */
function isoDueDate(invoice: XmlNode): string | undefined {
  const terms = text(invoice, 'DocumentTotals', 'Settlement', 'PaymentTerms');
  return terms !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(terms) ? terms : undefined;
}

/** The invoice a payment line names and its signed weight (credit − debit for the party's side). */
function paymentLine(state: DocumentState, side: Side, line: XmlNode): { invoice?: string; weight: string } {
  const sourceDoc = child(line, 'SourceDocumentID');
  const invoice = text(sourceDoc, 'OriginatingON') ?? (sourceDoc && sourceDoc.children.length === 0 ? text(sourceDoc) : undefined);
  const lineAmount = amountOf(state, line, 'PaymentLineAmount');
  // The weight is what the line lowers the party's balance by (the sign rule of core/debit-credit).
  if (lineAmount !== undefined) {
    const indicator = text(line, 'DebitCreditIndicator') === 'C' ? 'C' : 'D';
    return { ...(invoice ? { invoice } : {}), weight: balanceSign(side, indicator) < 0 ? lineAmount : negateDecimal(lineAmount) };
  }
  const debit = amountOf(state, line, 'DebitAmount') ?? '';
  const credit = amountOf(state, line, 'CreditAmount') ?? '';
  return { ...(invoice ? { invoice } : {}), weight: negateDecimal(signedDecimal(side, debit, credit)) };
}

/** `total` shared among weights in proportion, in cents, the last taking the remainder. */
function shares(total: string, weights: string[]): string[] {
  const cents = (toNano(total) ?? 0n) / 10_000_000n;
  const w = weights.map((x) => toNano(x) ?? 0n);
  const sum = w.reduce((a, b) => a + b, 0n);
  if (sum === 0n || w.length === 1) return weights.map((_, i) => (i === weights.length - 1 ? total : '0'));
  let left = cents;
  return w.map((x, i) => {
    if (i === w.length - 1) return fromNano(left * 10_000_000n);
    const part = (cents * x * 2n + sum) / (2n * sum);
    left -= part;
    return fromNano(part * 10_000_000n);
  });
}

/** A receipt (PT) or payment (OECD 2.0): one payment line per invoice it names. */
export function readPayment(state: DocumentState, payment: XmlNode): void {
  state.counts.payments++;
  if (status(payment, 'PaymentStatus') === 'A') {
    state.counts.cancelled++;
    return;
  }
  const docNo = text(payment, 'PaymentRefNo');
  const lines = childrenNamed(payment, 'Line');
  const party = partyIn(payment) ?? lines.map(partyIn).find((p) => p !== undefined);
  const date = requiredDate(state, payment, 'TransactionDate');
  const totals = child(payment, 'DocumentTotals');
  if (!required(state, payment, 'PaymentRefNo', docNo) || !required(state, payment, 'CustomerID', party?.partyId) || party === undefined) return;
  if (date === undefined) return;
  const parts = lines.map((l) => paymentLine(state, party.side, l));
  const net = parts.reduce((s, p) => addDecimal(s, p.weight), '0');
  const gross = amountOf(state, totals, 'GrossTotal') ?? (parts.length > 0 ? net.replace(/^-/, '') : undefined);
  if (!required(state, totals ?? payment, 'GrossTotal', gross)) return;
  const total = addDecimal(gross, amountOf(state, child(totals, 'Settlement'), 'SettlementAmount') ?? '0');
  const byInvoice = new Map<string, string>();
  for (const p of parts) byInvoice.set(p.invoice ?? '', addDecimal(byInvoice.get(p.invoice ?? '') ?? '0', p.weight));
  if (byInvoice.size === 0) byInvoice.set('', '1');
  const keys = [...byInvoice.keys()];
  const amounts = shares(total, keys.map((k) => (byInvoice.get(k) ?? '0').replace(/^-/, '')));
  const lowers = !net.startsWith('-');
  keys.forEach((invoice, i) => {
    const amount = amounts[i] ?? '0';
    if (isZeroDecimal(amount) && keys.length > 1) return;
    state.lines.push({
      ...party, type: 'payment', docNo, entryDate: date, docDate: date, amount: lowers ? negateDecimal(amount) : amount,
      transactionId: text(payment, 'TransactionID') ?? docNo, refs: invoice ? { reference: invoice } : {},
      source: { file: state.file, path: payment.path, line: payment.line },
      ...(text(payment, 'Description') !== undefined ? { description: text(payment, 'Description')! } : {}),
    });
  });
}

/** The document lines of the sides the general ledger does not hold (else they would count twice). */
export function documentLinesFor(state: DocumentState, ledgerSides: Set<Side>): AuditLine[] {
  return state.lines.filter((l) => !ledgerSides.has(l.side));
}

/**
 * A receipt booked in the general ledger (PT: the customer line's SourceDocumentID is the receipt's
 * PaymentRefNo) names no invoice there; its SourceDocuments Payment does. The ledger line takes the
 * Payment's invoices when the Payment is of the same party and sums to the same amount, else it
 * stays as booked (an unallocated payment).
 *   Example: GL line RG 1 −184.50 for C9; Payment RG 1 pays FT 1 (−123.00) and FT 3 (−61.50) →
 *   two ledger lines, −123.00 settling FT 1 and −61.50 settling FT 3, dated as the ledger has it.
 */
export function allocateLedgerReceipts(state: DocumentState, transactions: AuditLine[][]): AuditLine[][] {
  const receipts = new Map<string, AuditLine[]>();
  for (const l of state.lines) {
    if (l.type !== 'payment' || l.refs.reference === undefined || l.currency !== undefined) continue;
    const key = `${l.side}\u0000${l.partyId}\u0000${l.docNo}`;
    receipts.set(key, [...(receipts.get(key) ?? []), l]);
  }
  if (receipts.size === 0) return transactions;
  return transactions.map((lines) => lines.flatMap((l) => {
    const paid = l.type === 'payment' && l.refs.reference === undefined && l.currency === undefined
      ? receipts.get(`${l.side}\u0000${l.partyId}\u0000${l.docNo}`) : undefined;
    if (paid === undefined || toNano(paid.reduce((s, p) => addDecimal(s, p.amount), '0')) !== toNano(l.amount)) return [l];
    return paid.map((p) => ({ ...l, amount: p.amount, refs: { ...l.refs, reference: p.refs.reference! } }));
  }));
}
