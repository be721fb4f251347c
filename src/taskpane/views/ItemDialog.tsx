// One item's dialog: handled, the note, a payment agreement (promised date and amount) and a
// follow-up action, with the item's earlier agreements and follow-ups. One Save writes every part
// that changed and closes; a part the store refused stays in the form with the reason shown. What
// is typed is kept as a draft (model/item-draft.ts) until it is saved or discarded, so Close, Esc
// or a reload never lose it; reopening the item brings it back.
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
  MessageBar,
  MessageBarBody,
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
import { EMPTY_DRAFT, isDirty, memoryShelf, storageShelf, withoutPart, type DraftPart, type DraftShelf, type ItemDraft } from '../model/item-draft';
import { rowRef, type ItemRow } from '../model/open-items-filter';
import { parseUserAmount } from '../model/user-input';
import { useLedgerViews } from '../state/ledger-views';
import { useLanguage, useSession } from '../state/pane';
import { useStoreAttempt, type WriteKind } from '../state/use-store-write';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'end' },
});

let shelf: DraftShelf | null = null;

/** The drafts of the pane: in localStorage, or in memory where the browser refuses it. */
function drafts(): DraftShelf {
  if (!shelf) {
    try {
      shelf = storageShelf(window.localStorage);
    } catch {
      shelf = memoryShelf();
    }
  }
  return shelf;
}

interface FormProps {
  row: ItemRow;
  draft: ItemDraft;
  change: (draft: ItemDraft) => void;
}

function AgreementForm({ row, draft, change }: FormProps) {
  const { db, adminId } = useSession();
  const { t, locale } = useLanguage();
  const styles = useStyles();
  const list = useLiveQuery(() => agreementsOfItem(db, adminId, row.key), [db, adminId, row.key]) ?? [];
  const amount = draft.agreementAmount;
  const minor = parseUserAmount(amount, row.item.currency, locale);
  return (
    <fieldset className={styles.form}>
      <legend>{t('oi.agreement')}</legend>
      {list.map((a) => (
        <Text key={a.id} size={200}>
          {formatDay(a.promisedDate, locale)} · {formatMoney(a.amount, a.currency, locale)} · {t(`agreement.${a.status}`)}
        </Text>
      ))}
      <div className={styles.row}>
        <Field label={t('oi.promisedDate')}>
          <Input type="date" data-testid="agreement-date" value={draft.agreementDate} onChange={(_, d) => change({ ...draft, agreementDate: d.value })} />
        </Field>
        <Field label={t('oi.promisedAmount')} validationMessage={amount.trim() !== '' && minor === null ? t('oi.notAmount', { value: amount }) : null}>
          <Input value={amount} inputMode="decimal" data-testid="agreement-amount" onChange={(_, d) => change({ ...draft, agreementAmount: d.value })} />
        </Field>
      </div>
    </fieldset>
  );
}

function FollowUpForm({ row, draft, change }: FormProps) {
  const { db, adminId } = useSession();
  const { t, locale } = useLanguage();
  const styles = useStyles();
  const list = useLiveQuery(() => followUpsOfItem(db, adminId, row.key), [db, adminId, row.key]) ?? [];
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
          <Input type="date" value={draft.followUpDate} data-testid="followup-date" onChange={(_, d) => change({ ...draft, followUpDate: d.value })} />
        </Field>
        <Field label={t('oi.followUpText')}>
          <Input value={draft.followUpText} data-testid="followup-text" onChange={(_, d) => change({ ...draft, followUpText: d.value })} />
        </Field>
      </div>
    </fieldset>
  );
}

/** Why the draft cannot be saved as it is, or null. */
function draftProblem(draft: ItemDraft, row: ItemRow, locale: string, t: ReturnType<typeof useLanguage>['t']): string | null {
  const agreementStarted = draft.agreementDate !== '' || draft.agreementAmount.trim() !== '';
  if (agreementStarted && (parseIsoDate(draft.agreementDate) === null || parseUserAmount(draft.agreementAmount, row.item.currency, locale) === null)) {
    return t('oi.agreementIncomplete');
  }
  if (draft.followUpText.trim() !== '' && parseIsoDate(draft.followUpDate) === null) return t('oi.followUpIncomplete');
  return null;
}

