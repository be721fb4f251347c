// The Overview tab: getting data in, then per ledger the key figures (overdue, not yet due,
// total, due within N days) as links that open Open items filtered, and two labelled charts with
// a legend that is also their text: overdue against not yet due (the key figures), and the aging
// buckets of the settings (the engine's aging report, core/aging.ts, summed over the parties).
import { Button, Card, CardHeader, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { SideKeyFigures } from '../../core/report-types';
import { DEFAULT_BASE_CURRENCY, SIDES, type Side } from '../../core/types';
import { formatMoney, formatPercent } from '../format';
import type { SideAging } from '../model/first-screen';
import type { ItemFilter } from '../model/open-items-filter';
import { useLedgerViews } from '../state/ledger-views';
import { useLanguage, useNavigation, useSettings } from '../state/pane';
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
    padding: tokens.spacingVerticalXS,
    minWidth: 0,
    fontWeight: tokens.fontWeightRegular,
  },
  amount: {
    fontVariantNumeric: 'tabular-nums',
    color: tokens.colorBrandForegroundLink,
    textDecorationLine: 'underline',
  },
  chart: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, margin: 0 },
  bar: { display: 'flex', height: '12px', borderRadius: tokens.borderRadiusSmall, overflow: 'hidden', backgroundColor: tokens.colorNeutralBackground3 },
  // a thin gap between the parts, so that two of a like colour stay two
  segment: { boxShadow: `inset -1px 0 0 ${tokens.colorNeutralBackground1}` },
  legend: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalM, rowGap: 0, margin: 0, padding: 0, listStyleType: 'none' },
  swatch: { display: 'inline-block', width: '10px', height: '10px', borderRadius: '2px', marginRight: tokens.spacingHorizontalXS },
});

/** Colours of the parts: not yet due green, then older and older from yellow to dark red and purple. */
const NOT_DUE_COLOUR = tokens.colorPaletteGreenBackground3;
const AGE_COLOURS = [
  tokens.colorPaletteYellowBackground3,
  tokens.colorPaletteMarigoldBackground3,
  tokens.colorPaletteDarkOrangeBackground3,
  tokens.colorPaletteRedBackground3,
  tokens.colorPaletteBerryBackground3,
  tokens.colorPaletteDarkRedBackground2,
  tokens.colorPaletteGrapeBackground2,
];

interface Part {
  label: string;
  amount: number;
  colour: string;
}

function useMoney() {
  const { locale } = useLanguage();
  const { baseCurrency } = useLedgerViews();
  const currency = baseCurrency ?? DEFAULT_BASE_CURRENCY;
  return (minor: number) => formatMoney(minor, currency, locale);
}

interface FigureProps {
  side: Side;
  label: string;
  amount: number;
  filter: Partial<ItemFilter>;
  testId: string;
}

/** A key figure: a link to the open items it adds up. */
function Figure({ side, label, amount, filter, testId }: FigureProps) {
  const { showItems } = useNavigation();
  const styles = useStyles();
  const money = useMoney();
  return (
    <Button className={styles.figure} appearance="transparent" data-testid={testId} data-minor={amount} onClick={() => showItems({ side, ...filter })}>
      <Text size={200}>{label}</Text>
      <Text size={400} weight="semibold" className={styles.amount}>
        {money(amount)}
      </Text>
    </Button>
  );
}

/** A stacked bar with its caption and legend; the legend says in words what the bar shows. */
function Chart({ owner, caption, parts, testId }: { owner: string; caption: string; parts: Part[]; testId: string }) {
  const { locale } = useLanguage();
  const styles = useStyles();
  const money = useMoney();
  const whole = parts.reduce((sum, p) => sum + Math.max(0, p.amount), 0) || 1;
  const share = (p: Part) => Math.max(0, p.amount) / whole;
  const words = parts.map((p) => `${p.label} ${money(p.amount)}`).join(', ');
  return (
    <figure className={styles.chart} data-testid={testId}>
      <figcaption>
        <Text size={200} weight="semibold">
          {caption}
        </Text>
      </figcaption>
      <div className={styles.bar} role="img" aria-label={`${owner} · ${caption}: ${words}`}>
        {parts.map((p) => (
          <div key={p.label} className={styles.segment} style={{ width: `${share(p) * 100}%`, backgroundColor: p.colour }} />
        ))}
      </div>
      <ul className={styles.legend}>
        {parts.map((p) => (
          <li key={p.label} data-minor={p.amount}>
            <span className={styles.swatch} style={{ backgroundColor: p.colour }} aria-hidden="true" />
            <Text size={200}>
              {p.label}: {money(p.amount)} ({formatPercent(share(p), locale)})
            </Text>
          </li>
        ))}
      </ul>
    </figure>
  );
}

function SideCharts({ side, figures, aging }: { side: Side; figures: SideKeyFigures; aging: SideAging | null }) {
  const { t } = useLanguage();
  const { settings } = useSettings();
  const sideName = t(`side.${side}`);
  const dueParts: Part[] = [
    { label: t('kf.overdue'), amount: figures.overdue, colour: tokens.colorPaletteRedBackground3 },
    { label: t('kf.notDue'), amount: figures.notDue, colour: NOT_DUE_COLOUR },
  ];
  // "not due" (basis due) is the first bucket; the older ones darken from yellow to purple
  const older = (i: number) => AGE_COLOURS[Math.min(i, AGE_COLOURS.length - 1)] ?? NOT_DUE_COLOUR;
  const first = settings.agingBasis === 'due' ? 1 : 0;
  const agingParts: Part[] = (aging?.labels ?? []).map((label, b) => ({
    label: b < first ? t('kf.notDue') : t('aging.days', { range: label }),
    amount: aging?.amounts[b] ?? 0,
    colour: b < first ? NOT_DUE_COLOUR : older(b - first),
  }));
  return (
    <>
      <Chart owner={sideName} caption={t('kf.dueChart')} parts={dueParts} testId={`chart-due-${side}`} />
      {aging && (
        <Chart owner={sideName} caption={t(`aging.chart.${settings.agingBasis}`)} parts={agingParts} testId={`chart-aging-${side}`} />
      )}
    </>
  );
}

function SideCard({ side, figures, dueSoon, aging }: { side: Side; figures: SideKeyFigures; dueSoon: readonly number[]; aging: SideAging | null }) {
  const { t } = useLanguage();
  const styles = useStyles();
  return (
    <Card data-testid={`figures-${side}`}>
      <CardHeader header={<Text weight="semibold" as="h2">{t(`side.${side}`)}</Text>} description={<KnownUpTo side={side} testId={`banner-known-${side}`} />} />
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
      <SideCharts side={side} figures={figures} aging={aging} />
    </Card>
  );
}

/** The way to the Year-end pack (state/pane.tsx: a page of its own, not one of the daily tabs). */
function YearEndEntry() {
  const { t } = useLanguage();
  const { setTab } = useNavigation();
  return (
    <div>
      <Button data-testid="open-year-end" onClick={() => setTab('yearEnd')}>
        {t('yearEnd.title')}
      </Button>
    </div>
  );
}

export function Overview() {
  const { settings } = useSettings();
  const { figures, aging } = useLedgerViews();
  const styles = useStyles();
  return (
    <div className={styles.page}>
      <DataIn />
      {figures &&
        SIDES.map((side) => (
          <SideCard key={side} side={side} figures={figures[side]} dueSoon={settings.dueSoonDays} aging={aging?.[side] ?? null} />
        ))}
      {figures && <YearEndEntry />}
    </div>
  );
}
