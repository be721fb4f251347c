// The Parties tab, the "phone selection": a debtor calls, type a few letters, and everything is on
// one screen — balance, overdue, credit-limit use, payment behaviour, last payment, open items,
// notes / agreements / actions — with a note added during the call. Below: the follow-ups due.
import { DEFAULT_BASE_CURRENCY } from '../../core/types';
import { Card, CardHeader, Combobox, Field, Option, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import { partyBalance } from '../../core/balances';
import { daysOverdue } from '../../core/due-status';
import { turnaround } from '../../core/turnaround';
import { formatDay, formatMoney, formatNumber } from '../format';
import { findParties, partyDirectory, type PartyEntry } from '../model/party-directory';
import { useLedgerViews } from '../state/ledger-views';
import { useLanguage, useLedger, useSession } from '../state/pane';
import { creditWarning, type CreditWarning } from '../model/credit-limit';
import { FollowUps } from './FollowUps';
import { KnownUpTo } from './KnownUpTo';
import { PartyClosingRate } from './PartyClosingRate';
import { PartyHistory } from './PartyHistory';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, paddingTop: tokens.spacingVerticalS },
  facts: { display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(130px, 1fr))', gap: tokens.spacingVerticalS, margin: 0 },
  fact: { margin: 0 },
  items: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  over: { color: tokens.colorStatusDangerForeground1 },
  near: { color: tokens.colorStatusWarningForeground1 },
});

interface FactProps {
  label: string;
  value: string;
  testId: string;
  /** Machine-readable value for tests and assistive tools: minor units or a day number. */
  data?: Record<string, string | number>;
  warning?: CreditWarning;
}

function Fact({ label, value, testId, data = {}, warning = 'none' }: FactProps) {
  const styles = useStyles();
  const attributes = Object.fromEntries(Object.entries(data).map(([k, v]) => [`data-${k}`, String(v)]));
  return (
    <div className={styles.fact}>
      <dt>
        <Text size={200}>{label}</Text>
      </dt>
      <dd className={styles.fact} data-testid={testId} {...attributes}>
        <Text weight="semibold" className={warning === 'over' ? styles.over : warning === 'near' ? styles.near : undefined}>
          {value}
        </Text>
      </dd>
    </div>
  );
}

function usePartyFacts(party: PartyEntry | null) {
  const { asOf } = useSession();
  const { loaded } = useLedger();
  const ledger = loaded?.ledger ?? null;
  const behaviour = useMemo(() => (ledger ? turnaround(ledger, { from: asOf - 364, to: asOf }) : null), [ledger, asOf]);
  const balance = useMemo(() => (ledger && party ? partyBalance(ledger, asOf, party.side, party.partyId) : null), [ledger, asOf, party]);
  if (!party) return null;
  const paying = behaviour?.rows.find((r) => r.ledger === party.side && r.partyId === party.partyId) ?? null;
  return { balance, paying };
}

function PartyCardView({ party }: { party: PartyEntry }) {
  const { asOf } = useSession();
  const { t, locale } = useLanguage();
  const { loaded } = useLedger();
  const { rows } = useLedgerViews();
  const styles = useStyles();
  const facts = usePartyFacts(party);
  const currency = loaded?.ledger.baseCurrency ?? DEFAULT_BASE_CURRENCY;
  const money = (m: number) => formatMoney(m, currency, locale);
  const b = facts?.balance ?? null;
  const limit = b?.creditLimit ?? null;
  const use = limit !== null && limit > 0 ? `${formatNumber(((b?.balance ?? 0) / limit) * 100, locale, 0)} %` : t('party.noLimit');
  const warning = b ? creditWarning(b) : 'none';
  const warningText = warning === 'over' ? ` · ${t('party.overLimit')}` : warning === 'near' ? ` · ${t('party.nearLimit')}` : '';
  const open = rows.filter((r) => r.item.ledger === party.side && r.item.partyId === party.partyId && r.item.open !== 0);
  return (
    <Card data-testid="party-card">
      <CardHeader header={<Text weight="semibold" as="h2">{`${party.name} (${party.partyId}) · ${t(`side.${party.side}`)}`}</Text>} />
      <dl className={styles.facts}>
        <Fact label={t('party.balance')} value={money(b?.balance ?? 0)} testId="party-balance" data={{ minor: b?.balance ?? 0 }} />
        <Fact label={t('party.overdue')} value={money(b?.overdue ?? 0)} testId="party-overdue" data={{ minor: b?.overdue ?? 0 }} />
        <Fact label={t('party.creditLimit')} value={limit === null ? t('party.noLimit') : money(limit)} testId="party-credit-limit" data={{ minor: limit ?? '' }} />
        {b?.headroom !== null && b?.headroom !== undefined && (
          <Fact
            label={t('party.headroom')}
            value={`${money(b.headroom)}${warningText}`}
            testId="party-headroom"
            data={{ minor: b.headroom, warning }}
            warning={warning}
          />
        )}
        <Fact label={t('party.creditUse')} value={use} testId="party-credit-use" warning={warning} />
        <Fact label={t('party.avgDays')} value={formatNumber(facts?.paying?.avgDaysToPay ?? null, locale)} testId="party-avg-days" />
        <Fact label={t('party.daysLate')} value={formatNumber(facts?.paying?.avgDaysLate ?? null, locale)} testId="party-days-late" />
        <Fact label={t('party.lastPayment')} value={formatDay(b?.lastPaymentDate ?? null, locale) || '–'} testId="party-last-payment" data={{ day: b?.lastPaymentDate ?? '' }} />
      </dl>
      <PartyClosingRate party={party} />
      <Text weight="semibold">{t('party.openItems')}</Text>
      <ul className={styles.items} data-testid="party-items">
        {open.slice(0, 100).map((r) => (
          <li key={r.key}>
            {r.item.docNo} · {t('oi.dueOn', { date: formatDay(r.item.dueDate, locale) })} · {formatMoney(r.item.open, r.item.currency, locale)}
            {daysOverdue(r.item.dueDate, asOf) > 0 ? ` · ${t('oi.daysLate', { n: daysOverdue(r.item.dueDate, asOf) })}` : ''}
          </li>
        ))}
      </ul>
      <KnownUpTo side={party.side} testId="party-known" />
      <PartyHistory party={party} />
    </Card>
  );
}

export function Parties() {
  const { t } = useLanguage();
  const { rows } = useLedgerViews();
  const styles = useStyles();
  const directory = useMemo(() => partyDirectory(rows), [rows]);
  const [query, setQuery] = useState('');
  const [chosen, setChosen] = useState<PartyEntry | null>(null);
  const options = useMemo(() => findParties(directory, query), [directory, query]);
  return (
    <div className={styles.page}>
      <Field label={t('party.search')}>
        <Combobox
          data-testid="party-search"
          freeform
          value={query}
          placeholder={t('party.none')}
          onChange={(e) => setQuery(e.target.value)}
          onOptionSelect={(_, d) => {
            const found = directory.find((p) => p.key === d.optionValue) ?? null;
            setChosen(found);
            if (found) setQuery(found.name);
          }}
        >
          {options.map((p) => (
            <Option key={p.key} value={p.key} text={p.name}>
              {`${p.name} (${p.partyId}, ${t(`side.${p.side}`)})`}
            </Option>
          ))}
        </Combobox>
      </Field>
      {chosen ? <PartyCardView party={chosen} /> : <Text>{t('party.none')}</Text>}
      <FollowUps />
    </div>
  );
}
