// General-ledger transaction lists (Wave "Account Transactions" and the like): a table with one
// row per GL line of every account. Recognised by an account column in which an account is named
// as receivables or payables (Accounts Receivable/Payable, Debiteuren/Crediteuren, Clients/
// Fournisseurs, Forderungen/Verbindlichkeiten), or whose numbers match the user's prefixes.
// Only those rows are taken:
//   party       the Customer (AR) or Vendor (AP) column, else a party/name column
//   amount      Debit/Credit signed for the side (core/debit-credit.ts), else the one-column amount
//               read as debit − credit
//   doc_no      the invoice (AR) or bill (AP) number, else the transaction id; allocation by that
//               number (lines.ts): the invoice's receivable line is the item, a payment naming it
//               settles it (so an invoice of several revenue lines is still one invoice)
//   entry_type  payment when the row or its other accounts speak of a payment, bank or cash;
//               else invoice or credit note by sign
import type { ImportResult, Side } from '../../core/types';
import { detectDateOrder, toIsoDate } from '../dates';
import { signedDecimal } from '../decimal';
import { failed, importError, type IssuePlace } from '../issues';
import { detectDecimal, parseLocaleAmount } from '../numbers';
import { cellText, type Table } from '../table';
import { AccountTally, hasChosenAccounts, sideOfAccountName, sideOfChosenAccount, type AccountChoice } from './accounts';
import { finishGlImport, type GlOptions } from './finish';
import type { GlLine } from './lines';

type Col = 'account' | 'accountId' | 'date' | 'debit' | 'credit' | 'amount' | 'customer' | 'vendor' | 'party' | 'invoice' | 'bill' | 'doc' | 'transaction' | 'description' | 'other';

