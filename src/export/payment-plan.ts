// From the open payables the user chose to the transfers of one batch, with every item that may
// not be paid refused with a reason code and its words (refusals.ts: English in `message`, any
// language through refusalText). Pure: nothing is written here.
//   an invoice of 100.00 and a credit note of -30.00 of one supplier, paid together → one 70.00 transfer;
//   the same, paid per invoice → a 100.00 transfer, the credit note refused ("credit-balance").
import type { Day } from '../core/date';
import type { Minor } from '../core/money';
import type { Item } from '../core/report-types';
import { partyKey, type Party } from '../core/types';
import { batchesByItem, type PaymentBatch, type PaymentHistory } from './history';
import { checkBic, checkIban } from './iban';
import { checkPaymentRef, type CreditorReference } from './references';
import { refusalText, type RefusalWords } from './refusals';
import { remittanceOf, type Remittance } from './remittance';
import { NAME_MAX, isSepaIdentifier, sepaText, sepaTextMax } from './sepa-text';

export type RefusalCode =
  | 'not-open' // not an open payable (unknown, settled, or a receivable)
  | 'not-eur'
  | 'already-paid' // in an earlier batch, and no confirmation to pay again
  | 'bad-reference' // its structured reference fails its check
  | 'no-iban'
  | 'invalid-iban'
  | 'invalid-bic'
  | 'no-name' // the supplier's name has nothing the SEPA character set can carry
  | 'no-document-text' // no payment reference, and the document number has nothing the SEPA set can carry
  | 'credit-balance' // nothing to pay: a credit, or a supplier's chosen items net to ≤ 0
  | 'too-large';

export interface RefusedItem extends RefusalWords {
  key: string;
  partyId: string;
  partyName: string;
  docNo: string;
  currency: string;
  /** Open amount in the item's currency (0 when the item is unknown). */
  open: Minor;
  code: RefusalCode;
  /** The reason in English (refusalText of the item in 'en'). */
  message: string;
}

export interface PlannedItem {
  key: string;
  partyId: string;
  docNo: string;
  entryType: Item['entryType'];
  docDate: Day;
  dueDate: Day;
  /** EUR cents: the item's open amount. */
  amount: Minor;
  /** Ids of earlier batches that held this item (paid again by confirmation). */
  repeatOf: string[];
}

export type { Remittance } from './remittance';

/** One credit transfer (`CdtTrfTxInf`). */
export interface PlannedPayment {
  endToEndId: string;
  executionDate: Day;
  partyId: string;
  creditorName: string;
  iban: string;
  bic?: string;
  /** EUR cents, > 0. */
  amount: Minor;
  remittance: Remittance;
  items: PlannedItem[];
}

export interface PaymentPlan {
  batchId: string;
  executionDate: Day;
  payments: PlannedPayment[];
  refused: RefusedItem[];
  /** EUR cents: the sum of the payments, the file's `CtrlSum`. */
  total: Minor;
}

export interface PaymentSelection {
  /** The keys (`item.key`, core/item-key.ts) of the chosen open payables. */
  keys: readonly string[];
  /** Requested execution date; `executionDates` may name another one per item key. */
  executionDate: Day;
  executionDates?: ReadonlyMap<string, Day>;
  /** Pay each supplier's chosen items as one transfer, netting credit notes: all (true) or these party ids. */
  together?: boolean | readonly string[];
}

export interface PlanOptions {
  parties: ReadonlyMap<string, Party>;
  /** Pay again items that an earlier batch already holds. */
  confirmRepeat?: boolean;
  /** Batch id and `MsgId`: a SEPA identifier of at most 28 characters (EndToEndId adds `-n`). Default: `newBatchId()`. */
  batchId?: string;
  /** Our own reference, added to the unstructured remittance text. */
  ourReference?: string;
}

/** Leaves room for `-10000…` in EndToEndIds of at most 35 characters. */
export const BATCH_ID_MAX = 28;

const compareText = new Intl.Collator('en', { numeric: true }).compare;

/** The largest amount of one SEPA transfer: 999,999,999.99 EUR. */
export const MAX_TRANSFER: Minor = 99_999_999_999;

