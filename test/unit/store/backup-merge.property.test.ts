// Property: two colleagues who each edit notes and flags, then merge each other's backups, end
// up with the same annotations — whatever they did and in whatever order, ties in time included.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exportAnnotations, importAnnotations } from '../../../src/store/backup';
import { setHandled } from '../../../src/store/flags';
import { setNote } from '../../../src/store/notes';
import { openDb } from './helpers';

const KEYS = ['AR·C1·F1·invoice', 'AR·C1·F2·invoice', 'AP·S1·P1·invoice'];

const edit = fc.record({
  who: fc.constantFrom(0, 1),
  key: fc.constantFrom(...KEYS),
  at: fc.integer({ min: 1, max: 12 }),
  note: fc.option(fc.constantFrom('', 'call back', 'pays Friday', 'disputed'), { nil: undefined }),
  handled: fc.boolean(),
});

describe('merging annotations backups', () => {
  it('converges: after exchanging backups both stores hold the same annotations', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(edit, { maxLength: 14 }), async (edits) => {
        const stores = [openDb(), openDb()] as const;
        try {
          for (const e of edits) {
            const db = stores[e.who];
            if (e.note !== undefined) await setNote(db, 'a', { itemKey: e.key }, e.note, { at: e.at });
            else await setHandled(db, 'a', { itemKey: e.key }, e.handled, { at: e.at });
          }
          const [mine, theirs] = stores;
          await importAnnotations(mine, 'a', await exportAnnotations(theirs, 'a'));
          await importAnnotations(theirs, 'a', await exportAnnotations(mine, 'a'));
          const left = await exportAnnotations(mine, 'a', 0);
          expect(await exportAnnotations(theirs, 'a', 0)).toEqual(left);
          const again = await importAnnotations(mine, 'a', left);
          expect(again.added + again.updated).toBe(0);
        } finally {
          for (const db of stores) db.close();
        }
      }),
      { numRuns: 150 },
    );
  });
});

describe('a note whose text came back', () => {
  it('keeps one history entry per version, so merging a backup of itself changes nothing', async () => {
    // Found by the property above: the same text written at the same time is replaced twice.
    const db = openDb();
    const other = openDb();
    try {
      const ref = { itemKey: KEYS[0]! };
      await setNote(db, 'a', ref, 'call back', { at: 3 });
      await setNote(db, 'a', ref, 'pays Friday', { at: 5 });
      await setNote(db, 'a', ref, 'call back', { at: 3 });
      await setNote(db, 'a', ref, 'disputed', { at: 7 });
      const backup = await exportAnnotations(db, 'a', 0);
      const history = backup.notes[0]!.history.map((v) => `${v.text}@${v.at}→${v.replacedAt}`);
      expect(history).toEqual(['pays Friday@5→3', 'call back@3→5']);
      await importAnnotations(other, 'a', backup);
      const again = await importAnnotations(db, 'a', await exportAnnotations(other, 'a', 0));
      expect(again.added + again.updated).toBe(0);
    } finally {
      db.close();
      other.close();
    }
  });
});
