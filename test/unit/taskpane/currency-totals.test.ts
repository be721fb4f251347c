// Open amounts per currency: dollars, pounds and euros each summed in their own currency, the base
// total beside them; never one currency's units added to another's.
import { describe, expect, it } from 'vitest';
import type { Item } from '../../../src/core/report-types';
import { openByCurrency } from '../../../src/taskpane/model/currency-totals';
import type { ItemRow } from '../../../src/taskpane/model/open-items-filter';

function row(currency: string, open: number, openBase: number): ItemRow {
  const item = { ledger: 'AR', partyId: 'D1', partyName: 'D', docNo: `F${open}`, currency, open, openBase } as Item;
  return { key: `AR·D1·F${open}`, item, text: '', amountDigits: '' };
}

describe('openByCurrency', () => {
  it('sums each currency in its own units and gives the base total beside them', () => {
    const totals = openByCurrency([row('USD', 100000, 92000), row('EUR', 5000, 5000), row('GBP', 20000, 23500), row('USD', 2550, 2346)]);
    expect(totals.perCurrency).toEqual([
      { currency: 'EUR', open: 5000 },
      { currency: 'GBP', open: 20000 },
      { currency: 'USD', open: 102550 },
    ]);
    expect(totals.base).toBe(92000 + 5000 + 23500 + 2346);
  });

  it('is empty for no items', () => {
    expect(openByCurrency([])).toEqual({ perCurrency: [], base: 0 });
  });
});
