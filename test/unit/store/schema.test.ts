import { afterEach, describe, expect, it } from 'vitest';
import { partyKey } from '../../../src/core/types';
import { LATEST_VERSION } from '../../../src/store/db';
import { setHandled } from '../../../src/store/flags';
import { getNote, setNote } from '../../../src/store/notes';
import { closeTracked, freshName, openDb, track } from './helpers';

afterEach(closeTracked);

describe('schema', () => {
  it('has a table for every kind of thing the controller keeps', async () => {
    const db = track(openDb());
    await db.open();
    expect(db.verno).toBe(LATEST_VERSION);
    expect(db.tables.map((t) => t.name).sort()).toEqual([
      'administrations', 'agreements', 'flags', 'followUps', 'imports', 'ledgerChunks', 'ledgerHeads',
      'mappings', 'notes', 'paymentBatches', 'settings', 'sheetState', 'syncLog',
    ]);
    expect(db.notes.schema.primKey.keyPath).toEqual(['adminId', 'itemKey']);
  });

  it('upgrading a version-1 database keeps every note, now in its own table', async () => {
    const name = freshName();
    const v1 = track(openDb(name, { upToVersion: 1 }));
    await v1.table('flags').bulkPut([
      { adminId: 'a', itemKey: 'AR·C1·F1·invoice', partyKey: partyKey('AR', 'C1'), handled: true, handledAt: 100, updatedAt: 200, note: 'Promised to pay Friday', noteAt: 200 },
      { adminId: 'a', itemKey: 'AR·C1·F2·invoice', handled: false, handledAt: 0, updatedAt: 300, note: 'Disputed: wrong VAT rate', noteAt: 300 },
      { adminId: 'b', itemKey: 'AP·S1·P1·invoice', handled: true, handledAt: 50, updatedAt: 50 },
      { adminId: 'b', itemKey: 'AP·S1·P2·invoice', handled: false, handledAt: 0, updatedAt: 60, note: '' },
    ]);
    expect(v1.verno).toBe(1);
    expect(v1.tables.map((t) => t.name)).not.toContain('notes');
    v1.close();

    const v2 = track(openDb(name));
    const notes = await v2.notes.orderBy('[adminId+itemKey]').toArray();
    expect(notes).toEqual([
      { adminId: 'a', itemKey: 'AR·C1·F1·invoice', partyKey: partyKey('AR', 'C1'), text: 'Promised to pay Friday', createdAt: 200, editedAt: 200, by: 'pane', history: [] },
      { adminId: 'a', itemKey: 'AR·C1·F2·invoice', text: 'Disputed: wrong VAT rate', createdAt: 300, editedAt: 300, by: 'pane', history: [] },
    ]);
    const flags = await v2.flags.toArray();
    expect(flags).toHaveLength(4);
    expect(flags.some((f) => 'note' in f || 'noteAt' in f)).toBe(false);
    expect(flags.filter((f) => f.handled).map((f) => f.itemKey)).toEqual(['AR·C1·F1·invoice', 'AP·S1·P1·invoice']);
    expect(v2.verno).toBe(LATEST_VERSION);
  });

  it('a pane on the old version closes and is told to reload when another pane upgrades', async () => {
    const name = freshName();
    const told: (number | null)[] = [];
    const old = track(openDb(name, { upToVersion: 1, onVersionChange: (v) => told.push(v) }));
    await old.open();
    const upgraded = track(openDb(name));
    await upgraded.open();
    expect(told).toHaveLength(1);
    expect(old.isOpen()).toBe(false);
    await expect(old.flags.count()).rejects.toThrow();
    expect(upgraded.verno).toBe(LATEST_VERSION);
  });

  it('two panes writing at once lose nothing', async () => {
    const name = freshName();
    const left = track(openDb(name));
    const right = track(openDb(name));
    await Promise.all([left.open(), right.open()]);
    const writes: Promise<unknown>[] = [];
    for (let i = 0; i < 40; i++) {
      const db = i % 2 === 0 ? left : right;
      writes.push(setNote(db, 'a', { itemKey: 'AR·K1·DISPUTE·invoice' }, `call ${i}`, { at: 1000 + i }));
      writes.push(setHandled(db, 'a', { itemKey: `AR·C${i}·F${i}·invoice` }, true, { at: 1000 + i }));
      writes.push(setNote(db, 'a', { itemKey: `AR·C${i}·F${i}·invoice` }, `note ${i}`, { at: 1000 + i }));
    }
    await Promise.all(writes);
    const shared = await getNote(left, 'a', 'AR·K1·DISPUTE·invoice');
    const texts = [...(shared?.history.map((h) => h.text) ?? []), shared?.text];
    expect(texts.sort()).toEqual(Array.from({ length: 40 }, (_, i) => `call ${i}`).sort());
    expect((await left.flags.toArray()).filter((f) => f.handled)).toHaveLength(40);
    expect(await right.notes.count()).toBe(41);
  });
});
