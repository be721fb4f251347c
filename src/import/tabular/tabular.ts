// Tabular sources (CSV/TXT exports, XLSX workbooks, workbook tables): read into a `Table`, then
// either the canonical subledger CSV as given or any other layout through a column mapping, and
// always through `ledgerFromRecords`, so nothing is imported from a file with an error.
import { ledgerFromRecords, type LedgerOptions, type PartReader } from '../../core/ledger';
import type { CanonicalRecord, ImportIssue, ImportResult, ImportSource, RecordSource, Side } from '../../core/types';
import { canonicalRecordSource, hasDialectValues, isCanonicalLedger } from '../canonical';
import { decodeCsvBytes, parseCsvText } from '../csv-table';
import { detectEncoding, type DecodedText } from '../decode';
import { failed, importError, importWarning } from '../issues';
import type { ListSummary } from './invoice-list';
import { mappingSignature, mapRows, missingFields, proposeMapping, type Mapping } from './mapping';
import { partyRecords } from './parties';
import { progressTicker, throwIfCancelled, type ProgressOptions } from '../progress';
import { sniffKind } from '../sniff';
import type { Cell, Table } from '../table';
import { readXlsxTable } from '../xlsx-table';

export interface TabularSource {
  table: Table;
  /** `csv` or `xlsx`. */
  format: string;
  /** Warnings from reading (e.g. the encoding that was assumed). */
  issues: ImportIssue[];
}

export interface TableOptions extends ProgressOptions {
  parties?: { name: string; bytes: Uint8Array };
  baseCurrency?: string;
  locale?: string;
  mapping?: Mapping;
  /** Which subledger a table without a side column holds (the CLI's `--side`). */
  side?: Side;
  /** Reads half the rows of a big canonical CSV on another thread (see LedgerOptions). */
  partReader?: PartReader;
}

/** Reads a CSV/TXT or XLSX file into a table. */
export async function readTabular(file: { name: string; bytes: Uint8Array }): Promise<TabularSource> {
  if (sniffKind(file.bytes).kind === 'xlsx') {
    return { table: await readXlsxTable(file.name, file.bytes), format: 'xlsx', issues: [] };
  }
  return csvTabular(file.name, decodeCsvBytes(file.name, file.bytes));
}

/** The table of a decoded CSV/TXT file. */
export function csvTabular(name: string, decoded: DecodedText): TabularSource {
  const table = parseCsvText(name, decoded.text, decoded.encoding);
  const issues = table.encoding === 'windows-1252' ? [importWarning('encoding-fallback', { file: name })] : [];
  return { table, format: 'csv', issues };
}

export interface TablePreview {
  headers: string[];
  /** The first rows, for the task pane to show beside the proposed mapping. */
  rows: Cell[][];
  signature: string;
  format: string;
}

/**
 * The header and first rows of a CSV/XLSX file, and its layout signature. A CSV/TXT file is read
 * only as far as its first rows where those read as a table (its import reads all of it).
 */
export async function readTable(file: { name: string; bytes: Uint8Array }, previewRows = 20): Promise<TablePreview> {
  const head = sniffKind(file.bytes).kind === 'xlsx' ? null : csvHead(file, previewRows);
  const { table, format } = head ? { table: head, format: 'csv' } : await readTabular(file);
  return { headers: table.headers, rows: table.rows.slice(0, previewRows), signature: mappingSignature(table.headers), format };
}

/** Bytes of a CSV/TXT file read at first for its preview; four times more while too few rows are in them. */
const HEAD_BYTES = 64 * 1024;
const LINE_FEED = 0x0a;

/**
 * The table of a CSV/TXT file's first lines, holding more than `rows` rows (its header and first
 * rows as the whole file's table has them: the text decoded as the whole file is, the lines cut at
 * a line break and the last row never shown); null where the file is UTF-16, or its head reads as
 * no such table (a quoted field cut, a line longer than the head): then the whole file is read.
 */
function csvHead(file: { name: string; bytes: Uint8Array }, rows: number): Table | null {
  const { bytes } = file;
  if (detectEncoding(bytes.subarray(0, 4096)).encoding.startsWith('utf-16')) return null;
  for (let size = HEAD_BYTES; size < bytes.length; size *= 4) {
    const end = bytes.lastIndexOf(LINE_FEED, size - 1) + 1;
    if (end === 0) continue;
    const head = bytes.subarray(0, end);
    // plain ASCII reads the same in UTF-8 and Windows-1252; other bytes as the whole file decides
    const { encoding, bomLength } = head.every((b) => b < 0x80) ? { encoding: 'utf-8' as const, bomLength: 0 } : detectEncoding(bytes);
    try {
      const table = parseCsvText(file.name, new TextDecoder(encoding, { ignoreBOM: true }).decode(head.subarray(bomLength)), encoding);
      if (table.rows.length > rows) return table;
    } catch {
      // cut inside a quoted field, or not a table: more of it, or all
    }
  }
  return null;
}

interface TableRecords {
  records: CanonicalRecord[] | RecordSource;
  issues: ImportIssue[];
  canonical: boolean;
  /** The base currency the file states, when it does. */
  baseCurrency?: string;
  summary?: ListSummary;
  /** Canonical field → the header of the column it was read from (mapped tables only). */
  columns?: Record<string, string>;
}

/** The proposed (or given) mapping, with the side the options give when no column says it. */
function chosenMapping(table: Table, options: TableOptions): Mapping {
  const mapping = options.mapping ?? proposeMapping(table.headers, table.rows.slice(0, 50));
  if (mapping.fields.ledger || mapping.side || !options.side) return mapping;
  const sided: Mapping = { ...mapping, side: options.side };
  return { ...sided, missing: missingFields(sided) };
}

