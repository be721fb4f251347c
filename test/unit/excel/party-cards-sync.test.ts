// The party cards synced into the (fake) workbook through Office.js: a card per party, each a real
// Excel table with the party's heading above it, a page break before it, and a totals row
// "Closing balance" whose SUBTOTAL comes to what the ledger booked on the party up to the period's
// end (computed here from the entries, not from the sheet module). A re-sync keeps one break per card.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { syncSheets } from '../../../src/excel/render';
import { buildWorkbookSpecs } from '../../../src/sheets/workbook';
import { createFakeExcel, type FakeExcel } from '../../fake-excel';
import { bookedUpTo, day, fixtureLedger, fixtureOptions } from '../../fixtures/sheets/ledger';

let fake: FakeExcel;
beforeEach(() => {
  fake = createFakeExcel().install();
});
afterEach(() => fake.uninstall());

/** The 1-based first row of an A1 address such as "A5:I12". */
const firstRow = (address: string) => Number(/^[A-Z]+(\d+)/.exec(address)?.[1]);

describe('party cards in Excel', () => {
  it('writes each party’s card as a table with its heading, a page break before it and its closing balance', async () => {
    const ledger = await fixtureLedger();
    const specs = buildWorkbookSpecs(ledger, fixtureOptions({ sheets: ['party-cards'] }));
    await syncSheets(specs);
    const expected = bookedUpTo(ledger, day('2024-12-31'));
    const parties = [['AR', 'C1', 'Alpha NV'], ['AR', 'C2', '=HYPERLINK("http://x.example")'], ['AR', 'C3', '+Plus BV'], ['AP', 'S1', 'Supplier & Sons']];
    const captions: number[] = [];
    for (const [side, id, name] of parties) {
      const table = fake.tableView(`Card_${side}_${id}`);
      expect(table.sheet).toBe('Party cards');
      const caption = firstRow(table.address) - 1;
      captions.push(caption);
      const heading = String(fake.cell('Party cards', `A${caption}`).value);
      expect(heading).toContain(`${side === 'AR' ? 'Customer' : 'Supplier'} ${id} — ${name} · `);
      const totals = table.totals!;
      expect(totals[0]).toBe('Closing balance');
      expect(Math.round(Number(totals[table.headers.indexOf('Amount (EUR)')]) * 100), id).toBe(expected.get(`${side}/${id}`));
    }
    expect([...expected.values()]).toEqual([95200, 4250, 6123, 20000]);
    // a break above every heading but the first (0-based rows)
    const breaks = captions.slice(1).map((row) => row - 1);
    expect(fake.sheet('Party cards').pageLayout.pageBreaks).toEqual(breaks);
    const [again] = await syncSheets(specs);
    expect(again?.action).toBe('refreshed');
    expect(fake.sheet('Party cards').pageLayout.pageBreaks).toEqual(breaks);
  });
});
