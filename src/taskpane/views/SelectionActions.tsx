// What the Open items selection shows and does: how many rows, their open amount per currency (and
// the base total beside mixed currencies), and the actions on all of them at once — handled or not,
// a follow-up, and for payables adding them to the payment. Each is a store write that is awaited;
// a failure is told (state/use-store-write.ts) and the selection stays as it was.
import { Button, Field, Input, Popover, PopoverSurface, PopoverTrigger, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { parseIsoDate } from '../../core/date';
import { setHandledMany } from '../../store/flags';
import { addFollowUps } from '../../store/followups';
import { dayInputValue, formatDay, formatMoney } from '../format';
import { openByCurrency } from '../model/currency-totals';
import { rowRef, type ItemRow } from '../model/open-items-filter';
import { useLanguage, useSelection, useSession } from '../state/pane';
import { useStoreWrite } from '../state/use-store-write';
import { currencyList } from './ItemGrid';

const useStyles = makeStyles({
  bar: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

function FollowUpAction({ rows, onDone }: { rows: ItemRow[]; onDone: () => void }) {
  const { db, adminId, asOf, notify } = useSession();
  const { t, locale } = useLanguage();
  const write = useStoreWrite();
  const styles = useStyles();
  const [open, setOpen] = useState(false);
  const [date, setDate] = useState(dayInputValue(asOf + 7));
  const [text, setText] = useState('');
  const day = parseIsoDate(date);
  const save = async () => {
    if (day === null) return;
    const ok = await write('followUp', () => addFollowUps(db, adminId, rows.map(rowRef), { dueDate: day, text: text.trim() }));
    if (!ok) return;
    notify('success', t('oi.done.followUp', { count: rows.length.toLocaleString(locale), date: formatDay(day, locale) }));
    setOpen(false);
    setText('');
    onDone();
  };
  return (
    <Popover open={open} onOpenChange={(_, d) => setOpen(d.open)} trapFocus>
      <PopoverTrigger disableButtonEnhancement>
        <Button size="small" data-testid="action-followup">
          {t('oi.act.followUp')}
        </Button>
      </PopoverTrigger>
      <PopoverSurface aria-label={t('oi.act.followUp')}>
        <div className={styles.form}>
          <Field label={t('oi.followUp')} validationMessage={day === null ? t('oi.followUpIncomplete') : null}>
            <Input type="date" data-testid="action-followup-date" value={date} onChange={(_, d) => setDate(d.value)} />
          </Field>
          <Field label={t('oi.followUpText')}>
            <Input data-testid="action-followup-text" value={text} onChange={(_, d) => setText(d.value)} />
          </Field>
          <Button appearance="primary" data-testid="action-followup-save" disabled={day === null} onClick={() => void save()}>
            {t('oi.act.followUpSave', { count: rows.length.toLocaleString(locale) })}
          </Button>
        </div>
      </PopoverSurface>
    </Popover>
  );
}

export function SelectionActions({ rows, baseCurrency, onClear }: { rows: ItemRow[]; baseCurrency: string; onClear: () => void }) {
  const { db, adminId, notify } = useSession();
  const { t, locale } = useLanguage();
  const { selected, setSelected } = useSelection();
  const write = useStoreWrite();
  const styles = useStyles();
  if (rows.length === 0) return null;
  const totals = openByCurrency(rows);
  const mixed = totals.perCurrency.some((c) => c.currency !== baseCurrency);
  const count = rows.length.toLocaleString(locale);
  const payable = rows.filter((r) => r.item.ledger === 'AP' && r.item.open !== 0);
  const mark = async (handled: boolean) => {
    const ok = await write('handled', () => setHandledMany(db, adminId, rows.map(rowRef), handled));
    if (ok) notify('success', t(handled ? 'oi.done.handled' : 'oi.done.notHandled', { count }));
  };
  const addToPayment = async () => {
    const next = new Set(selected);
    for (const r of payable) next.add(r.key);
    const ok = await write(
      'paymentSelection',
      () =>
        new Promise<void>((resolve) => {
          setSelected(next); // throws when the browser's storage refuses it
          resolve();
        }),
    );
    if (ok) notify('success', t('oi.done.addPayment', { count: payable.length.toLocaleString(locale), total: next.size.toLocaleString(locale) }));
  };
  return (
    <div className={styles.bar} data-testid="selection-bar">
      <Text role="status" weight="semibold" data-testid="selection-count" data-count={rows.length} data-totals={totals.perCurrency.map((c) => `${c.currency}:${c.open}`).join(';')}>
        {mixed
          ? t('oi.selectedMixed', { count, amounts: currencyList(totals, locale), total: formatMoney(totals.base, baseCurrency, locale), currency: baseCurrency })
          : t('oi.selected', { count, total: currencyList(totals, locale) || formatMoney(0, baseCurrency, locale) })}
      </Text>
      <Button size="small" data-testid="action-handled" onClick={() => void mark(true)}>
        {t('oi.act.handled')}
      </Button>
      <Button size="small" data-testid="action-not-handled" onClick={() => void mark(false)}>
        {t('oi.act.notHandled')}
      </Button>
      <FollowUpAction rows={rows} onDone={() => undefined} />
      {payable.length > 0 && (
        <Button size="small" appearance="primary" data-testid="action-add-payment" onClick={() => void addToPayment()}>
          {t('oi.act.addPayment', { count: payable.length.toLocaleString(locale) })}
        </Button>
      )}
      <Button size="small" appearance="subtle" data-testid="action-clear" onClick={onClear}>
        {t('oi.act.clear')}
      </Button>
    </div>
  );
}
