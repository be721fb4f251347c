// Closing rates in Settings: the administration's rate per currency (units of it per 1 unit of the
// base currency, or per 1 EUR when read from the ECB's file), typed with its date or read from a
// rates file picked or dropped here. Each change is saved at once, checked by the settings' one
// check (store/settings); a typed rate is refused in the words a rates file would be.
import { Button, Field, Input, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useRef, useState, type DragEvent } from 'react';
import { parseIsoDate } from '../../core/date';
import type { ImportIssue } from '../../core/types';
import { settingsProblems, typedRate, type StoredRates } from '../../store/settings';
import { settingReason } from '../../store/setting-problems';
import { readRatesFile } from '../actions/rates-file';
import { dayInputValue, formatDay } from '../format';
import { useLanguage, useSession, useSettings } from '../state/pane';
import { useStoreWrite } from '../state/use-store-write';
import { IssueList } from './IssueList';

const useStyles = makeStyles({
  section: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalS,
    border: `1px dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  dragging: { backgroundColor: tokens.colorNeutralBackground1Hover },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'end' },
  small: { width: '90px' },
  // an Input is wider than 90 px unless told (Settings overflowed a 320 px pane)
  fill: { minWidth: 0, width: '100%' },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

function TypedRate({ rates, save }: { rates: StoredRates; save: (next: StoredRates) => Promise<boolean> }) {
  const { asOf } = useSession();
  const { t, lang } = useLanguage();
  const styles = useStyles();
  const [typed, setTyped] = useState({ currency: '', rate: '', date: dayInputValue(asOf) });
  const rate = typedRate(typed.currency, typed.rate, parseIsoDate(typed.date));
  const next: StoredRates = { ...rates, rates: [...rates.rates.filter((r) => r.currency !== rate.currency || r.date !== rate.date), rate] };
  const problem = settingsProblems({ closingRates: next }).closingRates;
  const started = typed.currency.trim() !== '' || typed.rate.trim() !== '';
  const text = problem && started ? settingReason(problem, lang) : null;
  const onCurrency = problem && 'index' in problem && ['bad-currency', 'unknown-currency'].includes(problem.code);
  const add = async () => {
    if (problem || !started) return;
    if (await save(next)) setTyped({ ...typed, currency: '', rate: '' });
  };
  return (
    <div className={styles.row}>
      <Field label={t('rates.currency')} className={styles.small} validationMessage={onCurrency ? text : null} validationState={onCurrency ? 'error' : 'none'}>
        <Input className={styles.fill} value={typed.currency} data-testid="rate-currency" onChange={(_, d) => setTyped({ ...typed, currency: d.value })} />
      </Field>
      <Field label={t('rates.rate')} className={styles.small} validationMessage={!onCurrency ? text : null} validationState={text !== null && !onCurrency ? 'error' : 'none'}>
        <Input className={styles.fill} value={typed.rate} data-testid="rate-value" inputMode="decimal" onChange={(_, d) => setTyped({ ...typed, rate: d.value })} />
      </Field>
      <Field label={t('rates.date')}>
        <Input type="date" value={typed.date} data-testid="rate-date" onChange={(_, d) => setTyped({ ...typed, date: d.value })} />
      </Field>
      <Button data-testid="rate-add" disabled={!started || problem !== undefined} onClick={() => void add()}>
        {t('rates.add')}
      </Button>
    </div>
  );
}

function useRatesFile(save: (next: StoredRates) => Promise<boolean>) {
  const { notify, asOf: today } = useSession();
  const { t, locale } = useLanguage();
  const [asOf, setAsOf] = useState(today);
  const [issues, setIssues] = useState<ImportIssue[]>([]);
  const read = async (file: File) => {
    const reading = await readRatesFile({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) }, asOf);
    setIssues(reading.kind === 'issues' ? reading.issues : []);
    if (reading.kind === 'none') notify('warning', t('rates.noneAsOf', { file: reading.file, date: formatDay(asOf, locale) }));
    if (reading.kind === 'rates' && (await save(reading.rates))) notify('success', t('rates.read', { count: reading.rates.rates.length, file: file.name }));
  };
  return { asOf, setAsOf, issues, read };
}

export function ClosingRates() {
  const { t, locale } = useLanguage();
  const { settings, saveSettings } = useSettings();
  const write = useStoreWrite();
  const styles = useStyles();
  const picker = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);
  const rates = settings.closingRates;
  const save = (next: StoredRates) => write('settings', () => saveSettings({ ...settings, closingRates: next }));
  const file = useRatesFile(save);
  const onDrop = (event: DragEvent<HTMLElement>) => {
    event.preventDefault();
    setDragging(false);
    const dropped = event.dataTransfer.files[0];
    if (dropped) void file.read(dropped);
  };
  return (
    <section
      className={`${styles.section} ${dragging ? styles.dragging : ''}`}
      aria-label={t('rates.title')}
      data-testid="closing-rates"
      onDragOver={(e) => {
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
    >
      <Text weight="semibold">{t('rates.title')}</Text>
      <Text size={200}>{t('rates.hint', { per: rates.quoteBase ?? settings.baseCurrency })}</Text>
      {rates.source !== null && <Text size={200}>{t('rates.source', { file: rates.source })}</Text>}
      {rates.rates.length === 0 ? (
        <Text size={200}>{t('rates.empty')}</Text>
      ) : (
        <ul className={styles.list} data-testid="closing-rate-list">
          {rates.rates.map((r, i) => (
            <li key={`${r.currency}-${r.date ?? ''}`} data-testid={`closing-rate-${r.currency}`} data-rate={r.rate} data-date={dayInputValue(r.date)}>
              {`${r.currency} ${r.rate}${r.date === null ? '' : ` · ${formatDay(r.date, locale)}`} `}
              <Button size="small" appearance="subtle" aria-label={t('rates.remove', { currency: r.currency })} onClick={() => void save({ ...rates, rates: rates.rates.filter((_, j) => j !== i) })}>
                ✕
              </Button>
            </li>
          ))}
        </ul>
      )}
      <TypedRate rates={rates} save={save} />
      <div className={styles.row}>
        <Field label={t('rates.asOf')}>
          <Input type="date" value={dayInputValue(file.asOf)} data-testid="rates-as-of" onChange={(_, d) => file.setAsOf(parseIsoDate(d.value) ?? file.asOf)} />
        </Field>
        <Button data-testid="rates-file" onClick={() => picker.current?.click()}>
          {t('rates.file')}
        </Button>
        {rates.rates.length > 0 && (
          <Button data-testid="rates-clear" onClick={() => void save({ quoteBase: null, source: null, rates: [] })}>
            {t('rates.clear')}
          </Button>
        )}
      </div>
      <input
        ref={picker}
        type="file"
        hidden
        accept=".csv,.txt,.xml,text/csv,text/xml,application/xml"
        aria-label={t('rates.file')}
        data-testid="rates-file-input"
        onChange={(e) => {
          const f = e.target.files?.[0];
          e.target.value = '';
          if (f) void file.read(f);
        }}
      />
      <Text size={200}>{t('rates.drop')}</Text>
      {file.issues.length > 0 && (
        <>
          <Text size={200}>{t('rates.fileFailed')}</Text>
          <IssueList issues={file.issues} testId="rates-issues" />
        </>
      )}
    </section>
  );
}