export function planPayments(
  openPayables: readonly Item[],
  selection: PaymentSelection,
  history: PaymentHistory,
  options: PlanOptions,
): PaymentPlan {
  const batchId = options.batchId ?? newBatchId();
  if (!isSepaIdentifier(batchId, BATCH_ID_MAX)) throw new RangeError(`batch id "${batchId}" is not a SEPA identifier of at most ${BATCH_ID_MAX} characters`);
  const byKey = new Map(openPayables.map((item) => [item.key, item]));
  const earlier = batchesByItem(history);
  const refused: RefusedItem[] = [];
  const groups = new Map<string, Candidate[]>();
  for (const key of new Set(selection.keys)) {
    const item = byKey.get(key);
    if (!item) {
      refused.push(unknownItem(key));
      continue;
    }
    const batches = earlier.get(key) ?? [];
    const screened = screenItem(item, batches, options);
    if ('reason' in screened) {
      refused.push(refusal(item, key, screened.reason));
      continue;
    }
    const executionDate = selection.executionDates?.get(key) ?? selection.executionDate;
    const group = paysTogether(selection, item.partyId) ? `${item.partyId}\u0000${executionDate}` : key;
    const candidate = { item, key, repeatOf: batches.map((b) => b.id), reference: screened.reference, executionDate };
    const list = groups.get(group);
    if (list) list.push(candidate);
    else groups.set(group, [candidate]);
  }
  const payments: PlannedPayment[] = [];
  const accounts = new Map<string, Account>();
  for (const group of groups.values()) {
    const result = paymentOf(group, options, accounts);
    if ('payment' in result) payments.push(result.payment);
    else refused.push(...result.refused);
  }
  return finishPlan(batchId, selection.executionDate, payments, refused);
}

interface Candidate {
  item: Item;
  key: string;
  repeatOf: string[];
  reference: CreditorReference | null;
  executionDate: Day;
}

/** Why an item is refused: its code and its words. */
type Reason = { code: RefusalCode } & RefusalWords;

/** The checks of one item on its own: the reason it is refused, or its checked structured reference. */
function screenItem(item: Item, batches: PaymentBatch[], options: PlanOptions): { reason: Reason } | { reference: CreditorReference | null } {
  if (item.ledger !== 'AP' || item.open === 0) return { reason: NOT_OPEN };
  if (item.currency !== 'EUR') return { reason: { code: 'not-eur', text: 'not-eur', params: { currency: item.currency } } };
  const last = batches[batches.length - 1];
  if (last && !options.confirmRepeat) {
    const params = { batch: last.id, date: last.createdAt.slice(0, 10), file: last.fileName };
    return { reason: { code: 'already-paid', text: 'already-paid', params } };
  }
  if (!item.paymentRef) {
    if (sepaText(item.docNo) !== '') return { reference: null };
    return { reason: { code: 'no-document-text', text: 'no-document-text', params: { doc: item.docNo } } };
  }
  const check = checkPaymentRef(item.paymentRef);
  if (!check.ok) return { reason: { code: 'bad-reference', text: 'bad-reference', params: {}, check: { reference: check.problem, value: check.value } } };
  return { reference: check.value };
}

type GroupResult = { payment: PlannedPayment } | { refused: RefusedItem[] };

/** One transfer for a group of items of one supplier and execution date, or the reason why not. */
function paymentOf(group: Candidate[], options: PlanOptions, accounts: Map<string, Account>): GroupResult {
  if (group.length > 1) group.sort((a, b) => a.item.dueDate - b.item.dueDate || compareText(a.item.docNo, b.item.docNo));
  const first = group[0];
  if (!first) return { refused: [] };
  const refuseAll = (reason: Reason): GroupResult => ({
    refused: group.map((c) => refusal(c.item, c.key, reason)),
  });
  const amount = group.reduce((sum, c) => sum + c.item.open, 0);
  if (amount <= 0) return refuseAll({ code: 'credit-balance', text: group.length === 1 ? 'credit-balance' : 'credit-balance-together', params: { amount } });
  if (amount > MAX_TRANSFER) return refuseAll({ code: 'too-large', text: 'too-large', params: { amount } });
  let account = accounts.get(first.item.partyId);
  if (!account) {
    account = creditorAccount(first.item, options.parties.get(partyKey('AP', first.item.partyId)));
    accounts.set(first.item.partyId, account);
  }
  if ('code' in account) return refuseAll(account);
  return {
    payment: {
      endToEndId: '',
      executionDate: first.executionDate,
      partyId: first.item.partyId,
      ...account,
      amount,
      remittance: remittanceOf(group.map((c) => ({ docNo: c.item.docNo, paymentRef: c.item.paymentRef, reference: c.reference })), options.ourReference),
      items: group.map(plannedItem),
    },
  };
}

