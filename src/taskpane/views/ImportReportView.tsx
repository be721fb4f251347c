// The import report of the loaded ledger in sentences, in the user's language: what kind of file
// it was taken for, the entries by type, the parties and currencies, the dates, and the warnings,
// each with its file, line and field (the same sentences as the preview before Replace).
import { Accordion, AccordionHeader, AccordionItem, AccordionPanel, Text } from '@fluentui/react-components';
import type { ImportIssue, ImportReport } from '../../core/types';
import { counted, reportSentences } from '../model/import-summary';
import { useLanguage } from '../state/pane';
import { IssueList } from './IssueList';

export function ImportReportView({ report, warnings }: { report: ImportReport; warnings: readonly ImportIssue[] }) {
  const words = useLanguage();
  const { t } = words;
  return (
    <Accordion collapsible data-testid="import-report">
      <AccordionItem value="report">
        <AccordionHeader>{t('data.report')}: {report.file}</AccordionHeader>
        <AccordionPanel>
          <div data-testid="import-report-sentences">
            {reportSentences(report, words).map((sentence, i) => (
              <Text block key={i}>
                {sentence}
              </Text>
            ))}
          </div>
          {warnings.length > 0 && (
            <>
              <Text block weight="semibold">
                {counted(words, 'warning', warnings.length)}
              </Text>
              <IssueList issues={warnings} testId="import-warnings" />
            </>
          )}
        </AccordionPanel>
      </AccordionItem>
    </Accordion>
  );
}
