// `subledger build --demo`: the .xlsx read back holds every sheet, table, format and print setting
// of its SheetSpecs; opened in LibreOffice headless, its recalculated totals rows equal the
// engine's figures to the cent and its printed pages carry titles, headers and page numbers.
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../../src/cli/build';
import { calendarYear } from '../../../src/core/date';
import { keyFigures } from '../../../src/core/key-figures';
import { currencyExponent } from '../../../src/core/money';
import type { Ledger } from '../../../src/core/types';
import { demoLedger } from '../../../src/import/demo';
import type { SheetSpec, TableSpec } from '../../../src/sheets/spec';
import { buildWorkbookSpecs } from '../../../src/sheets/workbook';
import { day } from '../../fixtures/sheets/ledger';
import { expectXlsxHolds } from '../../fixtures/xlsx/check';
import {
  bodyFontSize,
  convertWithLibreOffice,
  pdfinfoAvailable,
  pdfPageSizes,
  pdftotextAvailable,
  printWithDefaultSettings,
  sofficeAvailable,
  type Converted,
} from '../../fixtures/xlsx/libreoffice';

const AS_OF = '2026-06-30';
let ledger: Ledger;
let specs: SheetSpec[];
let bytes: Uint8Array;
let out: string;
const stdout: string[] = [];
const stderr: string[] = [];

beforeAll(async () => {
  out = path.join(mkdtempSync(path.join(os.tmpdir(), 'subledger-build-')), 'demo.xlsx');
  const io = { stdout: (t: string) => stdout.push(t), stderr: (t: string) => stderr.push(t), now: () => new Date() };
  expect(await run(['--demo', '--as-of', AS_OF, '--out', out], io)).toBe(0);
  bytes = new Uint8Array(readFileSync(out));
  const asOf = day(AS_OF);
  ledger = demoLedger({ today: asOf });
  specs = buildWorkbookSpecs(ledger, {
    asOf,
    period: calendarYear(asOf),
    basis: 'due',
    buckets: [30, 60, 90, 120],
    lang: 'en',
    company: 'Demo',
    functionsSheet: true,
  });
}, 120_000);

describe('subledger build --demo', () => {
  it('reports the sheets and rows it wrote, with progress on stderr', () => {
    const rows = specs.reduce((n, s) => n + s.tables.reduce((m, t) => m + t.rows.length, 0), 0);
    expect(stdout.join('')).toBe(`wrote ${out}: 12 sheets, ${rows} rows\n`);
    expect(stderr.join('')).toContain('sheet 11/12: Payment behaviour');
    expect(stderr.join('')).toContain('sheet 12/12: Functions');
  });

  it('holds every sheet, table, value, number format and print setting of its SheetSpecs', async () => {
    await expectXlsxHolds(bytes, specs);
  }, 60_000);
});

/** The row of the CSV that holds the table's headers (below its caption: the party cards share their headers). */
function headerIndex(rows: string[][], table: TableSpec): number {
  const headers = table.columns.map((c) => c.header);
  const from = table.caption === undefined ? 0 : rows.findIndex((row) => row[0] === table.caption);
  if (from < 0) throw new Error(`no caption of ${table.name}`);
  const index = rows.findIndex((row, i) => i >= from && headers.every((h, j) => row[j] === h));
  if (index < 0) throw new Error(`no header row of ${table.name}`);
  return index;
}

/** The totals row as LibreOffice computed it, in minor units for money columns. */
function recalculatedTotals(rows: string[][], table: TableSpec): Map<string, number> {
  const totals = rows[headerIndex(rows, table) + Math.max(1, table.rows.length) + 1] ?? [];
  const result = new Map<string, number>();
  table.columns.forEach((column, j) => {
    if ((column.total ?? 'none') === 'none' || j === 0) return;
    const value = Number(totals[j]);
    result.set(column.key, column.type === 'money' ? Math.round(value * 10 ** (column.exponent ?? 2)) : value);
  });
  return result;
}

/** What the totals row must show: the exact sum (minor units), count or mean of the column. */
function engineTotals(table: TableSpec): Map<string, number> {
  const result = new Map<string, number>();
  table.columns.forEach((column, j) => {
    const values = table.rows.map((r) => r[j]).filter((v) => v !== null && v !== undefined);
    const numbers = values.map(Number);
    const sum = numbers.reduce((a, b) => a + b, 0);
    if (column.total === 'sum') result.set(column.key, sum);
    if (column.total === 'count') result.set(column.key, values.length);
    if (column.total === 'average') result.set(column.key, sum / numbers.length);
  });
  return result;
}

