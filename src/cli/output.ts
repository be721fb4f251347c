// What `subledger report` prints: the JSON shapes of cli.md (money as numbers in major units,
// dates YYYY-MM-DD, null where absent) and the same rows as CSV. Money stays in minor units until
// it is written: a `Money` cell becomes a JSON number through toJSON and exact text in CSV.
import { formatIsoDate, type Day } from '../core/date';
import { currencyExponent, formatMinor, majorText, toMajor, type Minor } from '../core/money';
import type {
  AgingReport, AgingRow, BalanceRow, KeyFigures, MutationRow, PartyCard, Period, SideKeyFigures,
  TurnaroundReport, TurnaroundRow, TurnaroundTotals,
} from '../core/report-types';
import type { OpenItemList, OpenItemParts } from '../core/open-items';
import type { RevaluationReport } from '../core/revaluation';
import { SIDES } from '../core/types';
import { csvLine, spreadsheetText } from '../core/csv';
import { utf8, type JsonBytes } from './json-bytes';

/** An amount of a currency, written as a JSON number or as exact decimal text. */
export class Money {
  constructor(
    readonly minor: Minor,
    readonly currency: string,
  ) {}
  toJSON(): number {
    return toMajor(this.minor, currencyExponent(this.currency));
  }
  /** The JSON text of toJSON's number. */
  jsonText(): string {
    return majorText(this.minor, exponentOf(this.currency));
  }
  /** Writes jsonText's text as bytes. */
  writeJson(out: JsonBytes): void {
    out.major(this.minor, exponentOf(this.currency));
  }
  toString(): string {
    return formatMinor(this.minor, currencyExponent(this.currency));
  }
}

/** currencyExponent of the currency asked last (a report asks for one currency many times in a row). */
let lastCurrency = '';
let lastExponent = currencyExponent('');

function exponentOf(currency: string): number {
  if (currency !== lastCurrency) {
    lastExponent = currencyExponent(currency);
    lastCurrency = currency;
  }
  return lastExponent;
}

export type Cell = string | number | boolean | null | Money;
export type Row = Record<string, Cell>;
/** A JSON row: cells, or lists of cells (the aging buckets). */
export type JsonRow = Record<string, Cell | Cell[]>;
/** A JSON row's fields in the order of its columns. */
export type JsonCells = (Cell | Cell[])[];

/** Rows by position: an array, or a LazyRows that makes each row when it is written. */
export interface RowList<T> {
  readonly length: number;
  at(i: number): T | undefined;
}

/**
 * Rows made one at a time as they are written, so a report of a million open items never holds a
 * million row objects at once; as JSON (`toJSON`) it is the array of them.
 */
export class LazyRows<T> implements RowList<T> {
  constructor(
    readonly length: number,
    private readonly make: (i: number) => T,
  ) {}
  at(i: number): T | undefined {
    return i >= 0 && i < this.length ? this.make(i) : undefined;
  }
  map<U>(f: (row: T) => U): LazyRows<U> {
    return new LazyRows(this.length, (i) => f(this.make(i)));
  }
  toJSON(): T[] {
    return Array.from({ length: this.length }, (_, i) => this.make(i));
  }
}

/** The JSON row of `cells`: the columns as its fields, in that order. */
function rowOf(columns: readonly string[], cells: JsonCells): JsonRow {
  const row: JsonRow = {};
  for (let c = 0; c < columns.length; c++) row[columns[c] as string] = cells[c] as Cell | Cell[];
  return row;
}

/**
 * JSON rows made from their fields in the order of the columns (`cellsAt`): as JSON (`toJSON`,
 * `at`) the objects with the columns as fields; written from the cells, no field looked up by name.
 */
export class TableRows extends LazyRows<JsonRow> {
  constructor(
    readonly columns: readonly string[],
    length: number,
    readonly cellsAt: (i: number) => JsonCells,
  ) {
    super(length, (i) => rowOf(columns, cellsAt(i)));
  }
}

/** A report's rows made one at a time as they are written, as JSON rows and as the table. */
function lazyTable(columns: string[], length: number, cells: (i: number) => Cell[]): { rows: TableRows; table: Pick<ReportOutput, 'columns' | 'rows'> } {
  return { rows: new TableRows(columns, length, cells), table: { columns, rows: new LazyRows(length, cells) } };
}

