// Column mapping for any CSV/XLSX export or workbook table: propose which column holds which
// canonical field (with a confidence and what is missing), remember a layout by its header
// signature, and turn the rows into canonical records (dates, amounts, sides and types read
// the way the file writes them).
import type { CanonicalRecord, ImportIssue, Side } from '../../core/types';
import { matchColumns, type ColumnChoice } from './columns';
import { recogniseByContent } from './content';
import { invoiceListRecords, type ListSummary } from './invoice-list';
import type { ListRow } from './invoice-lines';
import { signedDecimal } from '../decimal';
import { detectDateOrder, toIsoDate, type DateOrder } from '../dates';
import { importError, importWarning } from '../issues';
import { detectDecimal, parseLocaleAmount, type DecimalSeparator } from '../numbers';
import { cellText, isBlankRow, type Cell, type Table } from '../table';
import { entryTypeOfWord, HEADER_WORDS, normalizeWord, sideOfHeader, sideOfWord, signOfWord, type TargetField } from './vocabulary';

export type { TargetField } from './vocabulary';
export type { ColumnChoice } from './columns';

export interface Mapping {
  fields: Partial<Record<TargetField, ColumnChoice>>;
  /** The side of every row when no `ledger` column names it (from a `Klant`/`Leverancier` header or the user). */
  side?: Side;
  /** Set to override what the whole amount columns say. */
  decimal?: DecimalSeparator;
  /** Set to override what the whole date columns say. */
  dateOrder?: DateOrder;
  /**
   * What a usable mapping still lacks: `ledger` (no side), `party_id`, `doc_no`, `entry_date`
   * (a document date serves when there is no booking date), `amount` (or debit/credit).
   */
  missing: string[];
  /** The header signature this mapping belongs to (see `mappingSignature`). */
  signature: string;
}

/** A stable key for a layout: the normalized header words in order. */
export function mappingSignature(headers: readonly string[]): string {
  return headers.map(normalizeWord).join('|');
}

const DATE_FIELDS = ['entry_date', 'doc_date', 'due_date', 'last_payment_date'] as const;
const AMOUNT_FIELDS = ['amount', 'debit', 'credit', 'amount_base', 'open_amount', 'line_amount', 'exchange_rate'] as const;

/** What a mapping lacks to produce entries. */
export function missingFields(mapping: Pick<Mapping, 'fields' | 'side'>): string[] {
  const f = mapping.fields;
  const missing: string[] = [];
  if (!f.ledger && !mapping.side) missing.push('ledger');
  for (const field of ['party_id', 'doc_no'] as const) if (!f[field]) missing.push(field);
  if (!f.entry_date && !f.doc_date) missing.push('entry_date');
  if (!f.amount && !f.debit && !f.credit) missing.push('amount');
  return missing;
}

/** Lowers the confidence of a column whose sample values do not read as its field. */
function checkContents(choice: ColumnChoice, samples: readonly Cell[][], reads: (c: Cell) => boolean): ColumnChoice {
  const values = samples.map((r) => r[choice.column]).filter((c): c is Cell => c !== undefined && cellText(c) !== '');
  if (values.length === 0) return choice;
  const good = values.filter(reads).length;
  return good * 2 >= values.length ? choice : { ...choice, confidence: choice.confidence * 0.4 };
}

/**
 * Without a total column, an open-amount column is the amount (an open-items list) and a
 * line-amount column too (summed per document); beside debit and credit columns a balance
 * column is a running balance, not an open amount.
 */
function settleAmountColumns(fields: Partial<Record<TargetField, ColumnChoice>>): void {
  if (fields.amount) return;
  if (fields.debit || fields.credit) {
    delete fields.open_amount;
    return;
  }
  const open = fields.open_amount ?? fields.line_amount;
  if (!open) return;
  fields.amount = open;
  if (open === fields.open_amount) delete fields.open_amount;
  else delete fields.line_amount;
}

