// How the import worker hands a ledger to the pane: the chunks the cache write stored, their typed
// columns transferred (moved, not copied), read back into exactly the entries that were saved, in
// their order; and the pane decoding them a slice at a time, outside the task that received them.
import { afterEach, describe, expect, it } from 'vitest';
import type { Entry } from '../../../src/core/types';
import { chunkBody, chunkBuffers } from '../../../src/taskpane/actions/import-protocol';
import { decodeChunk } from '../../../src/store/entry-chunks';
import type { SubledgerDb } from '../../../src/store/db';
import { loadLedger, saveLedger } from '../../../src/store/ledger-cache';
import { EntryAssembly, openCachedLedger } from '../../../src/taskpane/actions/entry-assembly';
import type { LedgerChunkRow } from '../../../src/store/records';
import { ledgerOf, line, openDb } from '../store/helpers';

let db: SubledgerDb | null = null;
afterEach(() => db?.close());

const entries = [
  line('AR C1 invoice F1 2024-01-10 121.00', { partyName: 'Acme', description: '=SUM(A1)' }),
  line('AR C1 payment B7 2024-01-20 -121.00', { settles: 'F1', source: { file: 'jan.csv', line: 3 } }),
  line('AP S9 invoice P-77 2024-01-15 50.05', { currency: 'USD', amountBase: 4601, paymentRef: 'RF18539007547034' }),
  line('AR C2 credit_note CN1 2024-01-22 -10.00', { settles: 'F9' }),
  line('AP S9 payment B8 2024-01-25 -50.05', { currency: 'USD', amountBase: -4601, settles: 'P-77' }),
];

describe('the ledger handed from the import worker to the pane', () => {
  it('is read from the stored chunks, moved rather than copied, into the saved entries in order', async () => {
    db = openDb();
    const written: LedgerChunkRow[] = [];
    await saveLedger(db, 'adm1', ledgerOf(entries), { chunkSize: 2, chunksPerBatch: 2, onWritten: (rows) => written.push(...rows) });
    expect(written.map((r) => r.seq)).toEqual([0, 1, 2]);
    const received: Entry[] = [];
    for (const row of written) {
      const chunk = chunkBody(row);
      const moved = structuredClone(chunk, { transfer: chunkBuffers(chunk) });
      received.push(...decodeChunk(moved));
      // Every typed column left the sender: nothing of it was copied.
      const columns = [...Object.values(chunk.text), ...Object.values(chunk.dates), ...Object.values(chunk.amounts), chunk.ledger, chunk.entryType, chunk.line];
      expect(columns.map((c) => c.byteLength)).toEqual(columns.map(() => 0));
    }
    expect(received).toEqual(entries);
  });
});

describe('the pane putting a ledger together from stored chunks', () => {
  const chunksOf = async (chunkSize: number) => {
    db = openDb();
    const written: LedgerChunkRow[] = [];
    await saveLedger(db, 'adm1', ledgerOf(entries), { chunkSize, chunksPerBatch: 1, onWritten: (rows) => written.push(...rows) });
    return written.map(chunkBody);
  };

  it('decodes nothing in the task that adds a chunk, then every entry in order', async () => {
    const assembly = new EntryAssembly();
    for (const chunk of await chunksOf(2)) assembly.add(chunk);
    expect(assembly.entries).toHaveLength(0);
    expect(await assembly.done()).toEqual(entries);
  });

  it('reports the entries decoded, and stops when cancelled', async () => {
    const seen: number[] = [];
    const assembly = new EntryAssembly((n) => seen.push(n));
    for (const chunk of await chunksOf(2)) assembly.add(chunk);
    await assembly.done();
    expect(seen.at(-1)).toBe(entries.length);

    const controller = new AbortController();
    const cancelled = new EntryAssembly(undefined, controller.signal);
    for (const chunk of await chunksOf(1)) cancelled.add(chunk);
    controller.abort();
    await expect(cancelled.done()).rejects.toThrow();
    expect(cancelled.entries).toHaveLength(0);
  });

  it('opens the cached ledger as loadLedger reads it', async () => {
    await chunksOf(2);
    const opened = await openCachedLedger(db as SubledgerDb, 'adm1');
    expect(opened?.ledger.entries).toEqual(entries);
    expect(opened?.ledger).toEqual(await loadLedger(db as SubledgerDb, 'adm1'));
    expect(await openCachedLedger(db as SubledgerDb, 'nobody')).toBeNull();
  });
});
