// The Payments tab: the payables selected in Open items (remembered per administration), their
// total, the execution date, the items refused with their reasons, and the SEPA (pain.001) file; an
// item already in an earlier batch is refused unless the user confirms paying it again. A chosen
// supplier's open credit notes and advances are offered for netting (export/netting.ts): netted,
// the supplier is paid once for the net amount, and the file's total is the net. The payment proposal (the batch laid
// out for approval) is offered for the selection, and for the batch just made once it is cleared.
import { Button, Checkbox, Field, Input, MessageBar, MessageBarBody, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useState } from 'react';
import { parseIsoDate } from '../../core/date';
import type { PaymentPlan } from '../../export/payment-plan';
import { nettingOffers } from '../../export/netting';
import { refusalText } from '../../export/refusals';
import { paymentHistory } from '../../store/payments';
import { historyOf, paymentFile, planSelected, proposalFailure, recordPlan, writeProposal } from '../actions/payments';
import { words } from '../../sheets/i18n';
import { saveBytes } from '../actions/workbook';
import { dayInputValue, formatDay, formatMoney } from '../format';
import { debtorProblems, hasProblems } from '../model/debtor';
import { useLedgerViews } from '../state/ledger-views';
import { reasonOf, useLanguage, useLedger, useSelection, useSession, useSettings } from '../state/pane';
import { useStoreWrite } from '../state/use-store-write';
import { DebtorForm } from './DebtorForm';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, paddingTop: tokens.spacingVerticalS },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, maxHeight: '240px', overflowY: 'auto' },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'end' },
  offers: { display: 'flex', flexDirection: 'column' },
});

function useOpenPayables() {
  const { rows } = useLedgerViews();
  return useMemo(() => rows.filter((r) => r.item.ledger === 'AP' && r.item.open !== 0).map((r) => r.item), [rows]);
}

function usePlan(date: number, confirmRepeat: boolean) {
  const { db, adminId } = useSession();
  const { loaded } = useLedger();
  const { selected } = useSelection();
  const batches = useLiveQuery(() => paymentHistory(db, adminId), [db, adminId]);
  const payables = useOpenPayables();
  return useMemo(
    () => (loaded && selected.size > 0 ? planSelected(loaded.ledger, payables, [...selected], date, historyOf(batches ?? []), confirmRepeat) : null),
    [loaded, selected, payables, date, batches, confirmRepeat],
  );
}