function useDraftSave(row: ItemRow) {
  const { db, adminId } = useSession();
  const { locale } = useLanguage();
  const attempt = useStoreAttempt();
  const ref = rowRef(row);
  /** Writes each changed part; resolves with the draft of what is left and the failures. */
  return async (draft: ItemDraft): Promise<{ left: ItemDraft; failures: string[] }> => {
    const jobs: [DraftPart, WriteKind, (() => Promise<unknown>) | null][] = [
      ['handled', 'handled', draft.handled === null ? null : () => setHandled(db, adminId, ref, draft.handled === true)],
      ['note', 'note', draft.note === null ? null : () => setNote(db, adminId, ref, draft.note ?? '')],
      ['agreement', 'agreement', agreementJob()],
      ['followUp', 'followUp', followUpJob()],
    ];
    let left = draft;
    const failures: string[] = [];
    for (const [part, kind, job] of jobs) {
      if (!job) continue;
      const failure = await attempt(kind, job);
      if (failure === null) left = withoutPart(left, part);
      else failures.push(failure);
    }
    return { left, failures };

    function agreementJob() {
      const day = parseIsoDate(draft.agreementDate);
      const minor = parseUserAmount(draft.agreementAmount, row.item.currency, locale);
      if (day === null || minor === null) return null;
      return () => addAgreement(db, adminId, ref, { promisedDate: day, amount: minor, currency: row.item.currency });
    }
    function followUpJob() {
      const day = parseIsoDate(draft.followUpDate);
      if (day === null) return null;
      return () => addFollowUp(db, adminId, ref, { dueDate: day, text: draft.followUpText.trim() });
    }
  };
}

export function ItemDialog({ row, onClose }: { row: ItemRow; onClose: () => void }) {
  const { db, adminId, notify } = useSession();
  const { t, locale } = useLanguage();
  const { handled } = useLedgerViews();
  const styles = useStyles();
  const { item } = row;
  const [draft, setDraft] = useState<ItemDraft>(() => drafts().get(adminId, row.key) ?? EMPTY_DRAFT);
  const [restored] = useState(() => isDirty(draft));
  const [failures, setFailures] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const savedNote = useLiveQuery(() => getNote(db, adminId, row.key), [db, adminId, row.key]);
  const saveDraft = useDraftSave(row);
  const storedNote = savedNote?.text ?? '';
  const storedHandled = handled.has(row.key);
  const change = (next: ItemDraft) => {
    setDraft(next);
    try {
      drafts().put(adminId, row.key, next);
    } catch {
      // the draft stays in the open dialog; closing it will say it could not be kept
    }
  };
  const dirty = isDirty(draft);
  const problem = draftProblem(draft, row, locale, t);
  const close = () => {
    if (dirty) {
      try {
        drafts().put(adminId, row.key, draft);
        notify('info', t('oi.draftKept', { doc: item.docNo }));
      } catch {
        // the browser keeps no draft: do not close on what would be lost
        setFailures([t('oi.draftNotKept')]);
        return;
      }
    }
    onClose();
  };
  const discard = () => {
    drafts().drop(adminId, row.key);
    setDraft(EMPTY_DRAFT);
    setFailures([]);
  };
  const save = async () => {
    setBusy(true);
    const { left, failures: failed } = await saveDraft(draft);
    setBusy(false);
    change(left);
    setFailures(failed);
    if (failed.length === 0) {
      notify('success', t('oi.saved', { doc: item.docNo }));
      onClose();
    }
  };
  return (
    <Dialog open onOpenChange={(_, d) => !d.open && close()}>
      <DialogSurface data-testid="item-dialog">
        <DialogBody>
          <DialogTitle>{t('oi.editNote', { doc: item.docNo })}</DialogTitle>
          <DialogContent className={styles.form}>
            <Text>
              {item.partyName} · {formatMoney(item.open, item.currency, locale)} · {t('oi.dueOn', { date: formatDay(item.dueDate, locale) })}
            </Text>
            {restored && dirty && (
              <MessageBar intent="info" data-testid="draft-restored">
                <MessageBarBody>{t('oi.draftRestored')}</MessageBarBody>
              </MessageBar>
            )}
            {failures.length > 0 && (
              <MessageBar intent="error" data-testid="dialog-failure" layout="multiline">
                <MessageBarBody>{failures.join(' ')}</MessageBarBody>
              </MessageBar>
            )}
            <Switch
              label={t('oi.markHandled')}
              data-testid="dialog-handled"
              checked={draft.handled ?? storedHandled}
              onChange={(_, d) => change({ ...draft, handled: d.checked === storedHandled ? null : d.checked })}
            />
            <Field label={t('oi.note')}>
              <Textarea
                data-testid="note-text"
                value={draft.note ?? storedNote}
                onChange={(_, d) => change({ ...draft, note: d.value === storedNote ? null : d.value })}
              />
            </Field>
            <AgreementForm row={row} draft={draft} change={change} />
            <FollowUpForm row={row} draft={draft} change={change} />
            {problem && (
              <Text role="status" data-testid="dialog-problem">
                {problem}
              </Text>
            )}
          </DialogContent>
          <DialogActions fluid>
            <Button appearance="primary" data-testid="dialog-save" disabled={!dirty || problem !== null || busy} onClick={() => void save()}>
              {t('oi.save')}
            </Button>
            {dirty && (
              <Button data-testid="dialog-discard" disabled={busy} onClick={discard}>
                {t('oi.discard')}
              </Button>
            )}
            <Button data-testid="dialog-close" onClick={close}>
              {t('oi.close')}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
