// The cell values the Office.js renderer hands to Excel: a text longer than a cell can hold is cut
// to 32,767 characters, as the .xlsx renderer cuts it, and stays text.
import { describe, expect, it } from 'vitest';
import { cellOf } from '../../../src/excel/sheet-layout';
import { text } from '../../../src/sheets/columns';

describe('cellOf', () => {
  it('cuts a text to the 32,767 characters an Excel cell holds', () => {
    const column = text('description', 'Description');
    const long = `=${'x'.repeat(40_000)}`;
    const cell = cellOf(column, long, [long], [column]);
    expect(typeof cell).toBe('string');
    expect((cell as string).length).toBe(32_767);
    expect((cell as string).startsWith('=x')).toBe(true);
  });
});
