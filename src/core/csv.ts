// CSV text for files a person may open in a spreadsheet: RFC 4180 fields, and a guard so that
// ledger text is never read as a formula there.
//   csvLine(['C1', 'Peeters, BV']) → 'C1,"Peeters, BV"';   spreadsheetText('=SUM(A1)') → "'=SUM(A1)"

const NEEDS_QUOTES = /[",;\r\n]/;
const LOOKS_LIKE_FORMULA = /^[=+\-@\t\r]/;

/** One CSV field, quoted (with doubled quotes) only when it must be. */
export function csvField(value: string): string {
  return NEEDS_QUOTES.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function csvLine(values: readonly string[]): string {
  return values.map(csvField).join(',');
}

/** Ledger text as a spreadsheet must show it: a leading `'` where it would start a formula. */
export function spreadsheetText(text: string): string {
  return LOOKS_LIKE_FORMULA.test(text) ? `'${text}` : text;
}
