// General-ledger transaction lists (Wave "Account Transactions" and the like): a table with one
// row per GL line of every account (columns: list-columns.ts). Recognised
//   - by an account named as receivables or payables (Accounts Receivable/Payable, Debiteuren/
//     Crediteuren, Clients/Fournisseurs, Forderungen/Verbindlichkeiten), or whose number matches
//     the user's prefixes (`--ar-accounts` / the pane's answer), beside lines on other accounts;
//   - else by its shape: an account, a date and amounts over several accounts whose debits and
//     credits balance day by day (or an account header only a GL has), so that a GL whose
//     accounts say nothing is asked for its debtors and creditors accounts, not the mapping.
// Only the rows on receivable and payable accounts are taken:
//   party       the Customer (AR) or Vendor (AP) column, else a party/name column
//   amount      Debit/Credit signed for the side (core/debit-credit.ts), else the one-column amount
//               read as debit − credit (or as the debit/credit indicator beside it says)
//   doc_no      the invoice (AR) or bill (AP) number, else the document, else the transaction id;
//               allocation by that number (lines.ts): the invoice's receivable line is the item, a
//               payment naming it settles it (so an invoice of several revenue lines is one invoice)
//   entry_type  payment when the row, its journal or its other accounts speak of a payment, bank
//               or cash; else invoice or credit note by sign
import type { ImportResult, Side } from '../../core/types';
import { isCanonicalLedger } from '../canonical';
import { detectDateOrder, toIsoDate } from '../dates';
import { addDecimal, isZeroDecimal, signedDecimal } from '../decimal';
import { failed, importError, type IssuePlace } from '../issues';
import { detectDecimal, parseLocaleAmount, type DecimalSeparator } from '../numbers';
import { signOfWord } from '../tabular/vocabulary';
import { cellText, isBlankRow, type Cell, type Table } from '../table';
import { AccountTally, hasChosenAccounts, sideOfAccountName, sideOfChosenAccount, type AccountChoice } from './accounts';
import { finishGlImport, type GlOptions } from './finish';
import { glListColumns, hasGlListShape, namesLedgerAccount, type GlCol, type GlColumns } from './list-columns';
import type { GlLine } from './lines';

/** Rows looked at to recognise the columns by their content. */
const SAMPLE_ROWS = 200;

function columnsOf(table: Pick<Table, 'headers' | 'rows'>): GlColumns {
  return glListColumns(table.headers, table.rows.slice(0, SAMPLE_ROWS));
}

function textAt(at: GlColumns, row: readonly Cell[], c: GlCol): string {
  return at[c] === undefined ? '' : cellText(row[at[c]]);
}

/** The account a row is on (its number, else its name), the name beside a number, and its side. */
function accountOfRow(at: GlColumns, row: readonly Cell[], choice: AccountChoice): { account: string; name: string; side: Side | null } {
  const name = textAt(at, row, 'account');
  const id = textAt(at, row, 'accountId');
  const account = id || name;
  const side = hasChosenAccounts(choice) ? sideOfChosenAccount(choice, account) ?? null : sideOfAccountName(name || id);
  return { account, name: id ? name : '', side };
}

/** True when the header names an account and an amount (kept off the canonical line-by-line path). */
export function hasGlTransactionColumns(headers: readonly string[]): boolean {
  const at = glListColumns(headers, []);
  return (at.account !== undefined || at.accountId !== undefined) && (at.debit !== undefined || at.credit !== undefined || at.amount !== undefined);
}

/** A row's amount as debit − credit (canonical decimal text), or null when a cell is no amount. */
function debitMinusCredit(at: GlColumns, row: readonly Cell[], decimal: DecimalSeparator): string | null {
  const read = (c: GlCol): string | null => amountOf(at[c] === undefined ? undefined : row[at[c]], decimal);
  const debit = read('debit');
  const credit = read('credit');
  const one = read('amount');
  if (debit === null || credit === null || one === null) return null;
  if (debit !== '' || credit !== '') return signedDecimal('AR', debit, credit);
  return signOfWord(textAt(at, row, 'sign')) === 'credit' ? signedDecimal('AR', '', one) : one;
}

/** A cell as an amount: a spreadsheet number as it is, text with the file's decimal separator; '' when empty. */
function amountOf(cell: Cell | undefined, decimal: DecimalSeparator): string | null {
  const text = cellText(cell);
  if (text === '' || typeof cell === 'number') return text;
  return parseLocaleAmount(text, decimal);
}

function decimalOf(table: Table, at: GlColumns): DecimalSeparator {
  const cols = (['debit', 'credit', 'amount'] as const).map((c) => at[c]).filter((c) => c !== undefined);
  return detectDecimal(table.rows.flatMap((r) => cols.map((c) => r[c]).filter((v): v is string => typeof v === 'string' && v.trim() !== '')));
}

