// One item's annotations: handled, the note, a payment agreement (promised date and amount) and a
// follow-up action; the item's earlier agreements and follow-ups are listed. Written to the store
// at once; the list and the party view follow through their live queries.
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  Switch,
  Text,
  Textarea,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { parseIsoDate } from '../../core/date';
import { addAgreement, agreementsOfItem } from '../../store/agreements';
import { setHandled } from '../../store/flags';
import { addFollowUp, followUpsOfItem } from '../../store/followups';
import { getNote, setNote } from '../../store/notes';
import { formatDay, formatMoney } from '../format';
import { rowRef, type ItemRow } from '../model/open-items-filter';
import { parseUserAmount } from '../model/user-input';
import { useLedgerViews } from '../state/ledger-views';
import { usePane } from '../state/pane';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'end' },
});

function NoteEditor({ row }: { row: ItemRow }) {
  const { t, db, adminId } = usePane();
  const saved = useLiveQuery(() => getNote(db, adminId, row.key), [db, adminId, row.key]);
  const [text, setText] = useState<string | null>(null);
  const value = text ?? saved?.text ?? '';
  return (
    <Field label={t('oi.note')}>
      <Textarea data-testid="note-text" value={value} onChange={(_, d) => setText(d.value)} />
      <Button data-testid="note-save" disabled={text === null} onClick={() => void setNote(db, adminId, rowRef(row), value).then(() => setText(null))}>
        {t('oi.save')}
      </Button>
    </Field>
  );
}

function AgreementForm({ row }: { row: ItemRow }) {
  const { t, db, adminId, locale } = usePane();
  const styles = useStyles();
  const [date, setDate] = useState('');
  const [amount, setAmount] = useState('');
  const minor = parseUserAmount(amount, row.item.currency, locale);
  const day = parseIsoDate(date);
  const list = useLiveQuery(() => agreementsOfItem(db, adminId, row.key), [db, adminId, row.key]) ?? [];
  const add = async () => {
    if (day === null || minor === null) return;
    await addAgreement(db, adminId, rowRef(row), { promisedDate: day, amount: minor, currency: row.item.currency });
    setDate('');
    setAmount('');
  };
  return (
    <fieldset className={styles.form}>
      <legend>{t('oi.agreement')}</legend>
      {list.map((a) => (
        <Text key={a.id} size={200}>
          {formatDay(a.promisedDate, locale)} · {formatMoney(a.amount, a.currency, locale)} · {a.status}
        </Text>
      ))}
      <div className={styles.row}>
        <Field label={t('oi.promisedDate')}>
          <Input type="date" value={date} onChange={(_, d) => setDate(d.value)} />
        </Field>
        <Field label={t('oi.promisedAmount')} validationMessage={amount !== '' && minor === null ? t('settings.invalid', { value: amount }) : null}>
          <Input value={amount} inputMode="decimal" onChange={(_, d) => setAmount(d.value)} />
        </Field>
        <Button disabled={day === null || minor === null} onClick={() => void add()}>
          {t('oi.save')}
        </Button>
      </div>
    </fieldset>
  );
}

function FollowUpForm({ row }: { row: ItemRow }) {
  const { t, db, adminId, locale } = usePane();
  const styles = useStyles();
  const [date, setDate] = useState('');
  const [text, setText] = useState('');
  const day = parseIsoDate(date);
  const list = useLiveQuery(() => followUpsOfItem(db, adminId, row.key), [db, adminId, row.key]) ?? [];
  const add = async () => {
    if (day === null) return;
    await addFollowUp(db, adminId, rowRef(row), { dueDate: day, text });
    setDate('');
    setText('');
  };
  return (
    <fieldset className={styles.form}>
      <legend>{t('oi.followUp')}</legend>
      {list.map((f) => (
        <Text key={f.id} size={200}>
          {formatDay(f.dueDate, locale)} · {f.text} {f.done ? `· ${t('party.done')}` : ''}
        </Text>
      ))}
      <div className={styles.row}>
        <Field label={t('oi.followUp')}>
          <Input type="date" value={date} data-testid="followup-date" onChange={(_, d) => setDate(d.value)} />
        </Field>
        <Field label={t('oi.followUpText')}>
          <Input value={text} onChange={(_, d) => setText(d.value)} />
        </Field>
        <Button data-testid="followup-save" disabled={day === null} onClick={() => void add()}>
          {t('oi.save')}
        </Button>
      </div>
    </fieldset>
  );
}

export function ItemDialog({ row, onClose }: { row: ItemRow; onClose: () => void }) {
  const { t, db, adminId, locale } = usePane();
  const { handled } = useLedgerViews();
  const styles = useStyles();
  const { item } = row;
  return (
    <Dialog open onOpenChange={(_, d) => !d.open && onClose()}>
      <DialogSurface data-testid="item-dialog">
        <DialogBody>
          <DialogTitle>{t('oi.editNote', { doc: item.docNo })}</DialogTitle>
          <DialogContent className={styles.form}>
            <Text>
              {item.partyName} · {formatMoney(item.open, item.currency, locale)} · {t('oi.dueOn', { date: formatDay(item.dueDate, locale) })}
            </Text>
            <Switch
              label={t('oi.markHandled')}
              data-testid="dialog-handled"
              checked={handled.has(row.key)}
              onChange={(_, d) => void setHandled(db, adminId, rowRef(row), d.checked)}
            />
            <NoteEditor row={row} />
            <AgreementForm row={row} />
            <FollowUpForm row={row} />
          </DialogContent>
          <DialogActions>
            <Button data-testid="dialog-close" onClick={onClose}>
              {t('oi.close')}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
