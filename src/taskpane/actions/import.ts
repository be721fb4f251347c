// Getting a ledger in: a file through the importers (format recognised from its content), or the
// demo ledger. Reading a file changes nothing: it ends in what was understood (the ledger, its
// report, the columns and first rows), shown to the user, and only `replaceLedger` writes it to the
// cache (atomic, store/ledger-cache.ts), so a cancelled, failed or declined import leaves the
// previous ledger and every note as they were. What the file does not say comes back as a
// question: the columns (mapping step), the side, or the GL accounts of debtors and creditors;
// the answers are remembered per layout (store/mappings.ts) and used when a file of that layout
// again does not say it itself.
import { ledgerReport } from '../../core/ledger';
import type { ImportIssue, ImportReport, ImportResult, Ledger } from '../../core/types';
import { demoLedger } from '../../import/demo';
import { importAnyTable, importFile, type ImportOptions, type Mapping, type SourceFile } from '../../import/index';
import { mappingSignature, missingFields, proposeMapping, type ColumnChoice, type TargetField } from '../../import/tabular/mapping';
import { tableFromSheetValues, type SheetValues } from '../../import/sheet-values';
import { readTable, type TablePreview } from '../../import/tabular/tabular';
import type { SubledgerDb } from '../../store/db';
import { entryAt } from '../../core/ledger-index';
import { LedgerChunks } from '../../store/entry-chunks';
import { saveLedger, saveLedgerSource, writeSourceChunks, type LedgerSource, type SaveLedgerOptions } from '../../store/ledger-cache';
import { answersOf, findMapping, rememberLayout, type LayoutAnswers } from '../../store/mappings';
import type { MappingRow } from '../../store/records';
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

/** What the user chose for this file: a column mapping, and answers to the pane's questions. */
export interface ImportChoice {
  mapping?: Mapping;
  answers?: LayoutAnswers;
}

/** A ledger read and validated, not yet kept: what the preview shows before "Replace". */
export interface Understood {
  source: string;
  ledger: Ledger;
  report: ImportReport | null;
  issues: ImportIssue[];
  /** The header and first rows of a table, and what to remember for its layout on Replace. */
  layout: { preview: TablePreview; mapping?: Mapping; answers: LayoutAnswers } | null;
  /** How the input was read (the options that decide its ledger): a file is read again the same way. */
  read?: ReadOptions;
}

/** The options of an import that decide its ledger (no progress, no signal): plain data, kept with the file (actions/cached-source.ts). */
export type ReadOptions = Pick<ImportOptions, 'locale' | 'baseCurrency' | 'side' | 'mapping' | 'arAccounts' | 'apAccounts'>;

function readOptions(options: ImportOptions): ReadOptions {
  const { onProgress: _progress, signal: _signal, parties: _parties, maxInputSize: _size, ...read } = options;
  return read;
}

export type ImportOutcome =
  | { kind: 'understood'; understood: Understood }
  | { kind: 'failed'; issues: ImportIssue[] }
  | { kind: 'mapping'; preview: TablePreview; proposal: Mapping; issues: ImportIssue[] }
  /** Nothing says whether the file holds receivables or payables. */
  | { kind: 'side'; issues: ImportIssue[] }
  /** A general ledger in which no account is recognisably the debtors' or creditors'. */
  | { kind: 'accounts'; issue: ImportIssue };

export const WORKBOOK_SOURCE = 'workbook table';
/** The kind a workbook table is reported as (`ImportSource.kind`, named in every language by import/messages.ts). */
const TABLE_KIND = 'table';

/** The demo ledger, with the report an import of it would have. */
export function loadDemo(): ImportOutcome {
  const ledger = demoLedger({ seed: DEMO_SEED });
  const report = ledgerReport(ledger, { file: DEMO_SOURCE, format: DEMO_SOURCE, baseCurrency: ledger.baseCurrency });
  return { kind: 'understood', understood: { source: DEMO_SOURCE, ledger, report, issues: [], layout: null } };
}

/** How the cache write reports on itself (store/ledger-cache.ts `saveLedger`), and the chunks it may find encoded ahead. */
export type SaveWatch = Pick<SaveLedgerOptions, 'onProgress' | 'onWritten' | 'chunks'> & {
  /** The file the ledger was read from: it is kept with it first, its chunks written after (`KeptLedger.writeChunks`). */
  source?: LedgerSource;
};

