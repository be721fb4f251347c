// The journal a bookkeeper posts for the unrealised exchange result of a revaluation (ledger.md
// §9): per ledger and currency, the control account (debtors / creditors) moves by the
// difference, against exchange gain or exchange loss. Debtors are a debit balance, creditors a
// credit balance, so:
//   AR difference +46.52 → debit debtors 46.52, credit exchange gain 46.52
//   AP difference +12.00 (the debt grew) → debit exchange loss 12.00, credit creditors 12.00
import type { Minor } from './money';
import type { RevaluationTotal } from './revaluation';
import type { Side } from './types';

export type JournalAccount = 'debtors' | 'creditors' | 'exchange-gain' | 'exchange-loss';

export interface JournalLine {
  ledger: Side;
  currency: string;
  account: JournalAccount;
  /** Base currency minor units, ≥ 0; one of debit and credit is 0. */
  debit: Minor;
  credit: Minor;
}

/** Two lines (debit first) per ledger and currency with a difference; none where it is 0. */
export function revaluationJournal(totals: readonly RevaluationTotal[]): JournalLine[] {
  const lines: JournalLine[] = [];
  for (const t of totals) {
    if (t.difference === 0) continue;
    const control: JournalAccount = t.ledger === 'AR' ? 'debtors' : 'creditors';
    const result: JournalAccount = t.resultEffect > 0 ? 'exchange-gain' : 'exchange-loss';
    const amount = Math.abs(t.difference);
    // The control account's balance side: debit for debtors, credit for creditors.
    const controlDebit = t.ledger === 'AR' ? t.difference > 0 : t.difference < 0;
    const line = (account: JournalAccount, debit: boolean): JournalLine => ({
      ledger: t.ledger, currency: t.currency, account, debit: debit ? amount : 0, credit: debit ? 0 : amount,
    });
    const [first, second] = controlDebit ? [control, result] : [result, control]; // debit line first
    lines.push(line(first, true), line(second, false));
  }
  return lines;
}
