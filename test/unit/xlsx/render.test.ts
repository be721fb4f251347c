// The .xlsx of the fixture ledger's workbook, read back: it holds every sheet, table, value,
// number format, frozen pane, print setting and header/footer of its SheetSpecs; dates are the
// right calendar day; formula-looking ledger text is text; party cards break pages per party.
import { beforeAll, describe, expect, it } from 'vitest';
import type { SheetSpec } from '../../../src/sheets/spec';
import { buildWorkbookSpecs, workbookSheets } from '../../../src/sheets/workbook';
import { renderXlsx } from '../../../src/xlsx/render';
import { day, fixtureLedger, fixtureOptions } from '../../fixtures/sheets/ledger';
import { conditionalFormatsOf, expectXlsxHolds, loadXlsx } from '../../fixtures/xlsx/check';
import { unzipText } from '../../fixtures/xlsx/unzip';

let specs: SheetSpec[];
let bytes: Uint8Array;
beforeAll(async () => {
  specs = buildWorkbookSpecs(await fixtureLedger(), fixtureOptions());
  bytes = await renderXlsx(specs);
});

function sheetXml(name: string): string {
  const index = specs.findIndex((s) => s.name === name);
  return unzipText(bytes).get(`xl/worksheets/sheet${index + 1}.xml`) ?? '';
}

