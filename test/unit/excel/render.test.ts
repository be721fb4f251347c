// syncSheets against the fake Excel: the workbook gets the sheets, tables, totals and print setup
// of the SheetSpecs; ledger text stays text; large sheets go in requests under 5 MB with few
// syncs; a failed re-sync keeps the previous sheet; a user's sheet of the same name is untouched;
// a re-sync keeps the tables (and formulas pointing at them) alive.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { toExcelSerial, parseIsoDate } from '../../../src/core/date';
import { syncSheets, SheetSyncError, type SyncProgress } from '../../../src/excel/render';
import { createFakeExcel, type FakeExcel, PAYLOAD_LIMIT } from '../../fake-excel';
import type { SheetSpec } from '../../../src/sheets/spec';
import { dashboardSpec, LINES, manyLines, openItemsSpec, paymentBehaviourSpec } from './specs';

let fake: FakeExcel;
beforeEach(() => {
  fake = createFakeExcel().install();
});
afterEach(() => fake.uninstall());

const serial = (iso: string): number => toExcelSerial(parseIsoDate(iso)!);

describe('syncSheets: a new open-items sheet', () => {
  it('holds the title lines, the table with its rows in major units and dates as serials, and SUBTOTAL totals', async () => {
    const [outcome] = await syncSheets([openItemsSpec(LINES.slice(0, 1))]);
    expect(outcome).toEqual({ kind: 'open-items-AR', name: 'Open items AR', action: 'created' });
    expect(fake.sheetNames()).toEqual(['Sheet1', 'Open items AR']);
    expect(fake.values('Open items AR', 'A1:A3').flat()).toEqual([
      'Acme Holding — Open items receivable',
      'As of 2024-12-31',
      'Payments known up to 2024-12-30',
    ]);
    const table = fake.tableView('OpenItems_AR');
    expect(table.address).toBe('A5:K7');
    expect(table.headers).toEqual(['Party', 'Document', 'Description', 'Due', 'Currency', 'Open', 'Open (EUR)', 'Handled', 'Note', 'Follow-up', 'Row key']);
    expect(table.rows).toEqual([
      // not handled: an empty cell (a yes is 1, shown ✓), never FALSE
      ['Brouwerij De Kroon', 'F-1001', 'Kegs', serial('2024-10-15'), 'EUR', 1210, 1210, '', '', '', 'AR·C001·F-1001·invoice'],
    ]);
    expect(table.totals).toEqual(['Total', 1, '', '', '', '', 1210, '', '', '', '']);
    expect(fake.cell('Open items AR', 'G7').formula).toBe('=SUBTOTAL(109,OpenItems_AR[[Open (EUR)]])');
  });

  it('adds up the totals row to the cent of the spec', async () => {
    await syncSheets([openItemsSpec(LINES)]);
    const totals = fake.tableView('OpenItems_AR').totals!;
    expect(totals[1]).toBe(3);
    expect(Math.round((totals[6] as number) * 100)).toBe(121_000 + 5_050 + 7_500);
  });

  it('formats each column: text as @, dates, money in each row’s currency; hides the key column', async () => {
    await syncSheets([openItemsSpec(LINES)]);
    const sheet = 'Open items AR';
    expect(fake.cell(sheet, 'A6').numberFormat).toBe('@');
    expect(fake.cell(sheet, 'D6').numberFormat).toBe('yyyy-mm-dd');
    expect(fake.cell(sheet, 'F6').numberFormat).toBe('#,##0.00;[Red]-#,##0.00');
    expect(fake.cell(sheet, 'F8')).toMatchObject({ value: 15_000, numberFormat: '#,##0;[Red]-#,##0' });
    expect(fake.sheet(sheet).hiddenColumns.has(10)).toBe(true);
    expect(fake.sheet(sheet).columnWidths.get(0)).toBeGreaterThan(fake.sheet(sheet).columnWidths.get(4)!);
    expect(fake.sheet(sheet).styles).toContainEqual({ box: { row: 0, col: 0, rows: 1, cols: 1 }, property: 'font.bold', value: true });
  });

  it('freezes the header, prints landscape one page wide with title rows, header and footer', async () => {
    await syncSheets([openItemsSpec(LINES)]);
    const sheet = fake.sheet('Open items AR');
    expect(sheet.frozenRows).toBe(5);
    expect(sheet.pageLayout).toMatchObject({
      orientation: 'Landscape',
      zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
      printTitleRows: '$5:$5',
      headersFooters: { leftHeader: 'Acme Holding', centerHeader: 'Open items receivable', rightFooter: 'Page &P of &N' },
      // Excel's "Narrow" margins: 0.25 inch left and right
      margins: { leftMargin: 18, rightMargin: 18, topMargin: 54, bottomMargin: 54, headerMargin: 21.6, footerMargin: 21.6 },
    });
    // the header row wraps, and so do the text columns (Party, Document, Description, Currency, Note), not the figures
    const wrapped = sheet.styles.filter((s) => s.property === 'format.wrapText' && s.value === true).map((s) => s.box);
    expect(wrapped).toContainEqual({ row: 4, col: 0, rows: 1, cols: 11 });
    expect(wrapped.filter((b) => b.row === 5).map((b) => b.col)).toEqual([0, 1, 2, 4, 8]);
    expect(sheet.conditionalFormats).toEqual([
      {
        box: { row: 5, col: 6, rows: 3, cols: 1 },
        type: 'CellValue',
        props: { cellValue: { rule: { formula1: '1000', operator: 'GreaterThan' }, format: { fill: { color: '#FFC7CE' }, font: { color: '#9C0006' } } } },
      },
    ]);
  });

  it('keeps ledger text as text: a party "=HYPERLINK(…)", a description "-50" and "+31…", a note "@call"', async () => {
    await syncSheets([openItemsSpec(LINES)]);
    const sheet = 'Open items AR';
    expect(fake.cell(sheet, 'A7')).toEqual({ value: '=HYPERLINK("http://evil.example","Click")', formula: null, numberFormat: '@' });
    expect(fake.cell(sheet, 'C7')).toEqual({ value: '-50', formula: null, numberFormat: '@' });
    expect(fake.cell(sheet, 'C8').value).toBe('+31 20 555 0101');
    expect(fake.cell(sheet, 'I8')).toMatchObject({ value: '@call Monday', formula: null });
  });

  it('uses only API members of ExcelApi 1.9 or lower', async () => {
    await syncSheets([openItemsSpec(LINES), dashboardSpec(), paymentBehaviourSpec()]);
    expect(fake.host.api.rejected.size).toBe(0);
    const sets = [...fake.usedMembers.values()].map((v) => Number(v.split('.')[1]));
    expect(Math.max(...sets)).toBeLessThanOrEqual(9);
  });
});

