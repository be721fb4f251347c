// Administrations: a bookkeeping office keeps several companies apart. Every other table is keyed
// by the administration's id; deleting one removes all of its rows in one transaction.
import { DEFAULT_BASE_CURRENCY } from '../core/types';
import { isCurrencyCode } from '../core/money';
import type { SubledgerDb } from './db';
import { newId } from './ids';
import type { AdministrationRow, Timestamp } from './records';
import { usableRow, usableRows } from './record-guard';

export interface NewAdministration {
  id?: string;
  name: string;
  baseCurrency?: string;
}

export async function createAdministration(
  db: SubledgerDb,
  admin: NewAdministration,
  at: Timestamp = Date.now(),
): Promise<AdministrationRow> {
  const name = admin.name.trim();
  if (name === '') throw new RangeError('An administration needs a name.');
  const baseCurrency = admin.baseCurrency ?? DEFAULT_BASE_CURRENCY;
  if (!isCurrencyCode(baseCurrency)) throw new RangeError(`Base currency "${baseCurrency}" is not a three-letter ISO 4217 code.`);
  const row: AdministrationRow = { id: admin.id ?? newId(), name, baseCurrency, createdAt: at, lastOpenedAt: at };
  await db.administrations.add(row);
  return row;
}

/** All administrations, by name. */
export async function listAdministrations(db: SubledgerDb): Promise<AdministrationRow[]> {
  return usableRows(db, 'administrations', await db.administrations.orderBy('name').toArray());
}

export async function getAdministration(db: SubledgerDb, id: string): Promise<AdministrationRow | undefined> {
  return usableRow(db, 'administrations', await db.administrations.get(id));
}

export async function renameAdministration(db: SubledgerDb, id: string, name: string): Promise<void> {
  if (name.trim() === '') throw new RangeError('An administration needs a name.');
  await db.administrations.update(id, { name: name.trim() });
}

/** Notes that the administration was opened (the most recent one opens next time). */
export async function touchAdministration(db: SubledgerDb, id: string, at: Timestamp = Date.now()): Promise<void> {
  await db.administrations.update(id, { lastOpenedAt: at });
}

export async function lastOpenedAdministration(db: SubledgerDb): Promise<AdministrationRow | undefined> {
  const all = usableRows(db, 'administrations', await db.administrations.toArray());
  return all.sort((a, b) => b.lastOpenedAt - a.lastOpenedAt)[0];
}

/** Removes the administration and everything stored for it. */
export async function deleteAdministration(db: SubledgerDb, id: string): Promise<void> {
  const tables = [
    db.imports, db.ledgerChunks, db.flags, db.notes, db.followUps, db.agreements, db.paymentBatches, db.syncLog,
  ];
  await db.transaction('rw', [db.administrations, db.ledgerHeads, db.settings, db.sheetState, ...tables], async () => {
    for (const table of tables) await table.where('adminId').equals(id).delete();
    await db.ledgerHeads.delete(id);
    await db.settings.delete(id);
    await db.sheetState.delete(id);
    await db.administrations.delete(id);
  });
}