/** A report as printed: the JSON document and its rows as a table for CSV. */
export interface ReportOutput {
  json: Record<string, unknown>;
  columns: string[];
  rows: RowList<Cell[]>;
}

/** The ISO text of days already written (a ledger has a few thousand distinct dates). */
const ISO_DATES = new Map<Day, string>();

export function date(day: Day): string {
  let text = ISO_DATES.get(day);
  if (text === undefined) {
    if (ISO_DATES.size >= 100_000) ISO_DATES.clear();
    ISO_DATES.set(day, (text = formatIsoDate(day)));
  }
  return text;
}

export const dateOrNull = (day: Day | null): string | null => (day === null ? null : formatIsoDate(day));
const nullable = (minor: Minor | null, currency: string): Money | null => (minor === null ? null : new Money(minor, currency));

/** A row's cells in the order of the columns (the keys of the JSON rows). */
const cellsOf = (columns: readonly string[], row: Row): Cell[] => columns.map((c) => row[c] ?? null);

/** A table of objects: the given columns (the keys of the JSON rows), in that order. */
function tableOf(columns: string[], rows: readonly Row[]): Pick<ReportOutput, 'columns' | 'rows'> {
  return { columns, rows: new LazyRows(rows.length, (i) => cellsOf(columns, rows[i] as Row)) };
}

export function toJson(output: ReportOutput): string {
  return `${JSON.stringify(output.json, null, 2)}\n`;
}

/** Text is handed on in pieces of about this many characters. */
const CHUNK = 1 << 16;
/** Stands for the rows in the document's text while its other fields are written. */
const ROWS_MARK = JSON.stringify('\u0000rows\u0000');

function isRowList(value: unknown): value is RowList<unknown> {
  return Array.isArray(value) || value instanceof LazyRows;
}

/** The JSON text of each property name, made once. */
const NAME_JSON = new Map<string, string>();

function nameJson(name: string): string {
  let text = NAME_JSON.get(name);
  if (text === undefined) NAME_JSON.set(name, (text = JSON.stringify(name)));
  return text;
}

/** True when JSON.stringify escapes something in `text`: `"`, `\\`, a control character or a (lone) surrogate. */
function needsEscape(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 || c === 0x22 || c === 0x5c || (c >= 0xd800 && c <= 0xdfff)) return true;
  }
  return false;
}

/** JSON.stringify(text), quoted directly when nothing in it needs escaping (most ledger text). */
function jsonString(text: string): string {
  return needsEscape(text) ? JSON.stringify(text) : `"${text}"`;
}

/**
 * `value` as `JSON.stringify(value, null, 2)` writes it, every line after the first indented by
 * `indent`, for the values rows are made of: cells (Money too), arrays and plain objects of them.
 * undefined where JSON.stringify leaves the value out; null for any other value (a class with its
 * own toJSON, a typed array), which is left to JSON.stringify.
 */
function plainJson(value: unknown, indent: string): string | undefined | null {
  switch (typeof value) {
    case 'string':
      return jsonString(value);
    case 'number':
      return Number.isFinite(value) ? String(value) : 'null';
    case 'boolean':
      return value ? 'true' : 'false';
    case 'undefined':
    case 'function':
    case 'symbol':
      return undefined;
    case 'object':
      break;
    default:
      return null;
  }
  if (value === null) return 'null';
  if (value instanceof Money) return value.jsonText();
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    let text = '[';
    for (let i = 0; i < value.length; i++) {
      const item = plainJson(value[i], inner);
      if (item === null) return null;
      text += `${i === 0 ? '' : ','}\n${inner}${item ?? 'null'}`;
    }
    return `${text}\n${indent}]`;
  }
  const proto: unknown = Object.getPrototypeOf(value);
  if ((proto !== Object.prototype && proto !== null) || 'toJSON' in value) return null;
  let text = '{';
  let first = true;
  const fields = value as Record<string, unknown>;
  for (const name of Object.keys(fields)) {
    const item = plainJson(fields[name], inner);
    if (item === null) return null;
    if (item === undefined) continue; // as JSON.stringify: no such field
    text += `${first ? '' : ','}\n${inner}${nameJson(name)}: ${item}`;
    first = false;
  }
  return first ? '{}' : `${text}\n${indent}}`;
}

