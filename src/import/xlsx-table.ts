// XLSX workbooks into a `Table`: the first worksheet, cells as text or numbers, numbers in a date
// format as `YYYY-MM-DD` (Excel serial dates), row numbers as lines. Read from the zip directly
// (shared strings, styles, sheet XML) so the importer needs no spreadsheet library.
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { formatIsoDate, fromExcelSerial } from '../core/date';
import { decodeXstring } from '../core/spreadsheet-text';
import { checkHeader } from './header';
import { ImportAbort, importError } from './issues';
import { withHeaderRow, type Cell, type Table } from './table';
import { zipEntries, zipEntryChunks, ZipError, type ZipEntry } from './zip';

/** Built-in number formats that show dates (ECMA-376 §18.8.30). */
const DATE_FORMAT_IDS = new Set([14, 15, 16, 17, 22, 27, 30, 36, 45, 46, 47, 50, 57]);

function localName(name: string): string {
  return name.slice(name.indexOf(':') + 1);
}

/** A workbook part as it inflates, a chunk at a time (never whole in memory). */
type Part = AsyncIterable<Uint8Array>;

/** Runs saxes over a part as it inflates, with open/text/close handlers on local names. */
async function walkXml(xml: Part, on: { open?: (name: string, attrs: Record<string, string>) => void; text?: (t: string) => void; close?: (name: string) => void }): Promise<void> {
  const parser = new SaxesParser({ xmlns: false });
  parser.on('doctype', () => {
    throw new ZipError('a workbook part declares a DOCTYPE');
  });
  if (on.open) parser.on('opentag', (tag: SaxesTagPlain) => on.open?.(localName(tag.name), tag.attributes));
  if (on.text) parser.on('text', on.text);
  if (on.close) parser.on('closetag', (tag) => on.close?.(localName(tag.name)));
  const decoder = new TextDecoder();
  for await (const chunk of xml) parser.write(decoder.decode(chunk, { stream: true }));
  parser.write(decoder.decode()).close();
}

function part(bytes: Uint8Array, entries: Map<string, ZipEntry>, name: string): Part | null {
  const entry = entries.get(name);
  return entry ? zipEntryChunks(bytes, entry) : null;
}

/** The shared strings, or null when the workbook has no shared-strings part. */
async function sharedStrings(xml: Part | null): Promise<string[] | null> {
  if (xml === null) return null;
  const strings: string[] = [];
  let current = '';
  let inText = false;
  let inPhonetic = false;
  await walkXml(xml, {
    open: (name) => {
      if (name === 'si') current = '';
      else if (name === 't') inText = true;
      else if (name === 'rPh') inPhonetic = true;
    },
    text: (t) => {
      if (inText && !inPhonetic) current += t;
    },
    close: (name) => {
      if (name === 't') inText = false;
      else if (name === 'rPh') inPhonetic = false;
      else if (name === 'si') strings.push(decodeXstring(current));
    },
  });
  return strings;
}

/** True for a number format that shows a date (`dd-mm-yyyy`, `m/d/yy`, `[$-413]d mmmm yyyy`). */
export function isDateFormatCode(code: string): boolean {
  const bare = code.replace(/"[^"]*"|\[[^\]]*\]|\\./g, '').toLowerCase();
  return /[dy]/.test(bare) || (/m/.test(bare) && !/[hs]/.test(bare));
}

/** The style indexes (cellXfs) whose number format is a date. */
async function dateStyles(xml: Part | null): Promise<Set<number>> {
  const dates = new Set<number>();
  if (xml === null) return dates;
  const customDates = new Set<number>();
  let inCellXfs = false;
  let index = 0;
  await walkXml(xml, {
    open: (name, attrs) => {
      if (name === 'numFmt' && isDateFormatCode(attrs.formatCode ?? '')) customDates.add(Number(attrs.numFmtId));
      else if (name === 'cellXfs') inCellXfs = true;
      else if (name === 'xf' && inCellXfs) {
        const id = Number(attrs.numFmtId ?? 0);
        if (DATE_FORMAT_IDS.has(id) || customDates.has(id)) dates.add(index);
        index++;
      }
    },
    close: (name) => {
      if (name === 'cellXfs') inCellXfs = false;
    },
  });
  return dates;
}

/** The zip path of the workbook's first worksheet. */
async function firstSheetPath(workbook: Part, rels: Part | null): Promise<string> {
  let relId: string | undefined;
  await walkXml(workbook, {
    open: (name, attrs) => {
      if (name === 'sheet' && relId === undefined) relId = attrs['r:id'] ?? Object.entries(attrs).find(([k]) => k.endsWith(':id'))?.[1];
    },
  });
  let target: string | undefined;
  if (rels !== null) {
    await walkXml(rels, {
      open: (name, attrs) => {
        if (name === 'Relationship' && attrs.Id === relId) target = attrs.Target;
      },
    });
  }
  if (target === undefined) return 'xl/worksheets/sheet1.xml';
  return target.startsWith('/') ? target.slice(1) : `xl/${target}`;
}

/** The last column (XFD) and row of a worksheet, and the longest text a cell holds. */
const MAX_COLUMNS = 16_384;
const MAX_ROWS = 1_048_576;
const MAX_CELL_TEXT = 32_767;
/** Cells (with the empty ones to their left) a sheet may fill: far more than any ledger export. */
export const MAX_SHEET_CELLS = 10_000_000;

/** `AB12` → column 27 (0-based) and row 12; null when it is no reference inside a worksheet. */
function cellRef(ref: string): { column: number; row: number } | null {
  const m = /^\$?([A-Z]{1,3})\$?(\d{1,7})$/.exec(ref);
  if (!m) return null;
  let column = 0;
  for (const ch of m[1] ?? '') column = column * 26 + (ch.charCodeAt(0) - 64);
  const row = Number(m[2]);
  return column > MAX_COLUMNS || row < 1 || row > MAX_ROWS ? null : { column: column - 1, row };
}

