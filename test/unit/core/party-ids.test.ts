import { describe, expect, it } from 'vitest';
import { AsciiText } from '../../../src/core/char-text';
import { PartyIds } from '../../../src/core/party-ids';
import type { Side } from '../../../src/core/types';

/** The numbers a Map of (side, id) strings gives, in order of appearance: what PartyIds must give. */
function mapNumbers(rows: readonly [Side, string][]): number[] {
  const seen = new Map<string, number>();
  return rows.map(([side, id]) => {
    const key = `${side}\u0000${id}`;
    if (!seen.has(key)) seen.set(key, seen.size);
    return seen.get(key) as number;
  });
}

/** The rows' ids written one after another in a text; PartyIds' numbers for them, and the strings it asked to number. */
function tableNumbers(rows: readonly [Side, string][], asBytes: boolean): { numbers: number[]; asked: string[] } {
  const joined = rows.map(([, id]) => id).join('|');
  const text = asBytes ? new AsciiText(new TextEncoder().encode(joined)) : joined;
  const asked: string[] = [];
  const keys = new Map<string, number>();
  const ids = new PartyIds(
    text,
    (side, id) => {
      asked.push(`${side} ${id}`);
      const key = `${side}\u0000${id}`;
      if (!keys.has(key)) keys.set(key, keys.size);
      return keys.get(key) as number;
    },
    // Room for a few parties: the slots grow.
    4,
  );
  let at = 0;
  const numbers = rows.map(([side, id]) => {
    const p = ids.get(side, at, at + id.length);
    at += id.length + 1;
    return p;
  });
  return { numbers, asked };
}

describe('PartyIds', () => {
  const rows: [Side, string][] = [
    ['AR', 'D1'], ['AP', 'D1'], ['AR', 'D1'], ['AR', 'D10'], ['AR', 'LONGER-THAN-EIGHT-A'], ['AR', 'LONGER-THAN-EIGHT-B'],
    ['AR', 'LONGER-T'], ['AR', 'LONGER-THAN-EIGHT-A'], ['AP', 'D1'], ['AR', 'x'], ['AR', 'D10'], ['AR', 'LONGER-THAN-EIGHT-B'],
  ];
  // Enough ids to make the table grow several times, each named again later (from another place in the text).
  for (let k = 0; k < 40_000; k++) rows.push([k % 3 === 0 ? 'AP' : 'AR', `P${(k * 7919) % 20_000}${k % 5 === 0 ? '-with-a-long-tail' : ''}`]);

  it('numbers the parties as a Map of their ids does, by side, each id asked for once', () => {
    for (const asBytes of [true, false]) {
      const { numbers, asked } = tableNumbers(rows, asBytes);
      expect(numbers).toEqual(mapNumbers(rows));
      expect(new Set(asked).size).toBe(asked.length);
    }
  });

  it('tells apart ids in characters beyond one byte', () => {
    const wide: [Side, string][] = [['AR', 'Ünal'], ['AR', 'Ǖnal'], ['AR', 'Ünal'], ['AR', '株式会社'], ['AR', '株式会社X'], ['AR', 'Ǖnal']];
    expect(tableNumbers(wide, false).numbers).toEqual(mapNumbers(wide));
  });
});
