// Where an item stands against its due date (ledger.md §3), as the pane's filters read it.
import { describe, expect, it } from 'vitest';
import { parseIsoDate } from '../../../src/core/date';
import { balanceList } from '../../../src/core/balances';
import { daysOverdue, isDueWithin, isNotYetDue, isOverdue } from '../../../src/core/due-status';
import { buildWorkbookSpecs } from '../../../src/sheets/workbook';
import { fixtureOptions } from '../../fixtures/sheets/ledger';
import { ledgerOf } from './fixture';

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

  it('days overdue counts every open item past its due date, a credit too (§3: overdue is due_date < asOf)', () => {
    expect(daysOverdue(d('2025-05-31'), asOf)).toBe(10);
    expect(daysOverdue(d('2025-06-10'), asOf)).toBe(0);
    expect(daysOverdue(d('2025-06-20'), asOf)).toBe(0);
  });

  it('the pane, the open-items sheet and the balance list give a credit note the same days overdue', () => {
    const ledger = ledgerOf(`
      ledger | party_id | entry_type  | doc_no | entry_date | due_date   | amount
      AR     | C1       | credit_note | CN-1   | 2025-05-01 | 2025-05-31 | -50.00
    `);
    const sheet = buildWorkbookSpecs(ledger, fixtureOptions({ asOf, sheets: ['open-items-AR'] }))[0]?.tables[0];
    const column = sheet?.columns.findIndex((c) => c.key === 'daysOverdue') ?? -1;
    expect(sheet?.rows.map((row) => row[column])).toEqual([10]);
    expect(balanceList(ledger, asOf).map((r) => r.oldestOverdueDays)).toEqual([10]);
    expect(daysOverdue(d('2025-05-31'), asOf)).toBe(10);
  });
});
