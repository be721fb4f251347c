// The Parties tab's look-up: every party of the loaded ledger (from its items, so also parties
// with nothing open), found by a type-ahead on code or name, the best match first:
//   1 the code or the whole name exactly ("D0034", "desmet kantoorinrichting bvba")
//   2 the code or the name starting with what was typed ("desmet k" → Desmet Kantoorinrichting)
//   3 every typed word starting a word of the name or the code ("kant desm" → Desmet Kantoorinrichting)
//   4 every typed word somewhere in the code or name ("desmet k" → Desmet Drukkerij)
// Case and accents do not count ("francois" finds François); within a rank, by name.
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

/** Lower case without accents and with single spaces: "  François  Dupont" → "francois dupont". */
function folded(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

export type MatchRank = 1 | 2 | 3 | 4;

/** How well a party matches what was typed (1 best), or null when it does not match. */
export function matchRank(party: Pick<PartyEntry, 'partyId' | 'name'>, query: string): MatchRank | null {
  const typed = folded(query);
  if (typed === '') return 4;
  const id = folded(party.partyId);
  const name = folded(party.name);
  if (id === typed || name === typed) return 1;
  if (id.startsWith(typed) || name.startsWith(typed)) return 2;
  const typedWords = typed.split(' ');
  const words = [...name.split(/[\s\-.,&/()]+/), id].filter((w) => w !== '');
  if (typedWords.every((t) => words.some((w) => w.startsWith(t)))) return 3;
  const text = `${id} ${name}`;
  return typedWords.every((t) => text.includes(t)) ? 4 : null;
}

/** The parties matching what was typed, best first (see the ranks above), at most `limit`. */
export function findParties(parties: readonly PartyEntry[], query: string, limit = 30): PartyEntry[] {
  const ranked: { party: PartyEntry; rank: MatchRank }[] = [];
  for (const party of parties) {
    const rank = matchRank(party, query);
    if (rank !== null) ranked.push({ party, rank });
  }
  return ranked
    .sort((a, b) => a.rank - b.rank || a.party.name.localeCompare(b.party.name) || a.party.side.localeCompare(b.party.side))
    .slice(0, limit)
    .map((r) => r.party);
}
