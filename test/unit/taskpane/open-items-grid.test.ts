// The grid's layout and lines (model/open-items-grid.ts): which columns fit a width (the rest go to
// the detail line), and grouping by party with subtotals per currency.
import { describe, expect, it } from 'vitest';
import type { Item } from '../../../src/core/report-types';
import { itemRows } from '../../../src/taskpane/model/open-items-filter';
import { gridLines, layoutFor } from '../../../src/taskpane/model/open-items-grid';

describe('grid layout', () => {
  it('keeps party and open amount at the narrowest, adds due date and days late as room grows, then all', () => {
    expect(layoutFor(300).shown).toEqual(['party', 'open']);
    expect(layoutFor(380).shown).toEqual(['party', 'dueDate', 'open']);
    expect(layoutFor(2000).shown).toEqual(['party', 'document', 'type', 'date', 'dueDate', 'daysLate', 'amount', 'open', 'currency']);
    expect(layoutFor(2000).hidden).toEqual([]);
  });

  it('puts every column either in the grid or in the detail, in the grid order', () => {
    for (const width of [0, 320, 400, 520, 700, 900]) {
      const { shown, hidden } = layoutFor(width);
      expect([...shown, ...hidden].sort()).toEqual(['amount', 'currency', 'date', 'daysLate', 'document', 'dueDate', 'open', 'party', 'type']);
    }
    expect(layoutFor(320).hidden).toEqual(['document', 'type', 'date', 'dueDate', 'daysLate', 'amount', 'currency']);
  });
});

function item(partyId: string, docNo: string, currency: string, open: number): Item {
  return { key: `AR·${partyId}·${docNo}·invoice`, ledger: 'AR', partyId, partyName: `Party ${partyId}`, docNo, currency, open, openBase: open, amount: open } as Item;
}

describe('grid lines', () => {
  const rows = itemRows([item('C2', 'A', 'EUR', 1000), item('C1', 'B', 'USD', 500), item('C2', 'C', 'USD', 250), item('C2', 'D', 'EUR', 1)]);

  it('are the rows as they are without grouping', () => {
    expect(gridLines(rows, false).map((l) => (l.kind === 'row' ? l.row.item.docNo : 'group'))).toEqual(['A', 'B', 'C', 'D']);
  });

  it('group per party in the order parties first appear, each with its subtotals per currency', () => {
    const lines = gridLines(rows, true);
    expect(lines.map((l) => (l.kind === 'row' ? l.row.item.docNo : `${l.partyId}:${l.count}`))).toEqual(['C2:3', 'A', 'C', 'D', 'C1:1', 'B']);
    const [c2] = lines;
    expect(c2?.kind === 'group' && c2.totals.perCurrency).toEqual([
      { currency: 'EUR', open: 1001 },
      { currency: 'USD', open: 250 },
    ]);
  });
});