interface SheetContext {
  file: string;
  strings: string[] | null;
  dates: Set<number>;
}

function sheetPlace(ctx: SheetContext, row?: number): { file: string; line?: number } {
  return row === undefined ? { file: ctx.file } : { file: ctx.file, line: row };
}

function sharedString(ctx: SheetContext, raw: string, ref: string, row: number): string {
  const index = Number(raw);
  const text = ctx.strings?.[index];
  if (text !== undefined) return text;
  throw new ImportAbort(importError('xlsx-shared-string', sheetPlace(ctx, row), { cell: ref, index: raw, count: ctx.strings?.length ?? 0 }));
}

function cellValue(ctx: SheetContext, cell: { type: string; style: number; raw: string; ref: string }, row: number): Cell {
  const { raw } = cell;
  switch (cell.type) {
    case 's':
      return sharedString(ctx, raw, cell.ref, row);
    case 'inlineStr':
    case 'str':
      return decodeXstring(raw);
    case 'e':
      return raw;
    case 'b':
      return raw === '1' ? 'TRUE' : 'FALSE';
    case 'd':
      return raw.slice(0, 10);
  }
  if (raw.trim() === '') return '';
  const n = Number(raw);
  if (!Number.isFinite(n)) return raw;
  const day = ctx.dates.has(cell.style) ? fromExcelSerial(n) : null;
  return day === null ? n : formatIsoDate(day);
}

/**
 * The rows of a sheet by row number. Every cell reference and row number is checked against the
 * worksheet's bounds before any row grows, and the cells a sheet fills are counted.
 */
async function sheetRows(xml: Part, ctx: SheetContext): Promise<Map<number, Cell[]>> {
  const rows = new Map<number, Cell[]>();
  let rowNumber = 0;
  let cells = 0;
  let cell = { column: 0, type: 'n', style: 0, raw: '', ref: '' };
  let collecting = false;
  await walkXml(xml, {
    open: (name, attrs) => {
      if (name === 'row') {
        rowNumber = attrs.r ? Number(attrs.r) : rowNumber + 1;
        if (!Number.isInteger(rowNumber) || rowNumber < 1 || rowNumber > MAX_ROWS) throw new ImportAbort(importError('xlsx-bad-cell-ref', sheetPlace(ctx), { cell: `row ${attrs.r ?? rowNumber}` }));
      } else if (name === 'c') {
        const prev = rows.get(rowNumber)?.length ?? 0;
        const at = attrs.r === undefined ? { column: prev, row: rowNumber } : cellRef(attrs.r);
        if (at === null || at.column >= MAX_COLUMNS) throw new ImportAbort(importError('xlsx-bad-cell-ref', sheetPlace(ctx, rowNumber), { cell: attrs.r ?? '' }));
        cell = { column: at.column, type: attrs.t ?? 'n', style: Number(attrs.s ?? 0), raw: '', ref: attrs.r ?? '' };
      } else if (name === 'v' || name === 't') collecting = true;
    },
    text: (t) => {
      if (!collecting) return;
      cell.raw += t;
      if (cell.raw.length > MAX_CELL_TEXT) throw new ImportAbort(importError('xlsx-long-cell', sheetPlace(ctx, rowNumber), { cell: cell.ref, max: MAX_CELL_TEXT }));
    },
    close: (name) => {
      if (name === 'v' || name === 't') collecting = false;
      else if (name === 'c') {
        const row = rows.get(rowNumber) ?? [];
        cells += Math.max(0, cell.column + 1 - row.length);
        if (cells > MAX_SHEET_CELLS) throw new ImportAbort(importError('xlsx-too-many-cells', sheetPlace(ctx, rowNumber), { max: MAX_SHEET_CELLS }));
        while (row.length < cell.column) row.push('');
        row[cell.column] = cellValue(ctx, cell, rowNumber);
        rows.set(rowNumber, row);
      }
    },
  });
  return rows;
}

function toTable(file: string, rows: Map<number, Cell[]>): Table {
  const ordered = [...rows.entries()].sort((a, b) => a[0] - b[0]).filter(([, r]) => r.some((c) => String(c).trim() !== ''));
  const [header, ...body] = ordered;
  const table = withHeaderRow({
    file,
    headers: header ? header[1].map((c) => String(c).trim()) : [],
    rows: body.map(([, r]) => r),
    lines: body.map(([n]) => n),
  });
  checkHeader(table);
  return table;
}

/** Reads the first worksheet of an XLSX workbook; a damaged workbook is an `xlsx-unreadable` error. */
export async function readXlsxTable(file: string, bytes: Uint8Array): Promise<Table> {
  try {
    const entries = zipEntries(bytes);
    const workbook = part(bytes, entries, 'xl/workbook.xml');
    if (workbook === null) throw new ZipError('it has no xl/workbook.xml (not an Excel workbook)');
    const sheetPath = await firstSheetPath(workbook, part(bytes, entries, 'xl/_rels/workbook.xml.rels'));
    const sheet = part(bytes, entries, sheetPath);
    if (sheet === null) throw new ZipError(`its first sheet ${sheetPath} is missing`);
    const ctx: SheetContext = {
      file,
      strings: await sharedStrings(part(bytes, entries, 'xl/sharedStrings.xml')),
      dates: await dateStyles(part(bytes, entries, 'xl/styles.xml')),
    };
    return toTable(file, await sheetRows(sheet, ctx));
  } catch (error) {
    if (error instanceof ImportAbort) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw new ImportAbort(importError('xlsx-unreadable', { file }, { reason }));
  }
}
