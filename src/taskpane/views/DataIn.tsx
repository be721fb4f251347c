// "Getting data in": Load demo data, Import file (button or drag and drop), and in Excel "Use a
// table in this workbook"; a progress bar with cancel; errors with their file, line and field;
// the report of the import that made the cached ledger; the mapping step when a table's columns
// are not recognised.
import { Button, Card, CardHeader, Field, MessageBar, MessageBarBody, ProgressBar, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useLiveQuery } from 'dexie-react-hooks';
import { useRef, useState, type DragEvent } from 'react';
import { readWorkbookTable } from '../../excel/read-table';
import { importHistory } from '../../store/ledger-cache';
import { DEMO_SOURCE, WORKBOOK_SOURCE } from '../actions/import';
import { useLanguage, useLedger, useSession } from '../state/pane';
import { useImporter } from '../state/use-importer';
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

export function DataIn() {
  const { db, adminId, host } = useSession();
  const { t } = useLanguage();
  const { loaded, opening } = useLedger();
  const styles = useStyles();
  const input = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);
  const importer = useImporter();
  const lastImport = useLiveQuery(() => importHistory(db, adminId, 1), [db, adminId])?.[0];
  const busy = importer.progress !== null;
  const pending = importer.pending;
  const understood = pending?.step.kind === 'preview' ? pending.step.understood : null;
  const importOne = (file: File) => importer.run(file.name, (jobs, r, choice) => jobs.read({ kind: 'file', name: file.name, file }, r, choice));
  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setDragging(false);
    const file = event.dataTransfer.files[0];
    if (file && !busy) void importOne(file);
  };
  return (
    <Card className={styles.card} data-testid="data-in">
      <CardHeader header={<Text weight="semibold" as="h2">{t('data.title')}</Text>} />
      {!loaded && !opening && <Text>{t('data.none')}</Text>}
      <div className={styles.row}>
        <Button data-testid="load-demo" disabled={busy} onClick={() => void importer.run(DEMO_SOURCE, (jobs, r) => jobs.read({ kind: 'demo' }, r, {}), {}, true)}>
          {t('data.loadDemo')}
        </Button>
        <Button data-testid="import-file" disabled={busy} onClick={() => input.current?.click()}>
          {t('data.importFile')}
        </Button>
        {host === 'Excel' && (
          <Button data-testid="use-table" disabled={busy} onClick={() => void importer.run(WORKBOOK_SOURCE, async (jobs, r, choice) => jobs.read({ kind: 'sheet', values: await readWorkbookTable({ kind: 'usedRange' }) }, r, choice))}>
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
          <Field label={importer.progress.label} hint={<span data-testid="import-phase">{importer.progress.phase}</span>} style={{ flexGrow: 1 }}>
            <ProgressBar value={importer.progress.value} />
          </Field>
          <Button data-testid="import-cancel" onClick={importer.cancel}>
            {t('data.cancel')}
          </Button>
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
