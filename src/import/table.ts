// A table read from any tabular source (CSV, XLSX sheet, workbook range) as plain data: the
// header, the rows of cells and the line (or sheet row) each came from.
//   cells are text, or numbers from a spreadsheet; a spreadsheet date arrives as `YYYY-MM-DD`.

export type Cell = string | number;

export interface Table {
  /** The file (or sheet) name, for messages. */
  file: string;
  headers: string[];
  rows: Cell[][];
  /** The line (CSV) or row number (sheet) of each row, for messages. */
  lines: number[];
}

/** A number from a spreadsheet as canonical decimal text, without binary-fraction noise. */
export function numberToDecimalText(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  const clean = Number(n.toPrecision(15));
  if (Math.abs(clean) < 1e-6 && clean !== 0) return clean.toFixed(12).replace(/0+$/, '');
  if (Math.abs(clean) >= 1e21) return clean.toLocaleString('en-US', { useGrouping: false });
  return String(clean);
}

/** A cell as trimmed text (numbers as canonical decimal text). */
export function cellText(cell: Cell | undefined): string {
  if (cell === undefined) return '';
  return typeof cell === 'number' ? numberToDecimalText(cell) : cell.trim();
}

/** True when every cell of the row is empty. */
export function isBlankRow(row: readonly Cell[]): boolean {
  return row.every((c) => cellText(c) === '');
}

function filledCells(row: readonly Cell[]): number {
  return row.filter((c) => cellText(c) !== '').length;
}

/**
 * Exports often open with a title (`Openstaande posten per 31-12-2024`) above the real header:
 * the header is the first of the top rows filled at least half as wide as the widest of them.
 */
export function withHeaderRow(table: Table): Table {
  const top = [table.headers, ...table.rows.slice(0, 10)];
  const widest = Math.max(...top.map(filledCells));
  const at = top.findIndex((row) => filledCells(row) >= Math.max(2, Math.ceil(widest / 2)));
  if (at <= 0) return table;
  return {
    ...table,
    headers: (table.rows[at - 1] ?? []).map((c) => cellText(c)),
    rows: table.rows.slice(at),
    lines: table.lines.slice(at),
  };
}
