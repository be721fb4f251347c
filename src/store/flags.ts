// Flags on items: `handled` (the controller dealt with it) and `paymentPrepared` (the item is in
// a payment batch, so it is not paid twice). Each field carries its own time for merging.
import type { SubledgerDb } from './db';
import { usableRow, usableRows } from './record-guard';
import { upsertRow } from './table-ops';
import { keyedRow, type FlagRow, type ItemRef, type PaymentPrepared, type Timestamp, type WriteOptions } from './records';

function emptyFlag(adminId: string, ref: ItemRef): FlagRow {
  return { ...keyedRow(adminId, ref), handled: false, handledAt: 0, updatedAt: 0 };
}

/** The flag after `handled` was set at `at`. Pure. */
export function withHandled(adminId: string, ref: ItemRef, existing: FlagRow | undefined, handled: boolean, at: Timestamp): FlagRow {
  const flag = existing ?? emptyFlag(adminId, ref);
  const partyKey = flag.partyKey ?? ref.partyKey;
  const row = partyKey === undefined ? { ...flag } : { ...flag, partyKey };
  if (existing && existing.handled === handled) return row;
  return { ...row, handled, handledAt: at, updatedAt: Math.max(flag.updatedAt, at) };
}

/** The flag with a payment batch noted on it. Pure. */
export function withPaymentPrepared(adminId: string, ref: ItemRef, existing: FlagRow | undefined, prepared: PaymentPrepared): FlagRow {
  const flag = existing ?? emptyFlag(adminId, ref);
  return { ...flag, paymentPrepared: prepared, updatedAt: Math.max(flag.updatedAt, prepared.at) };
}

export async function setHandled(
  db: SubledgerDb,
  adminId: string,
  ref: ItemRef,
  handled: boolean,
  options: WriteOptions = {},
): Promise<FlagRow> {
  const at = options.at ?? Date.now();
  return upsertRow(db, db.flags, [adminId, ref.itemKey], (existing) => withHandled(adminId, ref, existing, handled, at));
}

export async function getFlag(db: SubledgerDb, adminId: string, itemKey: string): Promise<FlagRow | undefined> {
  return usableRow(db, 'flags', await db.flags.get([adminId, itemKey]));
}

export async function flagsOfAdministration(db: SubledgerDb, adminId: string): Promise<FlagRow[]> {
  return usableRows(db, 'flags', await db.flags.where('adminId').equals(adminId).toArray());
}

/**
 * Keys of the items already in a payment batch (left out of a new one). Read as stored: a damaged
 * flag that says its item was paid still keeps the item out of the next payment.
 */
export async function preparedItemKeys(db: SubledgerDb, adminId: string): Promise<Set<string>> {
  const flags = await db.flags.where('adminId').equals(adminId).toArray();
  return new Set(flags.filter((f) => f.paymentPrepared !== undefined).map((f) => f.itemKey));
}

/**
 * Sets `handled` on many items at once (a selection in the pane), in transactions of `batch` rows,
 * in key order (appending in key order is what IndexedDB's B-trees write fastest).
 */
export async function setHandledMany(
  db: SubledgerDb,
  adminId: string,
  refs: readonly ItemRef[],
  handled: boolean,
  options: WriteOptions & { batch?: number } = {},
): Promise<void> {
  const at = options.at ?? Date.now();
  const size = options.batch ?? 10_000;
  const sorted = [...refs].sort((a, b) => (a.itemKey < b.itemKey ? -1 : a.itemKey > b.itemKey ? 1 : 0));
  for (let start = 0; start < sorted.length; start += size) {
    const part = sorted.slice(start, start + size);
    await db.transaction('rw', db.flags, async () => {
      const existing = await db.flags.bulkGet(part.map((r): [string, string] => [adminId, r.itemKey]));
      await db.flags.bulkPut(part.map((r, i) => withHandled(adminId, r, existing[i], handled, at)));
    });
  }
}
