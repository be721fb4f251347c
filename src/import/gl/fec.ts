// FEC, the French "fichier des écritures comptables" (art. A47 A-1 LPF): the whole general ledger,
// 18 columns (22 for cash-basis BA/BNC files: DateRglt, ModeRglt, NatOp, IdClient), tab- or
// `|`-separated, fields padded or not, amounts zero-padded with a decimal comma or point, as
// Debit/Credit or as Montant with Sens (D/C, +1/−1). Columns are found by name.
//
// Mapping to the canonical ledger (one entry per line on a debtor or creditor account):
//   ledger      AR for 411…/416… and any 41… line with an auxiliary account (CompAuxNum); AP for
//               401…/404… and any 40… line with one (409 advances included; 408/418 accruals
//               without a party are left out); the user's --ar-accounts/--ap-accounts instead
//   party_id    CompAuxNum, else CompteNum (a GL with one account per party); name CompAuxLib/CompteLib
//   amount      Debit − Credit on AR, Credit − Debit on AP (core/debit-credit.ts), in the base
//               currency; a line with Idevise (another currency) and Montantdevise is in that
//               currency (Montantdevise, signed like the base amount) with the base amount as
//               amount_base (lettering.ts keeps a matched group in one currency)
//   entry_date  EcritureDate; doc_date PieceDate; doc_no PieceRef (else JournalCode+EcritureNum),
//               a reference used twice by a party's documents gets /2, /3
//   entry_type  per écriture (JournalCode + EcritureNum): payment when it touches a class-5
//               (bank, cash) account; invoice / credit note (by sign) when it touches classes 6/7,
//               VAT (44…) or is an opening entry (à-nouveaux); else journal
//   settles     from EcritureLet + DateLet, see lettering.ts
import { DEFAULT_BASE_CURRENCY, type ImportResult, type Side } from '../../core/types';
import { toIsoDate } from '../dates';
import { balanceSign } from '../../core/debit-credit';
import { isBlankCode, isZeroDecimal, negateDecimal, plainDecimalAt, plainDecimalText, signedDecimal } from '../decimal';
import { failed, importError, ImportAbort, type IssuePlace } from '../issues';
import { parseLocaleAmount } from '../numbers';
import { throwIfCancelled } from '../progress';
import { AccountTally, hasChosenAccounts, sideOfAccountName, sideOfChosenAccount, type AccountChoice } from './accounts';
import { finishGlImport, type GlOptions } from './finish';
import type { GlLine } from './lines';
import { eachLine, fieldText } from './text';

/** Reading stops after this many errors (the file is refused either way). */
const MAX_ERRORS = 200;

const REQUIRED = ['journalcode', 'ecriturenum', 'ecrituredate', 'comptenum'] as const;

/** True for the header line of a FEC. */
export function isFecHeader(line: string): boolean {
  const l = line.toLowerCase();
  return REQUIRED.every((name) => l.includes(name));
}

type Column = 'journalcode' | 'journallib' | 'ecriturenum' | 'ecrituredate' | 'comptenum' | 'comptelib' | 'compauxnum'
  | 'compauxlib' | 'pieceref' | 'piecedate' | 'ecriturelib' | 'debit' | 'credit' | 'montant' | 'sens' | 'ecriturelet' | 'datelet'
  | 'montantdevise' | 'idevise';

interface FecState {
  file: string;
  delimiter: string;
  headers: string[];
  at: Partial<Record<Column, number>>;
  choice: AccountChoice;
  /** The base currency (a FEC is kept in euros unless the user says otherwise). */
  base: string;
  tally: AccountTally;
  lines: GlLine[];
  issues: ReturnType<typeof importError>[];
  /** The écriture being read: its journal and number, whether it touches bank or P&L, and its subledger lines. */
  current: { journal: string; number: string; bank: boolean; document: boolean; lines: GlLine[] };
  /** Dates read so far (a ledger has a few hundred distinct ones): text → ISO date, or null. */
  dates: Map<string, string | null>;
  /** The same for dates written as eight digits (`20240131`), by their number: no text per line. */
  days: Map<number, string>;
  /** The line being read (one object, reused: a million lines make no million objects). */
  line: FecLine;
  /** Per journal code: its name and whether it is an opening journal (à-nouveaux). */
  journals: Map<string, { name: string; opening: boolean }>;
}

/** Dates remembered per file; beyond this many distinct texts the rest are read each time. */
const DATE_CACHE = 10_000;

