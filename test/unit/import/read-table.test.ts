// "Use a table in this workbook": one Excel.run with one sync reads the table, and the same
// mapping as for any export turns its rows into entries.
import { afterEach, describe, expect, it } from 'vitest';
import { readWorkbookTable } from '../../../src/excel/read-table';
import { tableFromSheetValues } from '../../../src/import/sheet-values';
import { importTableSource } from '../../../src/import/tabular/tabular';
import { createFakeExcel, type FakeExcel } from '../../fake-excel/index';
import { errors, rows } from './helpers';

let fake: FakeExcel | null = null;
afterEach(() => fake?.uninstall());

async function sheetWithTable(values: unknown[][], formats: string[][]): Promise<FakeExcel> {
  fake = createFakeExcel().install();
  const address = `A3:D${2 + values.length}`;
  await Excel.run(async (context) => {
    const range = context.workbook.worksheets.getItem('Sheet1').getRange(address);
    range.values = values;
    range.numberFormat = formats;
    context.workbook.tables.add(`Sheet1!${address}`, true).name = 'Debiteuren';
    await context.sync();
  });
  return fake;
}

describe('a table in the open workbook', () => {
  it('is read in one sync and imported through the mapping, date cells as dates', async () => {
    const excel = await sheetWithTable(
      [['Klant', 'Factuurnr', 'Boekdatum', 'Bedrag'], ['K1', 'F-1', 45296, 121], ['K2', 'F-2', 45300, -20.5]],
      [['@', '@', '@', '@'], ['@', '@', 'dd-mm-yyyy', '#,##0.00'], ['@', '@', 'dd-mm-yyyy', '#,##0.00']],
    );
    const before = excel.stats.syncs;
    const data = await readWorkbookTable({ kind: 'table', name: 'Debiteuren' });
    expect(excel.stats.syncs - before).toBe(1);
    const table = tableFromSheetValues(data);
    expect(table.lines).toEqual([4, 5]);
    const result = await importTableSource(table, 'table', [], {});
    expect(errors(result)).toEqual([]);
    expect(rows(result)).toEqual([
      'AR K1 invoice F-1 2024-01-05 2024-01-05 12100 EUR',
      'AR K2 credit_note F-2 2024-01-09 2024-01-09 -2050 EUR',
    ]);
  });

  it('reads the used range of a sheet when there is no table', async () => {
    await sheetWithTable(
      [['Leverancier', 'Factuurnummer', 'Boekdatum', 'Bedrag'], ['L9', 'I-9', 45301, 50]],
      [['@', '@', '@', '@'], ['@', '@', 'd/m/yyyy', '0.00']],
    );
    const data = await readWorkbookTable({ kind: 'usedRange', sheet: 'Sheet1' });
    const result = await importTableSource(tableFromSheetValues(data), 'table', [], {});
    expect(rows(result)).toEqual(['AP L9 invoice I-9 2024-01-10 2024-01-10 5000 EUR']);
    expect(result.ledger?.entries[0]?.source?.line).toBe(4);
  });

  it('names the sheet row of a bad value', async () => {
    await sheetWithTable(
      [['Klant', 'Factuurnr', 'Boekdatum', 'Bedrag'], ['K1', 'F-1', 'gisteren', 121]],
      [['@', '@', '@', '@'], ['@', '@', '@', 'General']],
    );
    const result = await importTableSource(tableFromSheetValues(await readWorkbookTable({ kind: 'table', name: 'Debiteuren' })), 'table', [], {});
    expect(result.ledger).toBeNull();
    expect(result.issues[0]).toMatchObject({ code: 'bad-date', file: 'Debiteuren', line: 4, field: 'Boekdatum' });
  });
});
