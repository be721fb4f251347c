// CSV for files a person opens in a spreadsheet: quoting, and ledger text never read as a formula.
import { describe, expect, it } from 'vitest';
import { csvLine, spreadsheetText } from '../../../src/core/csv';

describe('csv', () => {
  it('quotes a field only when it holds a separator, a quote or a line break', () => {
    expect(csvLine(['C1', 'Peeters, BV', 'say "hi"', 'a;b', 'two\nlines', ''])).toBe(
      'C1,"Peeters, BV","say ""hi""","a;b","two\nlines",',
    );
  });

  it('puts a quote before text a spreadsheet would take for a formula, and only there', () => {
    expect(['=SUM(A1)', '+32 2 555', '-50', '@call', '\tx'].map(spreadsheetText)).toEqual([
      "'=SUM(A1)", "'+32 2 555", "'-50", "'@call", "'\tx",
    ]);
    expect(['Peeters BV', 'F-2024-1', 'a=b'].map(spreadsheetText)).toEqual(['Peeters BV', 'F-2024-1', 'a=b']);
  });
});
