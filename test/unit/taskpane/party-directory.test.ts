// The party look-up's order: exact code or name first, then names or codes starting with what was
// typed, then every typed word starting a word, then every typed word anywhere; accents and case
// do not count. The "desmet k" case of issue 13: a caller from Desmet Kantoorinrichting (a
// customer) must come before the supplier Desmet Drukkerij, whose name merely contains a "k".
import { describe, expect, it } from 'vitest';
import { findParties, matchRank, type PartyEntry } from '../../../src/taskpane/model/party-directory';

const entry = (side: 'AR' | 'AP', partyId: string, name: string): PartyEntry => ({ key: `${side}·${partyId}`, side, partyId, name });

const parties: PartyEntry[] = [
  entry('AP', 'C0024', 'Desmet Drukkerij BV'),
  entry('AR', 'D0013', 'Desmet Tuinaanleg CommV'),
  entry('AR', 'D0034', 'Desmet Kantoorinrichting bvba'),
  entry('AR', 'D0341', 'Brasserie François'),
  entry('AP', 'D0034X', 'Kantoor Desmet'),
];
const ids = (query: string) => findParties(parties, query).map((p) => p.partyId);

describe('party look-up ranking', () => {
  it('puts the name that starts with what was typed before one that only contains it', () => {
    expect(ids('desmet k')).toEqual(['D0034', 'D0034X', 'C0024']);
    expect(matchRank(parties[2]!, 'desmet k')).toBe(2);
    expect(matchRank(parties[4]!, 'desmet k')).toBe(3);
    expect(matchRank(parties[0]!, 'desmet k')).toBe(4);
  });

  it('puts an exact code or an exact name first', () => {
    expect(ids('d0034')).toEqual(['D0034', 'D0034X']);
    expect(ids('Kantoor Desmet')[0]).toBe('D0034X');
    expect(matchRank(parties[1]!, '  desmet   TUINAANLEG commv ')).toBe(1);
  });

  it('finds words in any order, ignoring accents and case', () => {
    expect(ids('kant desm')).toEqual(['D0034', 'D0034X']);
    expect(ids('francois')).toEqual(['D0341']);
    expect(ids('BRASSERIE fran')).toEqual(['D0341']);
    expect(ids('xyz')).toEqual([]);
  });

  it('lists everyone by name when nothing is typed, and stops at the limit', () => {
    expect(findParties(parties, '').map((p) => p.name)).toEqual([
      'Brasserie François', 'Desmet Drukkerij BV', 'Desmet Kantoorinrichting bvba', 'Desmet Tuinaanleg CommV', 'Kantoor Desmet',
    ]);
    expect(findParties(parties, 'desmet', 2)).toHaveLength(2);
  });
});
