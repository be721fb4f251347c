// The import the pane is running or asking about: its progress (phase and count) with Cancel, its
// errors, and the step waiting for the user (mapping, side, accounts, preview). It outlives the
// Overview tab that shows it: the pane stays usable while the import worker reads a big file, so
// the user may look at another tab and come back to the progress or the preview.
import { useCallback, useMemo, useSyncExternalStore } from 'react';
import type { ImportIssue } from '../../core/types';
import type { SubledgerDb } from '../../store/db';
import type { ImportChoice } from '../actions/import';
import { importJobs, type ImportJobs, type JobRun } from '../actions/import-client';
import type { ImportProgress, PreviewOutcome, UnderstoodView } from '../actions/import-protocol';
import { formatNumber } from '../format';
import type { Day } from '../../core/date';
import type { Settings } from '../../store/settings';
import type { FirstScreen, FirstScreenParams } from '../model/first-screen';
import { loadedMessage } from '../model/import-summary';
import { reasonOf, useLanguage, useLedger, useSession, useSettings, type Language } from './pane';

export type Job = (jobs: ImportJobs, run: JobRun, choice: ImportChoice) => Promise<PreviewOutcome>;
/** What the pane shows after a file was read: a question, or what was understood. */
export type Step =
  | { kind: 'mapping'; outcome: Extract<PreviewOutcome, { kind: 'mapping' }> }
  | { kind: 'side' }
  | { kind: 'accounts'; issue: ImportIssue }
  | { kind: 'preview'; understood: UnderstoodView };
export type Pending = { label: string; job: Job; choice: ImportChoice; step: Step };

export interface ImportState {
  progress: { label: string; value: number; phase: string } | null;
  errors: { file: string; issues: ImportIssue[] } | null;
  pending: Pending | null;
}

const IDLE: ImportState = { progress: null, errors: null, pending: null };

/** The import state of one database's pane, with its jobs and the Cancel of the running one. */
class PaneImport {
  state = IDLE;
  abort: AbortController | null = null;
  private readonly listeners = new Set<() => void>();
  constructor(readonly jobs: ImportJobs) {}
  set(patch: Partial<ImportState>): void {
    this.state = { ...this.state, ...patch };
    for (const listener of this.listeners) listener();
  }
  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };
  snapshot = (): ImportState => this.state;
}

const imports = new WeakMap<SubledgerDb, PaneImport>();

function paneImport(db: SubledgerDb): PaneImport {
  let found = imports.get(db);
  if (!found) {
    found = new PaneImport(importJobs(db));
    imports.set(db, found);
  }
  return found;
}

/** "Reading the file: 45 %", "Saving: 240,000 of 1,200,000 entries". */
function phaseText(progress: ImportProgress, { t, locale }: Language): string {
  const n = (value: number) => formatNumber(value, locale, 0);
  if (progress.phase === 'reading' || progress.total === undefined) return t('data.phase.reading', { percent: `${n(Math.floor(progress.fraction * 100))} %` });
  return t(progress.phase === 'saving' ? 'data.phase.saving' : 'data.phase.opening', { done: n(progress.done ?? 0), total: n(progress.total) });
}

/** The first screen the Overview shows with these settings. */
function screenOf({ asOf, settings }: { asOf: Day; settings: Settings }): FirstScreenParams {
  return { asOf, dueSoonDays: settings.dueSoonDays, basis: settings.agingBasis, buckets: settings.agingBuckets };
}

export function useImporter() {
  const pane = { ...useSession(), ...useLanguage(), ...useSettings(), ...useLedger() };
  const current = useMemo(() => paneImport(pane.db), [pane.db]);
  const state = useSyncExternalStore(current.subscribe, current.snapshot);
  const { jobs } = current;
  /** Runs `work` with the progress bar and its Cancel; a cancel or a crash is told in a toast. */
  const withProgress = async (label: string, work: (run: JobRun) => Promise<void>) => {
    const controller = new AbortController();
    current.abort = controller;
    const shown = pane.t('data.importing', { file: label });
    const onProgress = (progress: ImportProgress) => current.set({ progress: { label: shown, value: progress.fraction, phase: phaseText(progress, pane) } });
    onProgress({ phase: 'reading', fraction: 0 });
    current.set({ errors: null, pending: null });
    try {
      await work({ signal: controller.signal, onProgress, settings: { locale: pane.locale, baseCurrency: pane.settings.baseCurrency, screen: screenOf(pane) } });
    } catch (error) {
      const cancelled = controller.signal.aborted;
      pane.notify(cancelled ? 'info' : 'error', cancelled ? pane.t('data.cancelled') : pane.t('error.generic', { reason: reasonOf(error, pane.lang) }));
    } finally {
      current.abort = null;
      current.set({ progress: null });
    }
  };
  const keep = async (understood: UnderstoodView, run: JobRun) => {
    const screen = screenOf(pane);
    // The new ledger's figures are shown as soon as the cache holds it; its lists once it is decoded.
    let opened = false;
    const onKept = (firstScreen: FirstScreen) => {
      opened = true;
      pane.setOpening({ firstScreen });
    };
    const loaded = await jobs.keep(understood, pane.adminId, screen, run, onKept).catch((error: unknown) => {
      // kept, but not opened here: the pane shows no ledger rather than the previous one
      if (opened) pane.setLoaded(null);
      throw error;
    });
    pane.setLoaded(loaded);
    const message = loaded.report ? loadedMessage(loaded.report, understood.source, pane) : understood.source;
    pane.notify(loaded.warnings.some((i) => i.severity === 'warning') ? 'warning' : 'success', message);
  };
  const replace = (understood: UnderstoodView) => withProgress(understood.source, (r) => keep(understood, r));
  /** Reads with `choice`; what was understood waits for Replace, unless there is nothing to replace and `direct`. */
  const run = (label: string, job: Job, choice: ImportChoice = {}, direct = false) =>
    withProgress(label, async (r) => {
      const outcome = await job(jobs, r, choice);
      const ask = (step: Step) => current.set({ pending: { label, job, choice, step } });
      if (outcome.kind === 'understood') {
        if (direct && !pane.loaded) await keep(outcome.understood, r);
        else ask({ kind: 'preview', understood: outcome.understood });
      } else if (outcome.kind === 'mapping') ask({ kind: 'mapping', outcome });
      else if (outcome.kind === 'side') ask({ kind: 'side' });
      else if (outcome.kind === 'accounts') ask({ kind: 'accounts', issue: outcome.issue });
      else current.set({ errors: { file: label, issues: outcome.issues } });
    });
  /** Reads the pending file again with more of the user's choices. */
  const again = (more: ImportChoice) => {
    const pending = current.state.pending;
    if (!pending) return;
    const answers = { ...pending.choice.answers, ...more.answers };
    void run(pending.label, pending.job, { ...pending.choice, ...more, answers });
  };
  const decline = () => {
    if (current.state.pending?.step.kind === 'preview') pane.notify('info', pane.t('data.declined'));
    jobs.drop();
    current.set({ pending: null });
  };
  const cancel = useCallback(() => current.abort?.abort(), [current]);
  return { ...state, run, again, replace, cancel, decline };
}
