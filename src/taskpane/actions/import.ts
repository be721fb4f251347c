// Getting a ledger in: a file through the importers (format recognised from its content), or the
// demo ledger. Only a ledger with no error replaces the cached one, and the cache write is atomic
// (store/ledger-cache.ts), so a failed or cancelled import leaves the previous ledger and every
// note as they were. A table whose columns are not recognised comes back for the mapping step.
import type { ImportIssue, ImportResult, Ledger } from '../../core/types';
import { readWorkbookTable } from '../../excel/read-table';
import { demoLedger } from '../../import/demo';
import { importFile, type ImportOptions, type Mapping, type SourceFile } from '../../import/index';
import { mappingSignature, missingFields, proposeMapping, type ColumnChoice, type TargetField } from '../../import/tabular/mapping';
import { tableFromSheetValues } from '../../import/sheet-values';
import { importTableSource, readTable, type TablePreview } from '../../import/tabular/tabular';
import type { SubledgerDb } from '../../store/db';
import { saveLedger } from '../../store/ledger-cache';
import { findMapping, saveMapping } from '../../store/mappings';
import type { LoadedLedger } from '../state/pane';

/** The demo's seed: the same ledger every time (tests recompute its figures with the engine). */
export const DEMO_SEED = 1;
export const DEMO_SOURCE = 'demo';

export interface ImportRun {
  signal: AbortSignal;
  onProgress: (fraction: number) => void;
  locale: string;
  baseCurrency: string;
}

export type ImportOutcome =
  | { kind: 'loaded'; loaded: LoadedLedger; warnings: ImportIssue[] }
  | { kind: 'failed'; issues: ImportIssue[] }
  | { kind: 'mapping'; preview: TablePreview; proposal: Mapping; issues: ImportIssue[] };

export const WORKBOOK_SOURCE = 'workbook table';

async function keep(db: SubledgerDb, adminId: string, ledger: Ledger, source: string, result: ImportResult, run: ImportRun) {
  const format = result.report?.format ?? source;
  await saveLedger(db, adminId, ledger, { import: { source, format, report: result.report, issues: result.issues }, signal: run.signal });
}

export async function loadDemo(db: SubledgerDb, adminId: string, run: ImportRun): Promise<ImportOutcome> {
  const ledger = demoLedger({ seed: DEMO_SEED });
  const result: ImportResult = { ledger, issues: [], report: null };
  await keep(db, adminId, ledger, DEMO_SOURCE, result, run);
  return { kind: 'loaded', loaded: { ledger, source: DEMO_SOURCE, report: null, warnings: [] }, warnings: [] };
}

/** A remembered layout as a Mapping, or undefined when this header is new. */
async function rememberedMapping(db: SubledgerDb, preview: TablePreview): Promise<Mapping | undefined> {
  const row = await findMapping(db, preview.headers);
  if (!row) return undefined;
  const fields: Partial<Record<TargetField, ColumnChoice>> = {};
  for (const [field, header] of Object.entries(row.mapping)) {
    const column = preview.headers.indexOf(header);
    if (column >= 0) fields[field as TargetField] = { column, header, confidence: 1 };
  }
  const mapping: Mapping = { fields, missing: [], signature: preview.signature };
  if (row.options.side === 'AR' || row.options.side === 'AP') mapping.side = row.options.side;
  mapping.missing = missingFields(mapping);
  return mapping.missing.length === 0 ? mapping : undefined;
}

function isTabular(file: SourceFile): boolean {
  return /\.(csv|txt|xlsx|tsv)$/i.test(file.name);
}

type Importer = (options: ImportOptions) => Promise<ImportResult>;

/** Imports through `run`, keeps a good ledger, or says what the mapping step needs. */
async function settle(db: SubledgerDb, adminId: string, name: string, preview: TablePreview | null, importer: Importer, run: ImportRun, mapping?: Mapping): Promise<ImportOutcome> {
  const chosen = mapping ?? (preview ? await rememberedMapping(db, preview) : undefined);
  const options: ImportOptions = { signal: run.signal, onProgress: run.onProgress, locale: run.locale, baseCurrency: run.baseCurrency };
  const result = await importer(chosen ? { ...options, mapping: chosen } : options);
  if (result.ledger) {
    await keep(db, adminId, result.ledger, name, result, run);
    if (chosen && preview) await rememberMapping(db, preview, chosen);
    return { kind: 'loaded', loaded: { ledger: result.ledger, source: name, report: result.report, warnings: result.issues }, warnings: result.issues };
  }
  if (preview && result.issues.some((i) => i.code === 'unmapped-fields' || i.code === 'no-side')) {
    return { kind: 'mapping', preview, proposal: chosen ?? proposeMapping(preview.headers, preview.rows), issues: result.issues };
  }
  return { kind: 'failed', issues: result.issues };
}

/** A file of any supported format (CSV/TXT/XLSX through the mapping, SAF-T, XAF). */
export async function importSource(db: SubledgerDb, adminId: string, file: SourceFile, run: ImportRun, mapping?: Mapping): Promise<ImportOutcome> {
  const preview = isTabular(file) ? await readTable(file).catch(() => null) : null;
  return settle(db, adminId, file.name, preview, (options) => importFile(file, options), run, mapping);
}

/** "Use a table in this workbook": the used range of the active sheet, through the same mapping. */
export async function importWorkbookTable(db: SubledgerDb, adminId: string, run: ImportRun, mapping?: Mapping): Promise<ImportOutcome> {
  const table = tableFromSheetValues(await readWorkbookTable({ kind: 'usedRange' }));
  const preview: TablePreview = { headers: table.headers, rows: table.rows.slice(0, 20), signature: mappingSignature(table.headers), format: WORKBOOK_SOURCE };
  return settle(db, adminId, table.file, preview, (options) => importTableSource(table, WORKBOOK_SOURCE, [], options), run, mapping);
}

async function rememberMapping(db: SubledgerDb, preview: TablePreview, mapping: Mapping): Promise<void> {
  const byField: Record<string, string> = {};
  for (const [field, choice] of Object.entries(mapping.fields)) if (choice) byField[field] = choice.header;
  await saveMapping(db, preview.headers, byField, mapping.side ? { side: mapping.side } : {});
}

/** The mapping with `field` read from column `column` (or from none when null). */
export function withColumn(mapping: Mapping, headers: readonly string[], field: TargetField, column: number | null): Mapping {
  const fields = { ...mapping.fields };
  if (column === null) delete fields[field];
  else fields[field] = { column, header: headers[column] ?? '', confidence: 1 };
  const next: Mapping = { ...mapping, fields };
  return { ...next, missing: missingFields(next) };
}
