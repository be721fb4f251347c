// The Revaluation worksheet and the party card at the closing rate, on the sheets' fixture ledger
// (a USD invoice 100.00 booked at 92.50 EUR and a JPY invoice 10000 at 61.23 EUR, both AR).
// Expected amounts by hand: 100 / 1.0389 = 96.2556 → 96.26; 10000 / 163.06 = 61.3271 → 61.33.
import { beforeAll, describe, expect, it } from 'vitest';
import type { RatesSource } from '../../../src/core/rates';
import { MissingRateError } from '../../../src/core/revaluation';
import type { Ledger } from '../../../src/core/types';
import { buildWorkbookSpecs } from '../../../src/sheets/workbook';
import { LANGS } from '../../../src/core/words';
import { FIXTURE_RATES, fixtureLedger, fixtureOptions } from '../../fixtures/sheets/ledger';
import { sheetOf, shownRows, tableOf } from '../../fixtures/sheets/readable';

const RATES = FIXTURE_RATES;

let ledger: Ledger;
beforeAll(async () => {
  ledger = await fixtureLedger();
});

describe('Revaluation sheet', () => {
  it('is there only with rates', () => {
    expect(buildWorkbookSpecs(ledger, fixtureOptions()).some((s) => s.kind === 'revaluation')).toBe(false);
  });

  it('lists the foreign items at booking and closing rate, totals, result and the journal to post', () => {
    const sheet = sheetOf(buildWorkbookSpecs(ledger, fixtureOptions({ rates: RATES })), 'revaluation');
    expect(sheet.name).toBe('Revaluation');
    expect(sheet.titleLines).toEqual([
      'Fixture & Co — Revaluation at closing rates',
      'As of 31 Dec 2024',
      'Payments known up to AR 15 Nov 2024, AP 28 Dec 2024',
      'Closing rates: JPY 163.06 per EUR (30 Dec 2024), USD 1.0389 per EUR (31 Dec 2024)',
    ]);
    expect(shownRows(tableOf(sheet, 0))).toEqual([
      ['AR', 'C2', '=HYPERLINK("http://x.example")', 'I3', 'Invoice', '2024-12-20', 'USD', '100.00', '92.50', 1.0389, '2024-12-31', '96.26', '3.76', '3.76'],
      ['AR', 'C3', '+Plus BV', 'I4', 'Invoice', '2025-01-29', 'JPY', '10000', '61.23', 163.06, '2024-12-30', '61.33', '0.10', '0.10'],
    ]);
    expect(shownRows(tableOf(sheet, 1))).toEqual([
      ['AR', 'JPY', '10000', '61.23', '61.33', '0.10', '0.10'],
      ['AR', 'USD', '100.00', '92.50', '96.26', '3.76', '3.76'],
    ]);
    expect(shownRows(tableOf(sheet, 2))).toEqual([
      ['AR', '3.86', '0.00', '3.86'],
      ['AP', '0.00', '0.00', '0.00'],
    ]);
    expect(shownRows(tableOf(sheet, 3))).toEqual([
      ['AR', 'JPY', 'Debtors (control account)', '0.10', '0.00'],
      ['AR', 'JPY', 'Unrealised exchange gain', '0.00', '0.10'],
      ['AR', 'USD', 'Debtors (control account)', '3.76', '0.00'],
      ['AR', 'USD', 'Unrealised exchange gain', '0.00', '3.76'],
    ]);
    expect(sheet.print.orientation).toBe('landscape');
    expect(sheet.print.footer.right).toBe('Page &P of &N');
  });

  it('speaks Dutch and French', () => {
    const names = LANGS.map((lang) => sheetOf(buildWorkbookSpecs(ledger, fixtureOptions({ rates: RATES, lang })), 'revaluation'));
    expect(names.map((s) => s.name)).toEqual(['Revaluation', 'Herwaardering', 'Réévaluation']);
    expect(tableOf(names[1]!, 3).rows[1]?.[2]).toBe('Niet-gerealiseerde koerswinst');
    expect(names[2]!.tables[0]!.columns.map((c) => c.header)).toContain('Au cours de clôture (EUR)');
  });

  it('shows the party card’s balance at the closing rate', () => {
    const cards = sheetOf(buildWorkbookSpecs(ledger, fixtureOptions({ rates: RATES })), 'party-cards').tables;
    const c2 = shownRows(cards.find((t) => t.name === 'Card_AR_C2')!);
    // opening 0, invoice 92.50, credit note −50.00 → 42.50; at the closing rate 42.50 + 3.76 = 46.26
    expect(c2.map((r) => [r[3] ?? r[2], r[7], r[8]])).toEqual([
      ['Opening balance', '0.00', null],
      ['@import', '92.50', '100.00'],
      ['-discount', '42.50', '-50.00'],
      ['At closing rate USD 1.0389 (31 Dec 2024): difference 3.76', '46.26', '100.00'],
    ]);
  });

  it('refuses to build with a currency lacking a rate', () => {
    const onlyUsd: RatesSource = { quoteBase: null, byCurrency: new Map([['USD', RATES.byCurrency.get('USD')!]]) };
    expect(() => buildWorkbookSpecs(ledger, fixtureOptions({ rates: onlyUsd }))).toThrow(MissingRateError);
  });
});
