// The administration (company) the pane works on: a bookkeeping office switches between its
// clients here, or adds one. Each administration has its own ledger, notes and settings.
import { Dropdown, Field, Input, Option, makeStyles, tokens } from '@fluentui/react-components';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { createAdministration, listAdministrations, touchAdministration } from '../../store/administrations';
import { reasonOf, useLanguage, useSession } from '../state/pane';
import { shownAdministrationName } from '../state/use-pane-state';
import { useStoreWrite } from '../state/use-store-write';
import { ActionDialog } from './ActionDialog';

const useStyles = makeStyles({
  // one line from 320 px: the picker takes what the button leaves
  row: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  picker: { flex: '1 1 0', minWidth: 0 },
  dropdown: { minWidth: 0, width: '100%' },
});

function NewAdministration() {
  const { db, setAdminId, notify } = useSession();
  const { t, lang } = useLanguage();
  const [name, setName] = useState('');
  const create = async () => {
    try {
      const row = await createAdministration(db, { name });
      setAdminId(row.id);
      setName('');
    } catch (error) {
      notify('error', t('error.generic', { reason: reasonOf(error, lang) }));
    }
  };
  return (
    <ActionDialog
      opener={t('header.newAdmin')}
      openerTestId="admin-new"
      openerSize="small"
      action={t('header.create')}
      actionTestId="admin-create"
      actionDisabled={name.trim() === ''}
      onAction={() => void create()}
      dismiss={t('settings.cancel')}
    >
      <Field label={t('header.adminName')}>
        <Input data-testid="admin-name" value={name} onChange={(_, d) => setName(d.value)} />
      </Field>
    </ActionDialog>
  );
}

export function AdminPicker() {
  const { db, adminId, setAdminId } = useSession();
  const { t, lang } = useLanguage();
  const styles = useStyles();
  const write = useStoreWrite();
  const admins = useLiveQuery(() => listAdministrations(db), [db]) ?? [];
  const current = admins.find((a) => a.id === adminId);
  return (
    <div className={styles.row}>
      <Field className={styles.picker}>
        <Dropdown
          className={styles.dropdown}
          size="small"
          aria-label={t('header.admin')}
          data-testid="admin-picker"
          value={current ? shownAdministrationName(current, lang) : ''}
          selectedOptions={[adminId]}
          onOptionSelect={(_, data) => {
            if (!data.optionValue) return;
            setAdminId(data.optionValue);
            const id = data.optionValue;
            void write('administration', () => touchAdministration(db, id));
          }}
        >
          {admins.map((a) => (
            <Option key={a.id} value={a.id}>
              {shownAdministrationName(a, lang)}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <NewAdministration />
    </div>
  );
}
