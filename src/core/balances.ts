// The balance list (saldilijst, ledger.md §4): per party with open items as of a date, the
// balance, overdue and not-due parts, credit limit and headroom, oldest overdue age and the
// last payment.   limit 5000.00, balance 5200.00 → headroom −200.00, over limit
import type { Day } from './date';
import { NO_DAY } from './item-table';
import { ledgerIndex, type PartyInfo } from './ledger-index';
import { lastPaymentDates, partyTotals, type PartyTotals } from './party-totals';
import type { BalanceRow } from './report-types';
import type { Ledger, Side } from './types';

function balanceRow(info: PartyInfo, s: PartyTotals, p: number, lastPayment: number): BalanceRow {
  const balance = s.balance[p] as number;
  const limit = info.creditLimit;
  const oldest = s.oldestOverdue[p] as number;
  return {
    ledger: info.ledger,
    partyId: info.partyId,
    partyName: info.name,
    balance,
    overdue: s.overdue[p] as number,
    notDue: s.notDue[p] as number,
    openItems: s.openItems[p] as number,
    creditLimit: limit,
    headroom: limit === null ? null : limit - balance,
    overLimit: limit === null ? null : balance > limit,
    oldestOverdueDays: oldest < 0 ? null : oldest,
    lastPaymentDate: lastPayment === NO_DAY ? null : lastPayment,
  };
}

/** One row per party with open items as of `asOf`, AR before AP, by party id. */
export function balanceList(ledger: Ledger, asOf: Day): BalanceRow[] {
  const x = ledgerIndex(ledger);
  const totals = partyTotals(x, asOf);
  const payments = lastPaymentDates(x, asOf);
  const rows: BalanceRow[] = [];
  x.parties.forEach((info, p) => {
    if ((totals.openItems[p] as number) > 0) rows.push(balanceRow(info, totals, p, payments[p] as number));
  });
  return rows;
}

/**
 * The balance row of one party as of `asOf`, also when nothing of it is open (balance 0, and its
 * last payment still given); null for a party the ledger does not know.
 */
export function partyBalance(ledger: Ledger, asOf: Day, side: Side, partyId: string): BalanceRow | null {
  const x = ledgerIndex(ledger);
  const p = x.parties.findIndex((info) => info.ledger === side && info.partyId === partyId);
  const info = x.parties[p];
  if (!info) return null;
  return balanceRow(info, partyTotals(x, asOf), p, lastPaymentDates(x, asOf)[p] as number);
}
