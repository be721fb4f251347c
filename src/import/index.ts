// The one entry point for every source: recognises the format from the content (canonical
// subledger CSV, another CSV/TXT or XLSX export, SAF-T Financial, XAF 3.2) and returns the
// validated ledger with its issues, or no ledger at all when anything was an error.
import type { PartReader } from '../core/ledger';
import type { ImportIssue, ImportResult, Side } from '../core/types';
import { failed, ImportAbort, importError } from './issues';
import { inputKind, inputLimit, tooLargeIssue } from './limits';
import { compoundFileKind } from './ole';
import { sniffKind } from './sniff';
import { glTextKind, importGlText } from './gl/index';
import { glTransactionList, importGlTransactions } from './gl/transactions';
import type { GlOptions } from './gl/finish';
import { csvTabular, importCanonicalStream, importTableSource, readTabular, type TabularSource } from './tabular/tabular';
import { canonicalCsvStream } from './canonical-stream';
import { asciiCsvText, decodeCsvBytes } from './csv-table';
import { importXml } from './auditfile/xml-import';
import type { Mapping } from './tabular/mapping';
import type { Table } from './table';

export interface SourceFile {
  name: string;
  bytes: Uint8Array;
}

export interface ImportOptions {
  /** A separate parties file (canonical parties CSV, or a parties export with known headers). */
  parties?: SourceFile;
  /** ISO 4217 base currency of the administration (default EUR, or the file's own). */
  baseCurrency?: string;
  /** The user's locale (e.g. `nl-BE`, `en-US`): decides a date column that fits both orders. */
  locale?: string;
  /**
   * Which subledger the input holds when nothing in it says so (a one-sided export with no side
   * column and no customer/supplier header): the CLI's `--side`, the pane's answer.
   */
  side?: Side;
  /** The column mapping for a non-canonical table (else one is proposed from the header). */
  mapping?: Mapping;
  /**
   * Account-number prefixes of the general-ledger accounts that hold the debtors (`arAccounts`)
   * and the creditors (`apAccounts`), for a general-ledger export that does not say it itself.
   */
  arAccounts?: string[];
  apAccounts?: string[];
  /** Called with the fraction done (0..1) during long imports. */
  onProgress?: (fraction: number) => void;
  /** Cancels the import: it returns a `cancelled` error and no ledger. */
  signal?: AbortSignal;
  /** The largest file accepted, in bytes (default per kind: see `DEFAULT_INPUT_LIMITS`). */
  maxInputSize?: number;
  /**
   * Reads half the rows of a big canonical CSV on another thread (the CLI's, with the file's
   * bytes on a SharedArrayBuffer); without it, or for any other input, one thread reads all.
   */
  partReader?: PartReader;
}

export type { Mapping } from './tabular/mapping';
// The task pane's steps for a table: preview, proposed mapping, import with the confirmed mapping.
export { readTable, applyMapping, importTableSource, type TablePreview } from './tabular/tabular';
export { proposeMapping, mappingSignature, missingFields } from './tabular/mapping';
export { tableFromSheetValues, type SheetValues } from './sheet-values';
export { localizeIssue } from './messages';

/** Imports one file of any supported format. Never throws for bad input. */
export async function importFile(file: SourceFile, options: ImportOptions = {}): Promise<ImportResult> {
  try {
    return await importKnownKind(file, options);
  } catch (error) {
    if (error instanceof ImportAbort) return failed([error.issue]);
    const reason = error instanceof Error ? error.message : String(error);
    return failed([importError('unreadable', { file: file.name }, { reason })]);
  }
}

async function importKnownKind(file: SourceFile, options: ImportOptions): Promise<ImportResult> {
  const tooLarge = [file, options.parties].map((f) => f && sizeIssue(f, options.maxInputSize)).find((issue) => issue);
  if (tooLarge) return failed([tooLarge]);
  const sniffed = sniffKind(file.bytes);
  switch (sniffed.kind) {
    case 'empty':
      return failed([importError('empty-file', { file: file.name })]);
    case 'binary':
      return failed([importError('unknown-format', { file: file.name })]);
    case 'cfb':
      return failed([compoundFileIssue(file)]);
    case 'xml':
      return importXml(file, sniffed, options);
    case 'text': {
      const gl = glTextKind(file.bytes);
      if (gl !== null) return importGlText(file, gl, glOptions(options));
      return importCsv(file, options);
    }
    case 'xlsx':
      return importTabular(file, options);
  }
}

/** The error for a file larger than the limit of its kind, or null. */
export function sizeIssue(file: SourceFile, maxInputSize?: number): ImportIssue | null {
  const kind = inputKind(sniffKind(file.bytes.subarray(0, 4096)).kind);
  const limit = inputLimit(kind, maxInputSize);
  return file.bytes.length > limit ? tooLargeIssue(file.name, kind, limit) : null;
}

/** An OLE compound file named for what it is (the codes are literal for the messages test). */
function compoundFileIssue(file: SourceFile): ImportIssue {
  const place = { file: file.name };
  switch (compoundFileKind(file.bytes)) {
    case 'encrypted-workbook':
      return importError('encrypted-workbook', place);
    case 'legacy-xls':
      return importError('legacy-xls', place);
    case 'ole-document':
      return importError('ole-document', place);
  }
}

/** A CSV/XLSX export: a GL transaction list when it is one, else through the column mapping. */
async function importTabular(file: SourceFile, options: ImportOptions): Promise<ImportResult> {
  return importTable(await readTabular(file), options);
}

async function importTable(tabular: TabularSource, options: ImportOptions): Promise<ImportResult> {
  return importAnyTable(tabular.table, tabular.format, tabular.issues, options);
}

/**
 * A table from a file or the workbook: a GL transaction list when it is one (without a mapping
 * chosen for it), else through the column mapping.
 */
export async function importAnyTable(table: Table, format: string, readIssues: ImportIssue[], options: ImportOptions): Promise<ImportResult> {
  const gl = options.mapping === undefined ? glTransactionList(table, options) : null;
  if (gl) return importGlTransactions(table, gl, glOptions(options));
  return importTableSource(table, format, readIssues, options);
}

/** A CSV/TXT file: the canonical ledger line by line where it can be, else as a table. */
async function importCsv(file: SourceFile, options: ImportOptions): Promise<ImportResult> {
  // An ASCII file is read as the canonical ledger from its bytes: no decoded copy of the file.
  const ascii = options.mapping === undefined ? asciiCsvText(file.name, file.bytes) : null;
  const inPlace = ascii && canonicalCsvStream(file.name, ascii, options);
  if (inPlace) return importCanonicalStream(file.name, inPlace, options);
  const decoded = decodeCsvBytes(file.name, file.bytes);
  const stream = options.mapping === undefined && ascii === null ? canonicalCsvStream(file.name, decoded, options) : null;
  if (stream) return importCanonicalStream(file.name, stream, options);
  return importTable(csvTabular(file.name, decoded), options);
}

function glOptions(options: ImportOptions): GlOptions {
  const { arAccounts, apAccounts, baseCurrency, onProgress, signal, parties } = options;
  return {
    ...(arAccounts ? { arAccounts } : {}), ...(apAccounts ? { apAccounts } : {}), ...(baseCurrency ? { baseCurrency } : {}),
    ...(onProgress ? { onProgress } : {}), ...(signal ? { signal } : {}), ...(parties ? { parties } : {}),
  };
}

/** True when the issues hold an error. */
export function hasError(issues: readonly ImportIssue[]): boolean {
  return issues.some((i) => i.severity === 'error');
}
