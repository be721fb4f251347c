// The Overview tab: getting data in, then per ledger the key figures (overdue, not yet due,
// total, due within N days) with an overdue-vs-not-due bar; a figure opens Open items filtered.
import { Button, Card, CardHeader, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { SideKeyFigures } from '../../core/report-types';
import { DEFAULT_BASE_CURRENCY, SIDES, type Side } from '../../core/types';
import { formatMoney } from '../format';
import type { ItemFilter } from '../model/open-items-filter';
import { useLedgerViews } from '../state/ledger-views';
import { useLanguage, useLedger, useNavigation, useSettings } from '../state/pane';
import { DataIn } from './DataIn';
import { KnownUpTo } from './KnownUpTo';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, paddingTop: tokens.spacingVerticalS },
  figures: { display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(130px, 1fr))', gap: tokens.spacingHorizontalS },
  figure: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-start',
    height: 'auto',
    padding: tokens.spacingVerticalS,
    minWidth: 0,
  },
  amount: { fontVariantNumeric: 'tabular-nums' },
  bar: { display: 'flex', height: '10px', borderRadius: tokens.borderRadiusSmall, overflow: 'hidden', backgroundColor: tokens.colorNeutralBackground3 },
  overdue: { backgroundColor: tokens.colorPaletteRedBackground3 },
  notDue: { backgroundColor: tokens.colorPaletteGreenBackground3 },
});

interface FigureProps {
  side: Side;
  label: string;
  amount: number;
  filter: Partial<ItemFilter>;
  testId: string;
}

function Figure({ side, label, amount, filter, testId }: FigureProps) {
  const { locale } = useLanguage();
  const { loaded } = useLedger();
  const { showItems } = useNavigation();
  const styles = useStyles();
  const currency = loaded?.ledger.baseCurrency ?? DEFAULT_BASE_CURRENCY;
  return (
    <Button className={styles.figure} appearance="subtle" data-testid={testId} data-minor={amount} onClick={() => showItems({ side, ...filter })}>
      <Text size={200}>{label}</Text>
      <Text size={400} weight="semibold" className={styles.amount}>
        {formatMoney(amount, currency, locale)}
      </Text>
    </Button>
  );
}

function Bar({ side, figures }: { side: Side; figures: SideKeyFigures }) {
  const { t, locale } = useLanguage();
  const { loaded } = useLedger();
  const styles = useStyles();
  const currency = loaded?.ledger.baseCurrency ?? DEFAULT_BASE_CURRENCY;
  const overdue = Math.max(0, figures.overdue);
  const notDue = Math.max(0, figures.notDue);
  const whole = overdue + notDue || 1;
  const label = t('kf.bar', {
    side: t(`side.${side}`),
    overdue: formatMoney(figures.overdue, currency, locale),
    notDue: formatMoney(figures.notDue, currency, locale),
  });
  return (
    <div className={styles.bar} role="img" aria-label={label} title={label}>
      <div className={styles.overdue} style={{ width: `${(overdue / whole) * 100}%` }} />
      <div className={styles.notDue} style={{ width: `${(notDue / whole) * 100}%` }} />
    </div>
  );
}

function SideCard({ side, figures, dueSoon }: { side: Side; figures: SideKeyFigures; dueSoon: readonly number[] }) {
  const { t } = useLanguage();
  const styles = useStyles();
  return (
    <Card data-testid={`figures-${side}`}>
      <CardHeader header={<Text weight="semibold" as="h2">{t(`side.${side}`)}</Text>} description={<KnownUpTo side={side} testId={`banner-known-${side}`} />} />
      <Bar side={side} figures={figures} />
      <div className={styles.figures}>
        <Figure side={side} label={t('kf.overdue')} amount={figures.overdue} filter={{ due: 'overdue' }} testId={`kf-${side}-overdue`} />
        <Figure side={side} label={t('kf.notDue')} amount={figures.notDue} filter={{ due: 'notDue' }} testId={`kf-${side}-notDue`} />
        <Figure side={side} label={t('kf.total')} amount={figures.total} filter={{}} testId={`kf-${side}-total`} />
        {dueSoon.map((n) => (
          <Figure
            key={n}
            side={side}
            label={t('kf.dueWithin', { n })}
            amount={figures.dueWithin[n] ?? 0}
            filter={{ due: 'within', withinDays: n }}
            testId={`kf-${side}-within-${n}`}
          />
        ))}
      </div>
    </Card>
  );
}

export function Overview() {
  const { settings } = useSettings();
  const { figures } = useLedgerViews();
  const styles = useStyles();
  return (
    <div className={styles.page}>
      <DataIn />
      {figures && SIDES.map((side) => <SideCard key={side} side={side} figures={figures[side]} dueSoon={settings.dueSoonDays} />)}
    </div>
  );
}