type Account = { creditorName: string; iban: string; bic?: string } | Reason;

function creditorAccount(item: Item, party: Party | undefined): Account {
  const iban = checkIban(party?.iban);
  if (!iban.ok) {
    return party?.iban?.trim()
      ? { code: 'invalid-iban', text: 'invalid-iban', params: {}, check: { account: iban.problem, value: iban.value } }
      : { code: 'no-iban', text: 'no-iban', params: {} };
  }
  const name = party?.name ?? item.partyName;
  const creditorName = sepaTextMax(name, NAME_MAX);
  if (creditorName === '') {
    return name.trim() === '' ? { code: 'no-name', text: 'no-name', params: {} } : { code: 'no-name', text: 'name-not-sepa', params: { name } };
  }
  const bicText = party?.bic?.trim();
  if (!bicText) return { creditorName, iban: iban.value };
  const bic = checkBic(bicText);
  if (!bic.ok) return { code: 'invalid-bic', text: 'invalid-bic', params: {}, check: { account: bic.problem, value: bic.value } };
  return { creditorName, iban: iban.value, bic: bic.value };
}

function plannedItem(c: Candidate): PlannedItem {
  const { item } = c;
  return {
    key: c.key,
    partyId: item.partyId,
    docNo: item.docNo,
    entryType: item.entryType,
    docDate: item.docDate,
    dueDate: item.dueDate,
    amount: item.open,
    repeatOf: c.repeatOf,
  };
}

function refusal(item: Item, key: string, reason: Reason): RefusedItem {
  return {
    key,
    partyId: item.partyId,
    partyName: item.partyName,
    docNo: item.docNo,
    currency: item.currency,
    open: item.open,
    ...reason,
    message: refusalText(reason, 'en'),
  };
}

const NOT_OPEN: Reason = { code: 'not-open', text: 'not-open', params: {} };

function unknownItem(key: string): RefusedItem {
  return { key, partyId: '', partyName: '', docNo: '', currency: '', open: 0, ...NOT_OPEN, message: refusalText(NOT_OPEN, 'en') };
}

function paysTogether(selection: PaymentSelection, partyId: string): boolean {
  const { together } = selection;
  return together === true || (Array.isArray(together) && together.includes(partyId));
}

/** Sorts payments (date, supplier, due date) and refusals (supplier, document); EndToEndId = batch id + sequence. */
function finishPlan(batchId: string, executionDate: Day, payments: PlannedPayment[], refused: RefusedItem[]): PaymentPlan {
  // A payment's items are sorted by due date already: the first is the earliest.
  const first = (p: PlannedPayment): PlannedItem => p.items[0] as PlannedItem;
  payments.sort(
    (a, b) =>
      a.executionDate - b.executionDate ||
      compareText(a.creditorName, b.creditorName) ||
      compareText(a.partyId, b.partyId) ||
      first(a).dueDate - first(b).dueDate ||
      compareText(first(a).docNo, first(b).docNo),
  );
  payments.forEach((p, i) => (p.endToEndId = `${batchId}-${i + 1}`));
  refused.sort((a, b) => compareText(a.partyId, b.partyId) || compareText(a.docNo, b.docNo) || compareText(a.key, b.key));
  const total = payments.reduce((sum, p) => sum + p.amount, 0);
  if (!Number.isSafeInteger(total)) throw new RangeError('the total of the payments is out of range');
  return { batchId, executionDate, payments, refused, total };
}

/** A batch id unique in practice: `SL` + UTC time to the second + 4 random letters (22 characters). */
export function newBatchId(now: Date = new Date()): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').slice(0, 15); // 20250819T083202
  const letters = Array.from(crypto.getRandomValues(new Uint8Array(4)), (b) => String.fromCharCode(65 + (b % 26)));
  return `SL${stamp}${letters.join('')}`;
}

/** The plan's items as they go into the history. */
export function batchOf(plan: PaymentPlan, meta: Pick<PaymentBatch, 'createdAt' | 'fileName' | 'format'>): PaymentBatch {
  return {
    id: plan.batchId,
    ...meta,
    executionDate: plan.executionDate,
    total: plan.total,
    items: plan.payments.flatMap((p) =>
      p.items.map((i) => ({
        key: i.key,
        partyId: i.partyId,
        docNo: i.docNo,
        amount: i.amount,
        endToEndId: p.endToEndId,
        executionDate: p.executionDate,
      })),
    ),
  };
}
