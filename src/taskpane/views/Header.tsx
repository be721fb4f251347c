// The header: the administration (switch between companies), "payments known up to", and the
// Sync to workbook / Download workbook button with its options.
import { Caption1, Dropdown, Field, Option, Text, Title3, makeStyles, tokens } from '@fluentui/react-components';
import { useLiveQuery } from 'dexie-react-hooks';
import { listAdministrations, touchAdministration } from '../../store/administrations';
import { formatDay } from '../format';
import { useLedgerViews } from '../state/ledger-views';
import { usePane } from '../state/pane';
import { SyncControls } from './SyncControls';

const useStyles = makeStyles({
  header: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'end', gap: tokens.spacingHorizontalM },
  admin: { minWidth: '160px', flexGrow: 1 },
});

function PaymentsKnown() {
  const { t, locale } = usePane();
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

function AdministrationPicker() {
  const { db, adminId, setAdminId, t } = usePane();
  const styles = useStyles();
  const admins = useLiveQuery(() => listAdministrations(db), [db]) ?? [];
  const current = admins.find((a) => a.id === adminId);
  if (admins.length < 2) return current ? <Text weight="semibold">{current.name}</Text> : null;
  return (
    <Field label={t('header.admin')} className={styles.admin}>
      <Dropdown
        data-testid="admin-picker"
        value={current?.name ?? ''}
        selectedOptions={[adminId]}
        onOptionSelect={(_, data) => {
          if (!data.optionValue) return;
          setAdminId(data.optionValue);
          void touchAdministration(db, data.optionValue);
        }}
      >
        {admins.map((a) => (
          <Option key={a.id} value={a.id}>
            {a.name}
          </Option>
        ))}
      </Dropdown>
    </Field>
  );
}

export function Header() {
  const { t, host, asOf, locale } = usePane();
  const styles = useStyles();
  return (
    <header className={styles.header}>
      <div className={styles.row}>
        <Title3 as="h1">{t('app.title')}</Title3>
        <AdministrationPicker />
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