describe('renderXlsx of the fixture workbook', () => {
  it('holds every sheet, table, value, number format and print setting of its SheetSpecs', async () => {
    await expectXlsxHolds(bytes, specs);
  });

  it('writes the open items as a table with a SUBTOTAL totals row under the data', async () => {
    const ws = (await loadXlsx(bytes)).getWorksheet('Open items AR');
    expect(ws?.getRow(5).getCell(1).value).toBe('Party');
    expect(ws?.getRow(6).getCell(11).value).toBe(710);
    expect(ws?.getRow(11).getCell(1).value).toBe('Total');
    expect(ws?.getRow(11).getCell(12).value).toMatchObject({ formula: 'SUBTOTAL(109,OpenItems_AR[Open (EUR)])' });
    expect(ws?.getRow(11).getCell(3).value).toMatchObject({ formula: 'SUBTOTAL(103,OpenItems_AR[Document])' });
  });

  it('writes a date as the whole serial of its calendar day, formatted the English way (1 Oct 2024)', async () => {
    // I1's doc date 2024-10-01 is serial 45566 in Excel's 1900 date system.
    expect(sheetXml('Open items AR')).toMatch(/<c r="E6" s="\d+"><v>45566<\/v><\/c>/);
    expect((await loadXlsx(bytes)).getWorksheet('Open items AR')?.getCell('E6').numFmt).toBe('[$-809]d mmm yyyy');
  });

  it('writes Over limit as 1 shown ✓ for C1 and an empty cell for C3: no TRUE/FALSE anywhere', async () => {
    const ws = (await loadXlsx(bytes)).getWorksheet('Balances AR');
    if (!ws) throw new Error('no Balances AR');
    const header = ws.getRow(5).values as unknown[];
    const col = header.indexOf('Over limit');
    const byParty = new Map<unknown, { value: unknown; numFmt: string }>();
    for (const r of [6, 7, 8]) byParty.set(ws.getRow(r).getCell(1).value, { value: ws.getRow(r).getCell(col).value, numFmt: ws.getRow(r).getCell(col).numFmt });
    expect(byParty.get('C1')).toEqual({ value: 1, numFmt: '"✓";"✓";""' });
    expect(byParty.get('C3')).toEqual({ value: null, numFmt: '"✓";"✓";""' });
    for (const xml of unzipText(bytes).values()) expect(xml).not.toMatch(/t="b"/);
  });

  it('gives a JPY amount no decimals and a USD amount two, in the same column', async () => {
    const ws = (await loadXlsx(bytes)).getWorksheet('Open items AR');
    expect([ws?.getCell('I9').value, ws?.getCell('K9').value, ws?.getCell('K9').numFmt]).toEqual(['USD', 100, '#,##0.00;[Red]-#,##0.00']);
    expect([ws?.getCell('I10').value, ws?.getCell('K10').value, ws?.getCell('K10').numFmt]).toEqual(['JPY', 10000, '#,##0;[Red]-#,##0']);
  });

  it('keeps ledger text that starts with = + - @ as text: a shared string, never a formula', () => {
    const parts = unzipText(bytes);
    const strings = [...(parts.get('xl/sharedStrings.xml') ?? '').matchAll(/<si><t[^>]*>([^<]*)<\/t><\/si>/g)].map((m) => m[1]);
    const index = strings.indexOf('=HYPERLINK(&quot;http://x.example&quot;)');
    expect(index).toBeGreaterThanOrEqual(0);
    const xml = sheetXml('Mutations');
    expect(xml).toContain(`<c r="C11" s="`);
    expect(xml).toMatch(new RegExp(`<c r="C11" s="\\d+" t="s"><v>${index}</v></c>`));
    for (const text of ['+Plus BV', '@import', '-discount']) expect(strings).toContain(text);
    expect(xml).not.toMatch(/<f>[^S]/);
  });

  it('puts the header and footer texts in the page setup, with && for a literal ampersand', async () => {
    const ws = (await loadXlsx(bytes)).getWorksheet('Open items AR');
    expect(ws?.headerFooter.oddHeader).toBe('&LFixture && Co&COpen items receivables&RAs of 31 Dec 2024');
    expect(ws?.headerFooter.oddFooter).toBe('&LPayments known up to 15 Nov 2024&RPage &P of &N');
  });

  it('writes a card per party: its heading above it, a closing balance under it, a page break before it', async () => {
    // C1: heading 5, header 6, rows 7-12, closing balance 13, blank 14; C2: heading 15 … 20, 21;
    // C3: heading 22 … 26, 27; S1: heading 28 (AR before AP). A break below row 14 starts C2's page.
    expect([...sheetXml('Party cards').matchAll(/<brk id="(\d+)" max="16383" man="1"\/>/g)].map((m) => Number(m[1]))).toEqual([14, 21, 27]);
    const ws = (await loadXlsx(bytes)).getWorksheet('Party cards');
    if (!ws) throw new Error('no Party cards');
    expect([5, 15, 22, 28].map((r) => ws.getCell(`A${r}`).text)).toEqual([
      'Customer C1 — Alpha NV · EUR',
      'Customer C2 — =HYPERLINK("http://x.example") · EUR, USD',
      'Customer C3 — +Plus BV · JPY',
      'Supplier S1 — Supplier & Sons · EUR',
    ]);
    expect(ws.getCell('A13').value).toBe('Closing balance');
    expect(ws.getCell('G13').value).toMatchObject({ formula: 'SUBTOTAL(109,Card_AR_C1[Amount (EUR)])' });
    expect(ws.getCell('H13').value ?? null).toBeNull();
  });

  it('shows the dashboard charts as data bars on the charted columns', async () => {
    const ws = (await loadXlsx(bytes)).getWorksheet('Dashboard');
    if (!ws) throw new Error('no Dashboard');
    const bars = conditionalFormatsOf(ws).filter((cf) => cf.rules.some((r) => r.type === 'dataBar')).map((cf) => cf.ref);
    expect(bars).toEqual(['B6:B7', 'C6:C7', 'B10:B15', 'C10:C15']);
  });
});

