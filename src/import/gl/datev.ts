// DATEV "EXTF" posting batches (Buchungsstapel, format category 21), with the optional master
// file of debtors and creditors (Debitoren/Kreditoren, category 16) as the parties file.
//   row 1  the metadata header: fiscal year start (field 13), account length L (14), period from/to
//          (15, 16), currency (22), chart of accounts SKR 03/04 (27)
//   row 2  the column names; then one posting per row, `;`, Windows-1252, decimal comma
// A posting moves `Umsatz` from `Konto` to `Gegenkonto`: `S` debits Konto (and credits Gegenkonto),
// `H` the reverse. Personal accounts have L + 1 digits: 1…–6… debtors (AR), 7…–9… creditors (AP);
// either side of a posting may be one (both: a transfer between parties, two journal lines).
//   amount      signed for the party (core/debit-credit.ts); `Skonto` taken with a payment is part
//               of it (the party is released of Umsatz + Skonto)
//   currency    `WKZ Umsatz` when it is not the batch's; amount_base `Basis-Umsatz`, else Umsatz / Kurs
//   entry_date  `Belegdatum` DDMM in the year that puts it inside the batch's period (a period
//               crossing the new year takes the next year for January…), else inside the fiscal year
//   doc_no      `Belegfeld 1` (else the row's line); allocation by that number (lines.ts)
//   entry_type  payment against a bank or cash account (SKR03 10–12…, 1360; SKR04 16–18…, 1460);
//               journal against another party or for a difference or correction; else invoice or
//               credit note by sign
//   due_date    `Fälligkeit`, else Belegdatum + the master file's payment terms
import type { CanonicalRecord, ImportIssue, ImportResult, Side } from '../../core/types';
import { addDays, dayFromParts, formatIsoDate, parseIsoDate } from '../../core/date';
import { splitCsvRecords } from '../csv-records';
import { addDecimal, fromNano, signedDecimal, toNano } from '../decimal';
import { decodeText } from '../decode';
import { failed, importError, type IssuePlace } from '../issues';
import { parseLocaleAmount } from '../numbers';
import { AccountTally, hasChosenAccounts, sideOfChosenAccount } from './accounts';
import { finishGlImport, type GlOptions } from './finish';
import type { GlLine } from './lines';

/** True for the first line of a DATEV EXTF/DTVF file. */
export function isDatevHeader(line: string): boolean {
  return /^"?(EXTF|DTVF)"?;/.test(line);
}

interface Header {
  category: number;
  fiscalStart?: string;
  accountLength: number;
  from?: string;
  to?: string;
  currency?: string;
  chart: string;
}

function isoOf(yyyymmdd: string | undefined): string | undefined {
  return yyyymmdd && /^\d{8}$/.test(yyyymmdd) ? `${yyyymmdd.slice(0, 4)}-${yyyymmdd.slice(4, 6)}-${yyyymmdd.slice(6)}` : undefined;
}

function readHeader(cells: readonly string[]): Header {
  const length = Number(cells[13]);
  const header: Header = { category: Number(cells[2]), accountLength: Number.isInteger(length) && length >= 4 && length <= 8 ? length : 4, chart: (cells[26] ?? '').trim() || '03' };
  const fiscal = isoOf(cells[12]?.trim());
  const from = isoOf(cells[14]?.trim());
  const to = isoOf(cells[15]?.trim());
  const currency = cells[21]?.trim().toUpperCase();
  if (fiscal) header.fiscalStart = fiscal;
  if (from) header.from = from;
  if (to) header.to = to;
  if (currency) header.currency = currency;
  return header;
}

