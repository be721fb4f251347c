// A note taken on the Parties tab ("add a note while on the phone") belongs to the party, not to
// an item: it shows in the party's history, never as an archived (paid) item or on the sheet.
import { afterEach, describe, expect, it } from 'vitest';
import { baseItemKey } from '../../../src/core/item-key';
import { partyKey } from '../../../src/core/types';
import { annotationsForParty, annotationsForSheet, archivedAnnotations } from '../../../src/store/annotations';
import type { SubledgerDb } from '../../../src/store/db';
import { itemRef, partyNoteRef, refFromKey } from '../../../src/store/item-ref';
import { getNote, setNote } from '../../../src/store/notes';
import { mergeSheetEdits } from '../../../src/store/sheet-sync';
import { openDb } from './helpers';

let db: SubledgerDb;
afterEach(() => db?.close());

const F3 = itemRef({ ledger: 'AR', partyId: 'C2', key: baseItemKey({ ledger: 'AR', partyId: 'C2', docNo: 'F3', entryType: 'invoice' }) });
// How the task pane stored a call note so far: existing users have rows under this key.
const storedCallNote = { itemKey: 'party·AR·C2', partyKey: partyKey('AR', 'C2') };

describe('party notes (a call note kept on the party itself)', () => {
  it('a call note stored under the old party·<side>·<id> key is not an archived item and not on the sheet', async () => {
    db = openDb();
    await setNote(db, 'adm', F3, 'Promised payment 14 Feb', { at: 1 });
    await setNote(db, 'adm', storedCallNote, 'Called: will pay next week', { at: 2 });

    const archived = await archivedAnnotations(db, 'adm', []);
    expect(archived.map((a) => a.itemKey)).toEqual([F3.itemKey]);
    expect([...(await annotationsForSheet(db, 'adm')).keys()]).toEqual([F3.itemKey]);
    expect((await mergeSheetEdits(db, 'adm', [])).sheet.has(storedCallNote.itemKey)).toBe(false);

    const history = await annotationsForParty(db, 'adm', partyKey('AR', 'C2'));
    expect(history.map((a) => a.note?.text).sort()).toEqual(['Called: will pay next week', 'Promised payment 14 Feb']);
  });

  it('the pane\'s party note ref keeps the key existing users have, so old call notes stay on the party', async () => {
    db = openDb();
    await setNote(db, 'adm', storedCallNote, 'Called: will pay next week', { at: 1 });
    await setNote(db, 'adm', partyNoteRef('AR', 'C2'), 'Called again: paid', { at: 2 });
    const note = await getNote(db, 'adm', storedCallNote.itemKey);
    expect(note?.text).toBe('Called again: paid');
    expect(note?.history.map((h) => h.text)).toEqual(['Called: will pay next week']);
    expect(refFromKey(storedCallNote.itemKey)).toEqual(partyNoteRef('AR', 'C2'));
    expect(refFromKey('party·AP·S·10%')).toEqual({ itemKey: 'party·AP·S·10%', partyKey: partyKey('AP', 'S·10%') });

    expect(await archivedAnnotations(db, 'adm', [])).toEqual([]);
    expect((await annotationsForParty(db, 'adm', partyKey('AR', 'C2'))).map((a) => a.note?.text)).toEqual(['Called again: paid']);
  });

  it('a sheet row carrying a party note key does not change the party note', async () => {
    db = openDb();
    await setNote(db, 'adm', partyNoteRef('AR', 'C2'), 'Called: will pay next week', { at: 1 });
    const merged = await mergeSheetEdits(db, 'adm', [{ rowKey: storedCallNote.itemKey, handled: true, note: 'typed over', followUp: null }], 5);
    expect(merged.sheet.size).toBe(0);
    expect((await getNote(db, 'adm', storedCallNote.itemKey))?.text).toBe('Called: will pay next week');
  });
});
