// "Getting data in": Load demo data, Import file (button or drag and drop), and in Excel "Use a
// table in this workbook"; a progress bar with cancel; errors with their file, line and field;
// the report of the import that made the cached ledger; the mapping step when a table's columns
// are not recognised.
import { Button, Card, CardHeader, Field, MessageBar, MessageBarBody, ProgressBar, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useLiveQuery } from 'dexie-react-hooks';
import { useRef, useState, type DragEvent } from 'react';
import type { ImportIssue } from '../../core/types';
import type { SourceFile } from '../../import/index';
import { importHistory } from '../../store/ledger-cache';
import { DEMO_SOURCE, WORKBOOK_SOURCE, importSource, importWorkbookTable, loadDemo, replaceLedger, type ImportChoice, type ImportOutcome, type ImportRun, type Understood } from '../actions/import';
import { loadedMessage } from '../model/import-summary';
import { reasonOf, useLanguage, useLedger, useSession, useSettings } from '../state/pane';
import { ImportReportView } from './ImportReportView';
import { ImportHelp } from './ImportHelp';
import { ImportPreview } from './ImportPreview';
import { AccountsQuestion, SideQuestion } from './ImportQuestion';
import { IssueList } from './IssueList';
import { MappingStep } from './MappingStep';

const useStyles = makeStyles({
  card: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  drop: {
    border: `${tokens.strokeWidthThick} dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingVerticalS,
    textAlign: 'center',
  },
  dropActive: { border: `${tokens.strokeWidthThick} dashed ${tokens.colorBrandStroke1}`, backgroundColor: tokens.colorBrandBackground2 },
});

type Job = (run: ImportRun, choice: ImportChoice) => Promise<ImportOutcome>;
/** What the pane shows after a file was read: a question, or what was understood. */
type Step =
  | { kind: 'mapping'; outcome: Extract<ImportOutcome, { kind: 'mapping' }> }
  | { kind: 'side' }
  | { kind: 'accounts'; issue: ImportIssue }
  | { kind: 'preview'; understood: Understood };
type Pending = { label: string; job: Job; choice: ImportChoice; step: Step };

function useImporter() {
  const pane = { ...useSession(), ...useLanguage(), ...useSettings(), ...useLedger() };
  const [progress, setProgress] = useState<{ label: string; value: number } | null>(null);
  const [errors, setErrors] = useState<{ file: string; issues: ImportIssue[] } | null>(null);
  const [pending, setPending] = useState<Pending | null>(null);
  const abort = useRef<AbortController | null>(null);
  /** Runs `work` with the progress bar and its Cancel; a cancel or a crash is told in a toast. */
  const withProgress = async (label: string, work: (run: ImportRun) => Promise<void>) => {
    const controller = new AbortController();
    abort.current = controller;
    const shown = pane.t('data.importing', { file: label });
    setProgress({ label: shown, value: 0 });
    setErrors(null);
    setPending(null);
    try {
      await work({ signal: controller.signal, onProgress: (value) => setProgress({ label: shown, value }), locale: pane.locale, baseCurrency: pane.settings.baseCurrency });
    } catch (error) {
      const cancelled = controller.signal.aborted;
      pane.notify(cancelled ? 'info' : 'error', cancelled ? pane.t('data.cancelled') : pane.t('error.generic', { reason: reasonOf(error) }));
    } finally {
      abort.current = null;
      setProgress(null);
    }
  };
  const keep = async (understood: Understood, signal: AbortSignal) => {
    const loaded = await replaceLedger(pane.db, pane.adminId, understood, signal);
    pane.setLoaded(loaded);
    const message = loaded.report ? loadedMessage(loaded.report, understood.source, pane) : understood.source;
    pane.notify(loaded.warnings.some((i) => i.severity === 'warning') ? 'warning' : 'success', message);
  };
  const replace = (understood: Understood) => withProgress(understood.source, (r) => keep(understood, r.signal));
  /** Reads with `choice`; what was understood waits for Replace, unless there is nothing to replace and `direct`. */
  const run = (label: string, job: Job, choice: ImportChoice = {}, direct = false) =>
    withProgress(label, async (r) => {
      const outcome = await job(r, choice);
      const ask = (step: Step) => setPending({ label, job, choice, step });
      if (outcome.kind === 'understood') {
        if (direct && !pane.loaded) await keep(outcome.understood, r.signal);
        else ask({ kind: 'preview', understood: outcome.understood });
      } else if (outcome.kind === 'mapping') ask({ kind: 'mapping', outcome });
      else if (outcome.kind === 'side') ask({ kind: 'side' });
      else if (outcome.kind === 'accounts') ask({ kind: 'accounts', issue: outcome.issue });
      else setErrors({ file: label, issues: outcome.issues });
    });
  /** Reads the pending file again with more of the user's choices. */
  const again = (more: ImportChoice) => {
    if (!pending) return;
    const answers = { ...pending.choice.answers, ...more.answers };
    void run(pending.label, pending.job, { ...pending.choice, ...more, answers });
  };
  const decline = () => {
    if (pending?.step.kind === 'preview') pane.notify('info', pane.t('data.declined'));
    setPending(null);
  };
  return { progress, errors, pending, run, again, replace, cancel: () => abort.current?.abort(), decline };
}

async function readSource(file: File): Promise<SourceFile> {
  return { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) };
}

export function DataIn() {
  const { db, adminId, host } = useSession();
  const { t } = useLanguage();
  const { loaded } = useLedger();
  const styles = useStyles();
  const input = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);
  const importer = useImporter();
  const lastImport = useLiveQuery(() => importHistory(db, adminId, 1), [db, adminId])?.[0];
  const busy = importer.progress !== null;
  const pending = importer.pending;
  const understood = pending?.step.kind === 'preview' ? pending.step.understood : null;
  const importOne = async (file: File) => {
    const source = await readSource(file);
    await importer.run(file.name, (r, choice) => importSource(db, source, r, choice));
  };
  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setDragging(false);
    const file = event.dataTransfer.files[0];
    if (file && !busy) void importOne(file);
  };
  return (
    <Card className={styles.card} data-testid="data-in">
      <CardHeader header={<Text weight="semibold" as="h2">{t('data.title')}</Text>} />
      {!loaded && <Text>{t('data.none')}</Text>}
      <div className={styles.row}>
        <Button data-testid="load-demo" disabled={busy} onClick={() => void importer.run(DEMO_SOURCE, () => Promise.resolve(loadDemo()), {}, true)}>
          {t('data.loadDemo')}
        </Button>
        <Button data-testid="import-file" disabled={busy} onClick={() => input.current?.click()}>
          {t('data.importFile')}
        </Button>
        {host === 'Excel' && (
          <Button data-testid="use-table" disabled={busy} onClick={() => void importer.run(WORKBOOK_SOURCE, (r, choice) => importWorkbookTable(db, r, choice))}>
            {t('data.useTable')}
          </Button>
        )}
        <input
          ref={input}
          type="file"
          hidden
          data-testid="import-input"
          aria-label={t('data.importFile')}
          accept=".csv,.txt,.tsv,.xlsx,.xml,.xaf"
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) void importOne(file);
          }}
        />
      </div>
      <div
        className={dragging ? `${styles.drop} ${styles.dropActive}` : styles.drop}
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <Text size={200}>{t('data.drop')}</Text>
      </div>
      <ImportHelp />
      {importer.progress && (
        <div className={styles.row} data-testid="import-progress">
          <Field label={importer.progress.label} style={{ flexGrow: 1 }}>
            <ProgressBar value={importer.progress.value} />
          </Field>
          <Button onClick={importer.cancel}>{t('data.cancel')}</Button>
        </div>
      )}
      {importer.errors && (
        <MessageBar intent="error" data-testid="import-errors">
          <MessageBarBody>
            <Text weight="semibold">{t('data.failed', { file: importer.errors.file })}</Text>
            <IssueList issues={importer.errors.issues.filter((i) => i.severity === 'error')} testId="import-error-list" />
          </MessageBarBody>
        </MessageBar>
      )}
      {pending?.step.kind === 'mapping' && (
        <MappingStep
          preview={pending.step.outcome.preview}
          proposal={pending.step.outcome.proposal}
          file={pending.label}
          onCancel={importer.decline}
          onApply={(mapping) => importer.again({ mapping })}
        />
      )}
      {pending?.step.kind === 'side' && <SideQuestion file={pending.label} onAnswer={(answers) => importer.again({ answers })} onCancel={importer.decline} />}
      {pending?.step.kind === 'accounts' && (
        <AccountsQuestion file={pending.label} issue={pending.step.issue} onAnswer={(answers) => importer.again({ answers })} onCancel={importer.decline} />
      )}
      {understood && <ImportPreview understood={understood} replacing={loaded !== null} onReplace={() => void importer.replace(understood)} onCancel={importer.decline} />}
      {loaded && lastImport?.report && <ImportReportView report={lastImport.report} warnings={lastImport.issues.filter((i) => i.severity === 'warning')} />}
    </Card>
  );
}
