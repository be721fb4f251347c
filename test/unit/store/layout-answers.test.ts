// The answers a user gave for a layout (its side, the GL accounts of debtors and creditors) are
// kept beside its column mapping, found again by its header, and added to what was kept before.
import { afterEach, describe, expect, it } from 'vitest';
import type { SubledgerDb } from '../../../src/store/db';
import { answersOf, findMapping, rememberLayout, saveMapping } from '../../../src/store/mappings';
import { openDb } from './helpers';

let db: SubledgerDb | null = null;
afterEach(async () => {
  await db?.delete();
  db = null;
});

describe('answers remembered per layout', () => {
  it('keeps the side and the account prefixes, and reads them back', async () => {
    db = openDb();
    await rememberLayout(db, ['Rekening', 'Bedrag'], undefined, { arAccounts: ['1300', '1310'], apAccounts: ['16'] }, 1);
    const row = await findMapping(db, [' rekening ', 'BEDRAG']);
    expect(answersOf(row)).toEqual({ arAccounts: ['1300', '1310'], apAccounts: ['16'] });
    expect(row?.mapping).toEqual({});
  });

  it('adds an answer to a layout whose mapping was saved before, keeping the mapping', async () => {
    db = openDb();
    await saveMapping(db, ['Klant', 'Nr'], { party_id: 'Klant', doc_no: 'Nr' }, {}, 1);
    await rememberLayout(db, ['Klant', 'Nr'], undefined, { side: 'AP' }, 2);
    const row = await findMapping(db, ['Klant', 'Nr']);
    expect(row?.mapping).toEqual({ party_id: 'Klant', doc_no: 'Nr' });
    expect(answersOf(row)).toEqual({ side: 'AP' });
    expect(row?.usedAt).toBe(2);
  });

  it('reads a row saved before answers were kept as no answers, and ignores a side that is not AR or AP', () => {
    expect(answersOf(undefined)).toEqual({});
    expect(answersOf({ options: { side: 'XX', locale: 'nl-BE' } })).toEqual({});
  });
});
