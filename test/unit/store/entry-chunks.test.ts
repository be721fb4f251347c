// A chunk of the ledger cache (store/entry-chunks.ts): the texts that repeat across a ledger
// (names, currencies, files) stored once in its table whether they come in runs or apart, a run
// of equal texts once in any column, and every entry given back as it was, absent fields absent.
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
  it('holds each name, currency and file once and gives back every entry as it was', () => {
    const chunk = encodeChunk(entries);
    const count = (text: string) => chunk.strings.filter((s) => s === text).length;
    for (const text of ['Acme', 'EUR', 'USD', 'jan.csv', 'feb.csv', 'a/feb.csv']) expect(count(text)).toBe(1);
    expect(chunk.text.partyName[3]).toBe(-1);
    expect(decodeChunk(chunk)).toEqual(entries);
  });

  it('holds a run of equal texts once, in any column', () => {
    const run = Array.from({ length: 4 }, (_, i) => line(`AR C7 payment P1 2024-02-0${i + 1} -1.00`, { settles: 'F9', paymentRef: 'RF18 1234' }));
    const chunk = encodeChunk(run);
    expect([...chunk.strings].sort()).toEqual(['C7', 'EUR', 'F9', 'P1', 'RF18 1234']);
    expect(decodeChunk(chunk)).toEqual(run);
  });
});