describe('renderXlsx of text longer than its column', () => {
  it('wraps text (not figures), and makes the row as high as the lines it takes', async () => {
    const [spec] = buildWorkbookSpecs(await fixtureLedger(), fixtureOptions({ sheets: ['open-items-AR'] }));
    const table = spec?.tables[0];
    if (!spec || !table) throw new Error('no open items');
    const name = table.columns.findIndex((c) => c.key === 'partyName');
    expect(table.columns[name]?.width).toBe(20);
    table.rows[0]![name] = 'Boulangerie de Verviers SA'; // 26 characters: two lines of a 20 wide column
    table.rows[1]![name] = 'Imprimerie Renard et Fils de Liège Société Anonyme'; // three lines
    const ws = (await loadXlsx(await renderXlsx([spec]))).getWorksheet('Open items AR');
    if (!ws) throw new Error('no sheet');
    // row 8: '=HYPERLINK("http://x.example")' takes two lines; row 10: "+Plus BV" one (Excel's default height)
    expect([6, 7, 8, 10].map((r) => ws.getRow(r).height)).toEqual([30, 45, 30, undefined]);
    expect(ws.getCell('B10').value).toBe('+Plus BV');
    expect(ws.getCell('B6').alignment).toMatchObject({ wrapText: true });
    expect(ws.getCell('K6').alignment?.wrapText).toBeUndefined();
    // the header wraps too: "Days overdue" and "Open amount" take two lines
    expect(ws.getCell('G5').alignment).toMatchObject({ wrapText: true });
    expect(ws.getRow(5).height).toBe(30);
    // Excel's "Narrow" margins, in inches
    expect(ws.pageSetup.margins).toEqual({ left: 0.25, right: 0.25, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 });
  });
});

describe('renderXlsx of empty reports', () => {
  it('still writes every table, with one empty data row above its totals row', async () => {
    const empty = buildWorkbookSpecs(await fixtureLedger(), fixtureOptions({
      period: { from: day('2023-01-01'), to: day('2023-12-31') },
      sheets: ['mutations', 'party-cards', 'payment-behaviour'],
    }));
    expect(empty.map((s) => s.tables[0]?.rows.length)).toEqual([0, 0, 0]);
    const out = await renderXlsx(empty);
    await expectXlsxHolds(out, empty);
    const ws = (await loadXlsx(out)).getWorksheet('Mutations');
    expect(ws?.getCell('A6').value ?? null).toBeNull();
    expect(ws?.getCell('A7').value).toBe('Total');
    expect(ws?.getCell('K7').value).toMatchObject({ formula: 'SUBTOTAL(109,Mutations[Amount (EUR)])' });
  });
});

describe('renderXlsx of a very long description', () => {
  it('cuts it to the 32,767 characters a cell can hold', async () => {
    const long = buildWorkbookSpecs(await fixtureLedger(), fixtureOptions({ sheets: ['mutations'] }));
    const table = long[0]?.tables[0];
    const row = table?.rows[0];
    if (!row) throw new Error('no row');
    row[12] = `=${'x'.repeat(40_000)}`;
    const ws = (await loadXlsx(await renderXlsx(long))).getWorksheet('Mutations');
    expect(ws?.getCell('M6').text).toHaveLength(32_767);
    expect(ws?.getCell('M6').text.startsWith('=x')).toBe(true);
  });
});

describe('renderXlsx of sheets made as they are written', () => {
  it('makes each sheet after the previous one is written, and writes the same parts as from the specs', async () => {
    const made: string[] = [];
    const makers = workbookSheets(await fixtureLedger(), fixtureOptions()).map((make) => () => {
      const spec = make();
      made.push(`made ${spec.name}`);
      return spec;
    });
    const lazy = await renderXlsx(makers, { onProgress: (_, __, sheet) => made.push(`wrote ${sheet}`) });
    expect(made).toEqual(specs.flatMap((spec) => [`made ${spec.name}`, `wrote ${spec.name}`]));
    const parts = unzipText(lazy);
    const eager = unzipText(bytes);
    expect([...parts.keys()]).toEqual([...eager.keys()]);
    for (const [name, text] of eager) if (name !== 'docProps/core.xml') expect(parts.get(name) === text, name).toBe(true);
  });
});
