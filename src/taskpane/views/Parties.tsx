// The Parties tab, the "phone selection": a debtor calls, type a few letters, and everything is on
// one screen — balance, overdue, credit-limit use, payment behaviour, last payment, open items,
// notes / agreements / actions — with a note added during the call, the party's contact details
// from the parties file, and its open items, each opening the item dialog. Below: the follow-ups due.
import { DEFAULT_BASE_CURRENCY, type Party } from '../../core/types';
import { Button, Card, CardHeader, Combobox, Field, Link, Option, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useMemo, useRef, useState, type ReactNode } from 'react';
import { partyBalance } from '../../core/balances';
import { partyAddressLines } from '../../core/party-address';
import { daysOverdue } from '../../core/due-status';
import { turnaround } from '../../core/turnaround';
import { formatDay, formatMoney, formatNumber, formatPercent } from '../format';
import { findParties, partyDirectory, type PartyEntry } from '../model/party-directory';
import type { ItemRow } from '../model/open-items-filter';
import { useLedgerViews } from '../state/ledger-views';
import { useLanguage, useLedger, useSession } from '../state/pane';
import { creditWarning, type CreditWarning } from '../model/credit-limit';
import { FollowUps } from './FollowUps';
import { ItemDialog } from './ItemDialog';
import { KnownUpTo } from './KnownUpTo';
import { PartyClosingRate } from './PartyClosingRate';
import { PartyHistory } from './PartyHistory';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, paddingTop: tokens.spacingVerticalS },
  facts: { display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(130px, 1fr))', gap: tokens.spacingVerticalS, margin: 0 },
  fact: { margin: 0 },
  items: { margin: 0, paddingLeft: 0, listStyleType: 'none' },
  itemButton: {
    justifyContent: 'flex-start',
    textAlign: 'start',
    fontWeight: tokens.fontWeightRegular,
    minWidth: 0,
    height: 'auto',
    paddingLeft: 0,
    color: tokens.colorBrandForegroundLink,
  },
  contact: { display: 'grid', gridTemplateColumns: 'auto 1fr', columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalXXS, margin: 0 },
  contactValue: { margin: 0, overflowWrap: 'anywhere', whiteSpace: 'pre-line' },
  side: { color: tokens.colorNeutralForeground3 },
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

/** What the parties file knows of how to reach the party (only the fields it gives). */
function ContactDetails({ party }: { party: Party }) {
  const { t } = useLanguage();
  const styles = useStyles();
  const address = partyAddressLines(party).join('\n');
  const lines: { key: string; label: string; value: ReactNode }[] = [];
  if (address !== '') lines.push({ key: 'address', label: t('party.address'), value: address });
  if (party.phone) lines.push({ key: 'phone', label: t('party.phone'), value: <Link href={`tel:${party.phone.replace(/[^\d+]/g, '')}`}>{party.phone}</Link> });
  if (party.email) lines.push({ key: 'email', label: t('party.email'), value: <Link href={`mailto:${party.email}`}>{party.email}</Link> });
  if (party.vatNo) lines.push({ key: 'vat', label: t('party.vat'), value: party.vatNo });
  if (party.iban) lines.push({ key: 'iban', label: t('party.iban'), value: party.bic ? `${party.iban} · ${party.bic}` : party.iban });
  if (lines.length === 0) return <Text size={200}>{t('party.noContact')}</Text>;
  return (
    <dl className={styles.contact} data-testid="party-contact" aria-label={t('party.contact')}>
      {lines.map((l) => (
        <div key={l.key} style={{ display: 'contents' }}>
          <dt>
            <Text size={200}>{l.label}</Text>
          </dt>
          <dd className={styles.contactValue} data-testid={`party-${l.key}`}>
            <Text size={200}>{l.value}</Text>
          </dd>
        </div>
      ))}
    </dl>
  );
}

/** The party's open items; each opens the item dialog, and closing it puts the focus back on it. */
function PartyItems({ open }: { open: ItemRow[] }) {
  const { asOf } = useSession();
  const { t, locale } = useLanguage();
  const styles = useStyles();
  const [shown, setShown] = useState<ItemRow | null>(null);
  const list = useRef<HTMLUListElement>(null);
  const close = () => {
    const key = shown?.key;
    setShown(null);
    if (key !== undefined) requestAnimationFrame(() => list.current?.querySelector<HTMLElement>(`[data-key="${CSS.escape(key)}"]`)?.focus());
  };
  return (
    <>
      <Text weight="semibold">{t('party.openItems')}</Text>
      <ul className={styles.items} data-testid="party-items" ref={list}>
        {open.slice(0, 100).map((r) => {
          const late = daysOverdue(r.item.dueDate, asOf);
          return (
            <li key={r.key}>
              <Button appearance="transparent" className={styles.itemButton} data-testid="party-item" data-key={r.key} onClick={() => setShown(r)}>
                {r.item.docNo} · {t('oi.dueOn', { date: formatDay(r.item.dueDate, locale) })} · {formatMoney(r.item.open, r.item.currency, locale)}
                {late > 0 ? ` · ${t('oi.daysLate', { n: late })}` : ''}
              </Button>
            </li>
          );
        })}
      </ul>
      {shown && <ItemDialog row={shown} onClose={close} />}
    </>
  );
}

function PartyCardView({ party }: { party: PartyEntry }) {
  const { t, locale } = useLanguage();
  const { loaded } = useLedger();
  const { rows } = useLedgerViews();
  const styles = useStyles();
  const facts = usePartyFacts(party);
  const record = loaded?.ledger.parties.get(party.key) ?? null;
  const currency = loaded?.ledger.baseCurrency ?? DEFAULT_BASE_CURRENCY;
  const money = (m: number) => formatMoney(m, currency, locale);
  const b = facts?.balance ?? null;
  const limit = b?.creditLimit ?? null;
  const use = limit !== null && limit > 0 ? formatPercent((b?.balance ?? 0) / limit, locale) : t('party.noLimit');
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
      {record && <ContactDetails party={record} />}
      <PartyClosingRate party={party} />
      <PartyItems open={open} />
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
  const choose = (found: PartyEntry | null) => {
    setChosen(found);
    if (found) setQuery(found.name);
  };
  return (
    <div className={styles.page}>
      <Field label={t('party.search')}>
        <Combobox
          data-testid="party-search"
          expandIcon={{ 'aria-label': t('combo.open', { label: t('party.search') }) }}
          freeform
          value={query}
          placeholder={t('party.none')}
          onChange={(e) => setQuery(e.target.value)}
          onOptionSelect={(_, d) => choose(directory.find((p) => p.key === d.optionValue) ?? null)}
          onKeyDown={(e) => {
            // Enter with no suggestion highlighted takes the first (the best match)
            if (e.key === 'Enter' && !e.currentTarget.getAttribute('aria-activedescendant') && options[0]) choose(options[0]);
          }}
        >
          {options.map((p) => (
            <Option key={p.key} value={p.key} text={p.name} data-testid="party-option" data-party={p.partyId} data-side={p.side}>
              <span>
                {p.name} ({p.partyId}) <span className={styles.side}>· {t(`side.${p.side}`)}</span>
              </span>
            </Option>
          ))}
        </Combobox>
      </Field>
      {chosen ? <PartyCardView party={chosen} /> : <Text>{t('party.none')}</Text>}
      <FollowUps />
    </div>
  );
}
