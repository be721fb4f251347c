// While the pane is open in Excel: the notes a colleague left in this workbook (its custom XML
// copy) are merged into this computer's store once, and what the user types in the Handled /
// Note / Follow-up cells of the open-items sheets is stored as it happens (table change events).
import { loadWorkbookNotes } from '../../excel/workbook-notes';
import { watchUserEdits, type UserEdit } from '../../excel/user-edits';
import { importAnnotations } from '../../store/backup';
import type { SubledgerDb } from '../../store/db';
import { mergeSheetEdits } from '../../store/sheet-sync';

/** Merges the workbook's copy of the annotations into the store; the number of notes and flags taken. */
export async function mergeWorkbookNotes(db: SubledgerDb, adminId: string): Promise<number | null> {
  const json = await loadWorkbookNotes();
  if (json === null) return null;
  const result = await importAnnotations(db, adminId, json);
  return result.added + result.updated;
}

/** Stores edits typed in the sheet, timed when Excel reported them; what the sheet shows is
 * recorded only by the next full sync. */
export async function storeLiveEdits(db: SubledgerDb, adminId: string, edits: readonly UserEdit[]): Promise<void> {
  const at = Date.now();
  await mergeSheetEdits(db, adminId, edits.map((e) => ({ ...e, editedAt: at })), at, { recordShown: false });
}

/** Stores sheet edits as Excel reports them; returns what stops it. Errors go to `onError`, never throw. */
export async function watchSheetEdits(
  db: SubledgerDb,
  adminId: string,
  onError: (error: unknown) => void,
): Promise<() => Promise<void>> {
  return watchUserEdits((edits) => void storeLiveEdits(db, adminId, edits).catch(onError), onError).catch((error: unknown) => {
    onError(error);
    return () => Promise.resolve();
  });
}