describe('syncSheets: charts, pivot tables, several tables', () => {
  it('renders the dashboard tables one below the other with a stacked chart beside them', async () => {
    await syncSheets([dashboardSpec()]);
    expect(fake.tableView('KeyFigures')).toMatchObject({ address: 'A3:C6', totals: ['Total', 1660.5, 175] });
    expect(fake.tableView('AgingSummary')).toMatchObject({ address: 'A9:B11', rows: [['0–30', 1], ['31–60', 2]], totals: null });
    const [chart] = fake.sheet('Dashboard').charts;
    expect(chart).toMatchObject({ type: 'ColumnStacked', title: 'Overdue and not yet due' });
    expect(chart!.series.map((s) => s.name)).toEqual(['Overdue', 'Not yet due']);
    expect(chart!.series[1]!.xValues).toEqual({ row: 3, col: 0, rows: 2, cols: 1 });
    expect(fake.sheet('Dashboard').conditionalFormats[0]).toMatchObject({ type: 'DataBar', props: { dataBar: { positiveFormat: { fillColor: '#638EC6' } } } });
  });

  it('redoes its own chart on a re-sync and leaves the user’s chart on the sheet alone', async () => {
    await syncSheets([dashboardSpec()]);
    await fake.Excel.run(async (ctx) => {
      const sheet = ctx.workbook.worksheets.getItem('Dashboard');
      sheet.charts.add('Pie', sheet.getRange('A9:B11'), 'Columns').name = 'My aging pie';
      await ctx.sync();
    });
    const [outcome] = await syncSheets([dashboardSpec()]);
    expect(outcome!.action).toBe('refreshed');
    const charts = fake.sheet('Dashboard').charts.filter((c) => !c.deleted).map((c) => c.name);
    expect(charts.sort()).toEqual(['My aging pie', 'Subledger chart 1']);
  });

  it('adds the pivot table of the payment behaviour, and the page breaks', async () => {
    await syncSheets([paymentBehaviourSpec()]);
    const [pivot] = fake.sheet('Payment behaviour').pivots;
    expect(pivot).toMatchObject({
      name: 'PaymentBehaviourPivot',
      sourceTable: 'PaymentBehaviour',
      rows: ['Party'],
      data: [{ name: 'Amount (EUR)', summarizeBy: 'Sum' }, { name: 'Days to pay', summarizeBy: 'Average' }],
    });
    expect(fake.sheet('Payment behaviour').pageLayout.pageBreaks).toEqual([5]);
    expect(fake.tableView('PaymentBehaviour').totals).toEqual(['Total', 29, 40.49]);
  });
});

