// What an import understood, before anything is replaced: the kind of file and the counts in
// sentences (the import report's own), the sides, the columns a table was read from, its first
// rows and the warnings; then "Replace" (or "Import" when no ledger is loaded yet) or "Cancel".
import { Button, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { UnderstoodView } from '../actions/import-protocol';
import { counted, reportSentences, sidesSentence } from '../model/import-summary';
import { useLanguage } from '../state/pane';
import { useStepStyles } from './ImportQuestion';
import { IssueList } from './IssueList';

const useStyles = makeStyles({
  rows: { overflowX: 'auto' },
  columns: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
});

/** Rows of the first-rows table. */
const FIRST_ROWS = 5;

interface Props {
  understood: UnderstoodView;
  /** Whether a ledger is loaded now (then the button says Replace). */
  replacing: boolean;
  onReplace: () => void;
  onCancel: () => void;
}

export function ImportPreview({ understood, replacing, onReplace, onCancel }: Props) {
  const words = useLanguage();
  const { t } = words;
  const styles = useStyles();
  const step = useStepStyles();
  const { report, layout } = understood;
  const warnings = understood.issues.filter((i) => i.severity === 'warning');
  const columns = Object.entries(report?.columns ?? {});
  return (
    <section className={step.question} data-testid="import-preview" aria-label={t('data.previewTitle', { file: understood.source })}>
      <Text weight="semibold" as="h3">
        {t('data.previewTitle', { file: understood.source })}
      </Text>
      <div data-testid="import-preview-summary">
        {report && reportSentences(report, words).map((sentence, i) => (
          <Text block key={i}>
            {sentence}
          </Text>
        ))}
        <Text block data-testid="import-preview-sides">
          {sidesSentence(understood.bySide, words)}
        </Text>
      </div>
      {columns.length > 0 && (
        <div data-testid="import-preview-columns">
          <Text weight="semibold">{t('data.previewColumns')}</Text>
          <ul className={styles.columns}>
            {columns.map(([field, header]) => (
              <li key={field}>
                <Text size={200}>{t('data.previewColumn', { field, header })}</Text>
              </li>
            ))}
          </ul>
        </div>
      )}
      {layout && layout.preview.rows.length > 0 && (
        <div className={styles.rows}>
          <Table size="extra-small" aria-label={t('data.preview')} data-testid="import-preview-rows">
            <TableHeader>
              <TableRow>
                {layout.preview.headers.map((h, i) => (
                  <TableHeaderCell key={i}>{h}</TableHeaderCell>
                ))}
              </TableRow>
            </TableHeader>
            <TableBody>
              {layout.preview.rows.slice(0, FIRST_ROWS).map((row, r) => (
                <TableRow key={r}>
                  {layout.preview.headers.map((_, c) => (
                    <TableCell key={c}>{String(row[c] ?? '')}</TableCell>
                  ))}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
      {warnings.length > 0 && (
        <div>
          <Text weight="semibold">{counted(words, 'warning', warnings.length)}</Text>
          <IssueList issues={warnings} testId="import-preview-warnings" />
        </div>
      )}
      <Text size={200}>{replacing ? t('data.previewUnchanged') : t('data.previewFirst')}</Text>
      <div className={step.buttons}>
        <Button appearance="primary" data-testid="import-replace" onClick={onReplace}>
          {replacing ? t('data.replace') : t('data.importThis')}
        </Button>
        <Button data-testid="import-preview-cancel" onClick={onCancel}>
          {t('data.cancel')}
        </Button>
      </div>
    </section>
  );
}
