// The pane reads through useLiveQuery (dexie-react-hooks), which is Dexie's liveQuery: the query
// functions must re-run and give fresh plain objects when a repository writes. liveQuery only
// reacts with IndexedDB as a global (as in the browser), hence fake-indexeddb/auto in this file.
import 'fake-indexeddb/auto';
import { liveQuery } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { annotationsForSheet } from '../../../src/store/annotations';
import { SubledgerDb } from '../../../src/store/db';
import { setHandled } from '../../../src/store/flags';
import { followUpsDue, addFollowUp } from '../../../src/store/followups';
import { setNote } from '../../../src/store/notes';
import type { SheetAnnotation } from '../../../src/store/records';
import { day, freshName } from './helpers';

function openDb(): SubledgerDb {
  return new SubledgerDb(freshName());
}

let db: SubledgerDb;
afterEach(() => db?.close());

/** Subscribes and resolves with the first value that passes `ready`. */
function firstValue<T>(query: () => Promise<T>, ready: (v: T) => boolean): Promise<T> {
  return new Promise((resolve, reject) => {
    const subscription = liveQuery(query).subscribe({
      next: (value) => {
        if (!ready(value)) return;
        subscription.unsubscribe();
        resolve(value);
      },
      error: reject,
    });
  });
}

describe('query functions under liveQuery', () => {
  it('the sheet annotations follow a note and a flag written after subscribing', async () => {
    db = openDb();
    const seen = firstValue(
      () => annotationsForSheet(db, 'a'),
      (m: Map<string, SheetAnnotation>) => m.get('AR·C1·F1·invoice')?.handled === true,
    );
    await setNote(db, 'a', { itemKey: 'AR·C1·F1·invoice' }, 'Reminder sent');
    await setHandled(db, 'a', { itemKey: 'AR·C1·F1·invoice' }, true);
    expect((await seen).get('AR·C1·F1·invoice')).toEqual({ handled: true, note: 'Reminder sent', followUp: null });
  });

  it('the to-do list of follow-ups follows a new one', async () => {
    db = openDb();
    const seen = firstValue(() => followUpsDue(db, 'a', day('2024-04-30')), (rows) => rows.length === 1);
    await addFollowUp(db, 'a', { itemKey: 'AR·C1·F1·invoice' }, { dueDate: day('2024-04-03'), text: 'call' });
    expect((await seen).map((r) => r.text)).toEqual(['call']);
  });
});