/** Writes a cell as JSON.stringify does; false (nothing written) for what is not a cell. */
function writeCell(out: JsonBytes, cell: unknown): boolean {
  switch (typeof cell) {
    case 'string':
      out.string(cell);
      return true;
    case 'number':
      out.number(cell);
      return true;
    case 'boolean':
      out.bytes(cell ? TRUE : FALSE);
      return true;
    case 'object':
      if (cell === null) out.bytes(NULL);
      else if (cell instanceof Money) cell.writeJson(out);
      else return false; // not a cell: the whole row goes to rowJson
      return true;
    default:
      return false;
  }
}

const TRUE = utf8('true');
const FALSE = utf8('false');
const NULL = utf8('null');
const EMPTY_LIST = utf8('[]');

/**
 * Writes the i-th row of `rows` as rowJson would, from its cells (or lists of cells): the bytes
 * before each field made once; a row with a field that is not a cell or a list of cells is
 * taken back and written by rowJson.
 */
function tableRowWriter(rows: TableRows, indent: string, out: JsonBytes): (i: number) => void {
  const columns = rows.columns;
  const before = columns.map((name, c) => utf8(`${c === 0 ? '{' : ','}\n${indent}  ${nameJson(name)}: `));
  const listFirst = utf8(`[\n${indent}    `);
  const listNext = utf8(`,\n${indent}    `);
  const listEnd = utf8(`\n${indent}  ]`);
  const end = utf8(`\n${indent}}`);
  const field = (value: unknown): boolean => {
    if (!Array.isArray(value)) return writeCell(out, value);
    if (value.length === 0) {
      out.bytes(EMPTY_LIST);
      return true;
    }
    for (let k = 0; k < value.length; k++) {
      out.bytes(k === 0 ? listFirst : listNext);
      if (!writeCell(out, value[k])) return false;
    }
    out.bytes(listEnd);
    return true;
  };
  return (i) => {
    const cells = rows.cellsAt(i);
    const mark = out.mark();
    for (let c = 0; c < columns.length; c++) {
      out.bytes(before[c] as Uint8Array);
      if (!field(cells[c])) {
        out.rewind(mark);
        out.text(rowJson(rowOf(columns, cells), indent));
        return;
      }
    }
    if (columns.length === 0) out.text(rowJson(rowOf(columns, cells), indent));
    else out.bytes(end);
  };
}

/** A row of the rows array as JSON.stringify(row, null, 2) writes it, lines after the first indented by `indent`. */
function rowJson(row: unknown, indent: string): string {
  const text = plainJson(row, indent);
  if (text === null) return JSON.stringify(row, null, 2).replace(/\n/g, `\n${indent}`);
  return text ?? 'null';
}

/**
 * Writes the JSON document exactly as `JSON.stringify(json, null, 2)` would, without its final
 * line break and with every line after the first indented by `indent`, a piece at a time: the
 * rows (a top-level `rows`) one by one, so the whole text never exists at once.
 */
export function writeJsonDocument(output: ReportOutput, out: JsonBytes, indent = ''): void {
  const indented = (text: string): string => (indent === '' ? text : text.replace(/\n/g, `\n${indent}`));
  const rows = output.json['rows'];
  if (!isRowList(rows)) {
    out.text(indented(JSON.stringify(output.json, null, 2)));
    return;
  }
  const [head, tail] = indented(JSON.stringify({ ...output.json, rows: JSON.parse(ROWS_MARK) as string }, null, 2)).split(ROWS_MARK) as [string, string];
  if (rows.length === 0) {
    out.text(`${head}[]${tail}`);
    return;
  }
  // A row's own lines, two levels deeper than the document's (JSON text holds no raw line break inside a value).
  const rowIndent = `${indent}    `;
  const writeRow = rows instanceof TableRows ? tableRowWriter(rows, rowIndent, out) : (i: number) => out.text(rowJson(rows.at(i), rowIndent));
  const first = utf8(`[\n${rowIndent}`);
  const next = utf8(`,\n${rowIndent}`);
  out.text(head);
  for (let i = 0; i < rows.length; i++) {
    out.bytes(i === 0 ? first : next);
    writeRow(i);
    out.handOn();
  }
  out.text(`\n${indent}  ]${tail}`);
}

/**
 * Several reports as one JSON array of their documents, in the order given (as `JSON.stringify`
 * would print it, with its final line break); each is made when its turn comes and written before
 * the next is made.
 */
