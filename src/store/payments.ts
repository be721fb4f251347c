// Payment batches: the history of SEPA files made for payables (batch id, date, file, items,
// total), and the `paymentPrepared` flag on every item of a batch, written in one transaction.
import type { Day } from '../core/date';
import { sumMinor } from '../core/money';
import type { SubledgerDb } from './db';
import { withPaymentPrepared } from './flags';
import { newId } from './ids';
import type { PaymentBatchRow, PaymentItemRow, Timestamp } from './records';
import { usableRows } from './record-guard';
import { newestFirst } from './table-ops';

export interface NewPaymentBatch {
  batchId?: string;
  date: Day;
  fileName: string;
  currency: string;
  items: PaymentItemRow[];
}

export async function recordPaymentBatch(
  db: SubledgerDb,
  adminId: string,
  batch: NewPaymentBatch,
  at: Timestamp = Date.now(),
): Promise<PaymentBatchRow> {
  const row: PaymentBatchRow = {
    batchId: batch.batchId ?? newId(),
    adminId,
    date: batch.date,
    createdAt: at,
    fileName: batch.fileName,
    currency: batch.currency,
    total: sumMinor(batch.items.map((i) => i.amount)),
    items: batch.items,
  };
  await db.transaction('rw', [db.paymentBatches, db.flags], async () => {
    await db.paymentBatches.add(row);
    const keys = batch.items.map((i): [string, string] => [adminId, i.itemKey]);
    const flags = await db.flags.bulkGet(keys);
    const prepared = { batchId: row.batchId, date: row.date, at };
    await db.flags.bulkPut(batch.items.map((item, i) => withPaymentPrepared(adminId, item, flags[i], prepared)));
  });
  return row;
}

/** The payment batches of an administration, newest first. */
export async function paymentHistory(db: SubledgerDb, adminId: string, limit = 100): Promise<PaymentBatchRow[]> {
  return usableRows(db, 'paymentBatches', await newestFirst(db.paymentBatches, '[adminId+createdAt]', adminId, limit));
}
