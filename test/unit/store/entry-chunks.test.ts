// A chunk of the ledger cache (store/entry-chunks.ts): the texts that repeat across a ledger
// (names, currencies, files) stored once in its table whether they come in runs or apart, a run
// of equal texts once in any column, and every entry given back as it was, absent fields absent.
import { describe, expect, it } from 'vitest';
import { decodeChunk, encodeChunk } from '../../../src/store/entry-chunks';
import { day, line } from './helpers';

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
    expect(decodeChunk(chunk)).toEqual(entries);
    expect(decodeChunk(chunk)[3]).not.toHaveProperty('partyName');
  });

  it('holds a run of equal texts once, in any column', () => {
    const run = Array.from({ length: 4 }, (_, i) => line(`AR C7 payment P1 2024-02-0${i + 1} -1.00`, { settles: 'F9', paymentRef: 'RF18 1234' }));
    const chunk = encodeChunk(run);
    expect([...chunk.strings].sort()).toEqual(['C7', 'EUR', 'F9', 'P1', 'RF18 1234']);
    expect(decodeChunk(chunk)).toEqual(run);
  });

  it('gives back the entries of a chunk written before with 32-bit references, -1 for a text absent', () => {
    const int32 = (values: number[]) => Int32Array.from(values);
    const stored = {
      count: 2,
      strings: ['C1', 'F1', 'EUR', 'P1', 'jan.csv'],
      text: {
        partyId: int32([0, 0]), partyName: int32([-1, -1]), docNo: int32([1, 3]), currency: int32([2, 2]), settles: int32([-1, 1]),
        description: int32([-1, -1]), paymentRef: int32([-1, -1]), file: int32([4, 4]), path: int32([-1, -1]),
      },
      dates: { entryDate: int32([19732, 19739]), docDate: int32([19732, 19739]), dueDate: int32([19762, 19739]) },
      amounts: { amount: Float64Array.from([12100, -12100]), amountBase: Float64Array.from([12100, -12100]) },
      ledger: Uint8Array.from([0, 0]),
      entryType: Uint8Array.from([0, 2]),
      line: int32([2, 3]),
    };
    expect(decodeChunk(stored)).toEqual([
      { ...line('AR C1 invoice F1 2024-01-10 121.00'), source: { file: 'jan.csv', line: 2 } },
      { ...line('AR C1 payment P1 2024-01-17 -121.00'), dueDate: day('2024-01-17'), settles: 'F1', source: { file: 'jan.csv', line: 3 } },
    ]);
  });

  it('writes 32-bit references where a chunk has too many texts for 16 bits, and gives its entries back', () => {
    const many = Array.from({ length: 8000 }, (_, i) => line(`AR C${i} invoice F${i} 2024-01-10 1.00`, { settles: `S${i}`, paymentRef: `R${i}`, source: { file: 'big.csv', line: i + 2 } }));
    const chunk = encodeChunk(many);
    expect(chunk.text.docNo).toBeInstanceOf(Int32Array);
    expect(decodeChunk(chunk)).toEqual(many);
    expect(encodeChunk(entries).text.docNo).toBeInstanceOf(Uint16Array);
  });
});