const HEADERS: Record<Col, RegExp> = {
  account: /^(account( name)?|gl account( name)?|rekening(naam)?|grootboek(rekening)?|compte|libell[ée] compte|konto(bezeichnung)?|sachkonto)$/i,
  accountId: /^(account (id|number|no|code)|rekeningnummer|num[ée]ro de compte|kontonummer)$/i,
  date: /^(transaction date|date|datum|boekdatum|date d'?[ée]criture|buchungsdatum)$/i,
  debit: /^(debit|debet|d[ée]bit|soll)\b/i,
  credit: /^(credit|cr[ée]dit|haben)\b/i,
  amount: /^(amount|bedrag|montant|betrag)\b/i,
  customer: /^(customer|klant|client|kunde)( name)?$/i,
  vendor: /^(vendor|supplier|leverancier|fournisseur|lieferant)( name)?$/i,
  party: /^(contact|name|relatie|tiers|partner|gesch[äa]ftspartner)$/i,
  invoice: /^(invoice (number|no)|factuurnummer|num[ée]ro de facture|rechnungsnummer)$/i,
  bill: /^(bill (number|no)|inkoopfactuurnummer)$/i,
  doc: /^(reference|document( number)?|doc(ument)? no|referentie|pi[èe]ce|beleg(nummer)?)$/i,
  transaction: /^(transaction id|transaction|boekstuk|[ée]criture|buchungsnummer)$/i,
  description: /^(transaction description|description|omschrijving|libell[ée]|buchungstext)$/i,
  other: /^other accounts/i,
};

function columnsOf(headers: readonly string[]): Partial<Record<Col, number>> {
  const at: Partial<Record<Col, number>> = {};
  headers.forEach((h, i) => {
    for (const [col, re] of Object.entries(HEADERS) as [Col, RegExp][]) if (at[col] === undefined && re.test(h.trim())) at[col] = i;
  });
  return at;
}

function sideOfRow(at: Partial<Record<Col, number>>, row: readonly unknown[], choice: AccountChoice): { account: string; side: Side | null } {
  const name = at.account === undefined ? '' : cellText(row[at.account] as string);
  const id = at.accountId === undefined ? '' : cellText(row[at.accountId] as string);
  if (hasChosenAccounts(choice)) return { account: id || name, side: sideOfChosenAccount(choice, id || name) ?? null };
  return { account: name || id, side: sideOfAccountName(name) };
}

/** True when the header names an account and an amount: a GL transaction list if its rows say so. */
export function hasGlTransactionColumns(headers: readonly string[]): boolean {
  const at = columnsOf(headers);
  return (at.account !== undefined || at.accountId !== undefined) && (at.debit !== undefined || at.amount !== undefined);
}

/** True when the table is a GL transaction list: rows on receivable or payable accounts, and on others. */
export function isGlTransactionList(table: Table, choice: AccountChoice): boolean {
  if (!hasGlTransactionColumns(table.headers)) return false;
  const at = columnsOf(table.headers);
  // A general ledger holds other accounts too: a list of only debtors and creditors is a subledger export.
  const sides = table.rows.filter((row) => row.some((c) => cellText(c) !== '')).map((row) => sideOfRow(at, row, choice).side);
  return sides.some((side) => side !== null) && sides.some((side) => side === null);
}

const PAYMENT_WORDS = /payment|paiement|r[èe]glement|betaling|zahlung|cash|bank|kas\b|caisse/i;

export function importGlTransactions(table: Table, options: GlOptions): ImportResult {
  const at = columnsOf(table.headers);
  const tally = new AccountTally();
  const issues: ReturnType<typeof importError>[] = [];
  const text = (row: readonly unknown[], c: Col): string => (at[c] === undefined ? '' : cellText(row[at[c]] as string));
  const amounts = table.rows.flatMap((r) => [text(r, 'debit'), text(r, 'credit'), text(r, 'amount')]).filter((t) => t !== '');
  const decimal = detectDecimal(amounts);
  const order = detectDateOrder(table.rows.map((r) => text(r, 'date'))).order;
  const lines: GlLine[] = [];
  table.rows.forEach((row, i) => {
    if (row.every((c) => cellText(c) === '')) return;
    const line = table.lines[i] ?? i + 2;
    const { account, side } = sideOfRow(at, row, options);
    tally.count(account, '', side);
    if (side === null) return;
    const place = (c: Col): IssuePlace => ({ file: table.file, line, field: table.headers[at[c] ?? -1] ?? c });
    const read = (c: Col): string | null => {
      const t = text(row, c);
      if (t === '') return '';
      const v = parseLocaleAmount(t, decimal);
      if (v === null) issues.push(importError('bad-amount', place(c), { value: t }));
      return v;
    };
    const debit = read('debit');
    const credit = read('credit');
    const one = read('amount');
    const date = toIsoDate(text(row, 'date'), order);
    if (date === null && text(row, 'date') === '') issues.push(importError('missing-value', place('date')));
    else if (date === null) issues.push(importError('bad-date', place('date'), { value: text(row, 'date') }));
    if (debit === null || credit === null || one === null || date === null) return;
    const amount = debit !== '' || credit !== '' ? signedDecimal(side, debit, credit) : signedDecimal(side, one, '');
    const party = text(row, side === 'AR' ? 'customer' : 'vendor') || text(row, 'party');
    if (party === '') return void issues.push(importError('missing-value', place(side === 'AR' ? 'customer' : 'vendor')));
    const words = `${text(row, 'description')} ${text(row, 'other')}`;
    const g: GlLine = {
      side, partyId: party, amount, entryDate: date, source: { file: table.file, line },
      type: PAYMENT_WORDS.test(words) ? 'payment' : amount.startsWith('-') ? 'credit_note' : 'invoice',
      docNo: text(row, side === 'AR' ? 'invoice' : 'bill') || text(row, 'doc') || text(row, 'transaction') || `#${line}`,
    };
    const description = text(row, 'description');
    if (description !== '') g.description = description;
    lines.push(g);
  });
  if (issues.length > 0) return failed(issues);
  return finishGlImport(table.file, 'gl-transactions', lines, tally, options);
}
