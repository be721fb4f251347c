// Payment agreements ("promise to pay"): the party will pay an amount by a date. An agreement
// is kept, broken or cancelled later; it is never deleted, so its history stays with the party.
import { Dexie } from 'dexie';
import type { Day } from '../core/date';
import type { Minor } from '../core/money';
import type { SubledgerDb } from './db';
import { newId } from './ids';
import { usableRows } from './record-guard';
import { modifyRow } from './table-ops';
import { keyedRow, type AgreementRow, type AgreementStatus, type ItemRef, type WriteOptions } from './records';

export interface NewAgreement {
  promisedDate: Day;
  amount: Minor;
  currency: string;
  note?: string;
}

export async function addAgreement(
  db: SubledgerDb,
  adminId: string,
  ref: ItemRef,
  promise: NewAgreement,
  options: WriteOptions = {},
): Promise<AgreementRow> {
  if (!Number.isSafeInteger(promise.amount)) throw new RangeError('An agreement amount is a whole number of minor units.');
  const at = options.at ?? Date.now();
  const row: AgreementRow = {
    ...keyedRow(adminId, ref),
    id: newId(),
    promisedDate: promise.promisedDate,
    amount: promise.amount,
    currency: promise.currency,
    note: promise.note ?? '',
    status: 'open',
    createdAt: at,
    updatedAt: at,
    by: options.by ?? 'pane',
  };
  await db.agreements.add(row);
  return row;
}

export async function setAgreementStatus(
  db: SubledgerDb,
  id: string,
  status: AgreementStatus,
  options: WriteOptions = {},
): Promise<AgreementRow | undefined> {
  const at = options.at ?? Date.now();
  return modifyRow(db, db.agreements, id, (row) => ({ ...row, status, updatedAt: at, by: options.by ?? 'pane' }));
}

export async function agreementsOfItem(db: SubledgerDb, adminId: string, itemKey: string): Promise<AgreementRow[]> {
  return usableRows(db, 'agreements', await db.agreements.where('[adminId+itemKey]').equals([adminId, itemKey]).toArray());
}

/** Open agreements whose promised date is on or before `until`: promises to check. */
export async function agreementsDue(db: SubledgerDb, adminId: string, until: Day): Promise<AgreementRow[]> {
  const rows = await db.agreements
    .where('[adminId+promisedDate]')
    .between([adminId, Dexie.minKey], [adminId, until], true, true)
    .toArray();
  return usableRows(db, 'agreements', rows).filter((r) => r.status === 'open');
}
