// The Year-end tab: the pack `subledger yearend` writes (sheets/year-end.ts), as of a date (by
// default the last fiscal year end), with the revaluation at the closing rates of Settings and
// the balance confirmations chosen here (none, all, a seeded sample, over an amount, parties
// picked). "Sync to workbook" in Excel, "Download" outside; progress with cancel, and a failure
// ("no closing rate for GBP on or before 2025-12-31") kept beside the button.
import {
  Button,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  Radio,
  RadioGroup,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import { seedFromClock } from '../../core/confirmations';
import { parseIsoDate } from '../../core/date';
import { yearEndPeriod } from '../../sheets/year-end';
import { yearEndJob } from '../actions/year-end';
import { writeSheetJob } from '../actions/write-sheets';
import { formatDay } from '../format';
import type { MessageKey } from '../i18n';
import { CONFIRM_KINDS, newYearEndForm, readYearEndForm, type ConfirmKind, type YearEndForm } from '../model/year-end-form';
import { useLanguage, useLedger, useSession, useSettings } from '../state/pane';
import { useSheetJob } from '../state/use-sheet-job';
import { YearEndParties } from './YearEndParties';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  fieldset: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, border: 'none', margin: 0, padding: 0 },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'end' },
  small: { width: '110px' },
  note: { color: tokens.colorNeutralForeground2 },
});

const KIND_LABEL: Record<ConfirmKind, MessageKey> = {
  none: 'yearEnd.confirm.none',
  all: 'yearEnd.confirm.all',
  sample: 'yearEnd.confirm.sample',
  over: 'yearEnd.confirm.over',
  parties: 'yearEnd.confirm.parties',
};

function RatesLine() {
  const { t } = useLanguage();
  const { settings } = useSettings();
  const styles = useStyles();
  const currencies = [...new Set(settings.closingRates.rates.map((r) => r.currency))].sort();
  return (
    <Text size={200} className={styles.note} data-testid="yearend-rates">
      {currencies.length === 0 ? t('yearEnd.noRates') : t('yearEnd.rates', { currencies: currencies.join(', ') })}
    </Text>
  );
}

function SampleFields({ form, set, problems }: FieldsProps) {
  const { t } = useLanguage();
  const styles = useStyles();
  return (
    <div className={styles.row}>
      <Field label={t('yearEnd.size')} className={styles.small} validationMessage={problems.size ? t(problems.size) : null}>
        <Input value={form.size} inputMode="numeric" data-testid="yearend-size" onChange={(_, d) => set({ size: d.value })} />
      </Field>
      <Field label={t('yearEnd.seed')} className={styles.small} validationMessage={problems.seed ? t(problems.seed) : null}>
        <Input value={form.seed} inputMode="numeric" data-testid="yearend-seed" onChange={(_, d) => set({ seed: d.value })} />
      </Field>
      <Button data-testid="yearend-new-seed" onClick={() => set({ seed: String(seedFromClock(Date.now())) })}>
        {t('yearEnd.newSeed')}
      </Button>
      <Text size={200} className={styles.note}>
        {t('yearEnd.seedHint')}
      </Text>
    </div>
  );
}

interface FieldsProps {
  form: YearEndForm;
  set: (change: Partial<YearEndForm>) => void;
  problems: Partial<Record<string, MessageKey>>;
}

function ConfirmChoice({ form, set, problems }: FieldsProps) {
  const { t } = useLanguage();
  const { loaded } = useLedger();
  const styles = useStyles();
  const ledger = loaded?.ledger ?? null;
  return (
    <fieldset className={styles.fieldset}>
      <legend>{t('yearEnd.confirm')}</legend>
      <RadioGroup value={form.kind} data-testid="yearend-confirm" onChange={(_, d) => set({ kind: d.value as ConfirmKind })}>
        {CONFIRM_KINDS.map((kind) => (
          <Radio key={kind} value={kind} label={t(KIND_LABEL[kind])} data-testid={`yearend-confirm-${kind}`} />
        ))}
      </RadioGroup>
      {form.kind === 'sample' && <SampleFields form={form} set={set} problems={problems} />}
      {form.kind === 'over' && (
        <Field label={t('yearEnd.over', { currency: ledger?.baseCurrency ?? '' })} validationMessage={problems.over ? t(problems.over) : null}>
          <Input value={form.over} inputMode="decimal" data-testid="yearend-over" onChange={(_, d) => set({ over: d.value })} />
        </Field>
      )}
      {form.kind === 'parties' && (
        <YearEndParties
          ledger={ledger}
          asOf={parseIsoDate(form.asOf)}
          parties={form.parties}
          onChange={(parties) => set({ parties })}
          problem={problems.parties ? t(problems.parties) : null}
        />
      )}
    </fieldset>
  );
}

export function YearEnd() {
  const { asOf: today, host } = useSession();
  const { t, locale } = useLanguage();
  const { loaded } = useLedger();
  const styles = useStyles();
  const [form, setForm] = useState(() => newYearEndForm(today, seedFromClock(Date.now())));
  const set = (change: Partial<YearEndForm>) => setForm((f) => ({ ...f, ...change }));
  const reading = readYearEndForm(form, loaded?.ledger.baseCurrency ?? '', locale);
  const problems = reading.ok ? {} : reading.problems;
  const runner = useSheetJob();
  const busy = runner.progress !== null;
  const asOf = parseIsoDate(form.asOf);
  const period = asOf === null ? null : yearEndPeriod(asOf);
  const write = () => {
    if (!reading.ok) return;
    const { choice } = reading;
    void runner.run((pane, views, options) => writeSheetJob(pane, views, yearEndJob(pane.settings, choice), options), 0);
  };
  const progress = runner.progress;
  return (
    <section className={styles.form} aria-labelledby="yearend-title" data-testid="yearend">
      <Text as="h2" id="yearend-title" weight="semibold" size={400}>
        {t('yearEnd.title')}
      </Text>
      <Text size={200}>{t('yearEnd.intro')}</Text>
      <Field label={t('yearEnd.asOf')} validationMessage={problems.asOf ? t(problems.asOf) : null}>
        <Input type="date" value={form.asOf} data-testid="yearend-asof" onChange={(_, d) => set({ asOf: d.value })} />
      </Field>
      {period && (
        <Text size={200} className={styles.note} data-testid="yearend-period">
          {t('yearEnd.period', { from: formatDay(period.from, locale), to: formatDay(period.to, locale) })}
        </Text>
      )}
      <RatesLine />
      <ConfirmChoice form={form} set={set} problems={problems} />
      {host !== null && (
        <Text size={200} className={styles.note}>
          {t('yearEnd.replaces')}
        </Text>
      )}
      <div className={styles.row}>
        <Button appearance="primary" data-testid="yearend-run" disabled={busy || !loaded || !reading.ok} onClick={write}>
          {host === null ? t('yearEnd.download') : t('sync.button')}
        </Button>
        {busy && (
          <Button data-testid="yearend-cancel" onClick={runner.cancel}>
            {t('data.cancel')}
          </Button>
        )}
      </div>
      {!loaded && <Text size={200}>{t('sync.needLedger')}</Text>}
      {progress && (
        <Field label={t('yearEnd.writing', { sheet: progress.sheet || '…', done: progress.done, total: progress.total || '…' })} data-testid="yearend-progress">
          {progress.total > 0 ? <ProgressBar value={progress.done / progress.total} /> : <ProgressBar />}
        </Field>
      )}
      {runner.failure !== null && !busy && (
        <MessageBar intent="error" data-testid="yearend-error">
          <MessageBarBody>{runner.failure}</MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}
