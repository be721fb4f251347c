// Where an item stands against its due date as of a day (ledger.md §3), for filters that must
// agree with the key figures: overdue is due_date < asOf; not yet due is due_date ≥ asOf;
// due within N days is asOf ≤ due_date ≤ asOf + N.   (asOf 06-10: due 06-09 overdue, 06-15 within 5)
import type { Day } from './date';

export function isOverdue(dueDate: Day, asOf: Day): boolean {
  return dueDate < asOf;
}

export function isNotYetDue(dueDate: Day, asOf: Day): boolean {
  return dueDate >= asOf;
}

export function isDueWithin(dueDate: Day, asOf: Day, days: number): boolean {
  return dueDate >= asOf && dueDate <= asOf + days;
}

/** Days an item that is still owed (open > 0) is past its due date; 0 when not overdue or not owed. */
export function daysLate(open: number, dueDate: Day, asOf: Day): number {
  return open > 0 && isOverdue(dueDate, asOf) ? asOf - dueDate : 0;
}