/** Proposes a mapping from the header and a few sample rows. */
export function proposeMapping(headers: readonly string[], sampleRows: readonly Cell[][] = []): Mapping {
  const fields = matchColumns(headers, HEADER_WORDS);
  const dateOrder = detectDateOrder(sampleRows.flatMap((r) => DATE_FIELDS.map((f) => r[fields[f]?.column ?? -1] ?? '')));
  for (const f of DATE_FIELDS) {
    const c = fields[f];
    if (c) fields[f] = checkContents(c, sampleRows, (v) => toIsoDate(v, dateOrder.order) !== null);
  }
  for (const f of AMOUNT_FIELDS) {
    const c = fields[f];
    if (c) fields[f] = checkContents(c, sampleRows, (v) => typeof v === 'number' || parseLocaleAmount(v, ',') !== null || parseLocaleAmount(v, '.') !== null);
  }
  recogniseByContent(headers, sampleRows, fields);
  settleAmountColumns(fields);
  // An export with only a name column: the name is the party's code too (with less confidence).
  if (!fields.party_id && fields.party_name) fields.party_id = { ...fields.party_name, confidence: fields.party_name.confidence * 0.5 };
  const partyHeader = fields.party_id?.header ?? fields.party_name?.header;
  const side = fields.ledger ? null : partyHeader === undefined ? null : sideOfHeader(partyHeader);
  const proposal: Mapping = { fields, missing: [], signature: mappingSignature(headers) };
  if (side) proposal.side = side;
  proposal.missing = missingFields(proposal);
  return proposal;
}

interface ReadContext {
  table: Table;
  mapping: Mapping;
  decimal: DecimalSeparator;
  dateOrder: DateOrder;
  issues: ImportIssue[];
  /** Errors so far (a row with an error becomes no record). */
  errors: number;
  /** Type words already reported as unknown (one warning each). */
  unknownTypes: Set<string>;
}

function fail(ctx: ReadContext, issue: ImportIssue): void {
  ctx.issues.push(issue);
  ctx.errors++;
}

function cellOf(ctx: ReadContext, row: readonly Cell[], field: TargetField): Cell | undefined {
  const choice = ctx.mapping.fields[field];
  return choice === undefined ? undefined : row[choice.column];
}

function place(ctx: ReadContext, i: number, field: TargetField): { file: string; line: number; field: string } {
  return { file: ctx.table.file, line: ctx.table.lines[i] ?? i + 2, field: ctx.mapping.fields[field]?.header ?? field };
}

/** The canonical amount text of an amount field, '' when empty, null (with an error) when unreadable. */
function readAmount(ctx: ReadContext, row: readonly Cell[], i: number, field: TargetField): string | null {
  const cell = cellOf(ctx, row, field);
  const text = cellText(cell);
  if (text === '') return '';
  const canonical = typeof cell === 'number' ? text : parseLocaleAmount(text, ctx.decimal);
  if (canonical === null) fail(ctx, importError('bad-amount', place(ctx, i, field), { value: text }));
  return canonical;
}

/** The amount as a debit or a credit, by the indicator column (`S`/`H`, `D`/`C`) beside it. */
function readIndicatedAmount(ctx: ReadContext, row: readonly Cell[], i: number): { debit: string; credit: string } | null {
  const amount = readAmount(ctx, row, i, 'amount');
  if (amount === null) return null;
  const text = cellText(cellOf(ctx, row, 'sign'));
  const sign = signOfWord(text);
  if (sign === null) {
    fail(ctx, importError('bad-sign', place(ctx, i, 'sign'), { value: text }));
    return null;
  }
  return sign === 'debit' ? { debit: amount, credit: '' } : { debit: '', credit: amount };
}

function readSignedAmount(ctx: ReadContext, row: readonly Cell[], i: number, side: Side): string | null {
  if (ctx.mapping.fields.amount && !ctx.mapping.fields.sign) {
    const amount = readAmount(ctx, row, i, 'amount');
    if (amount !== '' || (!ctx.mapping.fields.debit && !ctx.mapping.fields.credit)) return amount;
  }
  const pair = ctx.mapping.fields.amount && ctx.mapping.fields.sign
    ? readIndicatedAmount(ctx, row, i)
    : { debit: readAmount(ctx, row, i, 'debit'), credit: readAmount(ctx, row, i, 'credit') };
  if (pair === null || pair.debit === null || pair.credit === null) return null;
  if (pair.debit === '' && pair.credit === '') return '';
  return signedDecimal(side, pair.debit, pair.credit);
}

