// A re-import must not lose what the controller wrote: keys follow the item, not its row.
import { afterEach, describe, expect, it } from 'vitest';
import { openItemsAsOf } from '../../../src/core/open-items';
import { annotationsForParty, annotationsForSheet, archivedAnnotations } from '../../../src/store/annotations';
import type { SubledgerDb } from '../../../src/store/db';
import { setHandled } from '../../../src/store/flags';
import { addFollowUp } from '../../../src/store/followups';
import { itemRef } from '../../../src/store/item-ref';
import { loadLedger, saveLedger } from '../../../src/store/ledger-cache';
import { setNote } from '../../../src/store/notes';
import { partyKey } from '../../../src/core/types';
import { day, ledgerOf, line } from './helpers';
import { openDb } from './helpers';

let db: SubledgerDb;
afterEach(() => db?.close());

const asOf = day('2024-03-31');

const january = ledgerOf([
  line('AR C1 invoice F1 2024-01-10 121.00'),
  line('AR C1 invoice F2 2024-01-12 60.50'),
  line('AR C2 invoice F3 2024-01-15 300.00'),
  line('AP S1 invoice P9 2024-01-20 99.99'),
]);

// The next export: F1 corrected to 125.00, the rows in another order, F3 paid in February.
const february = ledgerOf([
  line('AP S1 invoice P9 2024-01-20 99.99'),
  line('AR C2 payment B1 2024-02-14 -300.00', { settles: 'F3' }),
  line('AR C2 invoice F3 2024-01-15 300.00'),
  line('AR C1 invoice F2 2024-01-12 60.50'),
  line('AR C1 invoice F1 2024-01-10 125.00'),
]);

function openRefs(ledger: typeof january) {
  return new Map(openItemsAsOf(ledger, asOf).map((item) => [item.docNo, itemRef(item)]));
}

describe('annotations across a re-import', () => {
  it('stay with their item when amounts change and rows move; a paid item keeps its note, archived', async () => {
    db = openDb();
    await saveLedger(db, 'adm', january);
    const before = openRefs((await loadLedger(db, 'adm'))!);
    await setNote(db, 'adm', before.get('F1')!, 'Customer disputes 4.00 freight', { at: 10 });
    await setHandled(db, 'adm', before.get('F2')!, true, { at: 11 });
    await setNote(db, 'adm', before.get('F3')!, 'Promised payment 14 Feb', { at: 12 });
    await addFollowUp(db, 'adm', before.get('P9')!, { dueDate: day('2024-04-02'), text: 'Ask for credit note' }, { at: 13 });

    await saveLedger(db, 'adm', february);
    const after = openRefs((await loadLedger(db, 'adm'))!);
    expect([...after.keys()].sort()).toEqual(['F1', 'F2', 'P9']);
    for (const doc of ['F1', 'F2', 'P9']) expect(after.get(doc)).toEqual(before.get(doc));

    const sheet = await annotationsForSheet(db, 'adm');
    expect(sheet.get(after.get('F1')!.itemKey)).toEqual({ handled: false, note: 'Customer disputes 4.00 freight', followUp: null });
    expect(sheet.get(after.get('F2')!.itemKey)).toEqual({ handled: true, note: '', followUp: null });
    expect(sheet.get(after.get('P9')!.itemKey)).toEqual({ handled: false, note: '', followUp: day('2024-04-02') });

    const openKeys = [...after.values()].map((r) => r.itemKey);
    const archived = await archivedAnnotations(db, 'adm', openKeys);
    expect(archived.map((a) => [a.itemKey, a.note?.text])).toEqual([[before.get('F3')!.itemKey, 'Promised payment 14 Feb']]);

    const partyC2 = await annotationsForParty(db, 'adm', partyKey('AR', 'C2'));
    expect(partyC2.map((a) => a.note?.text)).toEqual(['Promised payment 14 Feb']);
  });

  it('keeps administrations apart even when their item keys are equal', async () => {
    db = openDb();
    const f1 = openRefs(january).get('F1')!;
    await setNote(db, 'office-A', f1, 'A: call Monday', { at: 1 });
    await setNote(db, 'office-B', f1, 'B: already paid', { at: 2 });
    expect((await annotationsForSheet(db, 'office-A')).get(f1.itemKey)?.note).toBe('A: call Monday');
    expect((await annotationsForSheet(db, 'office-B')).get(f1.itemKey)?.note).toBe('B: already paid');
  });
});
