// In Excel, keeps the store linked to the open workbook for the current administration (see
// actions/workbook-link.ts); outside Excel it does nothing.
import { useEffect } from 'react';
import { mergeWorkbookNotes, watchSheetEdits } from '../actions/workbook-link';
import { reasonOf, type Pane } from './pane';

export function useWorkbookLink(pane: Pick<Pane, 'db' | 'adminId' | 'host' | 'notify' | 't' | 'lang'>): void {
  const { db, adminId, host, notify, t, lang } = pane;
  useEffect(() => {
    if (host !== 'Excel') return undefined;
    let stop: (() => Promise<void>) | null = null;
    let live = true;
    const failed = (error: unknown) => notify('warning', t('workbook.linkFailed', { reason: reasonOf(error, lang) }));
    void mergeWorkbookNotes(db, adminId)
      .then((count) => {
        if (count) notify('info', t('workbook.notesMerged', { count }));
      }, failed)
      .then(() => watchSheetEdits(db, adminId, failed))
      .then((s) => {
        if (live) stop = s;
        else void s();
      });
    return () => {
      live = false;
      if (stop) void stop();
    };
  }, [db, adminId, host, notify, t, lang]);
}
