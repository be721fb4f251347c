// The SEPA credit transfer file (ISO 20022 pain.001.001.03 or .09) of a payment plan, built as
// text. Everything is checked before a byte is written: the debtor's account, every identifier,
// every amount (EUR, > 0, cents) and CtrlSum = the exact sum of the transfers.
import { formatIsoDate, type Day } from '../core/date';
import { formatMinor, type Minor } from '../core/money';
import { fill, WordedError, type Lang, type Words } from '../core/words';
import type { Pain001Format } from './history';
import { accountReason, checkBic, checkIban, type AccountRefusal } from './iban';
import { MAX_TRANSFER, type PaymentPlan, type PlannedPayment } from './payment-plan';
import { NAME_MAX, USTRD_MAX, isSepaIdentifier, sepaTextMax, xmlEscape } from './sepa-text';

/** The paying company (from settings or the command line). */
export interface Debtor {
  name: string;
  iban: string;
  bic?: string;
}

export interface Pain001Options {
  format?: Pain001Format;
  /** Creation time (`CreDtTm`); default now. */
  createdAt?: Date;
}

/** Why a file cannot be written, where the user can mend it (their account, their choice). */
export const FILE_TEXTS = {
  'debtor-account': {
    en: 'debtor account: {reason}',
    nl: 'rekening van de opdrachtgever: {reason}',
    fr: 'compte du donneur d’ordre : {reason}',
  },
  'debtor-name': {
    en: 'debtor name: no letters of the SEPA character set are left',
    nl: 'naam van de opdrachtgever: er blijven geen letters van de SEPA-tekenset over',
    fr: 'nom du donneur d’ordre : il ne reste aucune lettre du jeu de caractères SEPA',
  },
  'nothing-to-pay': {
    en: 'payment batch {batch}: there is nothing to pay: every chosen item was refused',
    nl: 'betalingsbatch {batch}: er valt niets te betalen: elke gekozen post is geweigerd',
    fr: 'lot de paiement {batch} : il n’y a rien à payer : chaque poste choisi a été refusé',
  },
} as const satisfies Readonly<Record<string, Words>>;

/**
 * A file that cannot be written as asked: bad debtor account, nothing to pay, a broken plan. Its
 * `message` is English (what the CLI prints); `messageIn` words it in the pane's language.
 */
export class PaymentFileError extends WordedError {
  /** The setting at fault, when it is one of the debtor's. */
  readonly field: 'debtor-name' | 'debtor-iban' | 'debtor-bic' | null;

  constructor(wording: (lang: Lang) => string, field: PaymentFileError['field'] = null) {
    super(wording);
    this.field = field;
  }
}

function accountError(refusal: AccountRefusal, field: 'debtor-iban' | 'debtor-bic'): PaymentFileError {
  return new PaymentFileError((lang) => fill(FILE_TEXTS['debtor-account'][lang], { reason: accountReason(refusal, lang) }), field);
}

/** The debtor with its IBAN (and BIC) in electronic form and its name in the SEPA set; throws when invalid. */
export function checkDebtor(debtor: Debtor): Debtor {
  const iban = checkIban(debtor.iban);
  if (!iban.ok) throw accountError(iban, 'debtor-iban');
  const name = sepaTextMax(debtor.name, NAME_MAX);
  if (name === '') throw new PaymentFileError((lang) => FILE_TEXTS['debtor-name'][lang], 'debtor-name');
  if (debtor.bic === undefined || debtor.bic.trim() === '') return { name, iban: iban.value };
  const bic = checkBic(debtor.bic);
  if (!bic.ok) throw accountError(bic, 'debtor-bic');
  return { name, iban: iban.value, bic: bic.value };
}