function readSide(ctx: ReadContext, row: readonly Cell[], i: number): Side | null {
  if (!ctx.mapping.fields.ledger) return ctx.mapping.side ?? null;
  const text = cellText(cellOf(ctx, row, 'ledger'));
  const side = sideOfWord(text) ?? (text === '' ? ctx.mapping.side ?? null : null);
  if (side === null) fail(ctx, importError('bad-side', place(ctx, i, 'ledger'), { value: text }));
  return side;
}

function readDate(ctx: ReadContext, row: readonly Cell[], i: number, field: TargetField): string | null {
  const cell = cellOf(ctx, row, field);
  if (cell === undefined || cellText(cell) === '') return '';
  const iso = toIsoDate(typeof cell === 'string' ? cell.trim() : cell, ctx.dateOrder);
  if (iso === null) fail(ctx, importError('bad-date', place(ctx, i, field), { value: cellText(cell) }));
  return iso;
}

/** The entry type a row names, or, without a type column or with a word not known, what its sign suggests. */
function readEntryType(ctx: ReadContext, row: readonly Cell[], i: number, amount: string): string | null {
  if (ctx.mapping.fields.entry_type) {
    const text = cellText(cellOf(ctx, row, 'entry_type'));
    const type = entryTypeOfWord(text);
    if (type !== null) return type;
    if (!ctx.unknownTypes.has(text)) {
      ctx.unknownTypes.add(text);
      ctx.issues.push(importWarning('unknown-entry-type', place(ctx, i, 'entry_type'), { value: text }));
    }
  }
  if (!amount.startsWith('-')) return 'invoice';
  return cellText(cellOf(ctx, row, 'settles')) === '' ? 'credit_note' : 'payment';
}

const TEXT_FIELDS = ['party_id', 'party_name', 'doc_no', 'settles', 'description', 'payment_ref'] as const;

/** The invoice-list values of a row that are not entry fields (open amount, status, rate, …). */
function readListValues(ctx: ReadContext, row: readonly Cell[], i: number, record: CanonicalRecord): ListRow {
  const listRow: ListRow = { record };
  const open = readAmount(ctx, row, i, 'open_amount');
  if (open) listRow.open = open;
  const line = readAmount(ctx, row, i, 'line_amount');
  if (line) listRow.line = line;
  const rate = readAmount(ctx, row, i, 'exchange_rate');
  if (rate) listRow.rate = rate;
  const lastPayment = readDate(ctx, row, i, 'last_payment_date');
  if (lastPayment) listRow.lastPayment = lastPayment;
  const status = cellText(cellOf(ctx, row, 'status'));
  if (status) listRow.status = status;
  return listRow;
}

function readRow(ctx: ReadContext, row: readonly Cell[], i: number): ListRow | null {
  const errorsBefore = ctx.errors;
  const side = readSide(ctx, row, i);
  const amount = side === null ? null : readSignedAmount(ctx, row, i, side);
  const values: Partial<Record<string, string>> = {};
  for (const f of TEXT_FIELDS) {
    const text = cellText(cellOf(ctx, row, f));
    if (text !== '') values[f] = text;
  }
  for (const f of ['entry_date', 'doc_date', 'due_date'] as const) {
    const iso = readDate(ctx, row, i, f);
    if (iso) values[f] = iso;
  }
  // Without a booking-date column, an entry is booked on its document date.
  if (!ctx.mapping.fields.entry_date && values.doc_date) values.entry_date = values.doc_date;
  const base = readAmount(ctx, row, i, 'amount_base');
  const currency = cellText(cellOf(ctx, row, 'currency')).toUpperCase();
  if (currency) values.currency = currency;
  if (base) values.amount_base = base;
  if (side) values.ledger = side;
  if (amount) values.amount = amount;
  const type = amount === null ? null : readEntryType(ctx, row, i, amount);
  if (type) values.entry_type = type;
  const listRow = readListValues(ctx, row, i, { values, source: { file: ctx.table.file, line: ctx.table.lines[i] ?? i + 2 } });
  return ctx.errors > errorsBefore ? null : listRow;
}

