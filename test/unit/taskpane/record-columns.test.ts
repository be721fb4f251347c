// The item lists a worker sends the pane (actions/cached-lists.ts): every item and settling entry
// of a ledger, encoded into typed columns, transferred, and read back into records equal to the
// engine's (an open item has no settled date, an item without a payment reference has none),
// whatever text they hold.
import { describe, expect, it } from 'vitest';
import { allItemsAsOf } from '../../../src/core/open-items';
import { settlingEntriesAsOf } from '../../../src/core/settlements';
import { ITEM_SHAPE, SETTLING_SHAPE } from '../../../src/taskpane/actions/cached-lists';
import { decodeRecords, encodeRecords, recordBuffers, type RecordShape } from '../../../src/taskpane/actions/record-columns';
import { day, ledgerOf, line } from '../store/helpers';

const ledger = ledgerOf([
  line('AR C1 invoice F1 2024-01-10 121.00', { partyName: 'Acme ="x"', description: '=SUM(A1)' }),
  line('AR C1 payment B7 2024-01-20 -100.00', { settles: 'F1' }),
  line('AR C1 payment B8 2024-01-25 -21.00', { settles: 'F1' }),
  line('AP S9 invoice P-77 2024-01-15 50.05', { currency: 'USD', amountBase: 4601, paymentRef: 'RF18539007547034' }),
  line('AR C2 credit_note CN1 2024-01-22 -10.00', { partyName: 'Zoë & Co' }),
  line('AR C2 invoice F9 2024-01-02 30.00', { partyName: 'Zoë & Co' }),
]);

function roundTrip<T extends object>(records: T[], shape: RecordShape, batch: number): T[] {
  const out: T[] = [];
  for (let start = 0; start < records.length; start += batch) {
    const encoded = encodeRecords(records.slice(start, start + batch), shape);
    const moved = structuredClone(encoded, { transfer: recordBuffers(encoded) });
    expect(encoded.texts.byteLength + encoded.numbers.byteLength).toBe(0);
    // read back in two slices, as the pane does
    const half = Math.floor(moved.count / 2);
    decodeRecords(moved, shape, 0, half, out);
    decodeRecords(moved, shape, half, moved.count + 5, out);
  }
  return out;
}

describe('item lists sent as typed columns', () => {
  const asOf = day('2024-01-31');

  it('reads back every item as the engine made it, open or settled, with or without a payment reference', () => {
    const items = allItemsAsOf(ledger, asOf);
    expect(items.some((i) => i.settledDate === null) && items.some((i) => i.settledDate !== null)).toBe(true);
    expect(items.some((i) => i.paymentRef !== undefined) && items.some((i) => !('paymentRef' in i))).toBe(true);
    expect(roundTrip(items, ITEM_SHAPE, 2)).toStrictEqual(items);
  });

  it('reads back every settling entry as the engine made it', () => {
    const settling = settlingEntriesAsOf(ledger, asOf);
    expect(settling.length).toBeGreaterThan(1);
    expect(roundTrip(settling, SETTLING_SHAPE, 1)).toStrictEqual(settling);
  });
});
