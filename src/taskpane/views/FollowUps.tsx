// The Follow-ups list: open actions due today or earlier, earliest first, each to be marked done.
import { Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useLiveQuery } from 'dexie-react-hooks';
import { followUpsDue, setFollowUpDone } from '../../store/followups';
import { formatDay } from '../format';
import { useLanguage, useSession } from '../state/pane';
import { useStoreWrite } from '../state/use-store-write';

const useStyles = makeStyles({
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  item: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
});

export function FollowUps() {
  const { db, adminId, asOf } = useSession();
  const { t, locale } = useLanguage();
  const write = useStoreWrite();
  const styles = useStyles();
  const due = useLiveQuery(() => followUpsDue(db, adminId, asOf), [db, adminId, asOf]) ?? [];
  return (
    <section aria-label={t('party.followUps')} data-testid="follow-ups">
      <Text weight="semibold" as="h2" block>
        {t('party.followUps')}
      </Text>
      {due.length === 0 ? (
        <Text>{t('party.followUpsNone')}</Text>
      ) : (
        <ul className={styles.list}>
          {due.map((f) => (
            <li key={f.id} className={styles.item}>
              <Text>
                {t('party.followUpDue', { date: formatDay(f.dueDate, locale) })} · {f.itemKey.split('·').slice(1, 3).join(' · ')} · {f.text}
              </Text>
              <Button size="small" onClick={() => void write('followUpDone', () => setFollowUpDone(db, f.id, true))}>
                {t('party.done')}
              </Button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