export interface MappedRows {
  records: CanonicalRecord[];
  issues: ImportIssue[];
  /** The base currency the file states (an exchange rate of 1), when it does. */
  baseCurrency?: string;
  /** What the rows were: lines, documents, left-out drafts, … */
  summary: ListSummary;
}

export interface MapOptions {
  locale?: string;
  baseCurrency?: string;
  onRow?: (index: number) => void;
}

/** All values of the given fields' columns (for deciding separators and date order). */
function columnValues(table: Table, mapping: Mapping, fields: readonly TargetField[]): Cell[] {
  const columns = fields.map((f) => mapping.fields[f]?.column).filter((c): c is number => c !== undefined);
  const values: Cell[] = [];
  for (const row of table.rows) for (const c of columns) values.push(row[c] ?? '');
  return values;
}

const TOTAL_WORDS = /^(sub)?(totaal|totalen|total|totale|totaux|summe|gesamt|somme|saldo)\b/i;

/** A totals line at the end of an export: a word like `Totaal` and no document number. */
function isTotalRow(ctx: ReadContext, row: readonly Cell[]): boolean {
  const first = row.map(cellText).find((t) => t !== '') ?? '';
  return TOTAL_WORDS.test(first) && cellText(cellOf(ctx, row, 'doc_no')) === '';
}

/** Reads every row of the table through the mapping into canonical records. */
export function mapRows(table: Table, mapping: Mapping, options: MapOptions = {}): MappedRows {
  const issues: ImportIssue[] = [];
  const amountTexts = columnValues(table, mapping, AMOUNT_FIELDS).filter((c): c is string => typeof c === 'string');
  const decimal = mapping.decimal ?? detectDecimal(amountTexts, options.locale);
  const decided = detectDateOrder(columnValues(table, mapping, DATE_FIELDS), options.locale);
  const dateOrder = mapping.dateOrder ?? decided.order;
  if (!mapping.dateOrder && decided.ambiguous) {
    const field = mapping.fields.entry_date?.header ?? 'entry_date';
    const order = dateOrder === 'dmy' ? 'day/month/year' : 'month/day/year';
    issues.push(importWarning('ambiguous-dates', { file: table.file, field }, { order, locale: options.locale ?? 'no locale given' }));
  }
  const ctx: ReadContext = { table, mapping, decimal, dateOrder, issues, errors: 0, unknownTypes: new Set() };
  const rows: ListRow[] = [];
  for (let i = 0; i < table.rows.length; i++) {
    const row = table.rows[i] ?? [];
    options.onRow?.(i);
    if (isBlankRow(row)) continue;
    if (isTotalRow(ctx, row)) {
      issues.push(importWarning('skipped-total-row', { file: table.file, line: table.lines[i] ?? i + 2 }, { value: row.map(cellText).find((t) => t !== '') ?? '' }));
      continue;
    }
    const read = readRow(ctx, row, i);
    if (read) rows.push(read);
  }
  const header = (field: TargetField): string => mapping.fields[field]?.header ?? field;
  const list = invoiceListRecords(rows, {
    file: table.file, header, hasLineColumn: mapping.fields.line_amount !== undefined && mapping.fields.amount !== undefined,
    ...(options.baseCurrency === undefined ? {} : { baseCurrency: options.baseCurrency }),
  });
  const mapped: MappedRows = { records: list.records, issues: [...issues, ...list.issues], summary: list.summary };
  if (list.baseCurrency !== undefined) mapped.baseCurrency = list.baseCurrency;
  return mapped;
}