describe('syncSheets: large sheets', () => {
  it('writes 100,000 open items in at most 15 syncs, no request over 5 MB', async () => {
    const lines = manyLines(100_000);
    const progress: SyncProgress[] = [];
    await syncSheets([openItemsSpec(lines)], { onProgress: (p) => progress.push(p) });
    expect(fake.stats.syncs).toBeLessThanOrEqual(15);
    expect(fake.stats.largestRequest).toBeLessThan(PAYLOAD_LIMIT);
    const bigRequests = fake.stats.requestBytes.filter((b) => b > 1_000_000).length;
    expect(bigRequests).toBeGreaterThan(3);
    expect(fake.stats.suspendedSyncs).toBeGreaterThanOrEqual(bigRequests);
    const table = fake.tableView('OpenItems_AR');
    expect(table.rows).toHaveLength(100_000);
    expect(table.rows[99_999]![1]).toBe('F-199999');
    expect(Math.round((table.totals![6] as number) * 100)).toBe(lines.reduce((s, l) => s + l.open, 0));
    expect(progress.at(-1)).toMatchObject({ sheet: 'Open items AR', rowsDone: 100_006, rowsTotal: 100_006 });
  });

  it('halves the chunks when Excel still refuses a request as too large', async () => {
    const lines = manyLines(30_000);
    await syncSheets([openItemsSpec(lines)], { budget: 50 * 1024 * 1024 });
    const refused = fake.stats.requestBytes.filter((b) => b > PAYLOAD_LIMIT);
    expect(refused.length).toBeGreaterThan(0);
    expect(fake.tableView('OpenItems_AR').rows).toHaveLength(30_000);
    expect(fake.tableView('OpenItems_AR').rows[29_999]![1]).toBe('F-129999');
  });
});

