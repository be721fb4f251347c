// The Payments tab's job: plan the selected payables (export/payment-plan: refusals with reasons,
// never twice without confirmation), write the pain.001 file, record the batch in the store, and
// lay the same plan out as the "Payment proposal" sheet for approval (to the workbook in Excel,
// as a downloaded .xlsx outside).
import { formatIsoDate, type Day } from '../../core/date';
import type { Item } from '../../core/report-types';
import type { Ledger } from '../../core/types';
import type { PaymentBatch, PaymentHistory } from '../../export/history';
import { writePain001, type Debtor } from '../../export/pain001';
import { nettedParties } from '../../export/netting';
import { planPayments, type PaymentPlan } from '../../export/payment-plan';
import { refusalText } from '../../export/refusals';
import { syncSheets } from '../../excel/render';
import { paymentProposalSheet } from '../../sheets/payment-proposal';
import type { SheetSpec } from '../../sheets/spec';
import type { SubledgerDb } from '../../store/db';
import { recordPaymentBatch } from '../../store/payments';
import type { PaymentBatchRow } from '../../store/records';
import { reasonOf, type Pane } from '../state/pane';
import type { Settings } from '../../store/settings';
import { saveBytes } from './workbook';

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
  // a supplier whose chosen items hold a credit note or advance is paid once, for the net amount
  const together = nettedParties(openPayables, keys);
  return planPayments(openPayables, { keys, executionDate, together }, history, { parties: ledger.parties, confirmRepeat });
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

/** The proposal sheet of the plan the SEPA file is (or will be) written from, in the sheets' language. */
export function proposalSheet(
  plan: PaymentPlan,
  settings: Pick<Settings, 'companyName' | 'iban' | 'sheetLanguage'>,
  sepaFile?: string,
): SheetSpec {
  // the refusals in the sheet's language (the plan's `message` is English)
  const refused = plan.refused.map((r) => ({ ...r, message: refusalText(r, settings.sheetLanguage) }));
  return paymentProposalSheet({ ...plan, refused }, {
    lang: settings.sheetLanguage,
    company: settings.companyName,
    ...(settings.iban ? { debtor: { name: settings.companyName, iban: settings.iban } } : {}),
    ...(sepaFile ? { fileName: sepaFile } : {}),
  });
}

/** `payment-proposal-2025-04-01-SL20250331T120000ABCD.xlsx` */
export function proposalFileName(plan: PaymentPlan): string {
  return `payment-proposal-${formatIsoDate(plan.executionDate)}-${plan.batchId}.xlsx`;
}

/**
 * Writes the proposal: in Excel, the one sheet synced into the open workbook; outside, an .xlsx
 * download. Resolves with the message for the user.
 */
export async function writeProposal(
  pane: Pick<Pane, 'host' | 'settings' | 't'>,
  plan: PaymentPlan,
  sepaFile?: string,
): Promise<string> {
  const sheet = proposalSheet(plan, pane.settings, sepaFile);
  if (pane.host === 'Excel') {
    await syncSheets([sheet]);
    return pane.t('pay.proposalWritten', { sheet: sheet.name });
  }
  const { renderXlsx } = await import('../../xlsx/render'); // the file writer loads only when needed
  const name = proposalFileName(plan);
  saveBytes(await renderXlsx([sheet]), name, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  return pane.t('pay.proposalDownloaded', { file: name });
}

/** A proposal that could not be written, in the user's words. */
export function proposalFailure(pane: Pick<Pane, 't' | 'lang'>, error: unknown): string {
  return pane.t('pay.proposalFailed', { reason: reasonOf(error, pane.lang).replace(/[.\s]+$/, '') });
}
