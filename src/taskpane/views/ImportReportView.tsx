// The import report of the loaded ledger: what kind of file it was taken for, what was read (rows,
// entries by type, parties, currencies, dates) and the warnings, each with its file, line and field.
import { Accordion, AccordionHeader, AccordionItem, AccordionPanel, Text } from '@fluentui/react-components';
import type { ImportIssue, ImportReport } from '../../core/types';
import { ENTRY_TYPES } from '../../core/types';
import { describeSource } from '../../import/messages';
import { formatDay } from '../format';
import { useLanguage } from '../state/pane';
import { IssueList } from './IssueList';

export function ImportReportView({ report, warnings }: { report: ImportReport; warnings: readonly ImportIssue[] }) {
  const { t, locale, lang } = useLanguage();
  const range = report.dateRange ? `${formatDay(report.dateRange.from, locale)} – ${formatDay(report.dateRange.to, locale)}` : '';
  return (
    <Accordion collapsible data-testid="import-report">
      <AccordionItem value="report">
        <AccordionHeader>{t('data.report')}: {report.file}</AccordionHeader>
        <AccordionPanel>
          {report.source && (
            <Text block weight="semibold" data-testid="import-source">
              {describeSource(report.source, lang)}
            </Text>
          )}
          <Text block>
            {report.format} · {report.rowsRead} · {ENTRY_TYPES.map((type) => `${type} ${report.entriesByType[type]}`).join(', ')}
          </Text>
          <Text block>
            {report.parties} · {report.currencies.join(', ')} · {range}
          </Text>
          {report.roundedAmounts > 0 && <Text block>{t('data.rounded', { count: report.roundedAmounts })}</Text>}
          {warnings.length > 0 && (
            <>
              <Text block weight="semibold">
                {t('data.warnings', { count: warnings.length })}
              </Text>
              <IssueList issues={warnings} testId="import-warnings" />
            </>
          )}
        </AccordionPanel>
      </AccordionItem>
    </Accordion>
  );
}
