// The header: the administration (switch between companies), "payments known up to", and the
// Sync to workbook / Download workbook button with its options.
import { Caption1, Text, Title3, makeStyles, tokens } from '@fluentui/react-components';
import { formatDay } from '../format';
import { useLedgerViews } from '../state/ledger-views';
import { useLanguage, useSession } from '../state/pane';
import { AdminPicker } from './AdminPicker';
import { SyncControls } from './SyncControls';

const useStyles = makeStyles({
  header: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'end', gap: tokens.spacingHorizontalM },
});

function PaymentsKnown() {
  const { t, locale } = useLanguage();
  const { figures } = useLedgerViews();
  if (!figures) return null;
  const days = [figures.AR.journalsUpdatedUntil, figures.AP.journalsUpdatedUntil].filter((d): d is number => d !== null);
  const latest = days.length > 0 ? Math.max(...days) : null;
  return (
    <Text data-testid="payments-known">
      {latest === null ? t('header.paymentsUnknown') : t('header.paymentsKnown', { date: formatDay(latest, locale) })}
    </Text>
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
