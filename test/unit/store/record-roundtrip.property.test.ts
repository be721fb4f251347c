// Property: any valid note, flag, follow-up and agreement survives write → read → backup (as
// JSON text) → restore into another store, unchanged, field for field.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rowsOfAdministration, usableAnnotations } from '../../../src/store/annotations';
import { exportAnnotations, importAnnotations } from '../../../src/store/backup';
import type { AgreementRow, FlagRow, FollowUpRow, NoteRow } from '../../../src/store/records';
import { openDb } from './helpers';

const text = fc.string({ unit: 'binary', maxLength: 12 });
const time = fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER });
const day = fc.integer({ min: -1_000_000, max: 1_000_000 });
const by = fc.constantFrom('pane', 'sheet', 'import', 'upgrade' as const);
const keyed = { adminId: fc.constant('a'), itemKey: text, partyKey: text };
const optionalKeys = { requiredKeys: ['adminId', 'itemKey'] as ('adminId' | 'itemKey')[] };

const version = fc.record({
  field: fc.constantFrom('note', 'handled', 'followUp' as const),
  text,
  at: time,
  by,
  replacedAt: time,
  reason: fc.constantFrom('edited', 'conflict' as const),
});
const note: fc.Arbitrary<NoteRow> = fc.record(
  { ...keyed, text, createdAt: time, editedAt: time, by, history: fc.array(version, { maxLength: 3 }) },
  { requiredKeys: [...optionalKeys.requiredKeys, 'text', 'createdAt', 'editedAt', 'by', 'history'] },
);
const flag: fc.Arbitrary<FlagRow> = fc.record(
  { ...keyed, handled: fc.boolean(), handledAt: time, updatedAt: time, paymentPrepared: fc.record({ batchId: text, date: day, at: time }) },
  { requiredKeys: [...optionalKeys.requiredKeys, 'handled', 'handledAt', 'updatedAt'] },
);
const followUp: fc.Arbitrary<FollowUpRow> = fc.record(
  { ...keyed, id: text, dueDate: day, text, done: fc.constantFrom(0, 1 as const), doneAt: time, createdAt: time, updatedAt: time, by },
  { requiredKeys: [...optionalKeys.requiredKeys, 'id', 'dueDate', 'text', 'done', 'createdAt', 'updatedAt', 'by'] },
);
const agreement: fc.Arbitrary<AgreementRow> = fc.record(
  {
    ...keyed,
    id: text,
    promisedDate: day,
    amount: fc.integer({ min: Number.MIN_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }),
    currency: fc.constantFrom('EUR', 'USD', 'GBP', 'CHF', 'JPY'),
    note: text,
    status: fc.constantFrom('open', 'kept', 'broken', 'cancelled' as const),
    createdAt: time,
    updatedAt: time,
    by,
  },
  { requiredKeys: [...optionalKeys.requiredKeys, 'id', 'promisedDate', 'amount', 'currency', 'note', 'status', 'createdAt', 'updatedAt', 'by'] },
);

const byItem = { selector: (r: { itemKey: string }) => r.itemKey, maxLength: 4 };
const byId = { selector: (r: { id: string }) => r.id, maxLength: 4 };

/** Rows in a fixed order, whatever order the database returns them in. */
function sorted<T>(rows: T[]): T[] {
  return [...rows].sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));
}

describe('a valid record', () => {
  it('survives write → read → backup → restore unchanged', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(note, byItem),
        fc.uniqueArray(flag, byItem),
        fc.uniqueArray(followUp, byId),
        fc.uniqueArray(agreement, byId),
        async (notes, flags, followUps, agreements) => {
          const mine = openDb();
          const theirs = openDb();
          try {
            await mine.notes.bulkPut(notes);
            await mine.flags.bulkPut(flags);
            await mine.followUps.bulkPut(followUps);
            await mine.agreements.bulkPut(agreements);
            const written = { notes: sorted(notes), flags: sorted(flags), followUps: sorted(followUps), agreements: sorted(agreements) };
            const read = usableAnnotations(mine, await rowsOfAdministration(mine, 'a'));
            expect({ notes: sorted(read.notes), flags: sorted(read.flags), followUps: sorted(read.followUps), agreements: sorted(read.agreements) }).toEqual(written);
            const file = JSON.stringify(await exportAnnotations(mine, 'a', 1));
            await importAnnotations(theirs, 'a', file);
            const restored = await rowsOfAdministration(theirs, 'a');
            expect({ notes: sorted(restored.notes), flags: sorted(restored.flags), followUps: sorted(restored.followUps), agreements: sorted(restored.agreements) }).toEqual(written);
            expect(mine.damaged.list()).toEqual([]);
          } finally {
            mine.close();
            theirs.close();
          }
        },
      ),
      { numRuns: 40 },
    );
  });
});
