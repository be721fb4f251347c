// The "Payment proposal" worksheet: a batch of SEPA transfers laid out for approval and printing
// before the file goes to the bank — one row per paid item (supplier, IBAN, invoice, due date,
// amount, reference) with the total, then the items refused and why. Its input is the payment
// plan of src/export/ (this room may not import it, so the shape it needs is declared here).
import type { Day } from '../core/date';
import { formatMinor, type Minor } from '../core/money';
import { date, money, moneyInRowCurrency, text } from './columns';
import { escapeHeaderText } from './context';
import { formatDay } from './formats';
import { words } from './i18n';
import type { Lang, Words } from '../core/words';
import type { SheetSpec, SpecValue, TableSpec } from './spec';

export interface ProposalItem {
  key: string;
  docNo: string;
  dueDate: Day;
  /** EUR cents. */
  amount: Minor;
  /** Earlier batches that held the item (paid again by confirmation). */
  repeatOf: readonly string[];
}

export interface ProposalPayment {
  endToEndId: string;
  executionDate: Day;
  partyId: string;
  creditorName: string;
  iban: string;
  bic?: string;
  remittance: { text: string };
  items: readonly ProposalItem[];
}

export interface ProposalRefusal {
  key: string;
  partyId: string;
  partyName: string;
  docNo: string;
  currency: string;
  open: Minor;
  message: string;
}

export interface PaymentProposalInput {
  batchId: string;
  executionDate: Day;
  payments: readonly ProposalPayment[];
  refused: readonly ProposalRefusal[];
  total: Minor;
}

export interface ProposalOptions {
  lang: Lang;
  company: string;
  debtor?: { name: string; iban: string };
  fileName?: string;
}

export const WORDS = {
  sheet: { en: 'Payment proposal', nl: 'Betalingsvoorstel', fr: 'Proposition de paiement' },
  refusedCaption: { en: 'Not in this batch', nl: 'Niet in deze batch', fr: 'Hors de ce lot' },
  executionDate: { en: 'Execution date', nl: 'Uitvoeringsdatum', fr: "Date d'exécution" },
  supplierId: { en: 'Supplier no.', nl: 'Leveranciersnr.', fr: 'N° fournisseur' },
  supplier: { en: 'Supplier', nl: 'Leverancier', fr: 'Fournisseur' },
  iban: { en: 'IBAN', nl: 'IBAN', fr: 'IBAN' },
  bic: { en: 'BIC', nl: 'BIC', fr: 'BIC' },
  invoice: { en: 'Invoice', nl: 'Factuur', fr: 'Facture' },
  dueDate: { en: 'Due date', nl: 'Vervaldatum', fr: "Date d'échéance" },
  amount: { en: 'Amount (EUR)', nl: 'Bedrag (EUR)', fr: 'Montant (EUR)' },
  open: { en: 'Open', nl: 'Openstaand', fr: 'Solde ouvert' },
  currency: { en: 'Currency', nl: 'Valuta', fr: 'Devise' },
  reference: { en: 'Reference', nl: 'Mededeling', fr: 'Communication' },
  payment: { en: 'Payment id', nl: 'Betalingskenmerk', fr: 'Identifiant du paiement' },
  repeat: { en: 'Paid before in', nl: 'Eerder betaald in', fr: 'Déjà payé dans' },
  reason: { en: 'Reason', nl: 'Reden', fr: 'Motif' },
  total: { en: 'Total', nl: 'Totaal', fr: 'Total' },
  batch: { en: 'Batch', nl: 'Batch', fr: 'Lot' },
  payments: { en: 'payments', nl: 'betalingen', fr: 'paiements' },
  from: { en: 'From', nl: 'Van', fr: 'Du compte' },
  file: { en: 'File', nl: 'Bestand', fr: 'Fichier' },
  approval: {
    en: 'Approved by: ____________________   Date: ____________   Signature: ____________________',
    nl: 'Goedgekeurd door: ____________________   Datum: ____________   Handtekening: ____________________',
    fr: 'Approuvé par : ____________________   Date : ____________   Signature : ____________________',
  },
} as const satisfies Record<string, Words>;

