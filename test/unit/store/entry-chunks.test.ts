// A chunk of the ledger cache (store/entry-chunks.ts): each distinct text stored once in its table,
// whether equal texts come in runs (one file, one currency, a party's rows in order) or apart,
// and every entry given back as it was, absent fields absent.
import { describe, expect, it } from 'vitest';
import { decodeChunk, encodeChunk } from '../../../src/store/entry-chunks';
import { line } from './helpers';

const entries = [
  line('AR C1 invoice F1 2024-01-10 121.00', { partyName: 'Acme', source: { file: 'jan.csv', line: 2 } }),
  line('AR C1 invoice F2 2024-01-11 10.00', { partyName: 'Acme', source: { file: 'jan.csv', line: 3 } }),
  line('AR C2 payment B1 2024-01-12 -121.00', { settles: 'F1', source: { file: 'jan.csv', line: 4 } }),
  line('AP C1 invoice F1 2024-01-13 5.00', { currency: 'USD', amountBase: 460 }),
  line('AR C1 credit_note F2 2024-01-14 -10.00', { partyName: 'Acme', settles: 'F2', source: { file: 'feb.csv', path: 'a/feb.csv' } }),
];

describe('a stored chunk of entries', () => {
  it('holds each distinct text once and gives back every entry as it was', () => {
    const chunk = encodeChunk(entries);
    const texts = ['C1', 'C2', 'Acme', 'F1', 'F2', 'B1', 'EUR', 'USD', 'jan.csv', 'feb.csv', 'a/feb.csv'];
    expect([...chunk.strings].sort()).toEqual([...texts].sort());
    expect(chunk.text.partyName[3]).toBe(-1);
    expect(decodeChunk(chunk)).toEqual(entries);
  });
});
