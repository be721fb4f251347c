// Tabular sources (CSV/TXT exports, XLSX workbooks, workbook tables): read into a `Table`, then
// either the canonical subledger CSV as given or any other layout through a column mapping, and
// always through `ledgerFromRecords`, so nothing is imported from a file with an error.
import { ledgerFromRecords, type LedgerOptions } from '../../core/ledger';
import type { CanonicalRecord, ImportIssue, ImportResult, RecordSource } from '../../core/types';
import { canonicalRecordSource, hasDialectValues, isCanonicalLedger } from '../canonical';
import { readCsvBytes } from '../csv-table';
import { failed, importError, importWarning } from '../issues';
import { mappingSignature, mapRows, proposeMapping, type Mapping } from './mapping';
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
}

/** Reads a CSV/TXT or XLSX file into a table. */
export async function readTabular(file: { name: string; bytes: Uint8Array }): Promise<TabularSource> {
  if (sniffKind(file.bytes).kind === 'xlsx') {
    return { table: await readXlsxTable(file.name, file.bytes), format: 'xlsx', issues: [] };
  }
  const table = readCsvBytes(file.name, file.bytes);
  const issues = table.encoding === 'windows-1252' ? [importWarning('encoding-fallback', { file: file.name })] : [];
  return { table, format: 'csv', issues };
}

export interface TablePreview {
  headers: string[];
  /** The first rows, for the task pane to show beside the proposed mapping. */
  rows: Cell[][];
  signature: string;
  format: string;
}

/** The header and first rows of a CSV/XLSX file, and its layout signature. */
export async function readTable(file: { name: string; bytes: Uint8Array }, previewRows = 20): Promise<TablePreview> {
  const { table, format } = await readTabular(file);
  return { headers: table.headers, rows: table.rows.slice(0, previewRows), signature: mappingSignature(table.headers), format };
}

/** The records of a table: as given for the canonical layout, else through the mapping. */
function tableRecords(table: Table, options: TableOptions): { records: CanonicalRecord[] | RecordSource; issues: ImportIssue[]; canonical: boolean } {
  const onRow = progressTicker(table.file, table.rows.length, options, 0, 0.6);
  const canonicalHeader = !options.mapping && isCanonicalLedger(table.headers);
  if (canonicalHeader && !hasDialectValues(table)) {
    return { records: canonicalRecordSource(table, onRow), issues: [], canonical: true };
  }
  const dialect = canonicalHeader ? [importWarning('canonical-dialect', { file: table.file })] : [];
  const mapping = options.mapping ?? proposeMapping(table.headers, table.rows.slice(0, 50));
  if (mapping.missing.length > 0) {
    return { records: [], issues: [importError('unmapped-fields', { file: table.file }, { fields: mapping.missing.join(', ') })], canonical: false };
  }
  const mapped = mapRows(table, mapping, options.locale === undefined ? { onRow } : { locale: options.locale, onRow });
  return { records: mapped.records, issues: [...dialect, ...mapped.issues], canonical: false };
}

async function readPartiesOption(options: TableOptions): Promise<{ records: CanonicalRecord[]; issues: ImportIssue[] }> {
  if (!options.parties) return { records: [], issues: [] };
  const { table, issues } = await readTabular(options.parties);
  if (table.headers.length === 0) return { records: [], issues: [importError('empty-file', { file: table.file })] };
  const parties = partyRecords(table, options.locale);
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

/** Imports a table read from a file or from the workbook. */
export async function importTableSource(table: Table, format: string, readIssues: ImportIssue[], options: TableOptions): Promise<ImportResult> {
  if (table.headers.length === 0) return failed([importError('empty-file', { file: table.file })]);
  if (table.rows.length === 0) return failed([...readIssues, importError('no-rows', { file: table.file })]);
  const read = tableRecords(table, options);
  const parties = await readPartiesOption(options);
  throwIfCancelled(table.file, options.signal);
  const opts = { file: table.file, format: read.canonical && format === 'csv' ? 'subledger-csv' : format };
  const result = finishImport(read.records, parties.records, [...readIssues, ...read.issues, ...parties.issues],
    options.baseCurrency === undefined ? opts : { ...opts, baseCurrency: options.baseCurrency });
  options.onProgress?.(1);
  return result;
}

/** Imports a table through a mapping the user confirmed (the task pane's "Import" button). */
export async function applyMapping(table: Table, mapping: Mapping, options: Omit<TableOptions, 'mapping'> = {}): Promise<ImportResult> {
  return importTableSource(table, 'table', [], { ...options, mapping });
}
