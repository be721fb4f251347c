// "Payments known up to" of one side: the latest payment of the receivables, or of the payables,
// in the loaded ledger (core key figures' journalsUpdatedUntil). Each side has its own date: the
// later of the two would make the other side look more current than it is.
import { Text } from '@fluentui/react-components';
import type { Side } from '../../core/types';
import { formatDay } from '../format';
import { useLedgerViews } from '../state/ledger-views';
import { useLanguage } from '../state/pane';

export function KnownUpTo({ side, testId, withSide = false, size = 200 }: { side: Side; testId: string; withSide?: boolean; size?: 100 | 200 }) {
  const { t, locale } = useLanguage();
  const { figures } = useLedgerViews();
  if (!figures) return null;
  const day = figures[side].journalsUpdatedUntil;
  const date = formatDay(day, locale);
  const sideName = t(`side.${side}`);
  const text = withSide
    ? day === null ? t('known.sideNone', { side: sideName }) : t('known.sideUpTo', { side: sideName, date })
    : day === null ? t('known.none') : t('known.upTo', { date });
  return (
    <Text size={size} data-testid={testId} data-day={day ?? ''}>
      {text}
    </Text>
  );
}