type Word = keyof typeof WORDS;

/** The proposal sheet of a payment plan, in the user's language. */
export function paymentProposalSheet(plan: PaymentProposalInput, options: ProposalOptions): SheetSpec {
  const w = (word: Word): string => WORDS[word][options.lang];
  const title = w('sheet');
  const tables = [paymentsTable(plan, w, options.lang)];
  if (plan.refused.length > 0) tables.push(refusedTable(plan, w));
  return {
    name: title,
    kind: 'payment-proposal',
    titleLines: titleLines(plan, options, w),
    tables,
    freezeHeader: true,
    print: {
      orientation: 'landscape',
      fitToPagesWide: 1,
      repeatHeaderRow: true,
      header: { left: escapeHeaderText(options.company), center: title, right: `${w('batch')} ${plan.batchId}` },
      footer: { left: `${w('executionDate')} ${formatDay(plan.executionDate, options.lang)}`, right: words(options.lang).phrase('page') },
    },
    asOf: plan.executionDate,
  };
}

function titleLines(plan: PaymentProposalInput, options: ProposalOptions, w: (word: Word) => string): string[] {
  const count = plan.payments.length;
  const summary = `${w('batch')} ${plan.batchId} · ${w('executionDate')} ${formatDay(plan.executionDate, options.lang)} · ${count} ${w('payments')} · ${w('total')} ${formatMinor(plan.total, 2)} EUR`;
  const lines = [options.company === '' ? w('sheet') : `${options.company} — ${w('sheet')}`, summary];
  const source = [
    options.debtor ? `${w('from')}: ${options.debtor.name}, ${options.debtor.iban}` : '',
    options.fileName ? `${w('file')}: ${options.fileName}` : '',
  ].filter((s) => s !== '');
  if (source.length > 0) lines.push(source.join(' · '));
  lines.push(w('approval'));
  return lines;
}

function paymentsTable(plan: PaymentProposalInput, w: (word: Word) => string, lang: Lang): TableSpec {
  const columns = [
    date('executionDate', w('executionDate'), lang),
    text('partyId', w('supplierId'), { width: 12 }),
    text('supplier', w('supplier'), { width: 28, total: 'none' }),
    text('iban', w('iban'), { width: 24 }),
    text('bic', w('bic'), { width: 12 }),
    text('docNo', w('invoice'), { total: 'count' }),
    date('dueDate', w('dueDate'), lang),
    money('amount', w('amount'), 2, { total: 'sum' }),
    text('reference', w('reference'), { width: 36 }),
    text('payment', w('payment'), { width: 26 }),
    text('repeat', w('repeat'), { width: 24 }),
  ];
  const rows: SpecValue[][] = [];
  const keys: string[] = [];
  for (const p of plan.payments) {
    for (const item of p.items) {
      rows.push([
        p.executionDate, p.partyId, p.creditorName, p.iban, p.bic ?? null, item.docNo, item.dueDate,
        item.amount, p.remittance.text, p.endToEndId, item.repeatOf.join(', ') || null,
      ]);
      keys.push(item.key);
    }
  }
  return { name: 'PaymentProposal', columns, rows, totalsRow: true, totalsLabel: w('total'), rowKeys: keys };
}

function refusedTable(plan: PaymentProposalInput, w: (word: Word) => string): TableSpec {
  const columns = [
    text('partyId', w('supplierId'), { width: 12 }),
    text('supplier', w('supplier'), { width: 28 }),
    text('docNo', w('invoice')),
    text('currency', w('currency'), { width: 8 }),
    moneyInRowCurrency('open', w('open'), 'currency'),
    text('reason', w('reason'), { width: 60 }),
  ];
  const rows = plan.refused.map((r): SpecValue[] => [r.partyId, r.partyName, r.docNo, r.currency || null, r.docNo ? r.open : null, r.message]);
  return { name: 'PaymentRefused', caption: w('refusedCaption'), columns, rows, totalsRow: false, rowKeys: plan.refused.map((r) => r.key) };
}