/** "Payment proposal to workbook" (in Excel) / "Download payment proposal" (outside) for one plan. */
function ProposalButton({ plan, sepaFile }: { plan: PaymentPlan; sepaFile?: string }) {
  const { host, notify } = useSession();
  const { t, lang } = useLanguage();
  const { settings } = useSettings();
  const pane = { host, t, lang, settings };
  const [busy, setBusy] = useState(false);
  const write = async () => {
    setBusy(true);
    try {
      notify('success', await writeProposal(pane, plan, sepaFile));
    } catch (error) {
      notify('error', proposalFailure(pane, error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button data-testid="payments-proposal" disabled={busy || plan.payments.length === 0} onClick={() => void write()}>
      {host === 'Excel' ? t('pay.proposalToWorkbook') : t('pay.proposalDownload')}
    </Button>
  );
}

/** The batch just made (its file downloaded, the selection cleared): its proposal is still at hand. */
function MadeBatch({ made }: { made: { plan: PaymentPlan; file: string } }) {
  const { t, locale } = useLanguage();
  const styles = useStyles();
  const { plan } = made;
  return (
    <div className={styles.row} data-testid="payments-made">
      <Text>{t('pay.lastBatch', { batch: plan.batchId, count: plan.payments.length, total: formatMoney(plan.total, 'EUR', locale) })}</Text>
      <ProposalButton plan={plan} sepaFile={made.file} />
    </div>
  );
}

/** The chosen suppliers' credit notes and advances, each a box that nets it into the payment. */
function NettingOffers() {
  const { t, lang, locale } = useLanguage();
  const { selected, setSelected } = useSelection();
  const write = useStoreWrite();
  const styles = useStyles();
  const payables = useOpenPayables();
  const offers = useMemo(() => nettingOffers(payables, selected), [payables, selected]);
  if (offers.length === 0) return null;
  const toggle = (key: string, on: boolean) => {
    const next = new Set(selected);
    if (on) next.add(key);
    else next.delete(key);
    void write(
      'paymentSelection',
      () =>
        new Promise<void>((resolve) => {
          setSelected(next); // throws when the browser's storage refuses it
          resolve();
        }),
    );
  };
  return (
    <div data-testid="netting-offers" className={styles.offers}>
      <Text weight="semibold">{t('pay.netting')}</Text>
      {offers.map((offer) =>
        offer.credits.map((credit) => (
          <div key={credit.key} data-testid="netting-offer" data-key={credit.key}>
            <Checkbox
              checked={selected.has(credit.key)}
              onChange={(_, d) => toggle(credit.key, d.checked === true)}
              label={t('pay.netCredit', {
                party: offer.partyName,
                doc: credit.docNo,
                type: words(lang).entryType(credit.entryType),
                amount: formatMoney(credit.open, credit.currency, locale),
              })}
            />
          </div>
        )),
      )}
    </div>
  );
}

export function Payments() {
  const { asOf, db, adminId, notify } = useSession();
  const { t, lang, locale } = useLanguage();
  const { settings } = useSettings();
  const { selected, setSelected } = useSelection();
  const styles = useStyles();
  const [date, setDate] = useState(asOf + 1);
  const [confirmRepeat, setConfirmRepeat] = useState(false);
  const [made, setMade] = useState<{ plan: PaymentPlan; file: string } | null>(null);
  const plan = usePlan(date, confirmRepeat);
  const [editDebtor, setEditDebtor] = useState(false);
  const debtorReady = !hasProblems(debtorProblems({ name: settings.companyName, iban: settings.iban, bic: settings.bic }, true));
  if (selected.size === 0 || !plan) {
    return (
      <div className={styles.page}>
        <Text data-testid="payments-none">{t('pay.none')}</Text>
        {made && <MadeBatch made={made} />}
      </div>
    );
  }
  const eur = (m: number) => formatMoney(m, 'EUR', locale);
  const makeFile = async () => {
    try {
      const file = paymentFile(plan, { name: settings.companyName, iban: settings.iban, ...(settings.bic ? { bic: settings.bic } : {}) });
      await recordPlan(db, adminId, plan, file.name);
      saveBytes(new TextEncoder().encode(file.xml), file.name, 'application/xml');
      notify('success', t('pay.made', { file: file.name, count: plan.payments.length, total: eur(plan.total) }));
      setMade({ plan, file: file.name });
      setSelected(new Set());
    } catch (error) {
      notify('error', t('error.generic', { reason: reasonOf(error, lang) }));
    }
  };
  if (!debtorReady || editDebtor) {
    return (
      <div className={styles.page}>
        <Text data-testid="payments-selected">{t('pay.selected', { count: selected.size, total: eur(plan.total) })}</Text>
        <DebtorForm onDone={() => setEditDebtor(false)} {...(debtorReady ? { onCancel: () => setEditDebtor(false) } : {})} />
      </div>
    );
  }
  return (
    <div className={styles.page}>
      <div className={styles.row}>
        <Text data-testid="payments-debtor">{t('pay.debtorIs', { name: settings.companyName, iban: settings.iban })}</Text>
        <Button size="small" data-testid="debtor-change" onClick={() => setEditDebtor(true)}>
          {t('pay.debtorChange')}
        </Button>
      </div>
      <Text data-testid="payments-selected">{t('pay.selected', { count: selected.size, total: eur(plan.total) })}</Text>
      <ul className={styles.list} data-testid="payments-list">
        {plan.payments.map((p) => (
          <li key={p.endToEndId}>
            {p.creditorName} · {p.iban} · {p.items.map((i) => i.docNo).join(', ')} · {eur(p.amount)}
          </li>
        ))}
      </ul>
      <NettingOffers />
      <div className={styles.row}>
        <Field label={t('pay.date')}>
          <Input type="date" value={dayInputValue(date)} onChange={(_, d) => setDate(parseIsoDate(d.value) ?? date)} />
        </Field>
        <Checkbox label={t('pay.repeat')} checked={confirmRepeat} onChange={(_, d) => setConfirmRepeat(d.checked === true)} />
      </div>
      {plan.refused.length > 0 && (
        <MessageBar intent="warning" data-testid="payments-refused">
          <MessageBarBody>
            <Text weight="semibold">{t('pay.refused')}</Text>
            <ul className={styles.list}>
              {plan.refused.map((r) => (
                <li key={r.key}>
                  {r.partyName} · {r.docNo} · {refusalText(r, lang)}
                </li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
      <Text size={200}>{formatDay(date, locale)}</Text>
      <div className={styles.row}>
        <Button appearance="primary" data-testid="payments-file" disabled={plan.payments.length === 0} onClick={() => void makeFile()}>
          {t('pay.file')}
        </Button>
        <ProposalButton plan={plan} />
        <Button onClick={() => setSelected(new Set())}>{t('pay.clear')}</Button>
      </div>
    </div>
  );
}
