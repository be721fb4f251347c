// The sync log: one line per sheet sync, ledger import and annotations backup of an
// administration, newest first, so the pane can say when its data last met the workbook.
import type { SubledgerDb } from './db';
import type { SyncKind, SyncLogRow, Timestamp } from './records';
import { usableRow, usableRows } from './record-guard';
import { adminRange, newestFirst } from './table-ops';

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
  return usableRows(db, 'syncLog', await newestFirst(db.syncLog, '[adminId+at]', adminId, limit));
}

/** The latest line of one kind, or undefined when it never happened. */
export async function lastSync(db: SubledgerDb, adminId: string, kind: SyncKind): Promise<SyncLogRow | undefined> {
  const row = await adminRange(db.syncLog, '[adminId+at]', adminId)
    .reverse()
    .filter((r) => r.kind === kind)
    .first();
  return usableRow(db, 'syncLog', row);
}