/** `DDMM` (or `DMM`, or a full `DDMMYYYY`) as a date inside the batch's period or fiscal year. */
export function belegdatum(text: string, header: Header): string | null {
  const t = text.trim();
  if (/^\d{8}$/.test(t)) {
    const day = dayFromParts(Number(t.slice(4)), Number(t.slice(2, 4)), Number(t.slice(0, 2)));
    return day === null ? null : formatIsoDate(day);
  }
  if (!/^\d{3,4}$/.test(t)) return null;
  const dd = Number(t.padStart(4, '0').slice(0, 2));
  const mm = Number(t.padStart(4, '0').slice(2));
  const years = new Set<number>();
  for (const d of [header.from, header.to, header.fiscalStart]) if (d) years.add(Number(d.slice(0, 4)));
  for (const y of years) {
    const day = dayFromParts(y, mm, dd);
    if (day === null) continue;
    const iso = formatIsoDate(day);
    if (header.from && header.to && iso >= header.from && iso <= header.to) return iso;
  }
  const start = header.fiscalStart ?? header.from;
  if (start === undefined) return null;
  const startYear = Number(start.slice(0, 4));
  const mmdd = `${String(mm).padStart(2, '0')}-${String(dd).padStart(2, '0')}`;
  const day = dayFromParts(mmdd >= start.slice(5) ? startYear : startYear + 1, mm, dd);
  return day === null ? null : formatIsoDate(day);
}

const BANK = { '03': /^(1[012]|136)/, '04': /^(1[678]|146)/ } as const;
const JOURNAL_WORDS = /differenz|umrechnung|korrektur|berichtigung|storno|abschreibung|ausbuchung|umbuchung/i;

/** The side of a personal account of L + 1 digits, or of the user's prefixes. */
function personalSide(account: string, header: Header, options: GlOptions): Side | null {
  if (hasChosenAccounts(options)) return sideOfChosenAccount(options, account) ?? null;
  if (account.length !== header.accountLength + 1) return null;
  const first = account.charCodeAt(0) - 48;
  return first >= 1 && first <= 6 ? 'AR' : first >= 7 && first <= 9 ? 'AP' : null;
}

type Col = 'umsatz' | 'sh' | 'wkz' | 'kurs' | 'basis' | 'konto' | 'gegenkonto' | 'belegdatum' | 'beleg1' | 'skonto' | 'text' | 'faellig';
const NAMES: Record<Col, RegExp> = {
  umsatz: /^umsatz/i, sh: /^soll\/haben/i, wkz: /^wkz umsatz/i, kurs: /^kurs$/i, basis: /^basis-umsatz/i,
  konto: /^konto$/i, gegenkonto: /^gegenkonto/i, belegdatum: /^belegdatum/i, beleg1: /^belegfeld 1$/i,
  skonto: /^skonto$/i, text: /^buchungstext/i, faellig: /^fälligkeit$/i,
};

function columnsOf(headers: readonly string[]): Partial<Record<Col, number>> {
  const at: Partial<Record<Col, number>> = {};
  headers.forEach((h, i) => {
    for (const [col, re] of Object.entries(NAMES) as [Col, RegExp][]) if (at[col] === undefined && re.test(h.trim())) at[col] = i;
  });
  return at;
}

/** `a / rate` rounded half away from zero to two decimals (canonical decimal text). */
function divideByRate(amount: string, rate: string): string | null {
  const a = toNano(amount);
  const r = toNano(rate);
  if (a === null || r === null || r === 0n) return null;
  const num = a * 100n;
  const abs = (v: bigint): bigint => (v < 0n ? -v : v);
  let q = abs(num) / abs(r);
  if ((abs(num) % abs(r)) * 2n >= abs(r)) q += 1n;
  return fromNano((num < 0n !== r < 0n ? -q : q) * 10n ** 7n);
}

interface Posting {
  get: (c: Col) => string;
  line: number;
  at: (c: Col) => IssuePlace;
  report: (issue: ImportIssue) => void;
}

interface Ctx {
  file: string;
  header: Header;
  options: GlOptions;
  issues: ImportIssue[];
  headers: string[];
  at: Partial<Record<Col, number>>;
}

function amountOf(p: Posting, c: Col): string | null {
  const text = p.get(c);
  if (text === '') return '';
  const value = parseLocaleAmount(text, ',');
  if (value === null) p.report(importError('bad-amount', p.at(c), { value: text }));
  return value;
}

