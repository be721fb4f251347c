// "Which files can I import?": the formats the importers read, in plain words, folded away until
// asked for.
import { Accordion, AccordionHeader, AccordionItem, AccordionPanel, makeStyles, tokens } from '@fluentui/react-components';
import type { MessageKey } from '../i18n';
import { useLanguage } from '../state/pane';

const FORMATS: readonly MessageKey[] = [
  'data.help.canonical',
  'data.help.exports',
  'data.help.fec',
  'data.help.datev',
  'data.help.gl',
  'data.help.invoices',
  'data.help.saft',
  'data.help.xaf',
  'data.help.table',
  'data.help.demo',
];

const useStyles = makeStyles({
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
});

export function ImportHelp() {
  const { t } = useLanguage();
  const styles = useStyles();
  return (
    <Accordion collapsible data-testid="import-help">
      <AccordionItem value="help">
        <AccordionHeader>{t('data.help.title')}</AccordionHeader>
        <AccordionPanel>
          <ul className={styles.list} data-testid="import-help-list">
            {FORMATS.map((key) => (
              <li key={key}>{t(key, { button: t('data.useTable') })}</li>
            ))}
          </ul>
        </AccordionPanel>
      </AccordionItem>
    </Accordion>
  );
}
