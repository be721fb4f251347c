// The Year-end pack's "parties I choose": a type-ahead over the parties with open items on the
// as-of date (the ones a confirmation can be sent to), best match first as in the Parties tab,
// and the chosen ones as tags that a click, Delete or Backspace removes.
import { Combobox, Field, Option, Tag, TagGroup, makeStyles, tokens } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import { balanceList } from '../../core/balances';
import type { Day } from '../../core/date';
import { partyKey, type Ledger } from '../../core/types';
import { findParties, type PartyEntry } from '../model/party-directory';
import type { PickedParty } from '../model/year-end-form';
import { useLanguage } from '../state/pane';

const useStyles = makeStyles({
  tags: { flexWrap: 'wrap', gap: tokens.spacingHorizontalXS },
});

function candidates(ledger: Ledger | null, asOf: Day | null): PartyEntry[] {
  if (ledger === null || asOf === null) return [];
  return balanceList(ledger, asOf).map((r) => ({ key: partyKey(r.ledger, r.partyId), side: r.ledger, partyId: r.partyId, name: r.partyName }));
}

export interface YearEndPartiesProps {
  ledger: Ledger | null;
  asOf: Day | null;
  parties: readonly PickedParty[];
  onChange: (parties: PickedParty[]) => void;
  problem: string | null;
}

export function YearEndParties({ ledger, asOf, parties, onChange, problem }: YearEndPartiesProps) {
  const { t } = useLanguage();
  const styles = useStyles();
  const [query, setQuery] = useState('');
  const all = useMemo(() => candidates(ledger, asOf), [ledger, asOf]);
  const chosen = new Set(parties.map((p) => partyKey(p.ledger, p.partyId)));
  const options = findParties(
    all.filter((p) => !chosen.has(p.key)),
    query,
  );
  const add = (key: string | undefined) => {
    const party = all.find((p) => p.key === key);
    if (party) onChange([...parties, { ledger: party.side, partyId: party.partyId, name: party.name }]);
    setQuery('');
  };
  const remove = (key: string) => onChange(parties.filter((p) => partyKey(p.ledger, p.partyId) !== key));
  return (
    <>
      <Field label={t('yearEnd.partySearch')} validationMessage={problem} validationState={problem === null ? 'none' : 'error'}>
        <Combobox
          freeform
          value={query}
          selectedOptions={[]}
          data-testid="yearend-party-search"
          expandIcon={{ 'aria-label': t('combo.open', { label: t('yearEnd.partySearch') }) }}
          onChange={(e) => setQuery(e.target.value)}
          onOptionSelect={(_, d) => add(d.optionValue)}
        >
          {options.map((p) => (
            <Option key={p.key} value={p.key} text={`${p.partyId} ${p.name}`}>
              {`${p.side} · ${p.partyId} · ${p.name}`}
            </Option>
          ))}
          {options.length === 0 && (
            <Option key="none" value="" disabled text="">
              {t('yearEnd.partyNone')}
            </Option>
          )}
        </Combobox>
      </Field>
      {parties.length > 0 && (
        <TagGroup className={styles.tags} aria-label={t('yearEnd.chosen')} data-testid="yearend-parties" onDismiss={(_, d) => remove(String(d.value))}>
          {parties.map((p) => {
            const key = partyKey(p.ledger, p.partyId);
            return (
              <Tag key={key} value={key} dismissible size="small" data-testid="yearend-party">
                {`${p.ledger} · ${p.partyId} · ${p.name}`}
              </Tag>
            );
          })}
        </TagGroup>
      )}
    </>
  );
}