export function writeJsonDocuments(outputs: Iterable<ReportOutput>, out: JsonBytes): void {
  let count = 0;
  for (const output of outputs) {
    out.text(count++ === 0 ? '[\n  ' : ',\n  ');
    writeJsonDocument(output, out, '  ');
  }
  out.text(count === 0 ? '[]\n' : '\n]\n');
}

/** Ledger text that a spreadsheet would read as a formula (`=`, `+`, `-`, `@`) gets a leading `'`. */
function csvText(cell: Cell): string {
  if (cell === null) return '';
  if (typeof cell === 'string') return spreadsheetText(cell);
  return String(cell);
}

/** The report as CSV, handed to `write` a piece at a time. */
export function writeCsv(output: ReportOutput, write: (text: string) => void): void {
  let text = `${csvLine(output.columns)}\r\n`;
  for (let i = 0; i < output.rows.length; i++) {
    text += `${csvLine((output.rows.at(i) ?? []).map(csvText))}\r\n`;
    if (text.length >= CHUNK) {
      write(text);
      text = '';
    }
  }
  write(text);
}

export function toCsv(output: ReportOutput): string {
  const pieces: string[] = [];
  writeCsv(output, (text) => pieces.push(text));
  return pieces.join('');
}

const TABLE_TEXT_WIDTH = 40;

function tableCell(cell: Cell): string {
  const text = cell === null ? '' : typeof cell === 'string' ? cell : String(cell);
  const oneLine = text.replace(/[\r\n\t]+/g, ' ');
  return oneLine.length > TABLE_TEXT_WIDTH ? `${oneLine.slice(0, TABLE_TEXT_WIDTH - 1)}…` : oneLine;
}

/** The rows as a table for a person at a terminal: columns aligned, amounts and numbers to the right. */
export function toTable(output: ReportOutput): string {
  const all = Array.from({ length: output.rows.length }, (_, i) => output.rows.at(i) ?? []);
  const cells = all.map((r) => r.map(tableCell));
  const right = output.columns.map((_, c) => all.some((r) => r[c] instanceof Money || typeof r[c] === 'number'));
  const widths = output.columns.map((name, c) => Math.max(name.length, ...cells.map((r) => (r[c] ?? '').length)));
  const line = (texts: readonly string[]): string =>
    texts.map((t, c) => (right[c] === true ? t.padStart(widths[c] ?? 0) : t.padEnd(widths[c] ?? 0))).join('  ').trimEnd();
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  const count = `${output.rows.length} row${output.rows.length === 1 ? '' : 's'}`;
  return `${[line(output.columns), rule, ...cells.map(line), '', count].join('\n')}\n`;
}

const AGING_FIELDS = ['ledger', 'partyId', 'partyName', 'total', 'buckets'];

const OPEN_ITEM_COLUMNS = ['ledger', 'partyId', 'partyName', 'docNo', 'entryType', 'docDate', 'dueDate', 'currency', 'amount', 'open', 'openBase', 'ageDays', 'bucket'];

/** The open items; their rows are made as they are written (TableRows): a big ledger has millions. */
export function openItemsOutput(items: Pick<OpenItemList, 'length' | 'partsAt'>, asOf: Day, labels: readonly string[], base: string): ReportOutput {
  let parts: OpenItemParts | undefined; // one, reused: each row's cells are made from it at once
  const { rows, table } = lazyTable(OPEN_ITEM_COLUMNS, items.length, (k) => {
    const { entry: e, partyName, open, openBase, ageDays, bucket } = (parts = items.partsAt(k, parts));
    return [
      e.ledger, e.partyId, partyName, e.docNo, e.entryType, date(e.docDate), date(e.dueDate), e.currency,
      new Money(e.amount, e.currency), new Money(open, e.currency), new Money(openBase, base), ageDays, labels[bucket] ?? null,
    ];
  });
  return { json: { report: 'open-items', asOf: date(asOf), rows }, ...table };
}

