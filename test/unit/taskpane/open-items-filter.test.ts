// The Open items list's filters on a few items as of 2025-06-10: the due rules of ledger.md §3,
// handled hidden, search on party, document and amount (in the user's notation).
import { describe, expect, it } from 'vitest';
import { parseIsoDate } from '../../../src/core/date';
import { baseItemKey } from '../../../src/core/item-key';
import type { Item } from '../../../src/core/report-types';
import { partyKey } from '../../../src/core/types';
import { DEFAULT_FILTER, daysLateOf, effectiveSort, filterItems, itemRows, openTotal, rowRef, settlingRows, sortRows } from '../../../src/taskpane/model/open-items-filter';

const d = (iso: string) => parseIsoDate(iso)!;
const asOf = d('2025-06-10');

function item(partyId: string, partyName: string, docNo: string, due: string, amount: number, open = amount, ledger: 'AR' | 'AP' = 'AR'): Item {
  return {
    key: baseItemKey({ ledger, partyId, docNo, entryType: 'invoice' }),
    ledger, partyId, partyName, docNo, entryType: 'invoice', entryDate: d('2025-05-01'), docDate: d('2025-05-01'), dueDate: d(due),
    currency: 'EUR', amount, amountBase: amount, open, openBase: open, settledDate: open === 0 ? d('2025-06-01') : null, description: '',
  };
}

const rows = itemRows([
  item('C1', 'Bakkerij Janssens', 'INV-1', '2025-06-09', 123456), // overdue by one day
  item('C1', 'Bakkerij Janssens', 'INV-2', '2025-06-10', 5000), // due today: not yet due, within 0
  item('C2', 'Café de Zon', 'INV-3', '2025-06-15', 7050), // within 5
  item('C2', 'Café de Zon', 'INV-4', '2025-06-16', 990), // within 6, not 5
  item('C3', 'Drukkerij Peeters', 'INV-5', '2025-05-01', 20000, 0), // paid
  item('S1', 'Staal NV', 'PINV-1', '2025-06-12', 40000, 40000, 'AP'),
]);
const docs = (list: typeof rows) => list.map((r) => r.item.docNo);
const none = new Set<string>();

