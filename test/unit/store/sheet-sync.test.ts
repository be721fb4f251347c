// The open-items sheet and the pane both edit Handled / Note / Follow-up; a sync merges them.
import { afterEach, describe, expect, it } from 'vitest';
import { partyKey } from '../../../src/core/types';
import { annotationsForParty, annotationsForSheet } from '../../../src/store/annotations';
import type { SubledgerDb } from '../../../src/store/db';
import { setHandled } from '../../../src/store/flags';
import { addFollowUp, followUpsOfItem } from '../../../src/store/followups';
import { getNote, setNote } from '../../../src/store/notes';
import { mergeSheetEdits, recordSheetShown, type SheetEdit, type SheetMergeCounts, type SheetMergeResult } from '../../../src/store/sheet-sync';
import { lastSync } from '../../../src/store/sync-log';
import { day, openDb } from './helpers';

let db: SubledgerDb;
afterEach(() => db?.close());

const F1 = 'AR·C1·F1·invoice';
const F2 = 'AR·C1·F2·invoice';
const F3 = 'AR·C2·F3·invoice';

function counts({ sheet: _sheet, ...rest }: SheetMergeResult): SheetMergeCounts {
  return rest;
}

function row(rowKey: string, cells: Partial<SheetEdit> = {}): SheetEdit {
  return { rowKey, handled: false, note: '', followUp: null, ...cells };
}

/** The sheet as it was written at the last sync: what annotationsForSheet gave, per key. */
async function sheetAsWritten(keys: string[]): Promise<SheetEdit[]> {
  const shown = await annotationsForSheet(db, 'adm');
  return keys.map((k) => row(k, shown.get(k) ?? {}));
}

