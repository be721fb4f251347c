// On the party card, for a party with open items in a foreign currency: per currency the open
// amount, its base value at the booking rate, at the closing rate of Settings, and the
// difference (core/revaluation, the figures of the Revaluation sheet and the printed card).
//   USD 1,000.00 open · at the booking rate 900.00 · at 1.0565 (31/12/2024) 946.52 · difference 46.52
import { Text, makeStyles, tokens } from '@fluentui/react-components';
import { useMemo } from 'react';
import { MissingRateError, revaluation, revaluationTotals, type RevaluationTotal } from '../../core/revaluation';
import type { ClosingRate } from '../../core/rates';
import { missingRatesText } from '../actions/write-sheets';
import { ratesSourceOf } from '../../store/settings';
import { formatDay, formatMoney } from '../format';
import type { PartyEntry } from '../model/party-directory';
import { useLanguage, useLedger, useSession, useSettings } from '../state/pane';

const useStyles = makeStyles({
  block: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  facts: { display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(130px, 1fr))', gap: tokens.spacingVerticalXS, margin: 0 },
  fact: { margin: 0 },
});

type PartyRevaluation =
  | { kind: 'none' }
  | { kind: 'no-rates'; currencies: string[] }
  | { kind: 'missing'; text: string }
  | { kind: 'revalued'; totals: RevaluationTotal[]; rates: Record<string, ClosingRate> };

function usePartyRevaluation(party: PartyEntry): PartyRevaluation {
  const { asOf } = useSession();
  const { loaded } = useLedger();
  const { settings } = useSettings();
  const { lang, t } = useLanguage();
  return useMemo((): PartyRevaluation => {
    const ledger = loaded?.ledger;
    if (!ledger) return { kind: 'none' };
    const entries = ledger.entries.filter((e) => e.ledger === party.side && e.partyId === party.partyId);
    const foreign = [...new Set(entries.filter((e) => e.currency !== ledger.baseCurrency).map((e) => e.currency))].sort();
    if (foreign.length === 0) return { kind: 'none' };
    const source = ratesSourceOf(settings.closingRates);
    try {
      const report = source === null ? null : revaluation({ ...ledger, entries }, asOf, source);
      if (report === null) return { kind: 'no-rates', currencies: foreign };
      const totals = revaluationTotals(report.rows);
      return totals.length === 0 ? { kind: 'none' } : { kind: 'revalued', totals, rates: report.rates };
    } catch (error) {
      if (!(error instanceof MissingRateError)) throw error;
      return { kind: 'missing', text: missingRatesText(error, { settings, t, lang }) };
    }
  }, [loaded, party, settings, asOf, lang, t]);
}

function Fact({ label, value, testId, minor }: { label: string; value: string; testId: string; minor: number }) {
  const styles = useStyles();
  return (
    <div className={styles.fact}>
      <dt>
        <Text size={200}>{label}</Text>
      </dt>
      <dd className={styles.fact} data-testid={testId} data-minor={minor}>
        <Text weight="semibold">{value}</Text>
      </dd>
    </div>
  );
}

export function PartyClosingRate({ party }: { party: PartyEntry }) {
  const { t, locale } = useLanguage();
  const { loaded } = useLedger();
  const styles = useStyles();
  const result = usePartyRevaluation(party);
  const base = loaded?.ledger.baseCurrency ?? '';
  if (result.kind === 'none') return null;
  if (result.kind === 'no-rates') return <Text size={200} data-testid="party-fx-no-rates">{t('party.fxNoRates', { currencies: result.currencies.join(', ') })}</Text>;
  if (result.kind === 'missing') return <Text size={200} data-testid="party-fx-missing">{result.text}</Text>;
  return (
    <div className={styles.block}>
      {result.totals.map((total) => {
        const rate = result.rates[total.currency];
        const id = `party-fx-${total.currency}`;
        return (
          <section key={total.currency} data-testid={id} aria-label={t('party.fxTitle', { currency: total.currency })}>
            <Text weight="semibold">{t('party.fxTitle', { currency: total.currency })}</Text>
            <dl className={styles.facts}>
              <Fact label={t('party.fxOpen', { currency: total.currency })} value={formatMoney(total.open, total.currency, locale)} testId={`${id}-open`} minor={total.open} />
              <Fact label={t('party.fxBooking')} value={formatMoney(total.openBase, base, locale)} testId={`${id}-booking`} minor={total.openBase} />
              <Fact
                label={t('party.fxClosing', { rate: rate?.rate.text ?? '', date: formatDay(rate?.date ?? null, locale) || '–' })}
                value={formatMoney(total.revaluedBase, base, locale)}
                testId={`${id}-closing`}
                minor={total.revaluedBase}
              />
              <Fact label={t('party.fxDifference')} value={formatMoney(total.difference, base, locale)} testId={`${id}-difference`} minor={total.difference} />
            </dl>
          </section>
        );
      })}
    </div>
  );
}