/** The party lines of one posting (none, one, or two for a transfer between parties). */
function postingLines(ctx: Ctx, p: Posting, tally: AccountTally, out: GlLine[]): void {
  const konto = p.get('konto');
  const gegen = p.get('gegenkonto');
  const sides = [personalSide(konto, ctx.header, ctx.options), personalSide(gegen, ctx.header, ctx.options)] as const;
  tally.count(sides[0] ? konto : sides[1] ? gegen : konto, '', sides[0] ?? sides[1]);
  if (sides[0] === null && sides[1] === null) return;
  const umsatz = amountOf(p, 'umsatz');
  const skonto = amountOf(p, 'skonto');
  const basis = amountOf(p, 'basis');
  const sh = p.get('sh').toUpperCase();
  const date = belegdatum(p.get('belegdatum'), ctx.header);
  if (umsatz === '' || umsatz === null) {
    if (umsatz === '') p.report(importError('missing-value', p.at('umsatz'), { value: '' }));
    return;
  }
  if (sh !== 'S' && sh !== 'H') return p.report(importError('bad-value', p.at('sh'), { value: p.get('sh') }));
  if (date === null) return p.report(importError('bad-date', p.at('belegdatum'), { value: p.get('belegdatum') }));
  if (skonto === null || basis === null) return;
  const wkz = p.get('wkz').toUpperCase();
  const foreign = wkz !== '' && wkz !== (ctx.header.currency ?? ctx.options.baseCurrency ?? 'EUR');
  const bank = BANK[ctx.header.chart === '04' ? '04' : '03'];
  ([[konto, gegen, sides[0], sh === 'S'], [gegen, konto, sides[1], sh === 'H']] as const).forEach(([account, counter, side, debit]) => {
    if (side === null) return;
    const counterPersonal = personalSide(counter, ctx.header, ctx.options) !== null;
    const payment = !counterPersonal && bank.test(counter.padStart(ctx.header.accountLength, '0'));
    const gross = payment && skonto !== '' ? addDecimal(umsatz, skonto) : umsatz;
    const amount = debit ? signedDecimal(side, gross, '') : signedDecimal(side, '', gross);
    const line: GlLine = {
      side, partyId: account, amount, entryDate: date, source: { file: ctx.file, line: p.line },
      type: payment ? 'payment' : counterPersonal || JOURNAL_WORDS.test(p.get('text')) ? 'journal' : amount.startsWith('-') ? 'credit_note' : 'invoice',
      docNo: p.get('beleg1') || `#${p.line}`,
    };
    if (foreign) {
      const kurs = p.get('kurs').replace(',', '.');
      const base = basis !== '' && gross === umsatz ? basis : divideByRate(gross, kurs);
      if (base === null) return p.report(importError('bad-amount', p.at('kurs'), { value: p.get('kurs') }));
      line.currency = wkz;
      line.amountBase = debit ? signedDecimal(side, base, '') : signedDecimal(side, '', base);
    }
    const text = p.get('text');
    if (text !== '') line.description = skonto !== '' && payment ? `${text} (Skonto ${p.get('skonto')})` : text;
    const due = belegdatum(p.get('faellig'), ctx.header);
    if (due !== null && p.get('faellig') !== '') line.dueDate = due;
    out.push(line);
  });
}

