// Key figures per ledger side as of a date (ledger.md §7): overdue, not due, total, the amount
// due within N days (asOf ≤ due_date ≤ asOf + N) and the date up to which payments are known
// (the latest payment booked on or before asOf: every open item must be read against it).
import type { Day } from './date';
import { isDueWithin } from './due-status';
import { itemTable, NO_DAY } from './item-table';
import { cached, ledgerIndex, type LedgerIndex } from './ledger-index';
import { lastPaymentDates, partyTotals } from './party-totals';
import { DEFAULT_DUE_WITHIN, type KeyFigures, type SideKeyFigures } from './report-types';
import type { Ledger, Side } from './types';

function dueWithin(x: LedgerIndex, asOf: Day, side: Side, days: readonly number[]): Record<number, number> {
  const sums = days.map(() => 0);
  const t = itemTable(x, asOf);
  for (let k = 0; k < t.count; k++) {
    if (t.open[k] === 0) continue;
    const i = t.entry[k] as number;
    if ((x.parties[x.party[i] as number] as { ledger: Side }).ledger !== side) continue;
    const due = x.dueDate[i] as number;
    days.forEach((n, d) => {
      if (isDueWithin(due, asOf, n)) sums[d] = (sums[d] as number) + (t.openBase[k] as number);
    });
  }
  return Object.fromEntries(days.map((n, d) => [n, sums[d] as number]));
}

function sideFigures(x: LedgerIndex, asOf: Day, side: Side, days: readonly number[]): SideKeyFigures {
  const totals = partyTotals(x, asOf);
  const payments = lastPaymentDates(x, asOf);
  let overdue = 0;
  let notDue = 0;
  let lastPayment = NO_DAY;
  x.parties.forEach((info, p) => {
    if (info.ledger !== side) return;
    overdue += totals.overdue[p] as number;
    notDue += totals.notDue[p] as number;
    lastPayment = Math.max(lastPayment, payments[p] as number);
  });
  return {
    overdue,
    notDue,
    total: overdue + notDue,
    dueWithin: dueWithin(x, asOf, side, days),
    journalsUpdatedUntil: lastPayment === NO_DAY ? null : lastPayment,
  };
}

/** Key figures of AR and AP as of `asOf`; `dueWithinDays` default 3 and 5. */
export function keyFigures(ledger: Ledger, asOf: Day, dueWithinDays: readonly number[] = DEFAULT_DUE_WITHIN): KeyFigures {
  const x = ledgerIndex(ledger);
  return { asOf, AR: sideFigures(x, asOf, 'AR', dueWithinDays), AP: sideFigures(x, asOf, 'AP', dueWithinDays) };
}

/**
 * `keyFigures`, computed once per ledger, date and days (a workbook's Dashboard and the examples
 * of its Functions sheet ask the same; read only, never changed).
 */
export function keyFiguresOnce(ledger: Ledger, asOf: Day, dueWithinDays: readonly number[] = DEFAULT_DUE_WITHIN): KeyFigures {
  return cached(ledgerIndex(ledger), `keyFigures@${asOf}:${dueWithinDays.join(',')}`, () => keyFigures(ledger, asOf, dueWithinDays));
}
