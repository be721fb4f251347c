// The life of each demo invoice: credited, paid on time, early, late, in parts, over- or short-paid
// and written off, paid together with others in one payment, or left open; plus standalone
// credit notes (some refunded) and receipts on account. Produces drafts in no particular order.
import type { Day } from '../../core/date';
import { mulDivRound, type Minor } from '../../core/money';
import type { EntryType } from '../../core/types';
import type { DemoParty } from './parties';
import type { Random } from '../../core/random';
import { TRICKY_DESCRIPTIONS, descriptionFor, type DescriptionKind } from './texts';

/** An entry before numbering: `settles` and `sameDocAs` point at other drafts. */
export interface Draft {
  party: DemoParty;
  type: EntryType;
  entryDate: Day;
  docDate: Day;
  dueDate: Day;
  amount: Minor;
  amountBase: Minor;
  description: string;
  settles?: Draft;
  /** The first row of a payment split over several invoices: this row shares its doc_no. */
  sameDocAs?: Draft;
  docNo: string;
}

/** EUR per unit of a foreign currency, in millionths, drifting with the date. */
function rateMicro(currency: string, day: Day): number {
  if (currency === 'USD') return 920_000 + Math.round(40_000 * Math.sin(day / 60));
  if (currency === 'GBP') return 1_165_000 + Math.round(25_000 * Math.sin(day / 45));
  return 1_000_000;
}

export function toBase(amount: Minor, currency: string, day: Day): Minor {
  return currency === 'EUR' ? amount : mulDivRound(amount, rateMicro(currency, day), 1_000_000);
}

export class Lifecycle {
  readonly drafts: Draft[] = [];
  private invoiceCount = 0;
  /** Credits a party will deduct from its next payment: a credit note, or an overpaid invoice. */
  private readonly pendingCredits = new Map<DemoParty, { target: Draft; amount: Minor }[]>();

  /**
   * @param lastDocDay   last day on which invoices and credit notes are booked
   * @param knownUntil   last day on which payments and journals are booked (bank statements so far)
   */
  constructor(
    private readonly random: Random,
    private readonly lastDocDay: Day,
    private readonly knownUntil: Day,
  ) {}

  /** The whole history of one party: its invoices on the given (ascending) days and what followed. */
  partyHistory(p: DemoParty, days: readonly Day[]): void {
    for (let i = 0; i < days.length; i++) {
      const invoice = this.invoice(p, days[i] ?? 0);
      const next = this.random.next();
      if (next < 0.08 && i + 2 < days.length) {
        const batch = [invoice, this.invoice(p, days[i + 1] ?? 0)];
        if (this.random.chance(0.5)) batch.push(this.invoice(p, days[i + 2] ?? 0));
        i += batch.length - 1;
        this.batchPayment(p, batch);
      } else {
        this.settle(p, invoice);
      }
      this.sideEvents(p, invoice);
    }
  }

  private add(draft: Draft): Draft | undefined {
    const last = draft.type === 'invoice' || draft.type === 'credit_note' ? this.lastDocDay : this.knownUntil;
    if (draft.entryDate > last) return undefined;
    this.drafts.push(draft);
    return draft;
  }

  private describe(kind: DescriptionKind, p: DemoParty): string {
    return descriptionFor(kind, p.party.ledger, (list) => this.random.pick(list));
  }

  private invoice(p: DemoParty, docDate: Day): Draft {
    const n = this.invoiceCount++;
    const amount = Math.max(100, Math.round(p.typicalInvoice * Math.exp(0.5 * this.random.normal())));
    const lag = p.party.ledger === 'AP' ? this.random.int(0, 6) : 0;
    const entryDate = Math.min(docDate + lag, this.lastDocDay);
    const tricky = n === 5 || n === 11 || n % 331 === 17;
    const draft: Draft = {
      party: p,
      type: 'invoice',
      entryDate,
      docDate,
      dueDate: docDate + p.termsDays,
      amount,
      amountBase: toBase(amount, p.currency, entryDate),
      description: tricky ? this.random.pick(TRICKY_DESCRIPTIONS) : this.describe('invoice', p),
      docNo: '',
    };
    this.drafts.push(draft);
    return draft;
  }

  /** An entry of the party on `day` for `amount` in its currency, allocated to `target` if given. */
  private entry(p: DemoParty, type: EntryType, day: Day, amount: Minor, kind: DescriptionKind, target?: Draft): Draft | undefined {
    const draft: Draft = {
      party: p,
      type,
      entryDate: day,
      docDate: day,
      dueDate: day,
      amount,
      amountBase: toBase(amount, p.currency, day),
      description: this.describe(kind, p),
      docNo: '',
      ...(target ? { settles: target } : {}),
    };
    return this.add(draft);
  }

  private payDay(p: DemoParty, invoice: Draft): Day {
    const delay = Math.round(p.behaviour.meanDelay + p.behaviour.spread * this.random.normal());
    return Math.max(invoice.entryDate + 1, invoice.dueDate + delay);
  }

  private pay(p: DemoParty, invoice: Draft, day: Day, amount: Minor): Draft | undefined {
    return this.entry(p, 'payment', day, -amount, 'payment', invoice);
  }