describe.skipIf(!sofficeAvailable)('the demo workbook opened in LibreOffice', () => {
  let converted: Converted;
  beforeAll(() => {
    converted = convertWithLibreOffice(bytes);
  }, 900_000);

  it('prints with the default settings of LibreOffice too (no forced recalculation)', () => {
    expect(printWithDefaultSettings(bytes)).toBeGreaterThan(specs.length);
  }, 900_000);

  it('has a CSV for every sheet', () => {
    expect([...converted.sheets.keys()].sort()).toEqual(specs.map((s) => s.name).sort());
  });

  it('recalculates every totals row to the engine’s figures, to the cent', () => {
    let checked = 0;
    for (const spec of specs) {
      const rows = converted.sheets.get(spec.name) ?? [];
      for (const table of spec.tables.filter((t) => t.totalsRow)) {
        const expected = engineTotals(table);
        const actual = recalculatedTotals(rows, table);
        for (const [key, value] of expected) {
          const column = table.columns.find((c) => c.key === key);
          if (column?.total === 'average') expect(actual.get(key), `${table.name}[${key}]`).toBeCloseTo(value, 9);
          else expect(actual.get(key), `${table.name}[${key}]`).toBe(value);
          checked += 1;
        }
      }
    }
    expect(checked).toBeGreaterThan(30);
  });

  it('holds Over limit as 1 or empty, one kind of value in the column (no TRUE/FALSE, no 0)', () => {
    const spec = specs.find((s) => s.kind === 'balances-AR');
    const table = spec?.tables[0];
    if (!spec || !table) throw new Error('balances-AR');
    const rows = converted.sheets.get(spec.name) ?? [];
    const column = table.columns.findIndex((c) => c.key === 'overLimit');
    const first = headerIndex(rows, table) + 1;
    const values = rows.slice(first, first + table.rows.length).map((r) => r[column]);
    expect(new Set(values)).toEqual(new Set(['1', '']));
    const over = table.rows.filter((r) => r[column] === true).length;
    expect(values.filter((v) => v === '1')).toHaveLength(over);
  });

  it('shows the key figures’ totals in the open items, aging and balances totals rows', () => {
    const figures = keyFigures(ledger, day(AS_OF), [3, 5]);
    const exponent = currencyExponent(ledger.baseCurrency);
    for (const side of ['AR', 'AP'] as const) {
      const total = figures[side].total;
      const find = (kind: string, key: string) => {
        const spec = specs.find((s) => s.kind === kind);
        const table = spec?.tables[0];
        if (!spec || !table) throw new Error(kind);
        return recalculatedTotals(converted.sheets.get(spec.name) ?? [], table).get(key);
      };
      expect(find(`open-items-${side}`, 'openBase')).toBe(total);
      expect(find(`aging-${side}`, 'total')).toBe(total);
      expect(find(`balances-${side}`, 'balance')).toBe(total);
      expect(find(`balances-${side}`, 'overdue')).toBe(figures[side].overdue);
      expect(exponent).toBe(2);
    }
  });

  it.skipIf(!pdftotextAvailable)('prints every sheet with its title, page header and footer, and numbers the pages', () => {
    // pdftotext ends every page with a form feed. LibreOffice 7.4 may add one empty page after a
    // sheet fitted to one page wide (no text at all, not even the footer): those are skipped.
    const pages = converted.pdfText.split('\f').slice(0, -1);
    const count = Number(/Page 1 of (\d+)/.exec(converted.pdfText)?.[1]);
    expect(pages).toHaveLength(count);
    const printed = pages.map((page, i) => ({ page, number: i + 1 })).filter(({ page }) => page.trim() !== '');
    expect(printed.length).toBeGreaterThan(specs.length);
    expect(count - printed.length).toBeLessThanOrEqual(1);
    for (const { page, number } of printed) {
      expect(page).toContain(`Page ${number} of ${count}`);
      expect(page).toMatch(/Demo\s/);
      expect(page).toContain('Payments known up to');
    }
    for (const spec of specs) {
      expect(converted.pdfText).toContain(spec.titleLines[0]);
      expect(converted.pdfText).toContain(spec.print.header.center);
    }
    // dates as an English reader writes them ("30 Jun 2026"), yes/no as ✓
    const openItemsPages = printed.map(({ page }) => page).filter((page) => page.includes('Open items receivables'));
    expect(openItemsPages.length).toBeGreaterThan(0);
    for (const page of openItemsPages) {
      expect(page).toContain('As of 30 Jun 2026');
      expect(page).toMatch(/\b\d{1,2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) 20\d\d\b/);
      expect(page).not.toMatch(/\b20\d\d-\d\d-\d\d\b/);
      expect(page).not.toMatch(/\b(TRUE|FALSE)\b/);
    }
    expect(printed.map(({ page }) => page).filter((page) => page.includes('Balance list receivables')).join('')).toContain('✓');
    // Open items: landscape A4, body text at 8 pt or more, every word of every name printed whole
    const table = specs.find((s) => s.kind === 'open-items-AR')?.tables[0];
    if (!table) throw new Error('open-items-AR');
    const numbers = printed.filter(({ page }) => page.includes('Open items receivables')).map(({ number }) => number);
    const sizes = pdfinfoAvailable ? pdfPageSizes(converted.pdfPath) : [];
    for (const number of numbers) {
      expect(bodyFontSize(converted.pdfPath, number), `page ${number}`).toBeGreaterThanOrEqual(8);
      if (pdfinfoAvailable) expect(sizes[number - 1], `page ${number}`).toEqual({ width: 841.89, height: 595.304 });
    }
    const words = new Set(openItemsPages.join(' ').split(/\s+/));
    const name = table.columns.findIndex((c) => c.key === 'partyName');
    const nameWords = new Set(table.rows.flatMap((r) => String(r[name]).split(/\s+/)));
    expect(nameWords.size).toBeGreaterThan(20);
    // LibreOffice may wrap after a hyphen ("Sint-" / "Niklaas"): that is wrapping, not cutting
    for (const word of nameWords) expect(words.has(word) || word.split(/(?<=-)/).every((piece) => words.has(piece)), word).toBe(true);
    // the header row repeats on every printed page of a long sheet
    const mutationPages = printed.map(({ page }) => page).filter((page) => page.includes('Mutations'));
    expect(mutationPages.length).toBeGreaterThan(1);
    for (const page of mutationPages) expect(page).toMatch(/Ledger\s+Party\s+Name\s+Entry date/);
  });
});

if (!sofficeAvailable) console.warn('soffice (LibreOffice) is not installed: the LibreOffice checks of the demo workbook are skipped');
if (!pdftotextAvailable) console.warn('pdftotext (poppler-utils) is not installed: the printed-page checks of the demo workbook are skipped');
