// What a controller cross-checks between the sheets, for random demo ledgers, dates and buckets:
// the open items, the aging, the balance list and the dashboard show the same total per ledger to
// the cent, every aging row adds up, each party card moves by the turnaround's invoiced + credited +
// paid + other, and its closing balance (the card's subtotal) is what the ledger booked on the party.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { calendarYear } from '../../../src/core/date';
import { SIDES } from '../../../src/core/types';
import { demoLedger } from '../../../src/import/demo';
import type { SheetSpec, TableSpec } from '../../../src/sheets/spec';
import { buildWorkbookSpecs } from '../../../src/sheets/workbook';
import { bookedUpTo, day } from '../../fixtures/sheets/ledger';
import { sheetOf, tableOf } from '../../fixtures/sheets/readable';

function columnSum(table: TableSpec, key: string): number {
  const j = table.columns.findIndex((c) => c.key === key);
  return table.rows.reduce((sum, row) => sum + Number(row[j] ?? 0), 0);
}

function valueAt(table: TableSpec, row: number, key: string): number {
  return Number(table.rows[row]?.[table.columns.findIndex((c) => c.key === key)] ?? 0);
}

const scenario = fc.record({
  seed: fc.integer({ min: 1, max: 10_000 }),
  asOfOffset: fc.integer({ min: -400, max: 0 }),
  basis: fc.constantFrom('due' as const, 'doc' as const, 'entry' as const),
  buckets: fc.uniqueArray(fc.integer({ min: 1, max: 200 }), { minLength: 1, maxLength: 5 }).map((b) => b.sort((x, y) => x - y)),
});

describe('the sheets agree with each other', () => {
  it('per ledger: open items = aging = balances = dashboard, to the cent; party cards move as the turnaround says', () => {
    const today = day('2026-06-30');
    fc.assert(
      fc.property(scenario, ({ seed, asOfOffset, basis, buckets }) => {
        const ledger = demoLedger({ seed, parties: 12, entries: 400, years: 2, today });
        const asOf = today + asOfOffset;
        const period = calendarYear(asOf);
        const specs: SheetSpec[] = buildWorkbookSpecs(ledger, { asOf, period, basis, buckets, lang: 'en', company: 'P' });
        const keyFigures = tableOf(sheetOf(specs, 'dashboard'), 0);
        const agingSummary = tableOf(sheetOf(specs, 'dashboard'), 1);
        SIDES.forEach((side, i) => {
          const total = valueAt(keyFigures, i, 'total');
          expect(columnSum(tableOf(sheetOf(specs, `open-items-${side}`)), 'openBase')).toBe(total);
          const aging = tableOf(sheetOf(specs, `aging-${side}`));
          expect(columnSum(aging, 'total')).toBe(total);
          const bucketKeys = aging.columns.filter((c) => c.key.startsWith('bucket')).map((c) => c.key);
          aging.rows.forEach((_, r) => {
            expect(bucketKeys.reduce((sum, key) => sum + valueAt(aging, r, key), 0)).toBe(valueAt(aging, r, 'total'));
          });
          expect(columnSum(agingSummary, side)).toBe(total);
          expect(columnSum(tableOf(sheetOf(specs, `balances-${side}`)), 'balance')).toBe(total);
        });
        // a card runs from its opening through the period's entries: the turnaround's movements
        // (closing − opening there also holds the FX difference of items settled at another rate)
        // (a card per party, its table named Card_<ledger>_<party>); its subtotal, the closing
        // balance, is every amount in base currency booked on the party up to the period's end
        const run = new Map<string, { first: number; last: number; subtotal: number }>();
        for (const card of sheetOf(specs, 'party-cards').tables) {
          const last = card.rows.length - 1;
          run.set(card.name, { first: valueAt(card, 0, 'balanceBase'), last: valueAt(card, last, 'balanceBase'), subtotal: columnSum(card, 'amountBase') });
        }
        const booked = bookedUpTo(ledger, period.to);
        for (const [name, card] of run) expect(card.subtotal, name).toBe(booked.get(name.replace(/^Card_(A[RP])_/, '$1/')));
        const turnaround = tableOf(sheetOf(specs, 'turnaround'), 0);
        turnaround.rows.forEach((row, r) => {
          const card = run.get(`Card_${String(row[0])}_${String(row[1])}`);
          const moved = ['invoiced', 'credited', 'paid', 'other'].reduce((sum, key) => sum + valueAt(turnaround, r, key), 0);
          expect(card ? card.last - card.first : 0).toBe(moved);
        });
      }),
      { numRuns: 15 },
    );
  });
});
