// The paying company's name, IBAN and BIC, asked in the Payments tab the first time a payment file
// is to be made (and on "Change account"); each field says in place why it cannot go into a SEPA
// file (model/debtor.ts, the file's own rules). Saved in the administration's settings.
import { Button, Field, Input, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { debtorProblems, hasProblems, normalisedDebtor, type DebtorFields, type DebtorProblems } from '../model/debtor';
import { useLanguage, useSettings } from '../state/pane';
import { useStoreWrite } from '../state/use-store-write';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, maxWidth: '420px' },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
});

/** A field's problem in the user's words (the name's code is worded here, the account's come from the file's rules). */
export function useDebtorMessages(): (problems: DebtorProblems, field: keyof DebtorFields) => string | null {
  const { t } = useLanguage();
  return (problems, field) => {
    const problem = problems[field];
    if (problem === undefined) return null;
    return field === 'name' ? t('pay.debtorNameMissing') : problem;
  };
}

export function DebtorForm({ onDone, onCancel }: { onDone: () => void; onCancel?: () => void }) {
  const { t, lang } = useLanguage();
  const { settings, saveSettings } = useSettings();
  const write = useStoreWrite();
  const styles = useStyles();
  const message = useDebtorMessages();
  const [fields, setFields] = useState<DebtorFields>({ name: settings.companyName, iban: settings.iban, bic: settings.bic });
  const [tried, setTried] = useState(false);
  const problems = debtorProblems(fields, true, lang);
  const shown = (field: keyof DebtorFields) => (tried || fields[field] !== '' ? message(problems, field) : null);
  const save = async () => {
    setTried(true);
    if (hasProblems(problems)) return;
    const d = normalisedDebtor(fields);
    if (await write('settings', () => saveSettings({ ...settings, companyName: d.name, iban: d.iban, bic: d.bic }))) onDone();
  };
  const input = (field: keyof DebtorFields, label: string) => (
    <Field label={label} required={field !== 'bic'} validationMessage={shown(field)} validationState={shown(field) ? 'error' : 'none'}>
      <Input value={fields[field]} data-testid={`debtor-${field}`} onChange={(_, d) => setFields({ ...fields, [field]: d.value })} />
    </Field>
  );
  return (
    <section className={styles.form} data-testid="debtor-form" aria-label={t('pay.debtorTitle')}>
      <Text weight="semibold">{t('pay.debtorTitle')}</Text>
      <Text size={200}>{t('pay.debtorHint')}</Text>
      {input('name', t('pay.debtorName'))}
      {input('iban', t('settings.iban'))}
      {input('bic', t('pay.debtorBic'))}
      <div className={styles.row}>
        <Button appearance="primary" data-testid="debtor-save" onClick={() => void save()}>
          {t('pay.debtorSave')}
        </Button>
        {onCancel && <Button onClick={onCancel}>{t('settings.cancel')}</Button>}
      </div>
    </section>
  );
}
