import { afterEach, describe, expect, it } from 'vitest';
import { cachedLedgerInfo, importHistory, loadLedger, saveLedger } from '../../../src/store/ledger-cache';
import type { SubledgerDb } from '../../../src/store/db';
import { setNote } from '../../../src/store/notes';
import { day, ledgerOf, line, openDb } from './helpers';

let db: SubledgerDb;
afterEach(() => db?.close());

const januaryLedger = ledgerOf(
  [
    line('AR C1 invoice F1 2024-01-10 121.00', { partyName: 'Acme', description: '=SUM(A1)' }),
    line('AR C1 payment B7 2024-01-20 -121.00', { settles: 'F1', source: { file: 'jan.csv', line: 3 } }),
    line('AP S9 invoice P-77 2024-01-15 50.05', { currency: 'USD', amountBase: 4601, paymentRef: 'RF18539007547034' }),
  ],
  [{ ledger: 'AR', partyId: 'C1', name: 'Acme NV', creditLimit: 500000, iban: 'BE68539007547034' }],
);

describe('ledger cache', () => {
  it('gives back exactly the entries and parties that were saved', async () => {
    db = openDb();
    await saveLedger(db, 'adm1', januaryLedger);
    const loaded = await loadLedger(db, 'adm1');
    expect(loaded?.entries).toEqual(januaryLedger.entries);
    expect(loaded?.parties).toEqual(januaryLedger.parties);
    expect(loaded?.baseCurrency).toBe('EUR');
  });

  it('keeps entries in order across many chunks', async () => {
    db = openDb();
    const entries = Array.from({ length: 2503 }, (_, i) =>
      line(`AR C${i % 17} invoice F${i} 2024-02-01 ${(i + 1) / 100}`),
    );
    await saveLedger(db, 'adm1', ledgerOf(entries), { chunkSize: 100, chunksPerBatch: 3 });
    const loaded = await loadLedger(db, 'adm1');
    expect(loaded?.entries.map((e) => e.docNo)).toEqual(entries.map((e) => e.docNo));
    expect(loaded?.entries.reduce((s, e) => s + e.amount, 0)).toBe(entries.reduce((s, e) => s + e.amount, 0));
    expect(await db.ledgerChunks.count()).toBe(26);
  });

  it('opens a cache written before, its chunks with 32-bit text references', async () => {
    db = openDb();
    await saveLedger(db, 'adm1', januaryLedger);
    // the chunk as the previous version wrote it: every text column 32-bit, -1 where a text is absent
    const [chunk] = await db.ledgerChunks.toArray();
    if (!chunk) throw new Error('no chunk written');
    const widened = Object.fromEntries(Object.entries(chunk.text).map(([name, refs]) => [name, Int32Array.from(refs, (r) => (r === 0xffff ? -1 : r))]));
    await db.ledgerChunks.put({ ...chunk, text: widened as typeof chunk.text });
    expect((await db.ledgerChunks.toArray())[0]?.text.docNo).toBeInstanceOf(Int32Array);
    expect((await loadLedger(db, 'adm1'))?.entries).toEqual(januaryLedger.entries);
  });

  it('keeps administrations apart', async () => {
    db = openDb();
    await saveLedger(db, 'adm1', januaryLedger);
    await saveLedger(db, 'adm2', ledgerOf([line('AR X invoice Z1 2024-03-01 1.00')]));
    expect((await loadLedger(db, 'adm1'))?.entries).toHaveLength(3);
    expect((await loadLedger(db, 'adm2'))?.entries.map((e) => e.partyId)).toEqual(['X']);
    expect(await loadLedger(db, 'none')).toBeNull();
  });

  it('replaces the previous ledger and leaves no old chunks behind', async () => {
    db = openDb();
    await saveLedger(db, 'adm1', januaryLedger);
    const february = ledgerOf([line('AR C1 invoice F2 2024-02-10 10.00')]);
    await saveLedger(db, 'adm1', february, {
      at: 1_700_000_000_000,
      import: { source: 'feb.csv', format: 'canonical', report: null, issues: [] },
    });
    expect((await loadLedger(db, 'adm1'))?.entries).toEqual(february.entries);
    expect(await db.ledgerChunks.count()).toBe(1);
    const info = await cachedLedgerInfo(db, 'adm1');
    expect(info).toMatchObject({ entryCount: 1, partyCount: 0, savedAt: 1_700_000_000_000 });
    const [latest] = await importHistory(db, 'adm1');
    expect(latest).toMatchObject({ source: 'feb.csv', counts: { entries: 1, parties: 0, errors: 0, warnings: 0 } });
    expect(info?.importId).toBe(latest?.id);
  });

  it('a save that fails midway leaves the previous cache and every note untouched', async () => {
    db = openDb();
    await saveLedger(db, 'adm1', januaryLedger);
    await setNote(db, 'adm1', { itemKey: 'k-F1' }, 'Called Acme, pays Friday', { at: 1000 });
    const big = ledgerOf(Array.from({ length: 1000 }, (_, i) => line(`AR C2 invoice N${i} 2024-05-01 1.00`)));
    let chunksWritten = 0;
    const failing = (): void => {
      chunksWritten += 1;
      if (chunksWritten === 5) throw new Error('disk full');
    };
    db.ledgerChunks.hook('creating', failing);
    await expect(saveLedger(db, 'adm1', big, { chunkSize: 100, chunksPerBatch: 2 })).rejects.toThrow('disk full');
    db.ledgerChunks.hook('creating').unsubscribe(failing);
    expect(chunksWritten).toBe(5);
    expect((await loadLedger(db, 'adm1'))?.entries).toEqual(januaryLedger.entries);
    expect(await db.ledgerChunks.count()).toBe(1);
    expect((await db.notes.toArray()).map((n) => n.text)).toEqual(['Called Acme, pays Friday']);
    expect(await importHistory(db, 'adm1')).toEqual([]);
  });

  it('an aborted save leaves the previous cache in place', async () => {
    db = openDb();
    await saveLedger(db, 'adm1', januaryLedger);
    const controller = new AbortController();
    const big = ledgerOf(Array.from({ length: 600 }, (_, i) => line(`AR C2 invoice N${i} 2024-05-01 1.00`)));
    const progress: number[] = [];
    const saving = saveLedger(db, 'adm1', big, {
      chunkSize: 100,
      chunksPerBatch: 1,
      signal: controller.signal,
      onProgress: (written) => {
        progress.push(written);
        if (written === 300) controller.abort();
      },
    });
    await expect(saving).rejects.toThrow();
    expect(progress).toEqual([100, 200, 300]);
    expect((await loadLedger(db, 'adm1'))?.entries).toHaveLength(3);
    expect(await db.ledgerChunks.count()).toBe(1);
  });

  it('two panes saving the same administration at once never leave a half ledger', async () => {
    db = openDb();
    const other = openDb(db.name);
    const a = ledgerOf(Array.from({ length: 900 }, (_, i) => line(`AR A${i % 7} invoice A${i} 2024-05-01 1.00`)));
    const b = ledgerOf(Array.from({ length: 700 }, (_, i) => line(`AR B${i % 7} invoice B${i} 2024-06-01 2.00`)));
    const results = await Promise.allSettled([
      saveLedger(db, 'adm1', a, { chunkSize: 50, chunksPerBatch: 1 }),
      saveLedger(other, 'adm1', b, { chunkSize: 50, chunksPerBatch: 1 }),
    ]);
    for (const r of results) if (r.status === 'rejected') expect(String(r.reason)).toMatch(/Another pane replaced this ledger/);
    expect(results.some((r) => r.status === 'fulfilled')).toBe(true);
    const loaded = await loadLedger(db, 'adm1');
    expect([a.entries, b.entries]).toContainEqual(loaded?.entries);
    const head = await db.ledgerHeads.get('adm1');
    expect(await db.ledgerChunks.count()).toBe(head?.chunkCount);
    other.close();
  });

  it('stores dates as days', async () => {
    db = openDb();
    await saveLedger(db, 'adm1', januaryLedger);
    const loaded = await loadLedger(db, 'adm1');
    expect(loaded?.entries[0]?.dueDate).toBe(day('2024-02-09'));
  });
});
