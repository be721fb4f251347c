// XLSX workbooks into a `Table`: the first worksheet, cells as text or numbers, numbers in a date
// format as `YYYY-MM-DD` (Excel serial dates), row numbers as lines. Read from the zip directly
// (shared strings, styles, sheet XML) so the importer needs no spreadsheet library.
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { formatIsoDate, fromExcelSerial } from '../core/date';
import { checkHeader } from './header';
import { ImportAbort, importError } from './issues';
import { withHeaderRow, type Cell, type Table } from './table';
import { readZipEntry, zipEntries, ZipError, type ZipEntry } from './zip';

/** Built-in number formats that show dates (ECMA-376 §18.8.30). */
const DATE_FORMAT_IDS = new Set([14, 15, 16, 17, 22, 27, 30, 36, 45, 46, 47, 50, 57]);

function localName(name: string): string {
  return name.slice(name.indexOf(':') + 1);
}

/** Runs saxes over an XML text with open/text/close handlers on local names. */
function walkXml(xml: string, on: { open?: (name: string, attrs: Record<string, string>) => void; text?: (t: string) => void; close?: (name: string) => void }): void {
  const parser = new SaxesParser({ xmlns: false });
  parser.on('doctype', () => {
    throw new ZipError('a workbook part declares a DOCTYPE');
  });
  if (on.open) parser.on('opentag', (tag: SaxesTagPlain) => on.open?.(localName(tag.name), tag.attributes));
  if (on.text) parser.on('text', on.text);
  if (on.close) parser.on('closetag', (tag) => on.close?.(localName(tag.name)));
  parser.write(xml).close();
}

async function partText(bytes: Uint8Array, entries: Map<string, ZipEntry>, name: string): Promise<string | null> {
  const entry = entries.get(name);
  return entry ? new TextDecoder().decode(await readZipEntry(bytes, entry)) : null;
}

function sharedStrings(xml: string | null): string[] {
  const strings: string[] = [];
  if (xml === null) return strings;
  let current = '';
  let inText = false;
  let inPhonetic = false;
  walkXml(xml, {
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
      else if (name === 'si') strings.push(current);
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
function dateStyles(xml: string | null): Set<number> {
  const dates = new Set<number>();
  if (xml === null) return dates;
  const customDates = new Set<number>();
  let inCellXfs = false;
  let index = 0;
  walkXml(xml, {
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
function firstSheetPath(workbook: string, rels: string | null): string {
  let relId: string | undefined;
  walkXml(workbook, {
    open: (name, attrs) => {
      if (name === 'sheet' && relId === undefined) relId = attrs['r:id'] ?? Object.entries(attrs).find(([k]) => k.endsWith(':id'))?.[1];
    },
  });
  let target: string | undefined;
  if (rels !== null) {
    walkXml(rels, {
      open: (name, attrs) => {
        if (name === 'Relationship' && attrs.Id === relId) target = attrs.Target;
      },
    });
  }
  if (target === undefined) return 'xl/worksheets/sheet1.xml';
  return target.startsWith('/') ? target.slice(1) : `xl/${target}`;
}

function columnIndex(ref: string): number {
  let n = 0;
  for (const ch of ref) {
    const code = ch.charCodeAt(0);
    if (code < 65 || code > 90) break;
    n = n * 26 + (code - 64);
  }
  return n - 1;
}

interface SheetContext {
  strings: string[];
  dates: Set<number>;
}

function cellValue(ctx: SheetContext, type: string, style: number, raw: string): Cell {
  switch (type) {
    case 's':
      return ctx.strings[Number(raw)] ?? '';
    case 'inlineStr':
    case 'str':
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
  const day = ctx.dates.has(style) ? fromExcelSerial(n) : null;
  return day === null ? n : formatIsoDate(day);
}

/** The rows of a sheet by row number. */
function sheetRows(xml: string, ctx: SheetContext): Map<number, Cell[]> {
  const rows = new Map<number, Cell[]>();
  let rowNumber = 0;
  let cell = { column: 0, type: 'n', style: 0, raw: '' };
  let collecting = false;
  walkXml(xml, {
    open: (name, attrs) => {
      if (name === 'row') rowNumber = attrs.r ? Number(attrs.r) : rowNumber + 1;
      else if (name === 'c') {
        const prev = rows.get(rowNumber)?.length ?? 0;
        cell = { column: attrs.r ? columnIndex(attrs.r) : prev, type: attrs.t ?? 'n', style: Number(attrs.s ?? 0), raw: '' };
      } else if (name === 'v' || name === 't') collecting = true;
    },
    text: (t) => {
      if (collecting) cell.raw += t;
    },
    close: (name) => {
      if (name === 'v' || name === 't') collecting = false;
      else if (name === 'c') {
        const row = rows.get(rowNumber) ?? [];
        while (row.length < cell.column) row.push('');
        row[cell.column] = cellValue(ctx, cell.type, cell.style, cell.raw);
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
    const workbook = await partText(bytes, entries, 'xl/workbook.xml');
    if (workbook === null) throw new ZipError('it has no xl/workbook.xml (not an Excel workbook)');
    const sheetPath = firstSheetPath(workbook, await partText(bytes, entries, 'xl/_rels/workbook.xml.rels'));
    const sheet = await partText(bytes, entries, sheetPath);
    if (sheet === null) throw new ZipError(`its first sheet ${sheetPath} is missing`);
    const ctx = {
      strings: sharedStrings(await partText(bytes, entries, 'xl/sharedStrings.xml')),
      dates: dateStyles(await partText(bytes, entries, 'xl/styles.xml')),
    };
    return toTable(file, sheetRows(sheet, ctx));
  } catch (error) {
    if (error instanceof ImportAbort) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw new ImportAbort(importError('xlsx-unreadable', { file }, { reason }));
  }
}
