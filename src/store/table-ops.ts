// Small table operations the repositories share: read-change-write of one row inside a
// transaction (so two panes never lose each other's write), and "newest first" per administration.
import { Dexie, type Collection, type IndexableType, type Table } from 'dexie';
import type { SubledgerDb } from './db';

/** Writes `change(current row or undefined)` under `key`, in one transaction; returns the new row. */
export async function upsertRow<T extends I, K extends IndexableType, I>(
  db: SubledgerDb,
  table: Table<T, K, I>,
  key: NoInfer<K>,
  change: (row: T | undefined) => T,
): Promise<T> {
  return db.transaction('rw', table, async () => {
    const row = change(await table.get(key));
    await table.put(row);
    return row;
  });
}

/** Changes an existing row in one transaction; undefined when there is no such row. */
export async function modifyRow<T extends I, K extends IndexableType, I>(
  db: SubledgerDb,
  table: Table<T, K, I>,
  key: NoInfer<K>,
  change: (row: T) => T,
): Promise<T | undefined> {
  return db.transaction('rw', table, async () => {
    const row = await table.get(key);
    if (row === undefined) return undefined;
    const updated = change(row);
    await table.put(updated);
    return updated;
  });
}

/** Rows of an administration in the order of a compound index `[adminId+<field>]`. */
export function adminRange<T, K, I>(table: Table<T, K, I>, index: string, adminId: string): Collection<T, K, I> {
  return table.where(index).between([adminId, Dexie.minKey], [adminId, Dexie.maxKey]);
}

/** Rows of an administration by a compound index `[adminId+<time>]`, newest first. */
export async function newestFirst<T, K, I>(table: Table<T, K, I>, index: string, adminId: string, limit: number): Promise<T[]> {
  return adminRange(table, index, adminId).reverse().limit(limit).toArray();
}
