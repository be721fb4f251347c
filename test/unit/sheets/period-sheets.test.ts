// The period worksheets for 2024 of the fixture ledger: mutations, party cards with running
// balances, a heading, a closing balance and a page per party, turnaround with the DSO block, and the payment-behaviour facts.
import { beforeAll, describe, expect, it } from 'vitest';
import type { SheetSpec } from '../../../src/sheets/spec';
import { buildWorkbookSpecs } from '../../../src/sheets/workbook';
import { fixtureLedger, fixtureOptions } from '../../fixtures/sheets/ledger';
import { sheetOf, shownColumn, shownRows, tableOf } from '../../fixtures/sheets/readable';

let specs: SheetSpec[];
beforeAll(async () => {
  specs = buildWorkbookSpecs(await fixtureLedger(), fixtureOptions());
});

describe('Mutations 2024', () => {
  it('lists every entry of the period by date, both ledgers, with the amount in base currency', () => {
    const table = tableOf(sheetOf(specs, 'mutations'));
    expect(shownColumn(table, 'docNo')).toEqual(['I0', 'P0', 'A1', 'I1', 'P1', 'I3', 'CN1', 'I2', 'AP1', 'I4']);
    expect(shownRows(table)[5]).toEqual([
      'AR', 'C2', '=HYPERLINK("http://x.example")', '2024-11-20', 'I3', 'Invoice', '2024-11-20', '2024-12-20', 'USD', '100.00', '92.50', null, '@import',
    ]);
    expect(shownColumn(table, 'settles')).toEqual([null, 'I0', null, null, 'I1', null, null, null, 'A1', null]);
  });

  it('follows --sort doc', async () => {
    const byDoc = buildWorkbookSpecs(await fixtureLedger(), fixtureOptions({ sort: 'doc', sheets: ['mutations'] }));
    expect(shownColumn(tableOf(sheetOf(byDoc, 'mutations')), 'docNo')).toEqual(['A1', 'AP1', 'CN1', 'I0', 'I1', 'I2', 'I3', 'I4', 'P0', 'P1']);
  });
});

describe('Party cards 2024', () => {
  const cards = () => sheetOf(specs, 'party-cards').tables;

  it('gives each party a card of its own, headed with the side, code, name and currencies', () => {
    expect(cards().map((t) => t.caption)).toEqual([
      'Customer C1 — Alpha NV · EUR',
      'Customer C2 — =HYPERLINK("http://x.example") · EUR, USD',
      'Customer C3 — +Plus BV · JPY',
      'Supplier S1 — Supplier & Sons · EUR',
    ]);
    expect(cards().map((t) => t.name)).toEqual(['Card_AR_C1', 'Card_AR_C2', 'Card_AR_C3', 'Card_AP_S1']);
  });

  it('opens each card with its opening balance and runs the balance to its closing', () => {
    const rows = cards().map((t) => shownRows(t).map((row) => [row[1], row[2], row[7]]));
    expect(rows).toEqual([
      [[null, 'Opening balance', '0.00'], ['I0', 'Invoice', '100.00'], ['P0', 'Payment', '0.00'], ['I1', 'Invoice', '1210.00'], ['P1', 'Payment', '710.00'], ['I2', 'Invoice', '952.00']],
      [[null, 'Opening balance', '0.00'], ['I3', 'Invoice', '92.50'], ['CN1', 'Credit note', '42.50']],
      [[null, 'Opening balance', '0.00'], ['I4', 'Invoice', '61.23']],
      [[null, 'Opening balance', '0.00'], ['A1', 'Invoice', '300.00'], ['AP1', 'Payment', '200.00']],
    ]);
  });

  it('keeps the running balance in the entry’s own currency beside the base one', () => {
    const rows = cards().flatMap((t) => shownRows(t));
    const usd = rows.find((row) => row[1] === 'I3');
    const jpy = rows.find((row) => row[1] === 'I4');
    expect(usd?.slice(4)).toEqual(['USD', '100.00', '92.50', '92.50', '100.00']);
    expect(jpy?.slice(4)).toEqual(['JPY', '10000', '61.23', '61.23', '10000']);
  });

  it('ends each card with its closing balance: a subtotal of the opening and the amounts', () => {
    for (const table of cards()) {
      expect(table.totalsRow).toBe(true);
      expect(table.totalsLabel).toBe('Closing balance');
      expect(table.columns.filter((c) => c.total === 'sum').map((c) => c.key)).toEqual(['amountBase']);
    }
  });

  it('starts a new printed page at every card but the first; no one header row is frozen or repeated', () => {
    expect(cards().map((t) => t.pageBreakBefore === true)).toEqual([false, true, true, true]);
    expect(sheetOf(specs, 'party-cards').freezeHeader).toBe(false);
    expect(sheetOf(specs, 'party-cards').print.repeatHeaderRow).toBe(false);
  });
});

describe('Turnaround and payment behaviour 2024', () => {
  it('moves each party from opening to closing', () => {
    const rows = shownRows(tableOf(sheetOf(specs, 'turnaround'), 0));
    expect(rows.map((row) => row.slice(1, 11))).toEqual([
      ['C1', 'Alpha NV', '0.00', '1552.00', '0.00', '-600.00', '0.00', '0.00', '952.00', 1],
      ['C2', '=HYPERLINK("http://x.example")', '0.00', '92.50', '-50.00', '0.00', '0.00', '0.00', '42.50', 0],
      ['C3', '+Plus BV', '0.00', '61.23', '0.00', '0.00', '0.00', '0.00', '61.23', 0],
      ['S1', 'Supplier & Sons', '0.00', '300.00', '0.00', '-100.00', '0.00', '0.00', '200.00', 0],
    ]);
    expect(rows[0]?.slice(11)).toEqual([40, 40, 10, 0]);
  });

  it('shows DSO, best possible DSO, ADD and CEI per ledger', () => {
    const [ar, ap] = shownRows(tableOf(sheetOf(specs, 'turnaround'), 1));
    // AR: closing 1055.73 / invoiced 1705.73 × 366 days; best: not due 303.23 / 1705.73 × 366
    expect(ar?.slice(0, 5)).toEqual(['AR', '0.00', '1705.73', '1055.73', '303.23']);
    expect(Number(ar?.[5])).toBeCloseTo((1055.73 / 1705.73) * 366, 9);
    expect(Number(ar?.[6])).toBeCloseTo((303.23 / 1705.73) * 366, 9);
    expect(Number(ar?.[8])).toBeCloseTo(((1705.73 - 1055.73) / (1705.73 - 303.23)) * 100, 9);
    expect(ap?.slice(0, 6)).toEqual(['AP', '0.00', '300.00', '200.00', '0.00', 244]);
  });

  it('has one fact row per settled invoice and a pivot over existing columns', () => {
    const sheet = sheetOf(specs, 'payment-behaviour');
    const table = tableOf(sheet);
    expect(shownRows(table)).toEqual([['AR', 'C1', 'Alpha NV', 'I0', '2024-03-01', '2024-03-31', '2024-04-10', 40, 10, '100.00']]);
    const keys = table.columns.map((c) => c.key);
    for (const pivot of sheet.pivots ?? []) {
      expect(pivot.table).toBe(table.name);
      expect(keys).toEqual(expect.arrayContaining([...pivot.rows, ...pivot.values.map((v) => v.column)]));
    }
    expect(sheet.pivots).toHaveLength(1);
  });
});
