// The cached ledger of an administration, so the pane opens without re-importing, and the list of
// imports. A save writes a new generation of chunks in small transactions, then switches the head
// to it in one last transaction: an import that fails midway leaves the previous cache as it was.
// A ledger imported from a file may be kept first with that file (the browser stores it as a
// Blob, outside the page's memory: a 120 MB file in ~0.1 s where its chunks take seconds): one
// transaction switches the head to the new generation with its source, the chunks are written
// after it, and a last transaction lets the source go once they all are. Meanwhile a reader gets
// the source (`StoredLedger.source`) and reads the ledger again from it (taskpane/actions
// cached-source.ts): the same file read the same way gives the same ledger.
import { Dexie, type Table } from 'dexie';
import { entryAt } from '../core/ledger-index';
import { partyKey, type Entry, type ImportIssue, type ImportReport, type Ledger, type Party } from '../core/types';
import type { SubledgerDb } from './db';
import { decodeChunk, LedgerChunks } from './entry-chunks';
import { newId } from './ids';
import type { ImportRow, LedgerChunkRow, LedgerHeadRow, LedgerSourceRow, Timestamp } from './records';
import { usableRow, usableRows, type DamageSink } from './record-guard';
import { logSync } from './sync-log';
import { newestFirst } from './table-ops';

/** What is recorded about the import that produced the ledger. */
export interface ImportInfo {
  source: string;
  format: string;
  layoutSignature?: string;
  report: ImportReport | null;
  issues: ImportIssue[];
}

export interface SaveLedgerOptions {
  import?: ImportInfo;
  /** Entries per stored chunk (default 5,000). */
  chunkSize?: number;
  /** The ledger's chunks where some may be encoded ahead (then `chunkSize` is theirs). */
  chunks?: LedgerChunks;
  /** Chunks written per transaction (default 4): the UI breathes between batches. */
  chunksPerBatch?: number;
  signal?: AbortSignal;
  onProgress?: (written: number, total: number) => void;
  /**
   * Each batch of chunks once stored, in order (the pane's import worker hands them on to the
   * pane, which reads the ledger from them instead of from a second encoding). The rows are the
   * caller's after this call: their arrays may be transferred.
   */
  onWritten?: (rows: readonly LedgerChunkRow[]) => void;
  at?: Timestamp;
}

/** The file a ledger was read from and how (records.ts LEDGER_SOURCE). */
export type LedgerSource = LedgerSourceRow;

export interface SavedLedger {
  generation: string;
  importId: number | null;
}

/** Summary of the cached ledger, cheap for a live query (no entries, no parties). */
export interface CachedLedgerInfo {
  baseCurrency: string;
  entryCount: number;
  partyCount: number;
  savedAt: Timestamp;
  importId: number | null;
}

const MAX_STORED_ISSUES = 500;

export async function saveLedger(
  db: SubledgerDb,
  adminId: string,
  ledger: Ledger,
  options: SaveLedgerOptions = {},
): Promise<SavedLedger> {
  const generation = newId();
  // the entries one at a time: a columnar read's ledger is stored without making them all
  const chunks = options.chunks ?? new LedgerChunks(entryAt(ledger), options.chunkSize);
  try {
    const chunkCount = await writeChunks(db, adminId, generation, chunks, options);
    options.signal?.throwIfAborted();
    return await switchHead(db, adminId, ledger, { generation, chunkCount, entryCount: chunks.entryCount }, options);
  } catch (error) {
    await deleteGeneration(db, adminId, generation);
    throw error;
  }
}

/**
 * Keeps `ledger` as the administration's ledger with the file it was read from, in one
 * transaction, before any of its chunks is written (`writeSourceChunks` writes them): once this
 * returns, the ledger is kept (read again from `source` until its chunks are written); if it
 * fails, the previous ledger is kept as it was.
 */
export async function saveLedgerSource(db: SubledgerDb, adminId: string, ledger: Ledger, source: LedgerSource, chunks: LedgerChunks, options: SaveLedgerOptions = {}): Promise<SavedLedger> {
  options.signal?.throwIfAborted();
  return switchHead(db, adminId, ledger, { generation: newId(), chunkCount: chunks.count, entryCount: chunks.entryCount, source }, options);
}

/**
 * Writes the chunks of a ledger kept with its source (`saveLedgerSource`, generation
 * `generation`), then lets the source go where the head is still that generation's. True when the
 * chunks are all written; false when another save replaced the ledger meanwhile. A failure leaves
 * the ledger kept with its source (read again from it), never a ledger with entries missing.
 */
