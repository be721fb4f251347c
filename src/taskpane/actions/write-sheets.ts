// The Sync / Download button's job. In Excel: read back what the user typed in the open-items
// sheets (Handled / Note / Follow-up) into the store first, build the sheets with the merged
// annotations, write them (one Excel.run, progress per sheet, cancel), and keep a copy of the
// annotations in the workbook. Outside Excel: the same sheets in a downloaded .xlsx.
import { MissingRateError } from '../../core/revaluation';
import { SheetSyncError, syncSheets } from '../../excel/render';
import { missingRateIssues } from '../../import/rates/index';
import { localizeIssue } from '../../import/messages';
import { readUserEdits } from '../../excel/user-edits';
import { saveWorkbookNotes } from '../../excel/workbook-notes';
import type { Ledger } from '../../core/types';
import type { SheetSpec } from '../../sheets/spec';
import type { ItemNotes } from '../../sheets/workbook';
import { exportAnnotations } from '../../store/backup';
import { ratesSourceOf } from '../../store/settings';
import { mergeSheetEdits, recordSheetShown } from '../../store/sheet-sync';
import type { LedgerViews } from '../state/ledger-views';
import { reasonOf, type Pane } from '../state/pane';
import { downloadWorkbook, workbookFileName, workbookSpecs, type SyncChoice, type WriteOptions } from './workbook';

/** The Handled / Note columns of the open-items sheets, from the store's flags and notes. */
export function notesForSheets(views: Pick<LedgerViews, 'handled' | 'notes'>): ItemNotes {
  const notes = new Map<string, { handled: boolean; note: string }>();
  for (const key of views.handled) notes.set(key, { handled: true, note: views.notes.get(key) ?? '' });
  for (const [key, note] of views.notes) if (!notes.has(key)) notes.set(key, { handled: false, note });
  return notes;
}

/** A failed sync in the user's words: which sheet failed, and what was kept. */
export function syncFailure(pane: Pick<Pane, 't' | 'lang'>, error: unknown): string {
  const reason = reasonOf(error, pane.lang).replace(/[.\s]+$/, '');
  if (error instanceof SheetSyncError) {
    const kept = error.kept ?? error.done.map((d) => d.name).join(', ');
    return pane.t('sync.failed', { reason: `${error.sheet}: ${reason}${kept ? ` (${kept})` : ''}` });
  }
  return pane.t('sync.failed', { reason });
}

type SheetWriter = Pick<Pane, 'db' | 'adminId' | 'host' | 'loaded' | 'settings' | 't' | 'lang'>;

/** The missing rates in the pane's language, named with the rates file (or "typed in Settings"). */
export function missingRatesText(error: MissingRateError, pane: Pick<Pane, 'settings' | 't' | 'lang'>): string {
  const file = pane.settings.closingRates.source ?? pane.t('rates.typed');
  return missingRateIssues(error.missing, file).map((issue) => localizeIssue(issue, pane.lang)).join('; ');
}

/**
 * Builds the sheets; a currency with open items and no closing rate in Settings stops it with the
 * rates readers' message ("eurofxref-daily.xml: no closing rate for GBP on or before …").
 */
export function withClosingRates<T>(pane: Pick<Pane, 'settings' | 't' | 'lang'>, build: () => T): T {
  try {
    return build();
  } catch (error) {
    if (!(error instanceof MissingRateError)) throw error;
    throw new Error(missingRatesText(error, pane), { cause: error });
  }
}

/**
 * A set of sheets to write: built for the Handled / Note columns to show (`outside`: for a file
 * read outside Excel, where the functions are not live), and the file's name when downloaded.
 */
export interface SheetJob {
  build: (ledger: Ledger, notes: ItemNotes, outside: boolean) => SheetSpec[];
  fileName: string;
}

async function syncToExcel(pane: SheetWriter, ledger: Ledger, job: SheetJob, options: WriteOptions): Promise<string> {
  const { db, adminId } = pane;
  // Every sync merges (also with no edits), so the store knows what the sheet showed; that is
  // recorded only once the sheets are written.
  const merged = await mergeSheetEdits(db, adminId, await readUserEdits(), Date.now(), { recordShown: false });
  options.signal.throwIfAborted();
  const notes = merged.sheet;
  const specs = withClosingRates(pane, () => job.build(ledger, notes, false));
  const done = await syncSheets(specs, {
    signal: options.signal,
    onProgress: (p) => options.onProgress({ done: p.sheetIndex, total: p.sheetCount, sheet: p.sheet }),
  });
  await recordSheetShown(db, adminId, notes);
  await saveWorkbookNotes(JSON.stringify(await exportAnnotations(db, adminId)));
  return pane.t('sync.done', { count: done.length });
}

/** Syncs the job's sheets into the open workbook (in Excel) or downloads them as an .xlsx (outside). */
export async function writeSheetJob(pane: SheetWriter, views: LedgerViews, job: SheetJob, options: WriteOptions): Promise<string> {
  const ledger = pane.loaded?.ledger;
  if (!ledger) throw new Error(pane.t('sync.needLedger'));
  if (pane.host === 'Excel') return syncToExcel(pane, ledger, job, options);
  const specs = withClosingRates(pane, () => job.build(ledger, notesForSheets(views), true));
  const file = await downloadWorkbook(specs, job.fileName, options);
  return pane.t('sync.downloaded', { file });
}

export async function writeSheets(pane: SheetWriter, views: LedgerViews, choice: SyncChoice, options: WriteOptions): Promise<string> {
  const { settings } = pane;
  const build = (ledger: Ledger, notes: ItemNotes, outside: boolean) =>
    workbookSpecs(ledger, choice, { company: settings.companyName, dueWithin: settings.dueSoonDays, notes, functionsSheet: outside, rates: ratesSourceOf(settings.closingRates) });
  return writeSheetJob(pane, views, { build, fileName: workbookFileName(choice.asOf) }, options);
}