function partiesOf(file: { name: string; bytes: Uint8Array }, header: Header, options: GlOptions, issues: ImportIssue[]): { records: CanonicalRecord[]; terms: Map<string, number> } {
  const rows = splitCsvRecords(file.name, decodeText(file.bytes).text, ';');
  const names = (rows.rows[1] ?? []).map((h) => h.trim());
  const col = (name: string): number => names.indexOf(name);
  const records: CanonicalRecord[] = [];
  const terms = new Map<string, number>();
  for (let i = 2; i < rows.rows.length; i++) {
    const row = rows.rows[i] ?? [];
    const get = (name: string): string => (col(name) >= 0 ? (row[col(name)] ?? '').trim() : '');
    const account = get('Konto');
    if (account === '') continue;
    const side = personalSide(account, { ...header, accountLength: account.length - 1 }, options);
    if (side === null) {
      issues.push(importError('bad-side', { file: file.name, line: rows.lines[i] ?? i + 1, field: 'Konto' }, { value: account }));
      continue;
    }
    const person = [get('Vorname (Adressattyp natürl. Person)'), get('Name (Adressattyp natürl. Person)')].filter((s) => s !== '').join(' ');
    const values: Partial<Record<string, string>> = { ledger: side, party_id: account };
    const set = (field: string, value: string): void => {
      if (value !== '') values[field] = value;
    };
    set('name', get('Name (Adressattyp Unternehmen)') || person || get('Name (Adressattyp keine Angabe)') || get('Kurzbezeichnung'));
    set('iban', get('IBAN-Nr. 1').replace(/\s/g, ''));
    set('bic', get('SWIFT-Code 1'));
    set('email', get('E-Mail'));
    set('phone', get('Telefon'));
    set('country', get('Land') || get('EU-Land'));
    set('vat_no', get('EU-UStID') ? `${get('EU-Land')}${get('EU-UStID')}` : '');
    const days = get(side === 'AR' ? 'Fälligkeit in Tagen (Debitor)' : 'Kreditoren-Ziel 3 Brutto Tg.');
    if (/^\d+$/.test(days) && Number(days) > 0) {
      set('payment_terms_days', days);
      terms.set(`${side}:${account}`, Number(days));
    }
    records.push({ values, source: { file: file.name, line: rows.lines[i] ?? i + 1 } });
  }
  return { records, terms };
}

/** Imports a DATEV posting batch (and its master file, given as the parties file). */
export function importDatev(file: string, text: string, options: GlOptions): ImportResult {
  const rows = splitCsvRecords(file, text.replace(/^\uFEFF/, ''), ';');
  const header = readHeader(rows.rows[0] ?? []);
  if (header.category !== 21) {
    return failed([importError('unknown-format', { file, line: 1 })]);
  }
  const headers = (rows.rows[1] ?? []).map((h) => h.trim());
  const ctx: Ctx = { file, header, options, issues: [], headers, at: columnsOf(headers) };
  for (const c of ['umsatz', 'sh', 'konto', 'gegenkonto', 'belegdatum'] as const) {
    if (ctx.at[c] === undefined) return failed([importError('missing-column', { file, line: 2 }, { column: c })]);
  }
  const tally = new AccountTally();
  const lines: GlLine[] = [];
  for (let i = 2; i < rows.rows.length; i++) {
    const row = rows.rows[i] ?? [];
    const line = rows.lines[i] ?? i + 1;
    const get = (c: Col): string => (ctx.at[c] === undefined ? '' : (row[ctx.at[c]] ?? '').trim());
    if (get('umsatz') === '' && get('konto') === '') continue;
    const at = (c: Col): IssuePlace => ({ file, line, field: headers[ctx.at[c] ?? -1] ?? c });
    postingLines(ctx, { get, line, at, report: (issue) => ctx.issues.push(issue) }, tally, lines);
  }
  const parties = options.parties ? partiesOf(options.parties, header, options, ctx.issues) : { records: [], terms: new Map<string, number>() };
  if (ctx.issues.some((i) => i.severity === 'error')) return failed(ctx.issues);
  if (tally.taken === 0) return failed([tally.noSubledgerError(file)]);
  for (const l of lines) {
    const days = parties.terms.get(`${l.side}:${l.partyId}`);
    const from = parseIsoDate(l.entryDate);
    if (l.dueDate === undefined && l.type === 'invoice' && days !== undefined && from !== null) l.dueDate = formatIsoDate(addDays(from, days));
  }
  return finishGlImport(file, 'datev', lines, tally, options, {
    parties: parties.records, issues: ctx.issues, ...(header.currency ? { fileBase: header.currency } : {}),
  });
}