/** The error for a mapping that lacks fields: the side alone gets its own question. */
function unmappedError(table: Table, missing: readonly string[]): ImportIssue {
  if (missing.length === 1 && missing[0] === 'ledger') return importError('no-side', { file: table.file });
  return importError('unmapped-fields', { file: table.file }, { fields: missing.join(', ') });
}

/** The records of a table: as given for the canonical layout, else through the mapping. */
function tableRecords(table: Table, options: TableOptions): TableRecords {
  const onRow = progressTicker(table.file, table.rows.length, options, 0, 0.6);
  const canonicalHeader = !options.mapping && isCanonicalLedger(table.headers);
  if (canonicalHeader && !hasDialectValues(table)) {
    return { records: canonicalRecordSource(table, onRow), issues: [], canonical: true };
  }
  const dialect = canonicalHeader ? [importWarning('canonical-dialect', { file: table.file })] : [];
  const mapping = chosenMapping(table, options);
  if (mapping.missing.length > 0) return { records: [], issues: [unmappedError(table, mapping.missing)], canonical: false };
  const mapped = mapRows(table, mapping, {
    onRow,
    ...(options.locale === undefined ? {} : { locale: options.locale }),
    ...(options.baseCurrency === undefined ? {} : { baseCurrency: options.baseCurrency }),
  });
  const columns = Object.fromEntries(Object.entries(mapping.fields).flatMap(([field, choice]) => (choice ? [[field, choice.header]] : [])));
  const read: TableRecords = { records: mapped.records, issues: [...dialect, ...mapped.issues], canonical: false, summary: mapped.summary, columns };
  if (mapped.baseCurrency !== undefined) read.baseCurrency = mapped.baseCurrency;
  return read;
}

async function readPartiesOption(options: TableOptions): Promise<{ records: CanonicalRecord[]; issues: ImportIssue[] }> {
  if (!options.parties) return { records: [], issues: [] };
  const { table, issues } = await readTabular(options.parties);
  if (table.headers.length === 0) return { records: [], issues: [importError('empty-file', { file: table.file })] };
  const parties = partyRecords(table, options.locale, options.side);
  return { records: parties.records, issues: [...issues, ...parties.issues] };
}

/** Hands records to the engine unless reading them already failed; merges the issues. */
export function finishImport(
  records: CanonicalRecord[] | RecordSource,
  parties: CanonicalRecord[],
  readIssues: ImportIssue[],
  opts: LedgerOptions,
): ImportResult {
  if (readIssues.some((i) => i.severity === 'error')) return failed(readIssues);
  const result = ledgerFromRecords(records, parties, opts);
  const issues = [...readIssues, ...result.issues];
  return { ledger: issues.some((i) => i.severity === 'error') ? null : result.ledger, issues, report: result.report };
}

/**
 * What the table was taken for: an invoice list (lines merged into documents, drafts or
 * cancelled documents left out, open amounts paid) or a plain export of `kind`.
 */
function tableSource(kind: string, summary: ListSummary): ImportSource {
  const list = summary.mergedLines > 0 || summary.drafts + summary.cancelled > 0 || summary.payments > 0;
  if (!list) return { kind, lines: summary.lines };
  const source: ImportSource = { kind: 'invoice-list', lines: summary.lines, documents: summary.documents };
  if (summary.drafts + summary.cancelled > 0) source.leftOut = { draft: summary.drafts, cancelled: summary.cancelled };
  if (summary.payments > 0) source.matched = summary.payments;
  return source;
}

/** Imports a table read from a file or from the workbook. */
export async function importTableSource(table: Table, format: string, readIssues: ImportIssue[], options: TableOptions): Promise<ImportResult> {
  if (table.headers.length === 0) return failed([importError('empty-file', { file: table.file })]);
  if (table.rows.length === 0) return failed([...readIssues, importError('no-rows', { file: table.file })]);
  return importRecords(table.file, tableRecords(table, options), format, readIssues, options);
}

/** Imports the canonical CSV read line by line (see canonical-stream.ts). */
export async function importCanonicalStream(file: string, stream: { records: RecordSource; issues: ImportIssue[] }, options: TableOptions): Promise<ImportResult> {
  return importRecords(file, { records: stream.records, issues: [], canonical: true }, 'csv', stream.issues, options);
}

/** The records of a table (or stream) with the parties file, through the engine. */
async function importRecords(file: string, read: TableRecords, format: string, readIssues: ImportIssue[], options: TableOptions): Promise<ImportResult> {
  const parties = await readPartiesOption(options);
  throwIfCancelled(file, options.signal);
  const kind = read.canonical && format === 'csv' ? 'subledger-csv' : format;
  const opts: LedgerOptions = { file, format: kind };
  if (read.summary) opts.source = tableSource(kind, read.summary);
  const baseCurrency = read.baseCurrency ?? options.baseCurrency;
  if (baseCurrency !== undefined) opts.baseCurrency = baseCurrency;
  if (options.partReader) opts.partReader = options.partReader;
  const result = finishImport(read.records, parties.records, [...readIssues, ...read.issues, ...parties.issues], opts);
  if (result.report && read.columns) result.report.columns = read.columns;
  options.onProgress?.(1);
  return result;
}

/** Imports a table through a mapping the user confirmed (the task pane's "Import" button). */
export async function applyMapping(table: Table, mapping: Mapping, options: Omit<TableOptions, 'mapping'> = {}): Promise<ImportResult> {
  return importTableSource(table, 'table', [], { ...options, mapping });
}