describe('mergeSheetEdits', () => {
  it('takes what was typed in the sheet, by item key, whatever the row order', async () => {
    db = openDb();
    await mergeSheetEdits(db, 'adm', [], 100);
    const result = await mergeSheetEdits(
      db,
      'adm',
      [row(F3, { note: 'Paid by cheque?' }), row(F1, { handled: true, followUp: day('2024-04-15') }), row(F2)],
      200,
    );
    expect(counts(result)).toEqual({ fromSheet: 3, keptFromPane: 0, conflicts: 0 });
    const sheet = await annotationsForSheet(db, 'adm');
    expect(result.sheet).toEqual(sheet);
    expect(sheet.get(F1)).toEqual({ handled: true, note: '', followUp: day('2024-04-15') });
    expect(sheet.get(F3)).toEqual({ handled: false, note: 'Paid by cheque?', followUp: null });
    expect(sheet.has(F2)).toBe(false);
    expect((await getNote(db, 'adm', F3))?.by).toBe('sheet');
    expect((await annotationsForParty(db, 'adm', partyKey('AR', 'C2'))).map((a) => a.itemKey)).toEqual([F3]);
    expect((await lastSync(db, 'adm', 'sheet'))?.at).toBe(200);
  });

  it('an unchanged sheet does not undo what was done in the pane since the last sync', async () => {
    db = openDb();
    await setNote(db, 'adm', { itemKey: F1 }, 'first call', { at: 100 });
    await mergeSheetEdits(db, 'adm', [], 150);
    const sheet = await sheetAsWritten([F1, F2]);
    await setNote(db, 'adm', { itemKey: F1 }, 'second call: pays on the 20th', { at: 200 });
    await setHandled(db, 'adm', { itemKey: F2 }, true, { at: 210 });
    const result = await mergeSheetEdits(db, 'adm', sheet, 300);
    expect(counts(result)).toEqual({ fromSheet: 0, keptFromPane: 2, conflicts: 0 });
    expect((await annotationsForSheet(db, 'adm')).get(F1)?.note).toBe('second call: pays on the 20th');
    expect((await annotationsForSheet(db, 'adm')).get(F2)?.handled).toBe(true);
  });

  it('after a sync whose write failed, the old cells are not taken for edits that undo the pane', async () => {
    db = openDb();
    await setNote(db, 'adm', { itemKey: F1 }, 'old text', { at: 100 });
    const first = await mergeSheetEdits(db, 'adm', [], 150, { recordShown: false });
    await recordSheetShown(db, 'adm', first.sheet, 160); // the sheet was written: it shows "old text"
    await setNote(db, 'adm', { itemKey: F1 }, 'promised on the phone', { at: 200 });
    await mergeSheetEdits(db, 'adm', [row(F1, { note: 'old text' })], 250, { recordShown: false });
    // … and the write of the sheet failed: it still shows "old text". The next sync reads it back.
    const result = await mergeSheetEdits(db, 'adm', [row(F1, { note: 'old text' })], 300, { recordShown: false });
    expect(counts(result)).toEqual({ fromSheet: 0, keptFromPane: 1, conflicts: 0 });
    expect((await getNote(db, 'adm', F1))?.text).toBe('promised on the phone');
  });

  it('once the sheet was rewritten with the pane\'s edit, a later sheet edit simply wins', async () => {
    db = openDb();
    await setNote(db, 'adm', { itemKey: F1 }, 'base text', { at: 100 });
    await mergeSheetEdits(db, 'adm', [], 150);
    await setNote(db, 'adm', { itemKey: F1 }, 'pane text', { at: 200 });
    await mergeSheetEdits(db, 'adm', await sheetAsWritten([F1]), 250);
    const result = await mergeSheetEdits(db, 'adm', [row(F1, { note: 'sheet text' })], 300);
    expect(counts(result)).toEqual({ fromSheet: 1, keptFromPane: 0, conflicts: 0 });
    const note = await getNote(db, 'adm', F1);
    expect(note?.text).toBe('sheet text');
    expect(note?.history.map((h) => [h.text, h.reason])).toEqual([['base text', 'edited'], ['pane text', 'edited']]);
  });

  it('when both sides changed since the sync, the newer wins and the older is in the history', async () => {
    db = openDb();
    await setNote(db, 'adm', { itemKey: F1 }, 'base text', { at: 100 });
    await setNote(db, 'adm', { itemKey: F2 }, 'base F2', { at: 100 });
    await mergeSheetEdits(db, 'adm', [], 150);
    await setNote(db, 'adm', { itemKey: F1 }, 'pane text', { at: 200 });
    await setNote(db, 'adm', { itemKey: F2 }, 'pane on F2', { at: 400 });
    const result = await mergeSheetEdits(
      db,
      'adm',
      [row(F1, { note: 'sheet text', editedAt: 300 }), row(F2, { note: 'sheet on F2', editedAt: 250 })],
      500,
    );
    expect(counts(result)).toEqual({ fromSheet: 0, keptFromPane: 0, conflicts: 2 });
    const f1 = await getNote(db, 'adm', F1);
    expect(f1?.text).toBe('sheet text');
    expect(f1?.history.map((h) => [h.text, h.reason])).toEqual([['base text', 'edited'], ['pane text', 'conflict']]);
    const f2 = await getNote(db, 'adm', F2);
    expect(f2?.text).toBe('pane on F2');
    expect(f2?.history.map((h) => [h.text, h.by, h.reason])).toEqual([['base F2', 'pane', 'edited'], ['sheet on F2', 'sheet', 'conflict']]);
  });

  it('a follow-up date changed on both sides: the newer wins, the other date is in the note history', async () => {
    db = openDb();
    await addFollowUp(db, 'adm', { itemKey: F1 }, { dueDate: day('2024-04-01') }, { at: 100 });
    await mergeSheetEdits(db, 'adm', [], 150);
    await addFollowUp(db, 'adm', { itemKey: F1 }, { dueDate: day('2024-03-25') }, { at: 200 });
    const result = await mergeSheetEdits(db, 'adm', [row(F1, { followUp: day('2024-04-10'), editedAt: 180 })], 300);
    expect(counts(result)).toEqual({ fromSheet: 0, keptFromPane: 0, conflicts: 1 });
    expect((await annotationsForSheet(db, 'adm')).get(F1)?.followUp).toBe(day('2024-03-25'));
    const history = (await getNote(db, 'adm', F1))?.history;
    expect(history).toEqual([{ field: 'followUp', text: '2024-04-10', at: 180, by: 'sheet', replacedAt: 300, reason: 'conflict' }]);
  });

  it('clearing the follow-up cell marks the open follow-up done; merging the same sheet twice changes nothing', async () => {
    db = openDb();
    await addFollowUp(db, 'adm', { itemKey: F1 }, { dueDate: day('2024-04-01'), text: 'call' }, { at: 100 });
    await mergeSheetEdits(db, 'adm', [], 150);
    const cleared = [row(F1, { followUp: null, handled: true })];
    expect(counts(await mergeSheetEdits(db, 'adm', cleared, 200))).toEqual({ fromSheet: 2, keptFromPane: 0, conflicts: 0 });
    expect((await followUpsOfItem(db, 'adm', F1)).map((f) => [f.done, f.doneAt])).toEqual([[1, 200]]);
    expect(counts(await mergeSheetEdits(db, 'adm', cleared, 250))).toEqual({ fromSheet: 0, keptFromPane: 0, conflicts: 0 });
    expect(await db.followUps.count()).toBe(1);
    expect(await db.flags.count()).toBe(1);
  });

  it('a follow-up date typed in the sheet postpones the earlier open follow-ups to it', async () => {
    db = openDb();
    const call = await addFollowUp(db, 'adm', { itemKey: F1 }, { dueDate: day('2024-04-01'), text: 'call' }, { at: 100 });
    const visit = await addFollowUp(db, 'adm', { itemKey: F1 }, { dueDate: day('2024-04-05'), text: 'visit' }, { at: 101 });
    await mergeSheetEdits(db, 'adm', [], 150);
    await mergeSheetEdits(db, 'adm', [row(F1, { followUp: day('2024-04-03') })], 200);
    const byText = new Map((await followUpsOfItem(db, 'adm', F1)).map((f) => [f.text, f]));
    expect(byText.get('call')).toMatchObject({ id: call.id, dueDate: day('2024-04-03'), by: 'sheet' });
    expect(byText.get('visit')).toMatchObject({ id: visit.id, dueDate: day('2024-04-05'), by: 'pane' });
    await mergeSheetEdits(db, 'adm', [row(F1, { followUp: day('2024-03-28') })], 300);
    expect((await followUpsOfItem(db, 'adm', F1)).map((f) => [f.text, f.dueDate])).toEqual([['call', day('2024-03-28')], ['visit', day('2024-04-05')]]);
  });

  it('a note starting with = is kept as text; rows without a key are left out', async () => {
    db = openDb();
    await mergeSheetEdits(db, 'adm', [row(F1, { note: '=HYPERLINK("x")' }), row('', { note: 'total row' })], 100);
    expect((await annotationsForSheet(db, 'adm')).get(F1)?.note).toBe('=HYPERLINK("x")');
    expect(await db.notes.count()).toBe(1);
  });
});
