// Import errors or warnings as a list, each with its file, line (or element path) and field, in
// the pane's language (import/messages.ts); long lists are cut after 50 with a count of the rest.
import { makeStyles, tokens } from '@fluentui/react-components';
import type { ImportIssue } from '../../core/types';
import { localizeIssue } from '../../import/messages';
import { useLanguage } from '../state/pane';

const SHOWN = 50;

const useStyles = makeStyles({
  issues: { margin: 0, paddingLeft: tokens.spacingHorizontalL, maxHeight: '200px', overflowY: 'auto' },
});

export function IssueList({ issues, testId }: { issues: readonly ImportIssue[]; testId: string }) {
  const { lang } = useLanguage();
  const styles = useStyles();
  return (
    <ul className={styles.issues} data-testid={testId}>
      {issues.slice(0, SHOWN).map((issue, i) => (
        <li key={i}>{localizeIssue(issue, lang)}</li>
      ))}
      {issues.length > SHOWN && <li>… +{issues.length - SHOWN}</li>}
    </ul>
  );
}
