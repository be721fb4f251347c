// The header: the administration (switch between companies), "payments known up to", and the
// Sync to workbook / Download workbook button with its options.
import { Caption1, Title3, makeStyles, tokens } from '@fluentui/react-components';
import { formatDay } from '../format';
import { useLanguage, useSession } from '../state/pane';
import { SIDES } from '../../core/types';
import { AdminPicker } from './AdminPicker';
import { KnownUpTo } from './KnownUpTo';
import { SyncControls } from './SyncControls';

const useStyles = makeStyles({
  header: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'end', gap: tokens.spacingHorizontalM },
  known: { display: 'flex', flexDirection: 'column' },
});

/** Per side: the receivables' and the payables' own dates. */
function PaymentsKnown() {
  const styles = useStyles();
  return (
    <div className={styles.known} data-testid="payments-known">
      {SIDES.map((side) => (
        <KnownUpTo key={side} side={side} withSide testId={`header-known-${side}`} />
      ))}
    </div>
  );
}

export function Header() {
  const { host, asOf } = useSession();
  const { t, locale } = useLanguage();
  const styles = useStyles();
  return (
    <header className={styles.header}>
      <div className={styles.row}>
        <Title3 as="h1">{t('app.title')}</Title3>
        <AdminPicker />
      </div>
      <div className={styles.row}>
        <PaymentsKnown />
        <Caption1>{t('header.asOf', { date: formatDay(asOf, locale) })}</Caption1>
      </div>
      <SyncControls />
      <Caption1 role="status" data-testid="host-status">
        {host === null ? t('host.outside') : t('host.inside', { host })}
      </Caption1>
    </header>
  );
}