export function agingOutput(report: AgingReport, base: string): ReportOutput {
  const rows = new TableRows(AGING_FIELDS, report.rows.length, (k) => {
    const r = report.rows[k] as AgingRow;
    return [r.ledger, r.partyId, r.partyName, new Money(r.total, base), r.buckets.map((b) => new Money(b, base))];
  });
  return {
    json: { report: 'aging', asOf: date(report.asOf), bucketLabels: report.bucketLabels, rows },
    columns: ['ledger', 'partyId', 'partyName', 'total', ...report.bucketLabels],
    rows: new LazyRows(report.rows.length, (k) => {
      const r = report.rows[k] as AgingRow;
      return [r.ledger, r.partyId, r.partyName, new Money(r.total, base), ...r.buckets.map((b) => new Money(b, base))];
    }),
  };
}

const BALANCE_COLUMNS = ['ledger', 'partyId', 'partyName', 'balance', 'overdue', 'notDue', 'openItems', 'creditLimit', 'headroom', 'overLimit', 'oldestOverdueDays', 'lastPaymentDate'];

export function balancesOutput(balances: readonly BalanceRow[], asOf: Day, base: string): ReportOutput {
  const { rows, table } = lazyTable(BALANCE_COLUMNS, balances.length, (k) => {
    const b = balances[k] as BalanceRow;
    return [
      b.ledger, b.partyId, b.partyName, new Money(b.balance, base), new Money(b.overdue, base), new Money(b.notDue, base), b.openItems,
      nullable(b.creditLimit, base), nullable(b.headroom, base), b.overLimit, b.oldestOverdueDays, dateOrNull(b.lastPaymentDate),
    ];
  });
  return { json: { report: 'balances', asOf: date(asOf), rows }, ...table };
}

function sideFigures(f: SideKeyFigures, base: string): Record<string, unknown> {
  const dueWithin: Record<string, Money> = {};
  for (const [days, minor] of Object.entries(f.dueWithin)) dueWithin[days] = new Money(minor, base);
  return {
    overdue: new Money(f.overdue, base), notDue: new Money(f.notDue, base), total: new Money(f.total, base),
    dueWithin, journalsUpdatedUntil: dateOrNull(f.journalsUpdatedUntil),
  };
}

export function keyFiguresOutput(figures: KeyFigures, base: string): ReportOutput {
  const days = Object.keys(figures.AR.dueWithin);
  const row = (side: 'AR' | 'AP'): Cell[] => {
    const f = figures[side];
    return [
      side, new Money(f.overdue, base), new Money(f.notDue, base), new Money(f.total, base),
      ...days.map((d) => new Money(f.dueWithin[Number(d)] ?? 0, base)), dateOrNull(f.journalsUpdatedUntil),
    ];
  };
  return {
    json: { report: 'key-figures', asOf: date(figures.asOf), AR: sideFigures(figures.AR, base), AP: sideFigures(figures.AP, base) },
    columns: ['ledger', 'overdue', 'notDue', 'total', ...days.map((d) => `dueWithin${d}`), 'journalsUpdatedUntil'],
    rows: SIDES.map(row),
  };
}

const TURNAROUND_COLUMNS = ['ledger', 'partyId', 'partyName', 'opening', 'invoiced', 'credited', 'paid', 'other', 'fxDifference', 'closing', 'invoicesSettled', 'avgDaysToPay', 'weightedDaysToPay', 'avgDaysLate', 'onTimeRate'];

function turnaroundTotals(t: TurnaroundTotals, base: string): Record<string, unknown> {
  return {
    opening: new Money(t.opening, base), invoiced: new Money(t.invoiced, base), closing: new Money(t.closing, base),
    notDue: new Money(t.notDue, base), dso: t.dso, bestPossibleDso: t.bestPossibleDso, add: t.add, cei: t.cei,
  };
}

/** The turnaround report as printed (its settled invoices are for the payment behaviour sheet). */
export function turnaroundOutput(report: Omit<TurnaroundReport, 'settled'>, base: string): ReportOutput {
  const money = (minor: Minor): Money => new Money(minor, base);
  const { rows, table } = lazyTable(TURNAROUND_COLUMNS, report.rows.length, (k) => {
    const r = report.rows[k] as TurnaroundRow;
    return [
      r.ledger, r.partyId, r.partyName, money(r.opening), money(r.invoiced), money(r.credited), money(r.paid), money(r.other),
      money(r.fxDifference), money(r.closing), r.invoicesSettled, r.avgDaysToPay, r.weightedDaysToPay, r.avgDaysLate, r.onTimeRate,
    ];
  });
  const totals = { AR: turnaroundTotals(report.totals.AR, base), AP: turnaroundTotals(report.totals.AP, base) };
  return { json: { report: 'turnaround', ...periodJson(report.period), rows, totals }, ...table };
}