function delimiterOf(header: string): string {
  return header.includes('\t') ? '\t' : header.includes('|') ? '|' : ';';
}

function columns(state: FecState): void {
  state.headers.forEach((h, i) => {
    const name = h.trim().toLowerCase() as Column;
    if (state.at[name] === undefined) state.at[name] = i;
  });
  const missing = REQUIRED.find((c) => state.at[c] === undefined);
  const amounts = (state.at.debit !== undefined && state.at.credit !== undefined) || (state.at.montant !== undefined && state.at.sens !== undefined);
  if (missing !== undefined || !amounts) {
    throw new ImportAbort(importError('missing-column', { file: state.file, line: 1 }, { column: missing ?? 'Debit/Credit' }));
  }
}

/** The side of a line by its account: the user's prefixes, else the French chart, else the name (CompteLib). */
function sideOf(choice: AccountChoice, account: string, aux: string, line: FecLine): Side | null {
  if (hasChosenAccounts(choice)) return sideOfChosenAccount(choice, account) ?? null;
  if (/^41[16]/.test(account) || (aux !== '' && account.startsWith('41'))) return 'AR';
  if (/^40[14]/.test(account) || (aux !== '' && account.startsWith('40'))) return 'AP';
  return /^\d/.test(account) ? null : sideOfAccountName(line.get('comptelib'));
}

function isOpening(journalCode: string, journalLib: string): boolean {
  return /^(AN|ANO|RAN|AN\d*|OUV)$/i.test(journalCode) || /nouveau|ouverture|opening/i.test(journalLib);
}

/** Whether the line's journal is an opening one, remembered per journal code and name. */
function isOpeningJournal(state: FecState, journal: string): boolean {
  const known = state.journals.get(journal);
  if (known !== undefined && state.line.is('journallib', known.name)) return known.opening;
  const name = state.line.get('journallib');
  const opening = isOpening(journal, name);
  state.journals.set(journal, { name, opening });
  return opening;
}

function flush(state: FecState): void {
  const { current } = state;
  for (const line of current.lines) {
    if (current.bank) line.type = 'payment';
    else if (current.document) line.type = line.amount.startsWith('-') ? 'credit_note' : 'invoice';
    else line.type = 'journal';
    state.lines.push(line);
  }
  current.lines.length = 0;
}

function amountOf(text: string): string | null {
  const t = text.replace(/\s/g, '');
  if (t === '') return '0';
  return parseLocaleAmount(t, t.lastIndexOf(',') > t.lastIndexOf('.') ? ',' : '.');
}

function dateOf(text: string): string | null {
  return /^\d{8}$/.test(text) ? toIsoDate(`${text.slice(0, 4)}-${text.slice(4, 6)}-${text.slice(6)}`, 'dmy') : toIsoDate(text, 'dmy');
}

/** A character that `get` keeps at either end of a field: printable ASCII but a quote. */
function isPlainEnd(c: number): boolean {
  return c > 32 && c < 127 && c !== 34;
}

/**
 * One line of the file, its fields cut out only when asked: most lines are on other accounts and
 * need five of their 18 fields. `read` points it at the next line.
 */
class FecLine {
  private text = '';
  /** Where each field ends (the delimiter's index, or the line's length for the last). */
  private readonly ends: number[] = [];
  lineNo = 0;
  /** The number of fields on the line. */
  fields = 0;

  constructor(private readonly state: FecState) {}

  read(text: string, lineNo: number): void {
    this.text = text;
    this.lineNo = lineNo;
    const { delimiter } = this.state;
    let n = 0;
    for (let at = text.indexOf(delimiter); at >= 0; at = text.indexOf(delimiter, at + 1)) this.ends[n++] = at;
    this.ends[n++] = text.length;
    this.fields = n;
  }

  /** The text after the header's last field (a ragged row's extra fields), with their delimiters. */
  beyond(count: number): string {
    return count < this.fields ? this.text.slice((this.ends[count - 1] as number) + 1) : '';
  }

  get(column: Column): string {
    const i = this.state.at[column];
    if (i === undefined || i >= this.fields) return '';
    return fieldText(this.text.slice(this.start(i), this.ends[i]));
  }

  /** Where field `i` (on the line) starts. */
  private start(i: number): number {
    return i === 0 ? 0 : (this.ends[i - 1] as number) + 1;
  }

