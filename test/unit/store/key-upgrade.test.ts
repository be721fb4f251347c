// The version-3 upgrade on a database written by version 2: every note, flag, follow-up, promise,
// payment batch and the sheet's merge base moves from the key its list gave a twin to the item's
// own key, and a sheet still showing the old keys merges onto the right items.
//   C1 J-1: A (booked 01-10, due 03-01) and B (booked 01-20, due 02-01): version 2 numbered by due
//           date, B = J-1, A = J-1#2; the items' own keys number by booking date, A = J-1, B = J-1#2.
//   C2 J-2: Z 0.00 (settled), P 50.00, Q 70.00 booked in that order: the pane numbered Z, P#2, Q#3,
//           the sheet (open items only) P, Q#2; their own keys are Z, P#2, Q#3.
//   S1 J-3: M (booked 01-10, due 02-20) and N (booked 01-12, due 02-10): the payment plan had N, M#2.
import { afterEach, describe, expect, it } from 'vitest';
import { partyKey } from '../../../src/core/types';
import { addAgreement } from '../../../src/store/agreements';
import { LATEST_VERSION } from '../../../src/store/db';
import { setHandled } from '../../../src/store/flags';
import { addFollowUp } from '../../../src/store/followups';
import { saveLedger } from '../../../src/store/ledger-cache';
import { getNote, setNote } from '../../../src/store/notes';
import { recordPaymentBatch } from '../../../src/store/payments';
import { mergeSheetEdits, recordSheetShown } from '../../../src/store/sheet-sync';
import { closeTracked, day, freshName, ledgerOf, line, openDb, track } from './helpers';

afterEach(closeTracked);

const J1 = 'AR·C1·J-1·journal';
const J2 = 'AR·C2·J-2·journal';
const J3 = 'AP·S1·J-3·journal';
const INV = 'AP·S1·INV-1·invoice';
const C1 = { partyKey: partyKey('AR', 'C1') };
const C2 = { partyKey: partyKey('AR', 'C2') };

const ledger = ledgerOf([
  line('AR C1 journal J-1 2024-01-10 30.00', { dueDate: day('2024-03-01') }), // A
  line('AR C1 journal J-1 2024-01-20 40.00', { dueDate: day('2024-02-01') }), // B
  line('AR C2 journal J-2 2024-01-05 0.00'), // Z
  line('AR C2 journal J-2 2024-01-06 50.00'), // P
  line('AR C2 journal J-2 2024-01-07 70.00'), // Q
  line('AP S1 journal J-3 2024-01-10 100.00', { dueDate: day('2024-02-20') }), // M
  line('AP S1 journal J-3 2024-01-12 200.00', { dueDate: day('2024-02-10') }), // N
  line('AP S1 invoice INV-1 2024-01-15 80.00'),
]);

/** A version-2 database with the records version 2 wrote, under its keys. */
async function writtenByVersion2(name: string): Promise<void> {
  const v2 = track(openDb(name, { upToVersion: 2 }));
  await saveLedger(v2, 'adm', ledger, { at: 1 });
  await setNote(v2, 'adm', { itemKey: `${J1}#2`, ...C1 }, 'A: promised for Friday', { at: 10 });
  await setNote(v2, 'adm', { itemKey: J1, ...C1 }, 'B: disputed', { at: 11 });
  await setHandled(v2, 'adm', { itemKey: J1, ...C1 }, true, { at: 12 });
  await addFollowUp(v2, 'adm', { itemKey: `${J1}#2`, ...C1 }, { dueDate: day('2024-04-01'), text: 'call about A' }, { at: 13 });
  await addAgreement(v2, 'adm', { itemKey: J1, ...C1 }, { promisedDate: day('2024-04-15'), amount: 4000, currency: 'EUR', note: 'B pays' }, { at: 14 });
  await setNote(v2, 'adm', { itemKey: J2, ...C2 }, 'P: typed in the sheet', { at: 15, by: 'sheet' });
  await setNote(v2, 'adm', { itemKey: `${J2}#3`, ...C2 }, 'Q: typed in the pane', { at: 16 });
  const paid = [
    { itemKey: `${J3}#2`, partyId: 'S1', name: 'S1', amount: 10000, reference: 'J-3' },
    { itemKey: INV, partyId: 'S1', name: 'S1', amount: 8000, reference: 'INV-1' },
  ];
  await recordPaymentBatch(v2, 'adm', { batchId: 'B1', date: day('2024-02-01'), fileName: 'b1.xml', currency: 'EUR', items: paid }, 17);
  const shown = (note: string) => ({ handled: false, note, followUp: null });
  await recordSheetShown(v2, 'adm', new Map([[J2, shown('P: typed in the sheet')], [`${J2}#2`, shown('')]]), 18);
  await setNote(v2, 'other', { itemKey: `${J1}#2` }, 'an administration without a cached ledger', { at: 19 });
  expect(v2.verno).toBe(2);
  v2.close();
}

describe('upgrade to version 3 (items keep their records under their own keys)', () => {
  it('moves every record of a twin onto that twin, and leaves plain keys and other administrations alone', async () => {
    const name = freshName();
    await writtenByVersion2(name);
    const db = track(openDb(name));
    await db.open();
    expect(db.verno).toBe(LATEST_VERSION);

    expect((await getNote(db, 'adm', J1))?.text).toBe('A: promised for Friday');
    expect((await getNote(db, 'adm', `${J1}#2`))?.text).toBe('B: disputed');
    expect((await db.flags.toArray()).filter((f) => f.handled).map((f) => f.itemKey)).toEqual([`${J1}#2`]);
    expect((await db.followUps.toArray()).map((f) => [f.text, f.itemKey])).toEqual([['call about A', J1]]);
    expect((await db.agreements.toArray()).map((a) => [a.note, a.itemKey])).toEqual([['B pays', `${J1}#2`]]);
    expect((await getNote(db, 'adm', `${J2}#2`))?.text).toBe('P: typed in the sheet');
    expect((await getNote(db, 'adm', `${J2}#3`))?.text).toBe('Q: typed in the pane');
    expect(await getNote(db, 'adm', J2)).toBeUndefined();
    expect((await db.paymentBatches.get('B1'))?.items.map((i) => [i.reference, i.amount, i.itemKey])).toEqual([
      ['J-3', 10000, J3],
      ['INV-1', 8000, INV],
    ]);
    expect((await db.flags.toArray()).filter((f) => f.paymentPrepared).map((f) => f.itemKey).sort()).toEqual([INV, J3]);
    expect((await db.sheetState.get('adm'))?.base.map(([key]) => key)).toEqual([`${J2}#2`, `${J2}#3`]);
    expect((await getNote(db, 'other', `${J1}#2`))?.text).toBe('an administration without a cached ledger');
    expect(await db.notes.count()).toBe(5);
  });

  it('reads a sheet written before the upgrade by its old keys, once', async () => {
    const name = freshName();
    await writtenByVersion2(name);
    const db = track(openDb(name));
    const staleRow = { rowKey: J2, handled: true, note: 'P: typed in the sheet', followUp: null };
    const merged = await mergeSheetEdits(db, 'adm', [staleRow], 100);
    expect(merged.fromSheet).toBe(1);
    expect((await db.flags.toArray()).filter((f) => f.handled).map((f) => f.itemKey).sort()).toEqual([`${J1}#2`, `${J2}#2`]);
    expect(await getNote(db, 'adm', J2)).toBeUndefined();
    expect((await db.sheetState.get('adm'))?.legacyKeys).toBeUndefined();
  });
});
