// Where an item stands against its due date (ledger.md §3), as the pane's filters read it.
import { describe, expect, it } from 'vitest';
import { parseIsoDate } from '../../../src/core/date';
import { daysLate, isDueWithin, isNotYetDue, isOverdue } from '../../../src/core/due-status';

const d = (text: string) => parseIsoDate(text) as number;
const asOf = d('2025-06-10');

describe('due status as of 2025-06-10', () => {
  it('an item due on the as-of date is not yet due, and due within 0 days', () => {
    expect(isOverdue(d('2025-06-10'), asOf)).toBe(false);
    expect(isNotYetDue(d('2025-06-10'), asOf)).toBe(true);
    expect(isDueWithin(d('2025-06-10'), asOf, 0)).toBe(true);
  });

  it('due the day before is overdue and not due within any N', () => {
    expect(isOverdue(d('2025-06-09'), asOf)).toBe(true);
    expect(isDueWithin(d('2025-06-09'), asOf, 5)).toBe(false);
  });

  it('due within 5 days runs up to and including 2025-06-15', () => {
    expect(isDueWithin(d('2025-06-15'), asOf, 5)).toBe(true);
    expect(isDueWithin(d('2025-06-16'), asOf, 5)).toBe(false);
  });

  it('days late counts only what is still owed and past due', () => {
    expect(daysLate(10000, d('2025-05-31'), asOf)).toBe(10);
    expect(daysLate(10000, d('2025-06-10'), asOf)).toBe(0);
    expect(daysLate(-5000, d('2025-05-31'), asOf)).toBe(0); // a credit is never late
  });
});
