// Properties of the sheet round trip: a sheet nobody typed in never undoes the pane's work, and
// what was typed in the sheet (with the pane idle) is exactly what the store then holds.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { annotationsForSheet, EMPTY_SHEET_ANNOTATION } from '../../../src/store/annotations';
import type { SubledgerDb } from '../../../src/store/db';
import { setHandled } from '../../../src/store/flags';
import { addFollowUp } from '../../../src/store/followups';
import { setNote } from '../../../src/store/notes';
import { mergeSheetEdits, type SheetEdit } from '../../../src/store/sheet-sync';
import { openDb } from './helpers';

const KEYS = ['AR·C1·F1·invoice', 'AR·C2·F2·invoice', 'AP·S1·P1·invoice'];

interface PaneEdit {
  key: string;
  kind: 'note' | 'handled' | 'followUp';
  note: string;
  handled: boolean;
  day: number;
}

const paneEdit: fc.Arbitrary<PaneEdit> = fc.record({
  key: fc.constantFrom(...KEYS),
  kind: fc.constantFrom('note' as const, 'handled' as const, 'followUp' as const),
  note: fc.constantFrom('', 'call back', 'pays Friday'),
  handled: fc.boolean(),
  day: fc.integer({ min: 19_800, max: 19_830 }),
});

const sheetRow = fc.record({
  rowKey: fc.constantFrom(...KEYS),
  handled: fc.boolean(),
  note: fc.constantFrom('', 'call back', 'typed in Excel'),
  followUp: fc.option(fc.integer({ min: 19_800, max: 19_830 }), { nil: null }),
});

async function applyPane(db: SubledgerDb, edits: PaneEdit[], from: number): Promise<void> {
  let at = from;
  for (const e of edits) {
    at += 1;
    const ref = { itemKey: e.key };
    if (e.kind === 'note') await setNote(db, 'a', ref, e.note, { at });
    else if (e.kind === 'handled') await setHandled(db, 'a', ref, e.handled, { at });
    else await addFollowUp(db, 'a', ref, { dueDate: e.day }, { at });
  }
}

async function sheetShows(db: SubledgerDb): Promise<SheetEdit[]> {
  const shown = await annotationsForSheet(db, 'a');
  return KEYS.map((rowKey) => ({ rowKey, ...(shown.get(rowKey) ?? EMPTY_SHEET_ANNOTATION) }));
}

describe('sheet round trip', () => {
  it('an untouched sheet never undoes what the pane did since the last sync', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(paneEdit, { maxLength: 8 }), fc.array(paneEdit, { maxLength: 8 }), async (before, after) => {
        const db = openDb();
        try {
          await applyPane(db, before, 100);
          const written = (await mergeSheetEdits(db, 'a', [], 500)).sheet;
          const sheet = KEYS.map((rowKey) => ({ rowKey, ...(written.get(rowKey) ?? EMPTY_SHEET_ANNOTATION) }));
          await applyPane(db, after, 1000);
          const paneState = await annotationsForSheet(db, 'a');
          const result = await mergeSheetEdits(db, 'a', sheet, 2000);
          expect(result.fromSheet + result.conflicts).toBe(0);
          expect(await annotationsForSheet(db, 'a')).toEqual(paneState);
        } finally {
          db.close();
        }
      }),
      { numRuns: 60 },
    );
  });

  it('with the pane idle, the store ends up holding exactly what the sheet shows', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(paneEdit, { maxLength: 8 }), fc.uniqueArray(sheetRow, { selector: (r) => r.rowKey }), async (before, typed) => {
        const db = openDb();
        try {
          await applyPane(db, before, 100);
          await mergeSheetEdits(db, 'a', [], 500);
          const shown = new Map((await sheetShows(db)).map((r) => [r.rowKey, r]));
          for (const row of typed) shown.set(row.rowKey, row);
          const result = await mergeSheetEdits(db, 'a', [...shown.values()], 1000);
          expect(result.keptFromPane + result.conflicts).toBe(0);
          expect(await sheetShows(db)).toEqual(KEYS.map((k) => shown.get(k)));
        } finally {
          db.close();
        }
      }),
      { numRuns: 60 },
    );
  });
});
