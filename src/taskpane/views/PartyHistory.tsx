// A party's notes (with every earlier text), agreements and follow-ups, newest first, and the
// note taken during a call (kept on the party itself, under core/item-key.ts partyNoteKey); read
// through store/annotations' annotationsForParty.
import { Button, Field, Text, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { isPartyNoteKey } from '../../core/item-key';
import { annotationsForParty } from '../../store/annotations';
import type { SubledgerDb } from '../../store/db';
import { partyNoteRef } from '../../store/item-ref';
import { setNote } from '../../store/notes';
import { formatDay, formatMoney } from '../format';
import type { PartyEntry } from '../model/party-directory';
import { useLanguage, useSession, type Language } from '../state/pane';
import { useStoreWrite } from '../state/use-store-write';

const useStyles = makeStyles({
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, maxHeight: '240px', overflowY: 'auto' },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
});

interface HistoryLine {
  at: number;
  text: string;
}

async function partyHistory(db: SubledgerDb, adminId: string, partyKey: string, { t, locale }: Language): Promise<HistoryLine[]> {
  const lines: HistoryLine[] = [];
  for (const { note: n, agreements, followUps } of await annotationsForParty(db, adminId, partyKey)) {
    if (n) {
      if (n.text !== '') lines.push({ at: n.editedAt, text: `${isPartyNoteKey(n.itemKey) ? '' : `${n.itemKey.split('·')[2] ?? ''}: `}${n.text}` });
      for (const h of n.history) if (h.field === 'note' && h.text !== '') lines.push({ at: h.at, text: h.text });
    }
    for (const a of agreements) lines.push({ at: a.createdAt, text: `→ ${formatDay(a.promisedDate, locale)} ${formatMoney(a.amount, a.currency, locale)} (${t(`agreement.${a.status}`)})` });
    for (const f of followUps) lines.push({ at: f.createdAt, text: `⏰ ${formatDay(f.dueDate, locale)} ${f.text}${f.done ? ' ✓' : ''}` });
  }
  return lines.sort((a, b) => b.at - a.at);
}

export function PartyHistory({ party }: { party: PartyEntry }) {
  const { db, adminId } = useSession();
  const language = useLanguage();
  const { t, locale } = language;
  const styles = useStyles();
  const [text, setText] = useState('');
  const lines = useLiveQuery(() => partyHistory(db, adminId, party.key, language), [db, adminId, party.key, language]) ?? [];
  const write = useStoreWrite();
  const save = async () => {
    // the text stays in the box until the store has it
    if (await write('partyNote', () => setNote(db, adminId, partyNoteRef(party.side, party.partyId), text.trim()))) setText('');
  };
  const stamp = new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'short' });
  return (
    <section aria-label={t('party.history')}>
      <Text weight="semibold">{t('party.history')}</Text>
      {lines.length === 0 ? (
        <Text block>{t('party.noHistory')}</Text>
      ) : (
        <ul className={styles.list} data-testid="party-history">
          {lines.map((l, i) => (
            <li key={i}>
              <Text size={200}>{stamp.format(l.at)}</Text> {l.text}
            </li>
          ))}
        </ul>
      )}
      <div className={styles.form}>
        <Field label={t('party.addNote')}>
          <Textarea data-testid="party-note" value={text} onChange={(_, d) => setText(d.value)} />
        </Field>
        <Button data-testid="party-note-save" disabled={text.trim() === ''} onClick={() => void save()}>
          {t('party.saveNote')}
        </Button>
      </div>
    </section>
  );
}
