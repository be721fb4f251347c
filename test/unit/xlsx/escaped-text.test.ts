// Ledger text that looks like SpreadsheetML's character escape ("_x0041_" stands for "A" in a
// workbook's text) comes back from the .xlsx exactly as the ledger holds it: read by ExcelJS (which
// decodes escapes as Excel does) and by the product's own .xlsx importer.
import { describe, expect, it } from 'vitest';
import { readXlsxTable } from '../../../src/import/xlsx-table';
import type { SheetSpec } from '../../../src/sheets/spec';
import { renderXlsx } from '../../../src/xlsx/render';
import { loadXlsx } from '../../fixtures/xlsx/check';
import { unzipText } from '../../fixtures/xlsx/unzip';

const TEXTS = ['REF_x0041_', '_x000D_ kept', 'a_x20AC_b_X', 'plain text'];

function sheet(): SheetSpec {
  return {
    name: 'Texts',
    kind: 'test',
    titleLines: [],
    freezeHeader: false,
    print: { orientation: 'portrait', fitToPagesWide: 1, repeatHeaderRow: false, header: {}, footer: {} },
    tables: [
      {
        name: 'Texts',
        columns: [{ key: 'text', header: 'Description', type: 'text', numberFormat: '@', width: 30 }],
        rows: TEXTS.map((t) => [t]),
        totalsRow: false,
      },
    ],
  };
}

describe('text that looks like an _xHHHH_ escape', () => {
  it('is written with its underscore escaped, and reads back unchanged in ExcelJS and in the importer', async () => {
    const bytes = await renderXlsx([sheet()]);
    expect(unzipText(bytes).get('xl/sharedStrings.xml')).toContain('REF_x005F_x0041_');

    const ws = (await loadXlsx(bytes)).getWorksheet('Texts');
    const excel = TEXTS.map((_, i) => ws?.getRow(i + 2).getCell(1).value);
    expect(excel).toEqual(TEXTS);

    const table = await readXlsxTable('texts.xlsx', bytes);
    expect(table.headers).toEqual(['Description']);
    expect(table.rows.map((r) => r[0])).toEqual(TEXTS);
  });
});