export async function writeSourceChunks(db: SubledgerDb, adminId: string, generation: string, chunks: LedgerChunks, options: SaveLedgerOptions = {}): Promise<boolean> {
  // put, not add: a write that stopped midway (a pane closed) is done again by the next reader
  await writeChunks(db, adminId, generation, chunks, options, true);
  return db.transaction('rw', [db.ledgerHeads, db.ledgerChunks], async () => {
    const head = await db.ledgerHeads.get(adminId);
    if (head?.generation !== generation) return false;
    const stored = await db.ledgerChunks.where('[adminId+generation]').equals([adminId, generation]).count();
    if (stored !== head.chunkCount) return false;
    const { source: _source, ...whole } = head;
    await db.ledgerHeads.put(whole);
    return true;
  });
}

async function writeChunks(
  db: SubledgerDb,
  adminId: string,
  generation: string,
  chunks: LedgerChunks,
  options: SaveLedgerOptions,
  again = false,
): Promise<number> {
  const perBatch = options.chunksPerBatch ?? 4;
  const total = chunks.entryCount;
  let seq = 0;
  while (seq < chunks.count) {
    options.signal?.throwIfAborted();
    const rows: LedgerChunkRow[] = [];
    for (const end = Math.min(seq + perBatch, chunks.count); seq < end; seq++) rows.push({ adminId, generation, seq, ...chunks.take(seq) });
    await (again ? db.ledgerChunks.bulkPut(rows) : db.ledgerChunks.bulkAdd(rows));
    options.onWritten?.(rows);
    options.onProgress?.(Math.min(seq * chunks.size, total), total);
  }
  return seq;
}

async function switchHead(
  db: SubledgerDb,
  adminId: string,
  ledger: Ledger,
  written: { generation: string; chunkCount: number; entryCount: number; source?: LedgerSource },
  options: SaveLedgerOptions,
): Promise<SavedLedger> {
  const at = options.at ?? Date.now();
  return db.transaction('rw', [db.ledgerHeads, db.ledgerChunks, db.imports, db.syncLog], async () => {
    const stored = await db.ledgerChunks.where('[adminId+generation]').equals([adminId, written.generation]).count();
    // (a ledger kept with its source has no chunk yet)
    if (stored !== (written.source ? 0 : written.chunkCount)) {
      throw new Error('Another pane replaced this ledger while it was being saved; import it again.');
    }
    const counted = { entries: written.entryCount, parties: ledger.parties.size };
    const importId = options.import ? await db.imports.add(importRow(adminId, counted, options.import, at)) : null;
    const head: LedgerHeadRow = {
      adminId,
      generation: written.generation,
      baseCurrency: ledger.baseCurrency,
      entryCount: written.entryCount,
      chunkCount: written.chunkCount,
      parties: [...ledger.parties.values()],
      savedAt: at,
    };
    if (importId !== null) head.importId = importId;
    if (written.source) head.source = written.source;
    await db.ledgerHeads.put(head);
    await deleteOtherGenerations(db, adminId, written.generation);
    await logSync(db, adminId, 'ledger', counted, at);
    return { generation: written.generation, importId };
  });
}

/**
 * Records an import that was refused (the file had errors): it shows in the import history with
 * its issues, and the cached ledger stays as it was.
 */
export async function recordRejectedImport(db: SubledgerDb, adminId: string, info: ImportInfo, at: Timestamp = Date.now()): Promise<number> {
  return db.imports.add(importRow(adminId, { entries: 0, parties: 0 }, info, at));
}

function importRow(adminId: string, counted: { entries: number; parties: number }, info: ImportInfo, at: Timestamp): Omit<ImportRow, 'id'> {
  const errors = info.issues.filter((i) => i.severity === 'error').length;
  return {
    adminId,
    source: info.source,
    format: info.format,
    layoutSignature: info.layoutSignature ?? '',
    importedAt: at,
    counts: { ...counted, errors, warnings: info.issues.length - errors },
    report: info.report,
    issues: info.issues.slice(0, MAX_STORED_ISSUES),
  };
}

async function deleteGeneration(db: SubledgerDb, adminId: string, generation: string): Promise<void> {
  await db.ledgerChunks.where('[adminId+generation]').equals([adminId, generation]).delete();
}

/** Drops the previous generation and any leftovers of an interrupted save, reading keys only. */
async function deleteOtherGenerations(db: SubledgerDb, adminId: string, keep: string): Promise<void> {
  const keys = await db.ledgerChunks.where('adminId').equals(adminId).primaryKeys();
  await db.ledgerChunks.bulkDelete(keys.filter(([, generation]) => generation !== keep));
}

/**
 * The cached ledger of an administration, or null when none was saved or it is damaged (a part
 * of it is not valid, or missing): then the damage is reported and the ledger must be imported
 * again — never a ledger with entries missing.
 */
export async function loadLedger(db: SubledgerDb, adminId: string): Promise<Ledger | null> {
  return (await loadCachedLedger(db, adminId))?.ledger ?? null;
}

/** A cached ledger with the generation it was read from: what names its content. */
export interface CachedLedger {
  ledger: Ledger;
  /** The save that wrote it (`SavedLedger.generation`): every save writes a new one. */
  generation: string;
}