function periodJson(period: Period): { from: string; to: string } {
  return { from: date(period.from), to: date(period.to) };
}

const MUTATION_COLUMNS = ['ledger', 'partyId', 'entryDate', 'docNo', 'entryType', 'docDate', 'dueDate', 'currency', 'amount', 'amountBase', 'settles', 'description'];

export function mutationsOutput(mutations: readonly MutationRow[], period: Period, base: string): ReportOutput {
  const { rows, table } = lazyTable(MUTATION_COLUMNS, mutations.length, (k) => {
    const m = mutations[k] as MutationRow;
    return [
      m.ledger, m.partyId, date(m.entryDate), m.docNo, m.entryType, date(m.docDate), date(m.dueDate), m.currency,
      new Money(m.amount, m.currency), new Money(m.amountBase, base), m.settles, m.description === '' ? null : m.description,
    ];
  });
  return { json: { report: 'mutations', ...periodJson(period), rows }, ...table };
}

const CARD_COLUMNS = ['entryDate', 'docNo', 'entryType', 'currency', 'amount', 'amountBase', 'balanceBase', 'balanceInCurrency'];

/** The party card; in CSV its opening balance is a first row of type `opening`. */
export function cardOutput(card: PartyCard, base: string): ReportOutput {
  const byCurrency: Record<string, Money> = {};
  for (const [currency, minor] of Object.entries(card.opening.byCurrency)) byCurrency[currency] = new Money(minor, currency);
  const rows: Row[] = card.rows.map((r) => ({
    entryDate: date(r.entryDate), docNo: r.docNo, entryType: r.entryType, currency: r.currency,
    amount: new Money(r.amount, r.currency), amountBase: new Money(r.amountBase, base),
    balanceBase: new Money(r.balanceBase, base), balanceInCurrency: new Money(r.balanceInCurrency, r.currency),
  }));
  const opening: Row = { entryDate: date(card.period.from - 1), docNo: null, entryType: 'opening', currency: base, amount: null, amountBase: null, balanceBase: new Money(card.opening.base, base), balanceInCurrency: null };
  const json = {
    report: 'card', ...periodJson(card.period), ledger: card.ledger, partyId: card.partyId, partyName: card.partyName,
    opening: { base: new Money(card.opening.base, base), byCurrency }, rows,
  };
  return { json, ...tableOf(CARD_COLUMNS, [opening, ...rows]) };
}

const REVALUATION_COLUMNS = ['ledger', 'partyId', 'partyName', 'docNo', 'currency', 'open', 'openBase', 'rate', 'rateDate', 'revaluedBase', 'difference'];

/** cli.md `revaluation`; `results` adds the result per ledger with gains and losses apart. */
export function revaluationOutput(report: RevaluationReport): ReportOutput {
  const base = report.base;
  const rates: Record<string, { rate: number; date: string | null }> = {};
  for (const [currency, r] of Object.entries(report.rates)) rates[currency] = { rate: Number(r.rate.text), date: dateOrNull(r.date) };
  const rows: Row[] = report.rows.map((r) => ({
    ledger: r.ledger, partyId: r.partyId, partyName: r.partyName, docNo: r.docNo, currency: r.currency,
    open: new Money(r.open, r.currency), openBase: new Money(r.openBase, base), rate: Number(r.rate.text),
    rateDate: dateOrNull(r.rateDate), revaluedBase: new Money(r.revaluedBase, base), difference: new Money(r.difference, base),
  }));
  const totals = report.totals.map((t) => ({
    ledger: t.ledger, currency: t.currency, open: new Money(t.open, t.currency), openBase: new Money(t.openBase, base),
    revaluedBase: new Money(t.revaluedBase, base), difference: new Money(t.difference, base), resultEffect: new Money(t.resultEffect, base),
  }));
  const results = report.results.map((r) => ({
    ledger: r.ledger, resultEffect: new Money(r.resultEffect, base), gains: new Money(r.gains, base), losses: new Money(r.losses, base),
  }));
  const json = { report: 'revaluation', asOf: date(report.asOf), base, rates, rows: rows.map(({ rateDate: _d, ...r }) => r), totals, results };
  return { json, ...tableOf(REVALUATION_COLUMNS, rows) };
}
