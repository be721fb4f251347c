// The Open items list made in steps (model/open-items-view.ts, sortSteps): on lists longer than
// one sorted run, the order is the one a single stable sort gives, the lines and totals those of
// the list at once, the work pauses every so many rows, and a change of grouping or order does not
// filter again.
import { describe, expect, it } from 'vitest';
import { parseIsoDate } from '../../../src/core/date';
import type { Item } from '../../../src/core/report-types';
import type { SettlingEntry } from '../../../src/core/settlements';
import { DEFAULT_FILTER, filterItems, itemRows, sortRows, sortSteps, type ItemFilter, type ItemRow } from '../../../src/taskpane/model/open-items-filter';
import { gridLines } from '../../../src/taskpane/model/open-items-grid';
import { ShownListMaker } from '../../../src/taskpane/model/open-items-view';
import { drain, type Steps } from '../../../src/taskpane/model/steps';

const asOf = parseIsoDate('2025-06-10')!;

/** A small deterministic generator (mulberry32), so that failures repeat. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `n` items over 300 parties and 60 due dates (many ties), some paid, some payables, some in USD. */
function items(n: number): Item[] {
  const next = random(12);
  return Array.from({ length: n }, (_, i) => {
    const party = Math.floor(next() * 300);
    const amount = Math.floor(next() * 50) * 100;
    const open = next() < 0.3 ? 0 : amount;
    const currency = next() < 0.2 ? 'USD' : 'EUR';
    const day = asOf - 30 + Math.floor(next() * 60);
    return {
      key: `k${i}`, ledger: next() < 0.8 ? 'AR' : 'AP', partyId: `P${party}`, partyName: `Party ${party}`, docNo: `D${i}`, entryType: 'invoice',
      entryDate: day - 30, docDate: day - 30, dueDate: day, currency, amount, amountBase: currency === 'USD' ? amount * 2 : amount,
      open, openBase: currency === 'USD' ? open * 2 : open, settledDate: open === 0 ? asOf : null, description: '',
    };
  });
}

const rows = itemRows(items(30_000));
const none = new Set<string>();

/** How many times `steps` paused before its answer. */
function pauses<T>(steps: Steps<T>): { value: T; pauses: number } {
  let count = 0;
  for (;;) {
    const next = steps.next();
    if (next.done) return { value: next.value, pauses: count };
    count++;
  }
}

describe('sorting in steps', () => {
  it('gives the order of one stable sort, ascending and descending, ties in the list order', () => {
    const byDue = [...rows].sort((a, b) => a.item.dueDate - b.item.dueDate);
    expect(sortRows(rows, { column: 'dueDate', descending: false }, asOf)).toEqual(byDue);
    const byAmountDown = [...rows].sort((a, b) => b.item.amountBase - a.item.amountBase || b.item.amount - a.item.amount);
    expect(sortRows(rows, { column: 'amount', descending: true }, asOf)).toEqual(byAmountDown);
  });

  it('keeps a list already in the order as it is, and sorts an empty or single list', () => {
    const byDue = [...rows].sort((a, b) => a.item.dueDate - b.item.dueDate);
    expect(sortRows(byDue, { column: 'dueDate', descending: false }, asOf)).toEqual(byDue);
    expect(sortRows([], { column: 'party', descending: false }, asOf)).toEqual([]);
    expect(sortRows(rows.slice(0, 1), { column: 'party', descending: true }, asOf)).toEqual(rows.slice(0, 1));
  });

  it('pauses every thousand rows or so', () => {
    const { pauses: count } = pauses(sortSteps(rows, { column: 'open', descending: true }, asOf));
    expect(count).toBeGreaterThan(rows.length / 1024);
  });
});

describe('the shown list made in steps', () => {
  const filters: ItemFilter[] = [
    DEFAULT_FILTER,
    { ...DEFAULT_FILTER, side: 'AP', due: 'overdue', groupByParty: true },
    { ...DEFAULT_FILTER, status: 'all', sort: { column: 'party', descending: false } },
    { ...DEFAULT_FILTER, search: 'party 12', sort: { column: 'daysLate', descending: true }, groupByParty: true },
  ];

  it('is the list the filters, the order and the grouping give at once', () => {
    for (const filter of filters) {
      const shown = drain(new ShownListMaker().steps({ rows, settling: [], filter, asOf, handled: none }));
      const sorted = sortRows(filterItems(rows, filter, asOf, none), filter.sort ?? { column: 'dueDate', descending: filter.status === 'all' }, asOf);
      expect(shown.rows).toEqual(filter.status === 'all' ? sortRows(rows.filter((r) => r.item.ledger === 'AR'), { column: 'party', descending: false }, asOf) : sorted);
      expect(shown.lines).toEqual(gridLines(shown.rows, filter.groupByParty));
      const open = (currency: string) => shown.rows.filter((r) => r.item.currency === currency).reduce((s, r) => s + r.item.open, 0);
      expect(shown.totals.base).toBe(shown.rows.reduce((s, r) => s + r.item.openBase, 0));
      expect(shown.totals.perCurrency.map((c) => [c.currency, c.open])).toEqual(
        ['EUR', 'USD'].filter((c) => shown.rows.some((r) => r.item.currency === c)).map((c) => [c, open(c)]),
      );
      expect(shown.selectable).toEqual(shown.rows);
    }
  });

  it('shows the settling entries after the items with status all, never selectable', () => {
    const settling: ItemRow[] = itemRows(items(3).map((i) => ({ ...i, key: `s-${i.key}`, ledger: 'AR' }))).map((r) => ({ ...r, settles: {} as SettlingEntry }));
    const shown = drain(new ShownListMaker().steps({ rows, settling, filter: { ...DEFAULT_FILTER, status: 'all', sort: { column: 'document', descending: false } }, asOf, handled: none }));
    expect(shown.rows.filter((r) => r.settles !== undefined)).toHaveLength(3);
    expect(shown.selectable).toHaveLength(shown.rows.length - 3);
    const open = drain(new ShownListMaker().steps({ rows, settling, filter: DEFAULT_FILTER, asOf, handled: none }));
    expect(open.rows.some((r) => r.settles !== undefined)).toBe(false);
  });

  it('pauses while it filters, and filters again only when a filter changed', () => {
    const maker = new ShownListMaker();
    const first = pauses(maker.steps({ rows, settling: [], filter: DEFAULT_FILTER, asOf, handled: none }));
    expect(first.pauses).toBeGreaterThan(rows.length / 1024);
    const grouped = pauses(maker.steps({ rows, settling: [], filter: { ...DEFAULT_FILTER, groupByParty: true }, asOf, handled: none }));
    expect(grouped.value.rows).toBe(first.value.rows);
    expect(grouped.pauses).toBeLessThan(first.pauses);
    // handled flags matter only when handled items are hidden
    const flagged = pauses(maker.steps({ rows, settling: [], filter: { ...DEFAULT_FILTER, groupByParty: true }, asOf, handled: new Set(['k1']) }));
    expect(flagged.value).toBe(grouped.value);
    const hidden = drain(maker.steps({ rows, settling: [], filter: { ...DEFAULT_FILTER, hideHandled: true }, asOf, handled: new Set([first.value.rows[0]!.key]) }));
    expect(hidden.rows).toEqual(first.value.rows.slice(1));
  });
});
