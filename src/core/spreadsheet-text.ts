// How SpreadsheetML stores text (ECMA-376 Part 1, ST_Xstring): a run "_xHHHH_" stands for the
// character U+HHHH, so text that holds such a run literally has its underscore written "_x005F_".
//   "INV_x0041_" ⇄ "INV_x005F_x0041_"    "_x000D_" read back → "\r"
// The .xlsx writer encodes with it and the .xlsx importer decodes with it; Excel and LibreOffice
// read and write the same, so a reference that happens to look like an escape comes back unchanged.

const ESCAPE = /_x([0-9A-Fa-f]{4})_/g;
const LITERAL = /_(?=x[0-9A-Fa-f]{4}_)/g;

/** Text as it goes into a workbook's <t> element (before XML escaping). */
export function encodeXstring(text: string): string {
  return text.includes('_x') ? text.replace(LITERAL, '_x005F_') : text;
}

/** Text as a workbook's <t> element holds it (after XML unescaping), as the user sees it. */
export function decodeXstring(text: string): string {
  return text.includes('_x') ? text.replace(ESCAPE, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))) : text;
}