/** A ledger kept, and what is left to write of it: its chunks, where it was kept with its file first (true once all are written). */
export type KeptLedger = LoadedLedger & { generation: string; writeChunks: () => Promise<boolean> };

/** Keeps what was understood as the administration's ledger, and remembers the layout's answers. */
export async function replaceLedger(db: SubledgerDb, adminId: string, understood: Understood, signal: AbortSignal, watch: SaveWatch = {}): Promise<KeptLedger> {
  const { ledger, report, issues, source } = understood;
  const format = report?.format ?? source;
  const { source: file, ...save } = watch;
  const options: SaveLedgerOptions = { import: { source, format, report, issues }, signal, ...save };
  let writeChunks = () => Promise.resolve(true);
  let generation: string;
  if (file) {
    const chunks = watch.chunks ?? new LedgerChunks(entryAt(ledger));
    generation = (await saveLedgerSource(db, adminId, ledger, file, chunks, options)).generation;
    writeChunks = () => writeSourceChunks(db, adminId, generation, chunks, { ...save, chunks });
  } else generation = (await saveLedger(db, adminId, ledger, options)).generation;
  const layout = understood.layout;
  if (layout && (layout.mapping || hasAnswers(layout.answers))) {
    // A mapping's side (from a Klant/Leverancier header or the mapping step) belongs to the layout too.
    const side = layout.mapping?.side;
    await rememberLayout(db, layout.preview.headers, layout.mapping ? fieldHeaders(layout.mapping) : undefined, side ? { side, ...layout.answers } : layout.answers);
  }
  return { ledger, generation, source, report, warnings: issues, writeChunks };
}

function hasAccounts(answers: LayoutAnswers): boolean {
  return (answers.arAccounts?.length ?? 0) > 0 || (answers.apAccounts?.length ?? 0) > 0;
}

function hasAnswers(answers: LayoutAnswers): boolean {
  return answers.side !== undefined || hasAccounts(answers);
}

function fieldHeaders(mapping: Mapping): Record<string, string> {
  const byField: Record<string, string> = {};
  for (const [field, choice] of Object.entries(mapping.fields)) if (choice) byField[field] = choice.header;
  return byField;
}

/** A remembered layout as a Mapping, or undefined when it holds no complete column mapping. */
function rememberedMapping(row: MappingRow | undefined, preview: TablePreview): Mapping | undefined {
  if (!row) return undefined;
  const fields: Partial<Record<TargetField, ColumnChoice>> = {};
  for (const [field, header] of Object.entries(row.mapping)) {
    const column = preview.headers.indexOf(header);
    if (column >= 0) fields[field as TargetField] = { column, header, confidence: 1 };
  }
  if (Object.keys(fields).length === 0) return undefined;
  const mapping: Mapping = { fields, missing: [], signature: preview.signature };
  const side = answersOf(row).side;
  if (side) mapping.side = side;
  mapping.missing = missingFields(mapping);
  return mapping.missing.length === 0 ? mapping : undefined;
}

function isTabular(file: SourceFile): boolean {
  return /\.(csv|txt|xlsx|tsv)$/i.test(file.name);
}

type Importer = (options: ImportOptions) => Promise<ImportResult>;

const failedWith = (result: ImportResult, code: string) => result.ledger === null && result.issues.some((i) => i.severity === 'error' && i.code === code);

function withAnswers(options: ImportOptions, answers: LayoutAnswers): ImportOptions {
  const next = { ...options };
  if (answers.side) next.side = answers.side;
  if (answers.arAccounts?.length) next.arAccounts = answers.arAccounts;
  if (answers.apAccounts?.length) next.apAccounts = answers.apAccounts;
  return next;
}

/**
 * Imports with the user's choice; where the file does not say its side or its accounts and the
 * layout has a remembered answer, imports again with that answer. Then what was understood, or
 * the question to ask.
 */
