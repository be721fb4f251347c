// The cells of a table's data rows (RowCells): each written as SpreadsheetML spells it, its
// reference from the column's letters and the row's number, its style, and its value: empty, a
// number, or a shared string (by index, first written first).
import { describe, expect, it } from 'vitest';
import { RowCells, SharedStrings } from '../../../src/xlsx/cells-xml';
import { XmlBytes } from '../../../src/xlsx/xml-bytes';

describe('RowCells', () => {
  it('writes empty, number and text cells with their reference and style, row after row', () => {
    const strings = new SharedStrings();
    const cells = new RowCells(['A', 'B', 'AA'], strings);
    const out = new XmlBytes();
    cells.row(9);
    cells.write(out, 0, 3, null);
    cells.write(out, 1, 12, -1234.5);
    cells.write(out, 2, 3, 'Acme & Co');
    cells.row(10);
    cells.write(out, 0, 12, Number.NaN);
    cells.write(out, 1, 3, 'Payment');
    cells.write(out, 2, 3, 'Acme & Co');
    expect(new TextDecoder().decode(out.take())).toBe(
      '<c r="A9" s="3"/><c r="B9" s="12"><v>-1234.5</v></c><c r="AA9" s="3" t="s"><v>0</v></c>' +
        '<c r="A10" s="12"/><c r="B10" s="3" t="s"><v>1</v></c><c r="AA10" s="3" t="s"><v>0</v></c>',
    );
    const sst = [...strings.xml()].map((chunk) => new TextDecoder().decode(chunk)).join('');
    expect(sst).toContain('count="3" uniqueCount="2"');
    expect(sst).toContain('<si><t>Acme &amp; Co</t></si><si><t>Payment</t></si>');
  });
});