  /** True when the field's value (as `get` gives it) is `value`, compared in place where it can be. */
  is(column: Column, value: string): boolean {
    const i = this.state.at[column];
    if (i === undefined || i >= this.fields) return value === '';
    const { text } = this;
    let at = this.start(i);
    let end = this.ends[i] as number;
    while (at < end && isBlankCode(text.charCodeAt(at))) at++;
    while (end > at && isBlankCode(text.charCodeAt(end - 1))) end--;
    if (at < end && !(isPlainEnd(text.charCodeAt(at)) && isPlainEnd(text.charCodeAt(end - 1)))) return this.get(column) === value;
    return end - at === value.length && text.startsWith(value, at);
  }

  /** The field's value as a plain amount (plainDecimalAt: 10⁻⁴ units), 0 when absent, NaN when not plain. */
  private plainAmount(column: Column): number {
    const i = this.state.at[column];
    if (i === undefined || i >= this.fields) return 0;
    return plainDecimalAt(this.text, this.start(i), this.ends[i] as number);
  }

  /** The ISO date of a field of eight digits (blanks around), once read without error; else undefined. */
  private plainDate(column: Column): string | undefined {
    const i = this.state.at[column];
    if (i === undefined || i >= this.fields) return undefined;
    const { text } = this;
    let at = this.start(i);
    let end = this.ends[i] as number;
    while (at < end && isBlankCode(text.charCodeAt(at))) at++;
    while (end > at && isBlankCode(text.charCodeAt(end - 1))) end--;
    if (end - at !== 8) return undefined;
    let n = 0;
    for (; at < end; at++) {
      const c = text.charCodeAt(at) - 48;
      if (c < 0 || c > 9) return undefined;
      n = n * 10 + c;
    }
    const { days } = this.state;
    let iso = days.get(n);
    if (iso === undefined && days.size < DATE_CACHE) {
      iso = dateOf(String(n).padStart(8, '0')) ?? undefined;
      if (iso !== undefined) days.set(n, iso);
    }
    return iso;
  }

  at(column: Column): IssuePlace {
    return { file: this.state.file, line: this.lineNo, field: this.state.headers[this.state.at[column] ?? -1] ?? column };
  }

  date(column: Column, required: boolean): string | undefined {
    const plain = this.plainDate(column);
    if (plain !== undefined) return plain;
    const text = this.get(column);
    if (text === '') {
      if (required) this.state.issues.push(importError('missing-value', this.at(column), { value: '' }));
      return undefined;
    }
    const { dates } = this.state;
    let iso = dates.get(text);
    if (iso === undefined) {
      iso = dateOf(text);
      if (dates.size < DATE_CACHE) dates.set(text, iso);
    }
    if (iso === null) this.state.issues.push(importError('bad-date', this.at(column), { value: text }));
    return iso ?? undefined;
  }

  amount(column: Column): string | null {
    const text = this.get(column);
    const value = amountOf(text);
    if (value === null) this.state.issues.push(importError('bad-amount', this.at(column), { value: text }));
    return value;
  }

  /** The amount signed for the side, from Debit/Credit or from Montant and Sens. */
  signed(side: Side): string | null {
    if (this.state.at.debit !== undefined) {
      const units = this.plainAmount('debit') - this.plainAmount('credit');
      if (Number.isSafeInteger(units)) return plainDecimalText(balanceSign(side, 'D') * units);
      const debit = this.amount('debit');
      const credit = this.amount('credit');
      return debit === null || credit === null ? null : signedDecimal(side, debit, credit);
    }
    const amount = this.amount('montant');
    const sens = this.get('sens').toUpperCase();
    const debit = sens === 'D' || sens === '+1' || sens === '1' || sens === '+';
    if (!debit && sens !== 'C' && sens !== '-1' && sens !== '-') {
      this.state.issues.push(importError('bad-value', this.at('sens'), { value: sens }));
      return null;
    }
    return amount === null ? null : debit ? signedDecimal(side, amount, '') : signedDecimal(side, '', amount);
  }
}