describe('syncSheets: managed sheets', () => {
  it('never overwrites a user’s own sheet of the same name: the report goes next to it', async () => {
    const mine = createFakeExcel({ sheets: ['Open items AR'] }).install();
    await mine.Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Open items AR').getRange('A1').values = [['my own notes']];
      await ctx.sync();
    });
    const [outcome] = await syncSheets([openItemsSpec(LINES)]);
    expect(outcome).toMatchObject({ name: 'Open items AR (2)', action: 'created', nameTakenByUserSheet: 'Open items AR' });
    expect(mine.values('Open items AR', 'A1:B2')).toEqual([['my own notes', ''], ['', '']]);
    expect(mine.tableView('OpenItems_AR').sheet).toBe('Open items AR (2)');
    const [again] = await syncSheets([openItemsSpec(LINES)]);
    expect(again).toMatchObject({ name: 'Open items AR (2)', action: 'refreshed' });
    mine.uninstall();
  });

  it('follows a managed sheet the user renamed, and makes a new one when the user deleted it', async () => {
    await syncSheets([openItemsSpec(LINES), dashboardSpec()]);
    await fake.Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Open items AR').name = 'Debiteuren';
      ctx.workbook.worksheets.getItem('Dashboard').delete();
      await ctx.sync();
    });
    const outcomes = await syncSheets([openItemsSpec(LINES), dashboardSpec()]);
    expect(outcomes.map((o) => [o.name, o.action])).toEqual([
      ['Debiteuren', 'refreshed'],
      ['Dashboard', 'created'],
    ]);
    expect(fake.sheetNames()).toEqual(['Sheet1', 'Debiteuren', 'Dashboard']);
  });

  it('refreshes the existing sheet in place, so a formula pointing at its table keeps working', async () => {
    await syncSheets([openItemsSpec(LINES.slice(0, 2))]);
    await fake.Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Sheet1').getRange('A1').formulas = [['=SUM(OpenItems_AR[Open (EUR)])']];
      await ctx.sync();
    });
    expect(fake.cell('Sheet1', 'A1').value).toBe(1260.5);
    const [grown] = await syncSheets([openItemsSpec(LINES)]);
    expect(grown!.action).toBe('refreshed');
    expect(fake.cell('Sheet1', 'A1').value).toBe(1335.5);
    expect(fake.tableView('OpenItems_AR').rows.map((r) => r[1])).toEqual(['F-1001', 'F-1002', 'F-1003']);
    await syncSheets([openItemsSpec(LINES.slice(2))]);
    expect(fake.cell('Sheet1', 'A1').value).toBe(75);
    expect(fake.tableView('OpenItems_AR')).toMatchObject({ address: 'A5:K7', totals: ['Total', 1, '', '', '', '', 75, '', '', '', ''] });
    expect(fake.sheetNames()).toEqual(['Sheet1', 'Open items AR']);
  });

  it('replaces the sheet when its layout changed, keeping its place and the table name', async () => {
    await syncSheets([openItemsSpec(LINES), dashboardSpec()]);
    const changed = openItemsSpec(LINES);
    changed.titleLines = ['Only one title line'];
    const [outcome] = await syncSheets([changed]);
    expect(outcome!.action).toBe('replaced');
    expect(fake.sheetNames()).toEqual(['Sheet1', 'Open items AR', 'Dashboard']);
    expect(fake.tableView('OpenItems_AR')).toMatchObject({ sheet: 'Open items AR', address: 'A3:K7' });
  });

  it('keeps the previous sheet intact when a sync fails midway, and says so', async () => {
    await syncSheets([openItemsSpec(LINES)]);
    const before = fake.tableView('OpenItems_AR');
    fake.failOnSync(4);
    const error = await syncSheets([openItemsSpec(manyLines(40_000))]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SheetSyncError);
    expect((error as SheetSyncError).message).toMatch(/The previous sheet "Open items AR" was kept as it was/);
    expect(fake.tableView('OpenItems_AR')).toEqual(before);
    expect(fake.sheetNames()).toEqual(['Sheet1', 'Open items AR']);
  });

  it.each([
    ['refreshed in place', (spec: SheetSpec) => spec],
    ['replaced', (spec: SheetSpec) => ({ ...spec, titleLines: ['A new title'] })],
  ])('a failure at any request of a re-sync (%s) leaves the old sheet or the new one, never a mix', async (_path, change) => {
    for (let n = 1; n <= 12; n++) {
      const run = createFakeExcel().install();
      await syncSheets([openItemsSpec(LINES.slice(0, 1))]);
      const before = run.tableView('OpenItems_AR');
      run.failOnSync(n);
      const error = await syncSheets([change(openItemsSpec(LINES))]).catch((e: unknown) => e);
      const after = run.tableView('OpenItems_AR');
      if (error === undefined || Array.isArray(error)) {
        expect(after.rows.map((r) => r[1])).toEqual(['F-1001', 'F-1002', 'F-1003']);
      } else {
        expect(after, `failure at request ${n}`).toEqual(before);
        expect((error as SheetSyncError).message).toMatch(/"Open items AR" was kept as it was|Nothing was changed|"Open items AR" may be partly updated/);
      }
      expect(run.sheetNames()).toEqual(['Sheet1', 'Open items AR']);
      run.uninstall();
    }
    fake.install();
  });

  it('says so when the swap itself failed halfway: old sheet gone, new content kept visible', async () => {
    await syncSheets([openItemsSpec(LINES)]);
    fake.failOnCommand('Worksheet.name');
    const error = (await syncSheets([{ ...openItemsSpec(LINES), titleLines: ['New title'] }]).catch((e: unknown) => e)) as SheetSyncError;
    expect(error.message).toMatch(/The previous sheet "Open items AR" was removed; the new content is in the sheet "Subledger staging"/);
    expect(fake.sheetNames()).toEqual(['Sheet1', 'Subledger staging']);
    expect(fake.sheet('Subledger staging').visibility).toBe('Visible');
  });

  it('says the sheet may be partly updated when the in-place refresh failed halfway', async () => {
    await syncSheets([openItemsSpec(LINES.slice(0, 1))]);
    fake.failOnCommand('Range.copyFrom');
    const error = (await syncSheets([openItemsSpec(LINES)]).catch((e: unknown) => e)) as SheetSyncError;
    expect(error.message).toMatch(/"Open items AR" may be partly updated; sync again/);
    expect(fake.sheetNames()).toEqual(['Sheet1', 'Open items AR']);
    await syncSheets([openItemsSpec(LINES)]);
    expect(fake.tableView('OpenItems_AR').rows.map((r) => r[1])).toEqual(['F-1001', 'F-1002', 'F-1003']);
  });

  it('stops when cancelled, leaving no staging sheet behind', async () => {
    const controller = new AbortController();
    const error = await syncSheets([openItemsSpec(manyLines(40_000))], {
      signal: controller.signal,
      onProgress: () => controller.abort(),
    }).catch((e: unknown) => e);
    expect((error as SheetSyncError).message).toMatch(/cancelled.*No sheet was added/);
    expect(fake.sheetNames()).toEqual(['Sheet1']);
  });
});
