// Annotations travel: a backup file, or the copy kept in the workbook for a colleague.
import { afterEach, describe, expect, it } from 'vitest';
import { annotationsForSheet } from '../../../src/store/annotations';
import { AnnotationsFormatError, exportAnnotations, importAnnotations } from '../../../src/store/backup';
import type { SubledgerDb } from '../../../src/store/db';
import { setHandled } from '../../../src/store/flags';
import { addAgreement, agreementsOfItem, setAgreementStatus } from '../../../src/store/agreements';
import { addFollowUp } from '../../../src/store/followups';
import { getNote, setNote } from '../../../src/store/notes';
import { recordPaymentBatch } from '../../../src/store/payments';
import { day, openDb } from './helpers';

const opened: SubledgerDb[] = [];
function fresh(): SubledgerDb {
  const db = openDb();
  opened.push(db);
  return db;
}
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

const F1 = 'AR·C1·F1·invoice';
const F2 = 'AR·C1·F2·invoice';
const P9 = 'AP·S1·P9·invoice';

async function myWork(db: SubledgerDb): Promise<void> {
  await setNote(db, 'mine', { itemKey: F1 }, 'Disputes freight', { at: 100 });
  await setNote(db, 'mine', { itemKey: F1 }, 'Agreed: credit note for freight', { at: 150 });
  await setHandled(db, 'mine', { itemKey: F2 }, true, { at: 110 });
  await addFollowUp(db, 'mine', { itemKey: F2 }, { dueDate: day('2024-04-05'), text: 'check payment' }, { at: 120 });
  await addAgreement(db, 'mine', { itemKey: F1 }, { promisedDate: day('2024-04-10'), amount: 12100, currency: 'EUR' }, { at: 130 });
}

describe('exportAnnotations / importAnnotations', () => {
  it('a colleague who merges the backup sees the same notes, flags, follow-ups and promises', async () => {
    const mine = fresh();
    await myWork(mine);
    const backup = JSON.stringify(await exportAnnotations(mine, 'mine', 200));
    const theirs = fresh();
    const result = await importAnnotations(theirs, 'their-admin', backup, 300);
    expect(result).toEqual({ added: 4, updated: 0, unchanged: 0 });
    expect(await annotationsForSheet(theirs, 'their-admin')).toEqual(await annotationsForSheet(mine, 'mine'));
    expect((await getNote(theirs, 'their-admin', F1))?.history.map((h) => h.text)).toEqual(['Disputes freight']);
    expect((await agreementsOfItem(theirs, 'their-admin', F1)).map((a) => [a.amount, a.status])).toEqual([[12100, 'open']]);
  });

  it('merging the same backup twice duplicates nothing', async () => {
    const mine = fresh();
    await myWork(mine);
    const backup = await exportAnnotations(mine, 'mine');
    expect(await importAnnotations(mine, 'mine', backup)).toEqual({ added: 0, updated: 0, unchanged: 4 });
    const theirs = fresh();
    await importAnnotations(theirs, 'x', backup);
    expect(await importAnnotations(theirs, 'x', backup)).toEqual({ added: 0, updated: 0, unchanged: 4 });
    expect([await theirs.notes.count(), await theirs.flags.count(), await theirs.followUps.count(), await theirs.agreements.count()]).toEqual([1, 1, 1, 1]);
  });

  it('newest wins both ways, and both stores end up the same', async () => {
    const mine = fresh();
    await myWork(mine);
    const theirs = fresh();
    await importAnnotations(theirs, 'mine', await exportAnnotations(mine, 'mine'));
    await setNote(theirs, 'mine', { itemKey: F1 }, 'Credit note sent 2 April', { at: 400 });
    await setHandled(theirs, 'mine', { itemKey: F2 }, false, { at: 410 });
    await setNote(mine, 'mine', { itemKey: P9 }, 'Supplier asked for IBAN check', { at: 420 });
    const [agreement] = await agreementsOfItem(mine, 'mine', F1);
    await setAgreementStatus(mine, agreement!.id, 'kept', { at: 430 });

    await importAnnotations(mine, 'mine', await exportAnnotations(theirs, 'mine'));
    await importAnnotations(theirs, 'mine', await exportAnnotations(mine, 'mine'));

    for (const db of [mine, theirs]) {
      const sheet = await annotationsForSheet(db, 'mine');
      expect(sheet.get(F1)?.note).toBe('Credit note sent 2 April');
      expect(sheet.get(F2)?.handled).toBe(false);
      expect(sheet.get(P9)?.note).toBe('Supplier asked for IBAN check');
      expect((await agreementsOfItem(db, 'mine', F1)).map((a) => a.status)).toEqual(['kept']);
      expect((await getNote(db, 'mine', F1))?.history.map((h) => h.text)).toEqual(['Disputes freight', 'Agreed: credit note for freight']);
    }
    expect(await exportAnnotations(mine, 'mine', 1)).toEqual(await exportAnnotations(theirs, 'mine', 1));
  });

  it('a flag merges field by field: a newer handled does not drop a payment batch', async () => {
    const mine = fresh();
    await recordPaymentBatch(mine, 'a', { date: day('2024-04-02'), fileName: 'pay.xml', currency: 'EUR', items: [
      { itemKey: P9, partyId: 'S1', name: 'Supplier', amount: 9999, reference: 'P9' },
    ] }, 500);
    const theirs = fresh();
    await setHandled(theirs, 'a', { itemKey: P9 }, true, { at: 600 });
    await importAnnotations(mine, 'a', await exportAnnotations(theirs, 'a'));
    const flag = await mine.flags.get(['a', P9]);
    expect(flag?.handled).toBe(true);
    expect(flag?.paymentPrepared?.date).toBe(day('2024-04-02'));
  });

  it('refuses a file that is not a backup, naming what is wrong, and writes nothing', async () => {
    const db = fresh();
    await expect(importAnnotations(db, 'a', '{not json')).rejects.toThrow(/not JSON/);
    await expect(importAnnotations(db, 'a', { format: 'something-else' })).rejects.toThrow(/format: expected "subledger-annotations"/);
    await expect(importAnnotations(db, 'a', { format: 'subledger-annotations', version: 9 })).rejects.toThrow(/version: expected 1, got 9/);
    const good = await exportAnnotations(db, 'a', 1);
    const bad = {
      ...good,
      notes: [
        { itemKey: F1, text: 'fine', createdAt: 1, editedAt: 1, by: 'pane', history: [] },
        { itemKey: F2, text: 'bad date', createdAt: 1, editedAt: 'yesterday', by: 'pane', history: [] },
      ],
      agreements: [{ id: 'x', itemKey: F1, promisedDate: 19800, amount: 12.5, currency: 'euro', note: '', status: 'open', createdAt: 1, updatedAt: 1, by: 'pane' }],
    };
    const error = await importAnnotations(db, 'a', bad).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AnnotationsFormatError);
    expect((error as AnnotationsFormatError).problems).toEqual([
      'notes[1].editedAt: expected a time in milliseconds since 1970, got "yesterday"',
      'agreements[0].amount: expected a whole number of minor units (cents), got 12.5',
      'agreements[0].currency: expected a three-letter ISO 4217 code, got "euro"',
    ]);
    expect(await db.notes.count()).toBe(0);
  });
});