describe('open items filter', () => {
  it('shows the open receivables only, by default', () => {
    expect(docs(filterItems(rows, DEFAULT_FILTER, asOf, none))).toEqual(['INV-1', 'INV-2', 'INV-3', 'INV-4']);
  });

  it('shows paid items too with status all', () => {
    expect(docs(filterItems(rows, { ...DEFAULT_FILTER, status: 'all' }, asOf, none))).toContain('INV-5');
  });

  it('splits overdue (due before as-of) from not yet due (due on or after as-of)', () => {
    expect(docs(filterItems(rows, { ...DEFAULT_FILTER, due: 'overdue' }, asOf, none))).toEqual(['INV-1']);
    expect(docs(filterItems(rows, { ...DEFAULT_FILTER, due: 'notDue' }, asOf, none))).toEqual(['INV-2', 'INV-3', 'INV-4']);
  });

  it('takes due within N days as as-of ≤ due ≤ as-of + N', () => {
    expect(docs(filterItems(rows, { ...DEFAULT_FILTER, due: 'within', withinDays: 5 }, asOf, none))).toEqual(['INV-2', 'INV-3']);
    expect(docs(filterItems(rows, { ...DEFAULT_FILTER, due: 'within', withinDays: 0 }, asOf, none))).toEqual(['INV-2']);
  });

  it('hides handled items when asked', () => {
    const handled = new Set([baseItemKey({ ledger: 'AR', partyId: 'C2', docNo: 'INV-3', entryType: 'invoice' })]);
    const filter = { ...DEFAULT_FILTER, due: 'within' as const, withinDays: 5, hideHandled: true };
    expect(docs(filterItems(rows, filter, asOf, handled))).toEqual(['INV-2']);
  });

  it('searches party name, code and document, case-insensitive', () => {
    expect(docs(filterItems(rows, { ...DEFAULT_FILTER, search: 'café' }, asOf, none))).toEqual(['INV-3', 'INV-4']);
    expect(docs(filterItems(rows, { ...DEFAULT_FILTER, search: 'c1' }, asOf, none))).toEqual(['INV-1', 'INV-2']);
    expect(docs(filterItems(rows, { ...DEFAULT_FILTER, search: 'inv-4' }, asOf, none))).toEqual(['INV-4']);
  });

  it('searches an amount written with a decimal comma, point or thousands separators', () => {
    for (const q of ['1.234,56', '1,234.56', '1234.56', '1234,56']) {
      expect(docs(filterItems(rows, { ...DEFAULT_FILTER, search: q }, asOf, none)), q).toEqual(['INV-1']);
    }
    expect(docs(filterItems(rows, { ...DEFAULT_FILTER, search: '70,50' }, asOf, none))).toEqual(['INV-3']);
  });

  it('shows payables on the AP side and totals the open base amounts to the cent', () => {
    const ap = filterItems(rows, { ...DEFAULT_FILTER, side: 'AP' }, asOf, none);
    expect(docs(ap)).toEqual(['PINV-1']);
    expect(openTotal(filterItems(rows, DEFAULT_FILTER, asOf, none))).toBe(123456 + 5000 + 7050 + 990);
  });

  it('keys a row\'s annotations by its item\'s own key (not its place in the list) and its party', () => {
    const [only] = itemRows([{ ...item('C1', 'Bakkerij Janssens', 'PAY', '2025-06-01', -700), key: 'AR·C1·PAY·invoice#2' }]);
    expect(rowRef(only!)).toEqual({ itemKey: 'AR·C1·PAY·invoice#2', partyKey: partyKey('AR', 'C1') });
  });

  it('orders on a column either way, ties keeping the list order, amounts by their base value', () => {
    const open = filterItems(rows, DEFAULT_FILTER, asOf, none);
    expect(docs(sortRows(open, { column: 'open', descending: true }, asOf))).toEqual(['INV-1', 'INV-3', 'INV-2', 'INV-4']);
    expect(docs(sortRows(open, { column: 'open', descending: false }, asOf))).toEqual(['INV-4', 'INV-2', 'INV-3', 'INV-1']);
    expect(docs(sortRows(open, { column: 'party', descending: true }, asOf))).toEqual(['INV-3', 'INV-4', 'INV-1', 'INV-2']);
    // days late: only INV-1 is late; the others tie at 0 and keep their order either way; a credit is never late
    expect(docs(sortRows(open, { column: 'daysLate', descending: true }, asOf))).toEqual(['INV-1', 'INV-2', 'INV-3', 'INV-4']);
    const [credit] = itemRows([item('C1', 'Bakkerij Janssens', 'CN-1', '2025-05-01', -500)]);
    expect(daysLateOf(credit!, asOf)).toBeNull();
    expect(daysLateOf(open[0]!, asOf)).toBe(1);
    const dollar = itemRows([{ ...item('C9', 'Zeta', 'USD-1', '2025-06-01', 10000), currency: 'USD', amountBase: 9000, openBase: 9000 }]);
    expect(docs(sortRows([...open, ...dollar], { column: 'open', descending: true }, asOf)).slice(0, 3)).toEqual(['INV-1', 'USD-1', 'INV-3']);
  });

  it('orders open items by due date and everything newest first when the user chose no order', () => {
    expect(effectiveSort(DEFAULT_FILTER)).toEqual({ column: 'dueDate', descending: false });
    expect(effectiveSort({ ...DEFAULT_FILTER, status: 'all' })).toEqual({ column: 'date', descending: true });
    expect(effectiveSort({ ...DEFAULT_FILTER, status: 'all', sort: { column: 'open', descending: false } })).toEqual({ column: 'open', descending: false });
  });

  it('shows a settling entry among all transactions only, findable by the document it settles', () => {
    const settling = settlingRows([
      {
        id: 'AR·C3·INV-5·invoice>1', settles: 'AR·C3·INV-5·invoice', settlesDocNo: 'INV-5', ledger: 'AR', partyId: 'C3', partyName: 'Drukkerij Peeters',
        docNo: 'BNK-9', entryType: 'payment', entryDate: d('2025-06-01'), docDate: d('2025-06-01'), dueDate: d('2025-06-01'),
        currency: 'EUR', amount: -20000, amountBase: -20000, description: '',
      },
    ]);
    const all = [...rows, ...settling];
    expect(docs(filterItems(all, DEFAULT_FILTER, asOf, none))).not.toContain('BNK-9');
    expect(docs(filterItems(all, { ...DEFAULT_FILTER, status: 'all', search: 'inv-5' }, asOf, none))).toEqual(['INV-5', 'BNK-9']);
    expect(settling[0]?.item.open).toBe(0);
  });
});
