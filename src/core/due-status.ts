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

/**
 * Days an open item is past its due date as of a day (ledger.md §3: overdue is due_date < asOf,
 * whatever the sign, as the balance list's oldest overdue age counts it); 0 when not overdue.
 * A credit note due 06-01 is 9 days overdue on 06-10, just like an invoice.
 */
export function daysOverdue(dueDate: Day, asOf: Day): number {
  return isOverdue(dueDate, asOf) ? asOf - dueDate : 0;
}
