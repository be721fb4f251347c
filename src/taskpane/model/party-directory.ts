// The Parties tab's look-up: every party of the loaded ledger (from its items, so also parties
// with nothing open), found by a type-ahead on code or name.
import type { Side } from '../../core/types';
import { partyKey } from '../../core/types';
import type { ItemRow } from './open-items-filter';

export interface PartyEntry {
  key: string;
  side: Side;
  partyId: string;
  name: string;
}

export function partyDirectory(rows: readonly ItemRow[]): PartyEntry[] {
  const byKey = new Map<string, PartyEntry>();
  for (const { item } of rows) {
    const key = partyKey(item.ledger, item.partyId);
    if (!byKey.has(key)) byKey.set(key, { key, side: item.ledger, partyId: item.partyId, name: item.partyName });
  }
  return [...byKey.values()].sort((a, b) => a.name.localeCompare(b.name) || a.side.localeCompare(b.side));
}

/** Parties whose code or name contains every word typed, best (name starts with it) first. */
export function findParties(parties: readonly PartyEntry[], query: string, limit = 30): PartyEntry[] {
  const words = query.toLowerCase().split(/\s+/).filter((w) => w !== '');
  if (words.length === 0) return parties.slice(0, limit);
  const hits = parties.filter((p) => {
    const text = `${p.partyId} ${p.name}`.toLowerCase();
    return words.every((w) => text.includes(w));
  });
  const first = words[0] ?? '';
  const starts = (p: PartyEntry) => (p.name.toLowerCase().startsWith(first) || p.partyId.toLowerCase().startsWith(first) ? 0 : 1);
  return hits.sort((a, b) => starts(a) - starts(b)).slice(0, limit);
}