/** The pain.001 XML of the plan: one PmtInf per execution date, one CdtTrfTxInf per payment. */
export function writePain001(plan: PaymentPlan, debtorInput: Debtor, options: Pain001Options = {}): string {
  const format = options.format ?? 'pain.001.001.03';
  const debtor = checkDebtor(debtorInput);
  checkPlan(plan);
  const v09 = format === 'pain.001.001.09';
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<Document xmlns="urn:iso:std:iso:20022:tech:xsd:${format}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">`,
    '<CstmrCdtTrfInitn>',
    '<GrpHdr>',
    el('MsgId', plan.batchId),
    el('CreDtTm', isoDateTime(options.createdAt ?? new Date())),
    el('NbOfTxs', String(plan.payments.length)),
    el('CtrlSum', euros(plan.total)),
    `<InitgPty>${el('Nm', debtor.name)}</InitgPty>`,
    '</GrpHdr>',
  ];
  byExecutionDate(plan.payments).forEach(([date, payments], i) => {
    paymentInfo(out, `${plan.batchId}-P${i + 1}`, date, payments, debtor, v09);
  });
  out.push('</CstmrCdtTrfInitn>', '</Document>', '');
  return out.join('\n');
}

function paymentInfo(out: string[], id: string, date: Day, payments: PlannedPayment[], debtor: Debtor, v09: boolean): void {
  const day = formatIsoDate(date);
  out.push(
    '<PmtInf>',
    el('PmtInfId', id),
    el('PmtMtd', 'TRF'),
    el('NbOfTxs', String(payments.length)),
    el('CtrlSum', euros(payments.reduce((sum, p) => sum + p.amount, 0))),
    '<PmtTpInf><SvcLvl><Cd>SEPA</Cd></SvcLvl></PmtTpInf>',
    v09 ? `<ReqdExctnDt>${el('Dt', day)}</ReqdExctnDt>` : el('ReqdExctnDt', day),
    `<Dbtr>${el('Nm', debtor.name)}</Dbtr>`,
    `<DbtrAcct><Id>${el('IBAN', debtor.iban)}</Id><Ccy>EUR</Ccy></DbtrAcct>`,
    `<DbtrAgt>${agent(debtor.bic, v09) ?? '<FinInstnId><Othr><Id>NOTPROVIDED</Id></Othr></FinInstnId>'}</DbtrAgt>`,
    el('ChrgBr', 'SLEV'),
  );
  for (const p of payments) out.push(transaction(p, v09));
  out.push('</PmtInf>');
}

function transaction(p: PlannedPayment, v09: boolean): string {
  const creditorAgent = agent(p.bic, v09);
  return [
    '<CdtTrfTxInf>',
    `<PmtId>${el('EndToEndId', p.endToEndId)}</PmtId>`,
    `<Amt><InstdAmt Ccy="EUR">${euros(p.amount)}</InstdAmt></Amt>`,
    creditorAgent ? `<CdtrAgt>${creditorAgent}</CdtrAgt>` : '',
    `<Cdtr>${el('Nm', p.creditorName)}</Cdtr>`,
    `<CdtrAcct><Id>${el('IBAN', p.iban)}</Id></CdtrAcct>`,
    `<RmtInf>${remittance(p)}</RmtInf>`,
    '</CdtTrfTxInf>',
  ].join('');
}

function remittance(p: PlannedPayment): string {
  const r = p.remittance;
  if (r.kind === 'unstructured') return el('Ustrd', r.text);
  const type = `<Tp><CdOrPrtry><Cd>SCOR</Cd></CdOrPrtry>${el('Issr', r.reference.issuer)}</Tp>`;
  return `<Strd><CdtrRefInf>${type}${el('Ref', r.reference.ref)}</CdtrRefInf></Strd>`;
}

function agent(bic: string | undefined, v09: boolean): string | null {
  return bic ? `<FinInstnId>${el(v09 ? 'BICFI' : 'BIC', bic)}</FinInstnId>` : null;
}

function el(name: string, text: string): string {
  return `<${name}>${xmlEscape(text)}</${name}>`;
}

/** EUR cents as the file writes them: "1234.50". */
function euros(cents: Minor): string {
  return formatMinor(cents, 2);
}

/** Payments grouped by execution date, earliest first (the plan keeps them sorted). */
function byExecutionDate(payments: PlannedPayment[]): [Day, PlannedPayment[]][] {
  const groups = new Map<Day, PlannedPayment[]>();
  for (const p of payments) {
    const list = groups.get(p.executionDate);
    if (list) list.push(p);
    else groups.set(p.executionDate, [p]);
  }
  return [...groups.entries()].sort((a, b) => a[0] - b[0]);
}

/** Local time with its UTC offset, to the second: 2025-08-19T10:32:02+02:00. */
export function isoDateTime(at: Date): string {
  const pad = (n: number): string => String(Math.abs(n)).padStart(2, '0');
  const offset = -at.getTimezoneOffset();
  const zone = `${offset < 0 ? '-' : '+'}${pad(Math.trunc(offset / 60))}:${pad(offset % 60)}`;
  const date = `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
  return `${date}T${pad(at.getHours())}:${pad(at.getMinutes())}:${pad(at.getSeconds())}${zone}`;
}

/** The last line of defence: a plan that breaks a SEPA rule is not written at all. */
function checkPlan(plan: PaymentPlan): void {
  // The checks after the first guard against a faulty plan (the plan refuses such items), so
  // they are not worded for a user: they name the rule in English.
  const fail = (why: string): never => {
    throw new PaymentFileError(() => `payment batch ${plan.batchId}: ${why}`);
  };
  if (plan.payments.length === 0) throw new PaymentFileError((lang) => fill(FILE_TEXTS['nothing-to-pay'][lang], { batch: plan.batchId }));
  if (!isSepaIdentifier(plan.batchId)) fail('the batch id is not a valid SEPA identifier');
  let total = 0;
  const ids = new Set<string>();
  const ibans = new Set<string>();
  for (const p of plan.payments) {
    if (!Number.isSafeInteger(p.amount) || p.amount <= 0 || p.amount > MAX_TRANSFER) fail(`${p.endToEndId}: amount out of range`);
    if (!isSepaIdentifier(p.endToEndId) || ids.has(p.endToEndId)) fail(`EndToEndId "${p.endToEndId}" is not a unique SEPA identifier`);
    if (!ibans.has(p.iban) && !checkIban(p.iban).ok) fail(`${p.endToEndId}: the creditor's IBAN is not valid`);
    ibans.add(p.iban);
    if (p.creditorName === '' || p.creditorName !== sepaTextMax(p.creditorName, NAME_MAX)) fail(`${p.endToEndId}: creditor name`);
    const text = p.remittance.kind === 'unstructured' ? p.remittance.text : p.remittance.reference.ref;
    if (text === '' || text !== sepaTextMax(text, USTRD_MAX)) fail(`${p.endToEndId}: remittance text`);
    ids.add(p.endToEndId);
    total += p.amount;
  }
  if (total !== plan.total) fail(`CtrlSum ${euros(plan.total)} is not the sum of the transfers (${euros(total)})`);
}
