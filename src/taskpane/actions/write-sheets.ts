// The Sync / Download button's job: SheetSpecs for the chosen sheets with the user's notes, then
// either into the open workbook (Excel host) or into a downloaded .xlsx. Returns the message to show.
import type { ItemNotes } from '../../sheets/workbook';
import type { LedgerViews } from '../state/ledger-views';
import type { Pane } from '../state/pane';
import { downloadWorkbook, workbookSpecs, type SyncChoice, type WriteOptions } from './workbook';

/** The Handled / Note columns of the open-items sheets, from the store's flags and notes. */
export function notesForSheets(views: Pick<LedgerViews, 'handled' | 'notes'>): ItemNotes {
  const notes = new Map<string, { handled: boolean; note: string }>();
  for (const key of views.handled) notes.set(key, { handled: true, note: views.notes.get(key) ?? '' });
  for (const [key, note] of views.notes) if (!notes.has(key)) notes.set(key, { handled: false, note });
  return notes;
}

export async function writeSheets(pane: Pane, views: LedgerViews, choice: SyncChoice, options: WriteOptions): Promise<string> {
  const ledger = pane.loaded?.ledger;
  if (!ledger) throw new Error(pane.t('sync.needLedger'));
  const specs = workbookSpecs(ledger, choice, {
    company: pane.settings.companyName,
    dueWithin: pane.settings.dueSoonDays,
    notes: notesForSheets(views),
  });
  const file = await downloadWorkbook(specs, choice.asOf, options);
  return pane.t('sync.downloaded', { file });
}
