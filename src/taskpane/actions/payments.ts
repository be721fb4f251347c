// The Payments tab's job: plan the selected payables (export/payment-plan: refusals with reasons,
// never twice without confirmation), write the pain.001 file, record the batch in the store.
import { formatIsoDate, type Day } from '../../core/date';
import type { Item } from '../../core/report-types';
import type { Ledger } from '../../core/types';
import type { PaymentBatch, PaymentHistory } from '../../export/history';
import { writePain001, type Debtor } from '../../export/pain001';
import { planPayments, type PaymentPlan } from '../../export/payment-plan';
import type { SubledgerDb } from '../../store/db';
import { recordPaymentBatch } from '../../store/payments';
import type { PaymentBatchRow } from '../../store/records';

/** The store's batches as the payment plan's history (for the never-twice guard). */
export function historyOf(rows: readonly PaymentBatchRow[]): PaymentHistory {
  return {
    batches: rows.map(
      (r): PaymentBatch => ({
        id: r.batchId,
        createdAt: new Date(r.createdAt).toISOString(),
        executionDate: r.date,
        fileName: r.fileName,
        format: 'pain.001.001.03',
        total: r.total,
        items: r.items.map((i) => ({ key: i.itemKey, partyId: i.partyId, docNo: i.reference, amount: i.amount, endToEndId: '', executionDate: r.date })),
      }),
    ),
  };
}

export function planSelected(
  ledger: Ledger,
  openPayables: readonly Item[],
  keys: readonly string[],
  executionDate: Day,
  history: PaymentHistory,
  confirmRepeat: boolean,
): PaymentPlan {
  return planPayments(openPayables, { keys, executionDate }, history, { parties: ledger.parties, confirmRepeat });
}

/** The file's name and XML; throws PaymentFileError when the debtor's account is wrong. */
export function paymentFile(plan: PaymentPlan, debtor: Debtor): { name: string; xml: string } {
  const xml = writePain001(plan, debtor);
  return { name: `sepa-${formatIsoDate(plan.executionDate)}-${plan.batchId}.xml`, xml };
}

export async function recordPlan(db: SubledgerDb, adminId: string, plan: PaymentPlan, fileName: string): Promise<void> {
  const items = plan.payments.flatMap((p) =>
    p.items.map((i) => ({ itemKey: i.key, partyId: p.partyId, name: p.creditorName, amount: i.amount, reference: i.docNo })),
  );
  await recordPaymentBatch(db, adminId, { batchId: plan.batchId, date: plan.executionDate, fileName, currency: 'EUR', items });
}
