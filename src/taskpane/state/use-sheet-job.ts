// Running a sheet-writing job from a button (Sync / Download, the Year-end pack): progress per
// sheet, a cancel, one message when it ends, and the last failure kept for the view to show
// beside its button (a toast goes away; "GBP has no closing rate on 31 Dec 2025" should not).
import { useRef, useState } from 'react';
import type { SyncProgress, WriteOptions } from '../actions/workbook';
import { syncFailure } from '../actions/write-sheets';
import { useLedgerViews, type LedgerViews } from './ledger-views';
import { useLanguage, useLedger, useSession, useSettings, type Pane } from './pane';

export type SheetPane = Pick<Pane, 'db' | 'adminId' | 'host' | 'loaded' | 'settings' | 't' | 'lang'>;

/** Writes the sheets and returns the message to show ("14 sheets written."). */
export type SheetWrite = (pane: SheetPane, views: LedgerViews, options: WriteOptions) => Promise<string>;

export interface SheetJobRunner {
  progress: SyncProgress | null;
  /** Why the last run failed, in the user's words; null after a run that succeeded or was cancelled. */
  failure: string | null;
  /** Runs `write`; `sheets` is how many sheets are expected (0 when not known before). */
  run: (write: SheetWrite, sheets: number) => Promise<void>;
  cancel: () => void;
}

export function useSheetJob(): SheetJobRunner {
  const pane = { ...useSession(), ...useLanguage(), ...useSettings(), ...useLedger() };
  const views = useLedgerViews();
  const [progress, setProgress] = useState<SyncProgress | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const abort = useRef<AbortController | null>(null);
  const run = async (write: SheetWrite, sheets: number) => {
    if (!pane.loaded) {
      pane.notify('warning', pane.t('sync.needLedger'));
      return;
    }
    const controller = new AbortController();
    abort.current = controller;
    setFailure(null);
    setProgress({ done: 0, total: sheets, sheet: '' });
    try {
      pane.notify('success', await write(pane, views, { onProgress: setProgress, signal: controller.signal }));
    } catch (error) {
      const text = syncFailure(pane, error);
      if (!controller.signal.aborted) setFailure(text);
      pane.notify(controller.signal.aborted ? 'info' : 'error', text);
    } finally {
      abort.current = null;
      setProgress(null);
    }
  };
  return { progress, failure, run, cancel: () => abort.current?.abort() };
}
