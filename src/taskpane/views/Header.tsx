// The header, compact (two rows and a line of small print, ~110 px): the administration (switch
// between companies, add one), Sync to workbook / Download workbook with its options, and the
// as-of day with "payments known up to" per side. Whether the pane runs in Excel is said to
// assistive technology and in the sync button's tooltip (the button's own words say it too).
import { Caption1, makeStyles, tokens } from '@fluentui/react-components';
import { formatDay } from '../format';
import { useLanguage, useSession } from '../state/pane';
import { SIDES } from '../../core/types';
import { AdminPicker } from './AdminPicker';
import { KnownUpTo } from './KnownUpTo';
import { SyncControls } from './SyncControls';

const useStyles = makeStyles({
  header: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  title: {
    // the pane's name is in Office's title bar already; the heading is kept for screen readers
    position: 'absolute',
    width: '1px',
    height: '1px',
    overflow: 'hidden',
    clip: 'rect(0 0 0 0)',
    whiteSpace: 'nowrap',
    margin: 0,
  },
  known: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalS, rowGap: 0, color: tokens.colorNeutralForeground2 },
  status: { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap' },
});

/** The as-of day and, per side, the receivables' and the payables' own "payments known up to". */
function Dates() {
  const { asOf } = useSession();
  const { t, locale } = useLanguage();
  const styles = useStyles();
  return (
    <div className={styles.known} data-testid="payments-known">
      <Caption1>{t('header.asOf', { date: formatDay(asOf, locale) })}</Caption1>
      {SIDES.map((side) => (
        <KnownUpTo key={side} side={side} withSide testId={`header-known-${side}`} size={100} />
      ))}
    </div>
  );
}

export function Header() {
  const { host } = useSession();
  const { t } = useLanguage();
  const styles = useStyles();
  const where = host === null ? t('host.outside') : t('host.inside', { host });
  return (
    <header className={styles.header} data-testid="pane-header">
      <h1 className={styles.title}>{t('app.title')}</h1>
      <AdminPicker />
      <SyncControls hint={where} />
      <Dates />
      <span role="status" className={styles.status} data-testid="host-status">
        {where}
      </span>
    </header>
  );
}
