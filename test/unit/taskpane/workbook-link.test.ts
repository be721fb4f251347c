// The pane in Excel keeps the store linked to the workbook: a colleague's notes kept in the
// workbook are merged in on opening, and cells typed in the open-items sheet are stored at once.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { syncSheets } from '../../../src/excel/render';
import { saveWorkbookNotes } from '../../../src/excel/workbook-notes';
import { exportAnnotations } from '../../../src/store/backup';
import type { SubledgerDb } from '../../../src/store/db';
import { getFlag } from '../../../src/store/flags';
import { getNote, setNote } from '../../../src/store/notes';
import { mergeWorkbookNotes, watchSheetEdits } from '../../../src/taskpane/actions/workbook-link';
import { createFakeExcel, type FakeExcel } from '../../fake-excel';
import { LINES, openItemsSpec } from '../excel/specs';
import { openDb } from '../store/helpers';

const F2 = 'AR·C002·F-1002·invoice';
let fake: FakeExcel;
const dbs: SubledgerDb[] = [];
beforeEach(() => {
  fake = createFakeExcel().install();
});
afterEach(() => {
  fake.uninstall();
  dbs.splice(0).forEach((db) => db.close());
});
function db(): SubledgerDb {
  const d = openDb();
  dbs.push(d);
  return d;
}

describe('the workbook link', () => {
  it('merges the notes a colleague kept in the workbook into this computer’s store', async () => {
    const colleague = db();
    await setNote(colleague, 'adm', { itemKey: F2 }, 'Promised to pay on the 20th', { at: 100 });
    await saveWorkbookNotes(JSON.stringify(await exportAnnotations(colleague, 'adm')));
    const mine = db();
    expect(await mergeWorkbookNotes(mine, 'adm')).toBeGreaterThan(0);
    expect((await getNote(mine, 'adm', F2))?.text).toBe('Promised to pay on the 20th');
    expect(await mergeWorkbookNotes(mine, 'adm')).toBe(0); // merging again adds nothing
  });

  it('has nothing to merge in a workbook without notes', async () => {
    expect(await mergeWorkbookNotes(db(), 'adm')).toBeNull();
  });

  it('stores what the user types in the sheet as it happens, until stopped', async () => {
    const mine = db();
    await syncSheets([openItemsSpec(LINES)]);
    const errors: unknown[] = [];
    const stop = await watchSheetEdits(mine, 'adm', (e) => errors.push(e));
    await fake.userEdit('Open items AR', 'H7:I7', [[true, 'Dispute: price']]);
    await vi.waitFor(async () => expect((await getNote(mine, 'adm', F2))?.text).toBe('Dispute: price'));
    expect((await getFlag(mine, 'adm', F2))?.handled).toBe(true);
    await stop();
    await fake.userEdit('Open items AR', 'I7', [['typed after the pane closed']]);
    await new Promise((r) => setTimeout(r, 50));
    expect((await getNote(mine, 'adm', F2))?.text).toBe('Dispute: price');
    expect(errors).toEqual([]);
  });
});
