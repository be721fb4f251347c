// "Getting data in": Load demo data, Import file (button or drag and drop), and in Excel "Use a
// table in this workbook"; a progress bar with cancel; errors with their file, line and field;
// the report of the import that made the cached ledger; the mapping step when a table's columns
// are not recognised.
import { Button, Card, CardHeader, Field, MessageBar, MessageBarBody, ProgressBar, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useLiveQuery } from 'dexie-react-hooks';
import { useRef, useState, type DragEvent } from 'react';
import type { ImportIssue } from '../../core/types';
import type { Mapping, SourceFile } from '../../import/index';
import { importHistory } from '../../store/ledger-cache';
import { DEMO_SOURCE, WORKBOOK_SOURCE, importSource, importWorkbookTable, loadDemo, type ImportOutcome, type ImportRun } from '../actions/import';
import { reasonOf, useLanguage, useLedger, useSession, useSettings } from '../state/pane';
import { ImportReportView } from './ImportReportView';
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

type Job = (run: ImportRun, mapping?: Mapping) => Promise<ImportOutcome>;
type Pending = { label: string; job: Job; outcome: Extract<ImportOutcome, { kind: 'mapping' }> };

function useImporter() {
  const pane = { ...useSession(), ...useLanguage(), ...useSettings(), ...useLedger() };
  const [progress, setProgress] = useState<{ label: string; value: number } | null>(null);
  const [errors, setErrors] = useState<{ file: string; issues: ImportIssue[] } | null>(null);
  const [pending, setPending] = useState<Pending | null>(null);
  const abort = useRef<AbortController | null>(null);
  const run = async (label: string, job: Job, mapping?: Mapping) => {
    const controller = new AbortController();
    abort.current = controller;
    setProgress({ label: pane.t('data.importing', { file: label }), value: 0 });
    setErrors(null);
    setPending(null);
    const onProgress = (value: number) => setProgress({ label: pane.t('data.importing', { file: label }), value });
    try {
      const outcome = await job({ signal: controller.signal, onProgress, locale: pane.locale, baseCurrency: pane.settings.baseCurrency }, mapping);
      if (outcome.kind === 'loaded') {
        pane.setLoaded(outcome.loaded);
        pane.notify(outcome.warnings.length > 0 ? 'warning' : 'success', pane.t('data.loaded', summary(outcome.loaded, label)));
      } else if (outcome.kind === 'mapping') setPending({ label, job, outcome });
      else if (outcome.kind === 'failed') setErrors({ file: label, issues: outcome.issues });
    } catch (error) {
      const cancelled = controller.signal.aborted;
      pane.notify(cancelled ? 'info' : 'error', cancelled ? pane.t('data.cancelled') : pane.t('error.generic', { reason: reasonOf(error) }));
    } finally {
      abort.current = null;
      setProgress(null);
    }
  };
  return { progress, errors, pending, run, cancel: () => abort.current?.abort(), dismiss: () => setPending(null) };
}

function summary(loaded: { ledger: { entries: unknown[]; parties: Map<string, unknown> } }, file: string) {
  return { entries: loaded.ledger.entries.length, parties: loaded.ledger.parties.size, file };
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
  const importOne = async (file: File) => {
    const source = await readSource(file);
    await importer.run(file.name, (r, mapping) => importSource(db, adminId, source, r, mapping));
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
        <Button data-testid="load-demo" disabled={busy} onClick={() => void importer.run(DEMO_SOURCE, (r) => loadDemo(db, adminId, r))}>
          {t('data.loadDemo')}
        </Button>
        <Button data-testid="import-file" disabled={busy} onClick={() => input.current?.click()}>
          {t('data.importFile')}
        </Button>
        {host === 'Excel' && (
          <Button data-testid="use-table" disabled={busy} onClick={() => void importer.run(WORKBOOK_SOURCE, (r, mapping) => importWorkbookTable(db, adminId, r, mapping))}>
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
      {importer.pending && (
        <MappingStep
          preview={importer.pending.outcome.preview}
          proposal={importer.pending.outcome.proposal}
          file={importer.pending.label}
          onCancel={importer.dismiss}
          onApply={(mapping) => {
            const pending = importer.pending;
            if (pending) void importer.run(pending.label, pending.job, mapping);
          }}
        />
      )}
      {loaded && lastImport?.report && <ImportReportView report={lastImport.report} warnings={lastImport.issues.filter((i) => i.severity === 'warning')} />}
    </Card>
  );
}
