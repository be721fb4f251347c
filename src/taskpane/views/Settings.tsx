// The Settings tab: company, base currency, IBAN/BIC, aging basis and buckets, due-soon days, the
// pane's and the sheets' language; closing rates (ClosingRates); backup and restore of notes (JSON); clearing local data.
import { Button, Dropdown, Field, Input, Option, makeStyles, tokens } from '@fluentui/react-components';
import { useRef, useState } from 'react';
import { BasisPicker } from './BasisPicker';
import { exportAnnotations, importAnnotations } from '../../store/backup';
import { saveBytes } from '../actions/workbook';
import { LOCALE_NAMES, PANE_LANGS, PANE_LOCALES, localeFor, offeredLocale, type Lang, type PaneLocale } from '../i18n';
import { withPaneLocale } from '../model/language-choice';
import { useLanguage, useSession, useSettings } from '../state/pane';
import { useStoreWrite } from '../state/use-store-write';
import { settingsProblems, type Settings as SettingsModel } from '../../store/settings';
import { parseDayList, readBucketList } from '../model/user-input';
import { debtorProblems, normalisedDebtor } from '../model/debtor';
import { ActionDialog } from './ActionDialog';
import { ClosingRates } from './ClosingRates';
import { useDebtorMessages } from './DebtorForm';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, paddingTop: tokens.spacingVerticalS, maxWidth: '480px' },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
});

function LangPicker({ label, value, onChange, testId }: { label: string; value: Lang; onChange: (l: Lang) => void; testId: string }) {
  const { t } = useLanguage();
  return (
    <Field label={label}>
      <Dropdown data-testid={testId} value={t(`lang.${value}`)} selectedOptions={[value]} onOptionSelect={(_, d) => onChange(PANE_LANGS.find((l) => l === d.optionValue) ?? value)}>
        {PANE_LANGS.map((l) => (
          <Option key={l} value={l} data-testid={`${testId}-${l}`}>
            {t(`lang.${l}`)}
          </Option>
        ))}
      </Dropdown>
    </Field>
  );
}

/** One list of language and region ("Nederlands (België)"): the texts and how dates and numbers read. */
function LocalePicker({ value, onChange }: { value: PaneLocale; onChange: (l: PaneLocale) => void }) {
  const { t } = useLanguage();
  return (
    <Field label={t('settings.locale')}>
      <Dropdown data-testid="language-picker" lang={value} value={LOCALE_NAMES[value]} selectedOptions={[value]} onOptionSelect={(_, d) => onChange(offeredLocale(d.optionValue) ?? value)}>
        {PANE_LOCALES.map((l) => (
          <Option key={l} value={l} lang={l} data-testid={`language-picker-${l}`}>
            {LOCALE_NAMES[l]}
          </Option>
        ))}
      </Dropdown>
    </Field>
  );
}

function BackupButtons() {
  const { db, adminId, notify } = useSession();
  const { t } = useLanguage();
  const write = useStoreWrite();
  const file = useRef<HTMLInputElement>(null);
  const backup = () =>
    write('backup', async () => {
      const data = await exportAnnotations(db, adminId);
      saveBytes(new TextEncoder().encode(JSON.stringify(data, null, 1)), `subledger-notes-${adminId}.json`, 'application/json');
    });
  const restore = async (f: File) => {
    if (await write('restore', async () => importAnnotations(db, adminId, JSON.parse(await f.text()) as unknown))) notify('success', t('settings.restored'));
  };
  return (
    <div className={useStyles().row}>
      <Button data-testid="backup-notes" onClick={() => void backup()}>
        {t('settings.backup')}
      </Button>
      <Button data-testid="restore-notes" onClick={() => file.current?.click()}>
        {t('settings.restore')}
      </Button>
      <input
        ref={file}
        type="file"
        hidden
        accept=".json,application/json"
        aria-label={t('settings.restore')}
        onChange={(e) => {
          const f = e.target.files?.[0];
          e.target.value = '';
          if (f) void restore(f);
        }}
      />
    </div>
  );
}

function ClearData() {
  const { db, notify } = useSession();
  const { t } = useLanguage();
  const write = useStoreWrite();
  const clear = async () => {
    if (!(await write('clear', () => db.delete()))) return;
    notify('success', t('settings.cleared'));
    window.location.reload();
  };
  return (
    <ActionDialog
      opener={t('settings.clear')}
      openerTestId="clear-data"
      action={t('settings.clearYes')}
      actionTestId="clear-data-confirm"
      onAction={() => void clear()}
      dismiss={t('settings.cancel')}
    >
      {t('settings.clearConfirm')}
    </ActionDialog>
  );
}

type Draft = Omit<SettingsModel, 'agingBuckets' | 'dueSoonDays' | 'closingRates'> & { agingBuckets: string; dueSoonDays: string };

function draftOf(s: SettingsModel): Draft {
  const { closingRates: _rates, ...rest } = s;
  return { ...rest, agingBuckets: s.agingBuckets.join(', '), dueSoonDays: s.dueSoonDays.join(', ') };
}

