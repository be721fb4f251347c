// The pane asks what a file does not say: whether it holds receivables or payables, or, for a
// general ledger with no recognisable debtors or creditors account, which accounts hold them
// (prefixes, as the command line's --ar-accounts / --ap-accounts). The accounts the importer saw
// are listed from its own error. The answer is remembered for the layout (store/mappings.ts).
import { Button, Field, Input, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { ImportIssue, Side } from '../../core/types';
import { accountPrefixes } from '../../import/gl/accounts';
import type { LayoutAnswers } from '../../store/mappings';
import { counted } from '../model/import-summary';
import { useLanguage } from '../state/pane';

/** The box of an import step (a question or the preview) and its row of buttons. */
export const useStepStyles = makeStyles({
  question: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorBrandStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingVerticalS,
  },
  buttons: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

interface Props {
  file: string;
  onAnswer: (answers: LayoutAnswers) => void;
  onCancel: () => void;
}

export function SideQuestion({ file, onAnswer, onCancel }: Props) {
  const { t } = useLanguage();
  const styles = useStepStyles();
  const answer = (side: Side) => onAnswer({ side });
  return (
    <section className={styles.question} data-testid="side-question" aria-label={t('oi.side')}>
      <Text>{t('data.sideAsk', { file })}</Text>
      <div className={styles.buttons}>
        <Button appearance="primary" data-testid="side-answer-AR" onClick={() => answer('AR')}>
          {t('side.AR')}
        </Button>
        <Button appearance="primary" data-testid="side-answer-AP" onClick={() => answer('AP')}>
          {t('side.AP')}
        </Button>
        <Button onClick={onCancel}>{t('data.cancel')}</Button>
      </div>
      <Text size={200}>{t('data.remembered')}</Text>
    </section>
  );
}

export function AccountsQuestion({ file, issue, onAnswer, onCancel }: Props & { issue: ImportIssue }) {
  const words = useLanguage();
  const { t } = words;
  const styles = useStepStyles();
  const [ar, setAr] = useState('');
  const [ap, setAp] = useState('');
  const lines = Number(issue.params?.lines ?? 0);
  const accounts = String(issue.params?.accounts ?? '');
  const arAccounts = accountPrefixes(ar);
  const apAccounts = accountPrefixes(ap);
  const answers: LayoutAnswers = { ...(arAccounts.length > 0 ? { arAccounts } : {}), ...(apAccounts.length > 0 ? { apAccounts } : {}) };
  return (
    <section className={styles.question} data-testid="accounts-question" aria-label={t('data.accountsApply')}>
      <Text data-testid="accounts-seen">{t('data.accountsAsk', { file, lines: counted(words, 'line', lines), accounts })}</Text>
      <Field label={t('data.accountsAr')} hint={t('data.accountsHint')}>
        <Input data-testid="accounts-ar" value={ar} onChange={(_, d) => setAr(d.value)} />
      </Field>
      <Field label={t('data.accountsAp')}>
        <Input data-testid="accounts-ap" value={ap} onChange={(_, d) => setAp(d.value)} />
      </Field>
      <div className={styles.buttons}>
        <Button appearance="primary" data-testid="accounts-apply" disabled={arAccounts.length + apAccounts.length === 0} onClick={() => onAnswer(answers)}>
          {t('data.accountsApply')}
        </Button>
        <Button onClick={onCancel}>{t('data.cancel')}</Button>
      </div>
      <Text size={200}>{t('data.remembered')}</Text>
    </section>
  );
}