/** The cached ledger as `loadLedger` reads it, with its generation. */
export async function loadCachedLedger(db: SubledgerDb, adminId: string): Promise<CachedLedger | null> {
  const stored = await loadLedgerChunks(db, adminId);
  if (!stored) return null;
  if (stored.source) return null; // read again from its file where the importers are (taskpane/actions/cached-source.ts)
  const entries: Entry[] = [];
  for (const chunk of stored.chunks) for (const entry of decodeChunk(chunk)) entries.push(entry);
  return { ledger: { baseCurrency: stored.baseCurrency, entries, parties: partiesMap(stored.parties) }, generation: stored.generation };
}

/** The cached ledger as stored: its chunks not yet decoded (for a reader that decodes them a slice at a time). */
export interface StoredLedger {
  /** The save that wrote these chunks (`SavedLedger.generation`). */
  generation: string;
  baseCurrency: string;
  entryCount: number;
  parties: Party[];
  chunks: LedgerChunkRow[];
  /** A ledger kept with its file whose chunks are not all written yet (`chunks` is empty): read it again from this. */
  source?: LedgerSource;
}

/**
 * The cached ledger's chunks, each checked, read in one transaction (one consistent generation);
 * null as `loadLedger`. One chunk per request: each answers in a task of its own, so the page
 * that opens a million-entry ledger stays responsive.
 */
export async function loadLedgerChunks(db: SubledgerDb, adminId: string): Promise<StoredLedger | null> {
  return db.transaction('r', [db.ledgerHeads, db.ledgerChunks], async () => {
    const head = usableRow(db, 'ledgerHeads', await db.ledgerHeads.get(adminId));
    if (!head) return null;
    const stored = await db.ledgerChunks.where('[adminId+generation]').equals([adminId, head.generation]).count();
    const kept = { generation: head.generation, baseCurrency: head.baseCurrency, entryCount: head.entryCount, parties: head.parties };
    if (stored !== head.chunkCount) return head.source ? { ...kept, chunks: [], source: head.source } : null;
    const chunks: LedgerChunkRow[] = [];
    let whole = true;
    for (let seq = 0; seq < head.chunkCount; seq++) {
      const chunk = usableRow(db, 'ledgerChunks', await db.ledgerChunks.get([adminId, head.generation, seq]));
      if (!chunk) whole = false;
      else if (whole) chunks.push(chunk);
    }
    return whole ? { ...kept, chunks } : null;
  });
}

/** The cached ledger read from these tables (a schema upgrade passes its transaction's, without checks). */
export async function readLedger(
  heads: Pick<Table<LedgerHeadRow, string>, 'get'>,
  chunkTable: Table<LedgerChunkRow, [string, string, number]>,
  adminId: string,
  checked?: DamageSink,
): Promise<Ledger | null> {
  const stored = await heads.get(adminId);
  const head = checked ? usableRow(checked, 'ledgerHeads', stored) : stored;
  if (!head) return null;
  const all = await chunkTable
    .where('[adminId+generation+seq]')
    .between([adminId, head.generation, Dexie.minKey], [adminId, head.generation, Dexie.maxKey])
    .toArray();
  const chunks = checked ? usableRows(checked, 'ledgerChunks', all) : all;
  if (chunks.length !== head.chunkCount) return null;
  return { baseCurrency: head.baseCurrency, entries: chunks.flatMap(decodeChunk), parties: partiesMap(head.parties) };
}

/** The parties of a ledger, keyed as `Ledger.parties` is (`partyKey`). */
export function partiesMap(parties: readonly Party[]): Map<string, Party> {
  return new Map(parties.map((p) => [partyKey(p.ledger, p.partyId), p]));
}

export async function cachedLedgerInfo(db: SubledgerDb, adminId: string): Promise<CachedLedgerInfo | null> {
  const head = usableRow(db, 'ledgerHeads', await db.ledgerHeads.get(adminId));
  if (!head) return null;
  return {
    baseCurrency: head.baseCurrency,
    entryCount: head.entryCount,
    partyCount: head.parties.length,
    savedAt: head.savedAt,
    importId: head.importId ?? null,
  };
}

/** The imports of an administration, newest first. */
export async function importHistory(db: SubledgerDb, adminId: string, limit = 20): Promise<ImportRow[]> {
  return usableRows(db, 'imports', await newestFirst(db.imports, '[adminId+importedAt]', adminId, limit));
}

/** Forgets the cached ledger (the annotations stay). */
export async function clearLedger(db: SubledgerDb, adminId: string): Promise<void> {
  await db.transaction('rw', [db.ledgerHeads, db.ledgerChunks], async () => {
    await db.ledgerHeads.delete(adminId);
    await db.ledgerChunks.where('adminId').equals(adminId).delete();
  });
}