type Field = 'agingBuckets' | 'dueSoonDays' | 'baseCurrency' | 'companyName' | 'iban' | 'bic';

/**
 * Why each field cannot be saved (absent when it can): the settings' own check (store/settings),
 * worded in the pane's language, and the payment file's reasons for the account.
 */
function draftProblems(draft: Draft, { t, lang }: ReturnType<typeof useLanguage>, debtorMessage: ReturnType<typeof useDebtorMessages>) {
  const buckets = readBucketList(draft.agingBuckets, lang);
  const dueSoon = parseDayList(draft.dueSoonDays);
  const currency = draft.baseCurrency.trim().toUpperCase();
  const refused = settingsProblems({ baseCurrency: currency, ...(buckets.ok ? { agingBuckets: buckets.days } : {}) });
  const debtor = debtorProblems({ name: draft.companyName, iban: draft.iban, bic: draft.bic }, false, lang);
  const problems: Partial<Record<Field, string>> = {};
  if (!buckets.ok) problems.agingBuckets = t('settings.bucketsInvalid', { reason: buckets.reason });
  if (!dueSoon) problems.dueSoonDays = t('settings.dueSoonInvalid', { value: draft.dueSoonDays });
  if (refused.baseCurrency) problems.baseCurrency = t('settings.currencyInvalid', { value: draft.baseCurrency.trim() });
  for (const [field, key] of [['name', 'companyName'], ['iban', 'iban'], ['bic', 'bic']] as const) {
    const message = debtorMessage(debtor, field);
    if (message !== null) problems[key] = message;
  }
  return { problems, buckets: buckets.ok ? buckets.days : null, dueSoon, currency };
}

export function Settings() {
  const { notify } = useSession();
  const language = useLanguage();
  const { t, locale } = language;
  const { settings, saveSettings } = useSettings();
  const styles = useStyles();
  const [draft, setDraft] = useState<Draft>(() => draftOf(settings));
  const debtorMessage = useDebtorMessages();
  const { problems, buckets, dueSoon, currency } = draftProblems(draft, language, debtorMessage);
  const valid = Object.keys(problems).length === 0 && buckets !== null && dueSoon !== null;
  const write = useStoreWrite();
  const save = async () => {
    if (!valid || !buckets || !dueSoon) return;
    const account = normalisedDebtor({ name: draft.companyName, iban: draft.iban, bic: draft.bic });
    const next: SettingsModel = {
      ...settings,
      ...draft,
      language: settings.language,
      locale: settings.locale,
      agingBuckets: buckets,
      dueSoonDays: dueSoon,
      baseCurrency: currency,
      companyName: account.name,
      iban: account.iban,
      bic: account.bic,
    };
    if (await write('settings', () => saveSettings(next))) notify('success', t('settings.saved'));
  };
  const problem = (key: keyof typeof problems) => ({ validationMessage: problems[key] ?? null, validationState: problems[key] ? ('error' as const) : ('none' as const) });
  const text = (key: 'companyName' | 'baseCurrency' | 'iban' | 'bic', label: string) => (
    <Field label={label} {...problem(key)}>
      <Input value={draft[key]} data-testid={`setting-${key}`} onChange={(_, d) => setDraft({ ...draft, [key]: d.value })} />
    </Field>
  );
  return (
    <div className={styles.page}>
      <LocalePicker
        value={offeredLocale(locale) ?? localeFor(settings.language, null)}
        onChange={(chosen) => {
          setDraft((d) => withPaneLocale(d, chosen));
          void write('settings', () => saveSettings(withPaneLocale(settings, chosen)));
        }}
      />
      {text('companyName', t('settings.company'))}
      {text('baseCurrency', t('settings.currency'))}
      {text('iban', t('settings.iban'))}
      {text('bic', t('settings.bic'))}
      <BasisPicker label={t('settings.basis')} value={draft.agingBasis} onChange={(agingBasis) => setDraft({ ...draft, agingBasis })} />
      <Field label={t('settings.buckets')} {...problem('agingBuckets')}>
        <Input value={draft.agingBuckets} data-testid="setting-agingBuckets" onChange={(_, d) => setDraft({ ...draft, agingBuckets: d.value })} />
      </Field>
      <Field label={t('settings.dueSoon')} {...problem('dueSoonDays')}>
        <Input value={draft.dueSoonDays} data-testid="setting-dueSoonDays" onChange={(_, d) => setDraft({ ...draft, dueSoonDays: d.value })} />
      </Field>
      <LangPicker label={t('settings.sheetLanguage')} value={draft.sheetLanguage} testId="sheet-language-picker" onChange={(sheetLanguage) => setDraft({ ...draft, sheetLanguage })} />
      <Button appearance="primary" data-testid="settings-save" disabled={!valid} onClick={() => void save()}>
        {t('settings.save')}
      </Button>
      <ClosingRates />
      <BackupButtons />
      <ClearData />
    </div>
  );
}
