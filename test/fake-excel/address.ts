// A1 addresses: `B3`, `A1:D10`, `Sheet1!A1:B2`, `'My sheet'!A:C`, `3:5` — parsed to 0-based boxes.
import { fail } from './errors';

export const MAX_ROWS = 1_048_576;
export const MAX_COLS = 16_384;

export interface Box {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

export function columnLetters(col: number): string {
  let n = col + 1;
  let text = '';
  while (n > 0) {
    const rest = (n - 1) % 26;
    text = String.fromCharCode(65 + rest) + text;
    n = Math.floor((n - 1) / 26);
  }
  return text;
}

function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

const CELL = /^\$?([A-Za-z]{1,3})?\$?(\d+)?$/;

function parsePart(part: string): { col: number | null; row: number | null } {
  const m = CELL.exec(part);
  if (!m || (m[1] === undefined && m[2] === undefined)) fail('InvalidArgument', `not an address: ${part}`);
  return { col: m[1] ? columnIndex(m[1]) : null, row: m[2] ? Number(m[2]) - 1 : null };
}

/** Parses an address (sheet prefix dropped) into a box. */
export function parseAddress(address: string): Box {
  const bang = address.lastIndexOf('!');
  const local = bang >= 0 ? address.slice(bang + 1) : address;
  const [a = '', b = a] = local.split(':');
  const p = parsePart(a);
  const q = parsePart(b);
  const row = Math.min(p.row ?? 0, q.row ?? 0);
  const col = Math.min(p.col ?? 0, q.col ?? 0);
  const lastRow = p.row === null || q.row === null ? MAX_ROWS - 1 : Math.max(p.row, q.row);
  const lastCol = p.col === null || q.col === null ? MAX_COLS - 1 : Math.max(p.col, q.col);
  return { row, col, rows: lastRow - row + 1, cols: lastCol - col + 1 };
}

export function formatBox(box: Box): string {
  const start = `${columnLetters(box.col)}${box.row + 1}`;
  if (box.rows === 1 && box.cols === 1) return start;
  return `${start}:${columnLetters(box.col + box.cols - 1)}${box.row + box.rows}`;
}

export function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

export function intersects(a: Box, b: Box): boolean {
  return a.row < b.row + b.rows && b.row < a.row + a.rows && a.col < b.col + b.cols && b.col < a.col + a.cols;
}

export function checkBox(box: Box): void {
  const ok =
    box.row >= 0 && box.col >= 0 && box.rows >= 1 && box.cols >= 1 &&
    box.row + box.rows <= MAX_ROWS && box.col + box.cols <= MAX_COLS;
  if (!ok) fail('InvalidArgument', `range outside the sheet: ${JSON.stringify(box)}`);
}