/**
 * True when the rows are double-entry bookkeeping: on at least two accounts, some with a balance,
 * and each day's debits equal its credits (every booking of a GL balances on its date; a
 * subledger's invoice and its payment fall on different days).
 */
function balancesOverAccounts(table: Table, at: GlColumns, choice: AccountChoice): boolean {
  const decimal = decimalOf(table, at);
  const accounts = new Map<string, string>();
  const days = new Map<string, string>();
  const add = (map: Map<string, string>, key: string, amount: string): void => void map.set(key, addDecimal(map.get(key) ?? '0', amount));
  for (const row of table.rows) {
    if (isBlankRow(row)) continue;
    const amount = debitMinusCredit(at, row, decimal);
    if (amount === null) return false;
    add(accounts, accountOfRow(at, row, choice).account, amount);
    add(days, textAt(at, row, 'date'), amount);
  }
  return accounts.size >= 2 && [...accounts.values()].some((b) => !isZeroDecimal(b)) && [...days.values()].every(isZeroDecimal);
}

/** The columns when the table is a GL transaction list, else null (a subledger export, for the mapping). */
export function glTransactionList(table: Table, choice: AccountChoice): GlColumns | null {
  const at = columnsOf(table);
  if (!hasGlListShape(at)) return null;
  let sided = 0;
  let rows = 0;
  for (const row of table.rows) {
    if (isBlankRow(row)) continue;
    rows++;
    if (accountOfRow(at, row, choice).side !== null) sided++;
  }
  // A general ledger holds other accounts too: a list of only debtors and creditors is a subledger
  // export whose account column is its side (unless the user named those accounts themselves).
  if (sided > 0) return sided < rows || hasChosenAccounts(choice) ? at : null;
  // The canonical subledger CSV says each row's side: never a GL whose accounts are unknown.
  if (isCanonicalLedger(table.headers)) return null;
  return namesLedgerAccount(table.headers, at) || balancesOverAccounts(table, at, choice) ? at : null;
}

const PAYMENT_WORDS = /payment|receipt|paiement|r[èe]glement|encaissement|d[ée]caissement|virement|betaling|ontvangst|zahlung|[üu]berweisung|cash|bank|banque|kas\b|caisse|kasse/i;

export function importGlTransactions(table: Table, at: GlColumns, options: GlOptions): ImportResult {
  const tally = new AccountTally();
  const issues: ReturnType<typeof importError>[] = [];
  const text = (row: readonly Cell[], c: GlCol): string => textAt(at, row, c);
  const decimal = decimalOf(table, at);
  const order = detectDateOrder(table.rows.map((r) => text(r, 'date'))).order;
  const lines: GlLine[] = [];
  table.rows.forEach((row, i) => {
    if (isBlankRow(row)) return;
    const line = table.lines[i] ?? i + 2;
    const { account, name, side } = accountOfRow(at, row, options);
    tally.count(account, name, side);
    if (side === null) return;
    const place = (c: GlCol): IssuePlace => ({ file: table.file, line, field: table.headers[at[c] ?? -1] ?? c });
    const amount = debitMinusCredit(at, row, decimal);
    if (amount === null) {
      const bad = (['debit', 'credit', 'amount'] as const).find((c) => amountOf(at[c] === undefined ? undefined : row[at[c]], decimal) === null) ?? 'amount';
      issues.push(importError('bad-amount', place(bad), { value: text(row, bad) }));
    }
    const date = toIsoDate(text(row, 'date'), order);
    if (date === null && text(row, 'date') === '') issues.push(importError('missing-value', place('date')));
    else if (date === null) issues.push(importError('bad-date', place('date'), { value: text(row, 'date') }));
    if (amount === null || date === null) return;
    const signed = side === 'AR' ? amount : signedDecimal('AP', amount, '');
    const partyColumn: GlCol = side === 'AR' ? 'customer' : 'vendor';
    const partyName = text(row, 'partyName');
    const party = text(row, partyColumn) || text(row, 'party') || partyName;
    if (party === '') return void issues.push(importError('missing-value', place(at[partyColumn] === undefined && at.party !== undefined ? 'party' : partyColumn)));
    const words = `${text(row, 'description')} ${text(row, 'journal')} ${text(row, 'other')}`;
    const g: GlLine = {
      side, partyId: party, amount: signed, entryDate: date, source: { file: table.file, line },
      type: PAYMENT_WORDS.test(words) ? 'payment' : signed.startsWith('-') ? 'credit_note' : 'invoice',
      docNo: text(row, side === 'AR' ? 'invoice' : 'bill') || text(row, 'doc') || text(row, 'transaction') || `#${line}`,
    };
    if (partyName !== '' && partyName !== party) g.partyName = partyName;
    const description = text(row, 'description');
    if (description !== '') g.description = description;
    lines.push(g);
  });
  if (issues.length > 0) return failed(issues);
  if (tally.taken === 0) return failed([tally.noSubledgerError(table.file)]);
  return finishGlImport(table.file, 'gl-transactions', lines, tally, options);
}