function readLine(state: FecState, text: string, lineNo: number): void {
  if (text.trim() === '') return;
  const { line } = state;
  line.read(text, lineNo);
  const expected = state.headers.length;
  if (line.fields > expected && line.beyond(expected).split(state.delimiter).some((c) => c.trim() !== '')) {
    state.issues.push(importError('ragged-row', { file: state.file, line: lineNo }, { found: line.fields, expected }));
    return;
  }
  const account = line.get('comptenum');
  const aux = line.get('compauxnum');
  const { current } = state;
  if (!line.is('journalcode', current.journal) || !line.is('ecriturenum', current.number)) {
    flush(state);
    current.journal = line.get('journalcode');
    current.number = line.get('ecriturenum');
    current.bank = false;
    current.document = isOpeningJournal(state, current.journal);
  }
  if (account.startsWith('5')) current.bank = true;
  if (/^[67]|^44/.test(account)) current.document = true;
  const side = sideOf(state.choice, account, aux, line);
  state.tally.count(account, state.tally.knows(account) ? '' : line.get('comptelib'), side);
  if (side === null) return;
  takeLine(state, line, side, account, aux);
}

function takeLine(state: FecState, line: FecLine, side: Side, account: string, aux: string): void {
  const before = state.issues.length;
  const entryDate = line.date('ecrituredate', true);
  const docDate = line.date('piecedate', false);
  const amount = line.signed(side);
  const letter = line.get('ecriturelet');
  const letDate = line.date('datelet', false);
  const foreign = foreignAmount(state, line, amount);
  if (state.issues.length > before || entryDate === undefined || amount === null || foreign === null) return;
  const name = aux ? line.get('compauxlib') : line.get('comptelib');
  const description = line.get('ecriturelib');
  // Every field given, undefined where empty: all lines of the file get one shape.
  state.current.lines.push({
    side, partyId: aux || account, partyName: name === '' ? undefined : name,
    amount: foreign === undefined ? amount : foreign.amount, currency: foreign?.currency, amountBase: foreign === undefined ? undefined : amount,
    type: 'journal', docNo: line.get('pieceref') || `${line.get('journalcode')}${line.get('ecriturenum')}`,
    entryDate, docDate, dueDate: undefined, description: description === '' ? undefined : description, reference: undefined,
    matchCode: letter === '' ? undefined : letter, matchDate: letter === '' ? undefined : letDate, settles: undefined,
    source: { file: state.file, line: line.lineNo },
  });
}

/**
 * The line's amount in its own currency when Idevise names another than the base and Montantdevise
 * holds an amount (signed like the base amount: FEC writes it unsigned or signed); undefined for a
 * base-currency line, null after an error.
 */
function foreignAmount(state: FecState, line: FecLine, base: string | null): { currency: string; amount: string } | undefined | null {
  const currency = line.get('idevise').toUpperCase();
  if (currency === '' || currency === state.base || base === null) return undefined;
  const value = line.amount('montantdevise');
  if (value === null) return null;
  if (isZeroDecimal(value) || isZeroDecimal(base)) return undefined;
  const unsigned = value.replace(/^-/, '');
  return { currency, amount: base.startsWith('-') ? negateDecimal(unsigned) : unsigned };
}

/** Imports a FEC whose decoded text is `text`. */
export function importFec(file: string, text: string, options: GlOptions): ImportResult {
  let state: FecState | null = null;
  let read = 0;
  eachLine(text, (line, lineNo) => {
    read += line.length + 1;
    if (lineNo % 4096 === 0) {
      throwIfCancelled(file, options.signal);
      options.onProgress?.((0.6 * read) / text.length);
    }
    if (state === null) {
      if (line.trim() === '') return;
      const delimiter = delimiterOf(line);
      const s: Omit<FecState, 'line'> & { line?: FecLine } = {
        file, delimiter, headers: line.split(delimiter).map((h) => fieldText(h).replace(/^\uFEFF/, '')), at: {}, dates: new Map(), days: new Map(), journals: new Map(),
        choice: options, base: (options.baseCurrency ?? DEFAULT_BASE_CURRENCY).toUpperCase(), tally: new AccountTally(), lines: [], issues: [],
        current: { journal: '\u0000', number: '', bank: false, document: false, lines: [] },
      };
      s.line = new FecLine(s as FecState);
      state = s as FecState;
      columns(state);
      return;
    }
    if (state.issues.length < MAX_ERRORS) readLine(state, line, lineNo);
  });
  if (state === null) return failed([importError('empty-file', { file })]);
  const s = state as FecState;
  flush(s);
  if (s.issues.length > 0) return failed(s.issues);
  if (s.tally.taken === 0) return failed([s.tally.noSubledgerError(file)]);
  return finishGlImport(file, 'fec', s.lines, s.tally, options, { lettering: true });
}
