// The workbook as a whole, in every language: valid and unique sheet and table names, headers a
// structured reference can name, localized words, ledger text kept as text, and the print setup
// (header with company, report and date; footer with payments known up to and page x of y).
import { beforeAll, describe, expect, it } from 'vitest';
import type { Ledger } from '../../../src/core/types';
import { isValidSheetName, isValidTableName } from '../../../src/sheets/names';
import { LANGS } from '../../../src/core/words';
import type { SheetSpec } from '../../../src/sheets/spec';
import { buildWorkbookSpecs, SHEET_KINDS } from '../../../src/sheets/workbook';
import { FIXTURE_RATES, fixtureLedger, fixtureOptions } from '../../fixtures/sheets/ledger';
import { sheetOf, tableOf } from '../../fixtures/sheets/readable';

let ledger: Ledger;
beforeAll(async () => {
  ledger = await fixtureLedger();
});

describe.each(LANGS)('the workbook in %s', (lang) => {
  let specs: SheetSpec[];
  beforeAll(() => {
    specs = buildWorkbookSpecs(ledger, fixtureOptions({ lang, rates: FIXTURE_RATES, confirm: { kind: 'all' } }));
  });

  it('has every sheet, with names Excel accepts, unique case-insensitively', () => {
    expect(specs.map((s) => s.kind)).toEqual(SHEET_KINDS);
    for (const spec of specs) expect(isValidSheetName(spec.name), spec.name).toBe(true);
    expect(new Set(specs.map((s) => s.name.toLowerCase())).size).toBe(specs.length);
  });

  it('has valid table names, unique in the workbook, and headers a structured reference can name', () => {
    const tables = specs.flatMap((s) => s.tables);
    for (const table of tables) {
      expect(isValidTableName(table.name), table.name).toBe(true);
      const headers = table.columns.map((c) => c.header.toLowerCase());
      expect(new Set(headers).size, table.name).toBe(headers.length);
      for (const header of headers) expect(header).not.toMatch(/[[\]#'\n]/);
      for (const row of table.rows) expect(row).toHaveLength(table.columns.length);
    }
    expect(new Set(tables.map((t) => t.name.toLowerCase())).size).toBe(tables.length);
  });

  it('keeps text that looks like a formula as text, in text columns', () => {
    const table = tableOf(sheetOf(specs, 'mutations'));
    const nameColumn = table.columns.findIndex((c) => c.key === 'partyName');
    const descriptionColumn = table.columns.findIndex((c) => c.key === 'description');
    expect(table.columns[nameColumn]).toMatchObject({ type: 'text', numberFormat: '@' });
    expect(table.rows.map((r) => r[nameColumn])).toContain('=HYPERLINK("http://x.example")');
    expect(table.rows.map((r) => r[descriptionColumn])).toEqual(expect.arrayContaining(['@import', '-discount']));
  });

  it('prints fitted to one page wide with the header row repeated, page x of y in the footer', () => {
    for (const spec of specs) {
      // party cards: each card has its header at the top of its own page, none repeats
      const oneHeader = spec.kind !== 'party-cards';
      expect(spec.freezeHeader).toBe(oneHeader);
      expect(spec.print).toMatchObject({ fitToPagesWide: 1, repeatHeaderRow: oneHeader });
      expect(spec.print.header.left).toBe('Fixture && Co');
      expect(spec.print.footer.right).toMatch(/&P.*&N/);
    }
    expect(sheetOf(specs, 'open-items-AR').print.orientation).toBe('landscape');
  });
});

describe('localized words', () => {
  it('names the sheets and headers in Dutch and French', () => {
    const nl = buildWorkbookSpecs(ledger, fixtureOptions({ lang: 'nl' }));
    const fr = buildWorkbookSpecs(ledger, fixtureOptions({ lang: 'fr' }));
    expect(nl.map((s) => s.name)).toContain('Open posten AR');
    expect(fr.map((s) => s.name)).toContain('Postes ouverts AR');
    expect(tableOf(sheetOf(nl, 'open-items-AR')).columns.map((c) => c.header).slice(0, 6)).toEqual([
      'Relatie', 'Naam', 'Document', 'Soort', 'Documentdatum', 'Vervaldatum',
    ]);
    expect(tableOf(sheetOf(fr, 'balances-AR')).columns.map((c) => c.header).slice(2, 5)).toEqual(['Solde', 'Échu', 'Non échu']);
    expect(tableOf(sheetOf(nl, 'aging-AR')).columns[2]?.header).toBe('Niet vervallen');
    expect(sheetOf(nl, 'open-items-AR').print.footer).toEqual({ left: 'Betalingen bekend tot 15-11-2024', right: 'Pagina &P van &N' });
    expect(sheetOf(fr, 'dashboard').titleLines[1]).toBe('Au 31/12/2024');
  });

  it('shows dates the way of the language and yes/no as ✓, the same on every sheet', () => {
    // The format codes a user sees in Excel's Format Cells (stored locale-independently in the file).
    const expected = { en: '[$-809]d mmm yyyy', nl: 'dd-mm-yyyy', fr: 'dd/mm/yyyy' } as const;
    for (const lang of LANGS) {
      const specs = buildWorkbookSpecs(ledger, fixtureOptions({ lang, rates: FIXTURE_RATES, confirm: { kind: 'all' } }));
      const columns = specs.flatMap((s) => s.tables.flatMap((t) => t.columns));
      const dates = new Set(columns.filter((c) => c.type === 'date').map((c) => c.numberFormat));
      expect([...dates], lang).toEqual([expected[lang]]);
      const yesNo = columns.filter((c) => c.type === 'boolean');
      expect(yesNo.map((c) => c.key).sort()).toEqual(['handled', 'handled', 'overLimit', 'overLimit']);
      for (const c of yesNo) expect(c.numberFormat).toBe('"✓";"✓";""');
    }
  });

  it('translates entry types and the totals label', () => {
    const fr = buildWorkbookSpecs(ledger, fixtureOptions({ lang: 'fr', sheets: ['mutations'] }));
    const table = tableOf(sheetOf(fr, 'mutations'));
    const types = new Set(table.rows.map((r) => r[table.columns.findIndex((c) => c.key === 'entryType')]));
    expect([...types].sort()).toEqual(['Avoir', 'Facture', 'Paiement']);
    expect(table.totalsLabel).toBe('Total');
    const nl = buildWorkbookSpecs(ledger, fixtureOptions({ lang: 'nl', sheets: ['mutations'] }));
    expect(tableOf(sheetOf(nl, 'mutations')).totalsLabel).toBe('Totaal');
  });
});

describe('choosing sheets', () => {
  it('builds only the sheets asked for; a kind without side selects both ledgers', () => {
    const specs = buildWorkbookSpecs(ledger, fixtureOptions({ sheets: ['open-items', 'turnaround'] }));
    expect(specs.map((s) => s.kind)).toEqual(['open-items-AR', 'open-items-AP', 'turnaround']);
  });

  it('gives each open item its key on its row unless asked not to (a file read by no add-in), with the same rows either way', () => {
    const keyed = buildWorkbookSpecs(ledger, fixtureOptions({ sheets: ['open-items'] }));
    const bare = buildWorkbookSpecs(ledger, fixtureOptions({ sheets: ['open-items'], rowKeys: false }));
    for (const [i, spec] of keyed.entries()) {
      const table = tableOf(spec);
      expect(table.rows.length).toBeGreaterThan(0);
      expect(table.rowKeys).toHaveLength(table.rows.length);
      expect(new Set(table.rowKeys).size).toBe(table.rows.length);
      expect(tableOf(bare[i] as SheetSpec).rows).toEqual(table.rows);
      expect(tableOf(bare[i] as SheetSpec).rowKeys).toBeUndefined();
    }
  });
});

describe('column widths', () => {
  // Headers wrap (both renderers), so a column needs room for the longest word of its header and
  // the filter button beside it, not for the whole header on one line.
  it('leave room for the longest word of every header and its filter button, in every language', () => {
    for (const lang of LANGS) {
      for (const table of buildWorkbookSpecs(ledger, fixtureOptions({ lang })).flatMap((s) => s.tables)) {
        for (const column of table.columns) {
          const longest = Math.max(...column.header.split(' ').map((word) => word.length));
          expect(column.width, `${lang} ${column.header}`).toBeGreaterThanOrEqual(longest + 2);
        }
      }
    }
  });
});
