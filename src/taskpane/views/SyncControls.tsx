// "Sync to workbook" (in Excel) / "Download workbook" (outside): one click writes the sheets with
// the current choice; "Sheets and dates…" changes the choice. Progress per sheet, with cancel; a
// failure says what was kept.
import { Button, Checkbox, Dropdown, Field, Input, Option, ProgressBar, makeStyles, tokens } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import { parseIsoDate } from '../../core/date';
import { BasisPicker } from './BasisPicker';
import { ALL_SHEETS, defaultPeriod, sheetKindName, type SyncChoice } from '../actions/workbook';
import { writeSheets } from '../actions/write-sheets';
import { dayInputValue } from '../format';
import { PANE_LANGS, type Lang } from '../i18n';
import { useLanguage, useLedger, useSession, useSettings } from '../state/pane';
import { useSheetJob } from '../state/use-sheet-job';
import { readBucketList } from '../model/user-input';
import { ActionDialog } from './ActionDialog';

const useStyles = makeStyles({
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  grid: { display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(130px, 1fr))', gap: tokens.spacingVerticalXS },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

function useSyncChoice() {
  const { asOf } = useSession();
  const { settings } = useSettings();
  const initial = useMemo<SyncChoice>(
    () => ({
      sheets: [...ALL_SHEETS],
      asOf,
      basis: settings.agingBasis,
      buckets: settings.agingBuckets,
      period: defaultPeriod(asOf),
      lang: settings.sheetLanguage,
    }),
    [asOf, settings],
  );
  const [edited, setEdited] = useState<SyncChoice | null>(null);
  return [edited ?? initial, setEdited] as const;
}

function ChoiceForm({ choice, onChange }: { choice: SyncChoice; onChange: (c: SyncChoice) => void }) {
  const { t, lang } = useLanguage();
  const styles = useStyles();
  const [buckets, setBuckets] = useState(choice.buckets.join(', '));
  const reading = readBucketList(buckets, lang);
  const setDay = (text: string, apply: (day: number) => SyncChoice) => {
    const day = parseIsoDate(text);
    if (day !== null) onChange(apply(day));
  };
  const toggle = (kind: string, on: boolean) =>
    onChange({ ...choice, sheets: on ? ALL_SHEETS.filter((k) => k === kind || choice.sheets.includes(k)) : choice.sheets.filter((k) => k !== kind) });
  return (
    <div className={styles.form}>
      <fieldset className={styles.grid}>
        <legend>{t('sync.sheets')}</legend>
        {ALL_SHEETS.map((kind) => (
          <Checkbox key={kind} label={sheetKindName(kind, lang)} checked={choice.sheets.includes(kind)} onChange={(_, d) => toggle(kind, d.checked === true)} />
        ))}
      </fieldset>
      <Field label={t('sync.asOf')}>
        <Input type="date" value={dayInputValue(choice.asOf)} onChange={(_, d) => setDay(d.value, (asOf) => ({ ...choice, asOf }))} />
      </Field>
      <BasisPicker label={t('sync.basis')} value={choice.basis} onChange={(basis) => onChange({ ...choice, basis })} />
      <Field label={t('sync.buckets')} validationMessage={reading.ok ? null : t('settings.bucketsInvalid', { reason: reading.reason })}>
        <Input
          value={buckets}
          onChange={(_, d) => {
            setBuckets(d.value);
            const next = readBucketList(d.value, lang);
            if (next.ok) onChange({ ...choice, buckets: next.days });
          }}
        />
      </Field>
      <div className={styles.row}>
        <Field label={t('sync.from')}>
          <Input type="date" value={dayInputValue(choice.period.from)} onChange={(_, d) => setDay(d.value, (from) => ({ ...choice, period: { ...choice.period, from } }))} />
        </Field>
        <Field label={t('sync.to')}>
          <Input type="date" value={dayInputValue(choice.period.to)} onChange={(_, d) => setDay(d.value, (to) => ({ ...choice, period: { ...choice.period, to } }))} />
        </Field>
      </div>
      <Field label={t('sync.lang')}>
        <Dropdown
          value={t(`lang.${choice.lang}`)}
          selectedOptions={[choice.lang]}
          onOptionSelect={(_, d) => onChange({ ...choice, lang: (d.optionValue as Lang | undefined) ?? choice.lang })}
        >
          {PANE_LANGS.map((l) => (
            <Option key={l} value={l}>
              {t(`lang.${l}`)}
            </Option>
          ))}
        </Dropdown>
      </Field>
    </div>
  );
}

function useSheetWriter(choice: SyncChoice) {
  const { progress, run, cancel } = useSheetJob();
  return { progress, run: () => run((pane, views, options) => writeSheets(pane, views, choice, options), choice.sheets.length), cancel };
}

/** `hint`: where the sheets go (in Excel, or downloaded), shown as the button's tooltip. */
export function SyncControls({ hint }: { hint?: string }) {
  const { host } = useSession();
  const { t } = useLanguage();
  const { loaded } = useLedger();
  const styles = useStyles();
  const [choice, setChoice] = useSyncChoice();
  const { progress, run, cancel } = useSheetWriter(choice);
  const label = host === 'Excel' ? t('sync.button') : t('sync.download');
  const busy = progress !== null;
  return (
    <div className={styles.form}>
      <div className={styles.row}>
        <Button appearance="primary" size="small" title={hint} data-testid="sync-button" disabled={busy || !loaded} onClick={() => void run()}>
          {label}
        </Button>
        <ActionDialog
          opener={t('sync.title')}
          openerTestId="sync-options"
          openerSize="small"
          openerDisabled={busy}
          action={label}
          actionTestId="sync-run"
          actionDisabled={!loaded}
          onAction={() => void run()}
          dismiss={t('oi.close')}
        >
          <ChoiceForm choice={choice} onChange={setChoice} />
        </ActionDialog>
      </div>
      {progress && (
        <div className={styles.row} data-testid="sync-progress">
          <Field label={t('sync.progress', { sheet: progress.sheet || '…' })} style={{ flexGrow: 1 }}>
            <ProgressBar value={progress.total > 0 ? progress.done / progress.total : 0} />
          </Field>
          <Button onClick={cancel}>{t('data.cancel')}</Button>
        </div>
      )}
    </div>
  );
}
