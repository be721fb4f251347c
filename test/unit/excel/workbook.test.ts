// The whole workbook of the demo ledger (every SheetSpec of buildWorkbookSpecs) synced into the
// fake Excel: every sheet and table is there with the spec's rows, each totals row equals the
// spec's column sum to the cent, and a second sync refreshes every sheet in place.
import { beforeAll, afterAll, describe, expect, it } from 'vitest';
import { parseIsoDate } from '../../../src/core/date';
import { syncSheets } from '../../../src/excel/render';
import { demoLedger } from '../../../src/import/demo';
import { buildWorkbookSpecs } from '../../../src/sheets/workbook';
import type { SheetSpec } from '../../../src/sheets/spec';
import { createFakeExcel, type FakeExcel } from '../../fake-excel';

const asOf = parseIsoDate('2026-06-30')!;
let fake: FakeExcel;
let specs: SheetSpec[];

beforeAll(() => {
  fake = createFakeExcel().install();
  const ledger = demoLedger({ seed: 3, parties: 30, entries: 800, today: asOf });
  specs = buildWorkbookSpecs(ledger, {
    asOf,
    period: { from: parseIsoDate('2026-01-01')!, to: asOf },
    basis: 'due',
    buckets: [30, 60, 90, 120],
    lang: 'nl',
    company: '=Demo & Co',
  });
});
afterAll(() => fake.uninstall());

/** Decimals of a summed column: the money's exponent, none for a count. */
function decimals(column: SheetSpec['tables'][number]['columns'][number]): number {
  return column.type === 'money' ? (column.exponent ?? 2) : 0;
}

/** The spec's column sum, exact: minor units for money (straight from the spec, not through the renderer). */
function specSum(table: SheetSpec['tables'][number], col: number): number {
  return table.rows.reduce((acc, row) => acc + Number(row[col] ?? 0), 0);
}

describe('the demo workbook through the fake Excel', () => {
  it('has every sheet and table of the specs, with their rows and totals', async () => {
    const outcomes = await syncSheets(specs);
    expect(outcomes.map((o) => o.action)).toEqual(specs.map(() => 'created'));
    expect(fake.sheetNames()).toEqual(['Sheet1', ...specs.map((s) => s.name)]);
    for (const spec of specs) {
      expect(fake.cell(spec.name, 'A1').value).toBe(spec.titleLines[0]);
      for (const table of spec.tables) {
        const view = fake.tableView(table.name);
        expect(view.sheet).toBe(spec.name);
        expect(view.rows).toHaveLength(Math.max(1, table.rows.length));
        table.columns.forEach((column, c) => {
          if (column.total !== 'sum' || table.rows.length === 0) return;
          // + 0: a card that closes at zero sums to a float a hair below it, rounded to -0
          expect(Math.round((view.totals![c] as number) * 10 ** decimals(column)) + 0, `${table.name}.${column.key}`).toBe(specSum(table, c));
        });
      }
    }
    expect(fake.host.api.rejected.size).toBe(0);
  });

  it('refreshes every sheet in place on the next sync', async () => {
    const before = fake.stats.syncs;
    const outcomes = await syncSheets(specs);
    expect(outcomes.map((o) => o.action)).toEqual(specs.map(() => 'refreshed'));
    expect(fake.sheetNames()).toEqual(['Sheet1', ...specs.map((s) => s.name)]);
    expect(fake.stats.syncs - before).toBeLessThanOrEqual(1 + 6 * specs.length);
    for (const spec of specs) {
      const sheet = fake.sheet(spec.name);
      expect(sheet.charts.filter((c) => !c.deleted), spec.name).toHaveLength(spec.charts?.length ?? 0);
      expect(sheet.pivots.filter((p) => !p.deleted), spec.name).toHaveLength(spec.pivots?.length ?? 0);
      const formats = spec.tables.reduce((n, t) => n + (t.conditionalFormats?.length ?? 0), 0);
      expect(sheet.conditionalFormats, spec.name).toHaveLength(formats);
    }
  });
});
