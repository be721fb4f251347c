// The sync log: one line per sheet sync, ledger import and annotations backup of an
// administration, newest first, so the pane can say when its data last met the workbook.
import { Dexie } from 'dexie';
import type { SubledgerDb } from './db';
import type { SyncKind, SyncLogRow, Timestamp } from './records';

export async function logSync(
  db: SubledgerDb,
  adminId: string,
  kind: SyncKind,
  counts: Record<string, number>,
  at: Timestamp,
  detail = '',
): Promise<void> {
  await db.syncLog.add({ adminId, kind, counts, at, detail });
}

/** The latest log lines of an administration, newest first. */
export async function syncHistory(db: SubledgerDb, adminId: string, limit = 50): Promise<SyncLogRow[]> {
  return db.syncLog
    .where('[adminId+at]')
    .between([adminId, Dexie.minKey], [adminId, Dexie.maxKey])
    .reverse()
    .limit(limit)
    .toArray();
}

/** The latest line of one kind, or undefined when it never happened. */
export async function lastSync(db: SubledgerDb, adminId: string, kind: SyncKind): Promise<SyncLogRow | undefined> {
  return db.syncLog
    .where('[adminId+at]')
    .between([adminId, Dexie.minKey], [adminId, Dexie.maxKey])
    .reverse()
    .filter((row) => row.kind === kind)
    .first();
}