async function understand(db: SubledgerDb, name: string, preview: TablePreview | null, importer: Importer, run: ImportRun, choice: ImportChoice): Promise<ImportOutcome> {
  const row = preview ? await findMapping(db, preview.headers) : undefined;
  const mapping = choice.mapping ?? (preview ? rememberedMapping(row, preview) : undefined);
  const base: ImportOptions = { signal: run.signal, onProgress: run.onProgress, locale: run.locale, baseCurrency: run.baseCurrency };
  const withMapping = mapping ? { ...base, mapping } : base;
  let answers: LayoutAnswers = choice.answers ?? {};
  let options = withAnswers(withMapping, answers);
  let result = await importer(options);
  const remembered = answersOf(row);
  const retry = (failedWith(result, 'no-side') && remembered.side && !answers.side) || (failedWith(result, 'gl-no-subledger-accounts') && hasAccounts(remembered) && !hasAccounts(answers));
  if (retry) {
    answers = { ...remembered, ...answers };
    options = withAnswers(withMapping, answers);
    result = await importer(options);
  }
  if (result.ledger) {
    const layout = preview ? { preview, ...(mapping ? { mapping } : {}), answers: choice.answers ?? {} } : null;
    return { kind: 'understood', understood: { source: name, ledger: result.ledger, report: result.report, issues: result.issues, layout, read: readOptions(options) } };
  }
  return question(result.issues, preview, mapping) ?? { kind: 'failed', issues: result.issues };
}

/** The question a failed import asks the user, or null when it simply failed. */
function question(issues: ImportIssue[], preview: TablePreview | null, mapping: Mapping | undefined): ImportOutcome | null {
  const errors = issues.filter((i) => i.severity === 'error');
  const accounts = errors.find((i) => i.code === 'gl-no-subledger-accounts');
  if (accounts && errors.length === 1) return { kind: 'accounts', issue: accounts };
  if (errors.length === 1 && errors[0]?.code === 'no-side') return { kind: 'side', issues };
  if (preview && errors.some((i) => i.code === 'unmapped-fields' || i.code === 'no-side')) {
    return { kind: 'mapping', preview, proposal: mapping ?? proposeMapping(preview.headers, preview.rows), issues };
  }
  return null;
}

/** A file of any supported format (CSV/TXT/XLSX through the mapping, GL exports, SAF-T, XAF). */
export async function importSource(db: SubledgerDb, file: SourceFile, run: ImportRun, choice: ImportChoice = {}): Promise<ImportOutcome> {
  const preview = isTabular(file) ? await readTable(file).catch(() => null) : null;
  return understand(db, file.name, preview, (options) => importFile(file, options), run, choice);
}

/** "Use a table in this workbook": the values read from the sheet (excel/read-table.ts), read as any table file is (a GL list or through the mapping). */
export async function importSheet(db: SubledgerDb, values: SheetValues, run: ImportRun, choice: ImportChoice = {}): Promise<ImportOutcome> {
  const table = tableFromSheetValues(values);
  const preview: TablePreview = { headers: table.headers, rows: table.rows.slice(0, 20), signature: mappingSignature(table.headers), format: WORKBOOK_SOURCE };
  return understand(db, table.file, preview, (options) => importAnyTable(table, TABLE_KIND, [], options), run, choice);
}

/** Where a ledger comes from: a file, the values of a workbook table, or the demo. */
export type ImportInput = { kind: 'file'; name: string; file: Blob } | { kind: 'sheet'; values: SheetValues } | { kind: 'demo' };

/** Reads `input` into what was understood or the question to ask (the one entry of the pane's import worker). */
export async function readInput(db: SubledgerDb, input: ImportInput, run: ImportRun, choice: ImportChoice = {}): Promise<ImportOutcome> {
  switch (input.kind) {
    case 'demo':
      return loadDemo();
    case 'sheet':
      return importSheet(db, input.values, run, choice);
    case 'file':
      return importSource(db, { name: input.name, bytes: new Uint8Array(await input.file.arrayBuffer()) }, run, choice);
  }
}

/** The mapping with `field` read from column `column` (or from none when null). */
export function withColumn(mapping: Mapping, headers: readonly string[], field: TargetField, column: number | null): Mapping {
  const fields = { ...mapping.fields };
  if (column === null) delete fields[field];
  else fields[field] = { column, header: headers[column] ?? '', confidence: 1 };
  const next: Mapping = { ...mapping, fields };
  return { ...next, missing: missingFields(next) };
}
