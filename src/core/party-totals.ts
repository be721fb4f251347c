// Per-party sums of open items as of a date (ledger.md §3–§4), one column per figure, shared by
// the balance list, the key figures and turnaround (opening, closing, not due at the period end).
//   overdue: due_date < asOf;  not due: due_date ≥ asOf;  balance = overdue + not due
import type { Day } from './date';
import { daysOverdue, isOverdue } from './due-status';
import { itemTable, NO_DAY } from './item-table';
import { cached, TYPE_PAYMENT, type LedgerIndex } from './ledger-index';

export interface PartyTotals {
  balance: Float64Array;
  overdue: Float64Array;
  notDue: Float64Array;
  openItems: Int32Array;
  /** Largest age in days among overdue open items; −1 when none is overdue. */
  oldestOverdue: Int32Array;
}

function computeTotals(x: LedgerIndex, asOf: Day): PartyTotals {
  const n = x.parties.length;
  const s: PartyTotals = {
    balance: new Float64Array(n), overdue: new Float64Array(n), notDue: new Float64Array(n),
    openItems: new Int32Array(n), oldestOverdue: new Int32Array(n).fill(-1),
  };
  const t = itemTable(x, asOf);
  for (let k = 0; k < t.count; k++) {
    if (t.open[k] === 0) continue;
    const i = t.entry[k] as number;
    const p = x.party[i] as number;
    const base = t.openBase[k] as number;
    const due = x.dueDate[i] as number;
    s.balance[p] = (s.balance[p] as number) + base;
    s.openItems[p] = (s.openItems[p] as number) + 1;
    if (isOverdue(due, asOf)) {
      const age = daysOverdue(due, asOf);
      s.overdue[p] = (s.overdue[p] as number) + base;
      if (age > (s.oldestOverdue[p] as number)) s.oldestOverdue[p] = age;
    } else s.notDue[p] = (s.notDue[p] as number) + base;
  }
  return s;
}

/** The open-item sums of every party as of `asOf`, computed once per ledger and date. */
export function partyTotals(x: LedgerIndex, asOf: Day): PartyTotals {
  return cached(x, `totals@${asOf}`, () => computeTotals(x, asOf));
}

/** Per party, the latest entry_date of a payment on or before `asOf` (NO_DAY when none). */
export function lastPaymentDates(x: LedgerIndex, asOf: Day): Int32Array {
  return cached(x, `payments@${asOf}`, () => {
    const last = new Int32Array(x.parties.length).fill(NO_DAY);
    for (let i = 0; i < x.size; i++) {
      const d = x.entryDate[i] as number;
      if (x.type[i] !== TYPE_PAYMENT || d > asOf) continue;
      const p = x.party[i] as number;
      if (d > (last[p] as number)) last[p] = d;
    }
    return last;
  });
}
