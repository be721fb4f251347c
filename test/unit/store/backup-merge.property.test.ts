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