  /** What happens to one invoice: most are paid in full, some otherwise. */
  private settle(p: DemoParty, invoice: Draft): void {
    const r = this.random.next();
    const { amount } = invoice;
    const dispute = p.behaviour.disputeRate;
    if (r < dispute) return this.dispute(p, invoice);
    const day = this.payDay(p, invoice);
    if (r < dispute + 0.03) return this.creditThenPay(p, invoice, day);
    if (r < dispute + 0.06) {
      const first = Math.round(amount * (0.3 + 0.4 * this.random.next()));
      if (this.pay(p, invoice, day, first)) this.pay(p, invoice, day + this.random.int(15, 45), amount - first);
      return;
    }
    if (r < dispute + 0.075) return this.overpay(p, invoice, day);
    if (r < dispute + 0.095) return this.shortPay(p, invoice, day);
    if (r < dispute + 0.098) {
      this.pay(p, invoice, invoice.entryDate - this.random.int(1, 10), amount);
      return;
    }
    const payment = this.pay(p, invoice, day, amount);
    if (payment) this.deductCredit(p, invoice, payment);
  }

  /**
   * Pays a little too much: the difference is refunded a few weeks later, deducted from the next
   * payment, or (one time in five) left as a credit.
   */
  private overpay(p: DemoParty, invoice: Draft, day: Day): void {
    const extra = this.random.int(50, Math.max(60, Math.round(invoice.amount / 50)));
    if (!this.pay(p, invoice, day, invoice.amount + extra)) return;
    const use = this.random.next();
    if (use < 0.4) this.entry(p, 'payment', day + this.random.int(20, 60), extra, 'refund', invoice);
    else if (use < 0.8) this.laterDeduction(p, invoice, extra);
  }

  private laterDeduction(p: DemoParty, target: Draft, amount: Minor): void {
    this.pendingCredits.set(p, [...(this.pendingCredits.get(p) ?? []), { target, amount }]);
  }

  /** A pending credit of the party deducted in this payment: one more row, same doc_no. */
  private deductCredit(p: DemoParty, invoice: Draft, payment: Draft): void {
    const pending = this.pendingCredits.get(p);
    const credit = pending?.[0];
    if (!pending || !credit || credit.target.entryDate > payment.entryDate || credit.amount >= invoice.amount) return;
    pending.shift();
    const row = this.entry(p, 'payment', payment.entryDate, credit.amount, 'payment', credit.target);
    if (row) row.sameDocAs = payment;
  }

  /** A disputed invoice: written off after months, paid very late, or (one in five) still open. */
  private dispute(p: DemoParty, invoice: Draft): void {
    const outcome = this.random.next();
    const day = invoice.dueDate + this.random.int(150, 400);
    if (outcome < 0.4) this.entry(p, 'journal', day, -invoice.amount, 'bad-debt', invoice);
    else if (outcome < 0.8) this.pay(p, invoice, day, invoice.amount);
  }

  private creditThenPay(p: DemoParty, invoice: Draft, day: Day): void {
    const full = this.random.chance(0.3);
    const credit = full ? invoice.amount : Math.round(invoice.amount * (0.1 + 0.4 * this.random.next()));
    const creditDay = invoice.docDate + this.random.int(3, 20);
    const note = this.entry(p, 'credit_note', creditDay, -credit, 'credit', invoice);
    if (note && !full) this.pay(p, invoice, Math.max(day, creditDay + 1), invoice.amount - credit);
  }

  private shortPay(p: DemoParty, invoice: Draft, day: Day): void {
    const short = Math.min(invoice.amount - 1, this.random.int(1, 2_500));
    if (!this.pay(p, invoice, day, invoice.amount - short)) return;
    this.entry(p, 'journal', day + this.random.int(10, 60), -short, 'write-off', invoice);
  }

  /** One payment (one doc_no) settling several invoices, one row per invoice. */
  private batchPayment(p: DemoParty, invoices: Draft[]): void {
    const last = invoices[invoices.length - 1];
    if (!last) return;
    const day = this.payDay(p, last);
    let head: Draft | undefined;
    for (const invoice of invoices) {
      const row = this.pay(p, invoice, day, invoice.amount);
      if (!row) return;
      if (head) row.sameDocAs = head;
      else head = row;
    }
  }

  /**
   * Now and then: a standalone credit note (refunded later, deducted from a later payment, or
   * left open) or a receipt on account that nobody allocates.
   */
  private sideEvents(p: DemoParty, invoice: Draft): void {
    if (this.random.chance(0.012)) {
      const amount = Math.round(invoice.amount * 0.05) + 1_000;
      const note = this.entry(p, 'credit_note', invoice.docDate + this.random.int(1, 60), -amount, 'standalone-credit');
      const use = this.random.next();
      if (note && use < 0.3) this.entry(p, 'payment', note.entryDate + this.random.int(20, 60), amount, 'refund', note);
      else if (note && use < 0.9) this.laterDeduction(p, note, amount);
    }
    if (this.random.chance(0.005)) {
      const amount = Math.round((p.typicalInvoice * (0.5 + this.random.next())) / 10_000) * 10_000 || 10_000;
      this.entry(p, 'payment', invoice.docDate + this.random.int(0, 30), -amount, 'on-account');
    }
  }
}
