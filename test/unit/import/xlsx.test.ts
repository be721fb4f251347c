import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { importFile } from '../../../src/import/index';
import { readTable } from '../../../src/import/tabular/tabular';
import { errors, rows } from './helpers';

async function workbook(sheetRows: unknown[][], numFmt?: { column: number; format: string }): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Openstaande posten');
  for (const r of sheetRows) ws.addRow(r);
  if (numFmt) ws.getColumn(numFmt.column).numFmt = numFmt.format;
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

const utc = (y: number, m: number, d: number): Date => new Date(Date.UTC(y, m - 1, d));

describe('XLSX exports', () => {
  it('reads a Dutch debtor sheet with real date cells, numbers and a formula-like text', async () => {
    const bytes = await workbook([
      ['Debiteurnr', 'Naam', 'Factuurnummer', 'Factuurdatum', 'Vervaldatum', 'Bedrag', 'Omschrijving'],
      ['D1', 'Café Noord', 'F-1', utc(2024, 1, 5), utc(2024, 2, 4), 1210.5, '=SUM(A1:A9)'],
      ['D1', 'Café Noord', 'F-2', utc(2024, 1, 9), utc(2024, 2, 8), 99.99, ''],
    ]);
    const result = await importFile({ name: 'debiteuren.xlsx', bytes });
    expect(errors(result)).toEqual([]);
    expect(rows(result)).toEqual([
      'AR D1 invoice F-1 2024-01-05 2024-02-04 121050 EUR',
      'AR D1 invoice F-2 2024-01-09 2024-02-08 9999 EUR',
    ]);
    expect(result.ledger?.entries[0]?.description).toBe('=SUM(A1:A9)');
    expect(result.report?.format).toBe('xlsx');
  });

  it('reads the canonical layout from a sheet and names the sheet row of an error', async () => {
    const bytes = await workbook([
      ['ledger', 'party_id', 'entry_type', 'doc_no', 'entry_date', 'amount'],
      ['AP', 'S1', 'invoice', 'A-1', '2024-03-01', 10],
      ['AP', 'S1', 'invoice', 'A-2', 'not a date', 10],
    ]);
    const result = await importFile({ name: 'ap.xlsx', bytes });
    expect(result.ledger).toBeNull();
    expect(result.issues.find((i) => i.severity === 'error')).toMatchObject({ line: 3, field: 'entry_date' });
  });

  it('skips a title row above the header', async () => {
    const bytes = await workbook([['Saldilijst crediteuren'], [], ['Leverancier', 'Factuurnummer', 'Boekdatum', 'Bedrag'], ['L1', 'A-1', utc(2024, 6, 3), 42]]);
    const result = await importFile({ name: 'crediteuren.xlsx', bytes });
    expect(rows(result)).toEqual(['AP L1 invoice A-1 2024-06-03 2024-06-03 4200 EUR']);
  });

  it('gives the task pane the header, the first rows and the layout signature', async () => {
    const bytes = await workbook([['Klant', 'Factuur', 'Datum', 'Bedrag'], ['K1', 'F1', utc(2024, 5, 1), 5]]);
    const preview = await readTable({ name: 'x.xlsx', bytes });
    expect(preview.headers).toEqual(['Klant', 'Factuur', 'Datum', 'Bedrag']);
    expect(preview.rows).toEqual([['K1', 'F1', '2024-05-01', 5]]);
    expect(preview.signature).toBe('klant|factuur|datum|bedrag');
  });

  it('refuses a damaged workbook without importing anything', async () => {
    const bytes = await workbook([['a'], ['b']]);
    const result = await importFile({ name: 'broken.xlsx', bytes: bytes.slice(0, bytes.length - 40) });
    expect(result.ledger).toBeNull();
    expect(errors(result)).toEqual(['xlsx-unreadable']);
  });
});
