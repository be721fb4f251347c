// The state of the fake workbook: sheets with their cells, tables, charts, pivot tables,
// conditional formats and page setup; settings and custom XML parts. The proxies of the API
// (workbook.ts, range.ts, table.ts, …) change this state only when a request is synced.
import { type Box, intersects } from './address';
import { fail } from './errors';
import { Grid, type Scalar } from './grid';

export interface TableModel {
  id: string;
  name: string;
  sheet: SheetModel;
  /** Header row and first column (0-based) and size. */
  row: number;
  col: number;
  cols: number;
  bodyRows: number;
  showTotals: boolean;
  style: string;
  deleted: boolean;
  changedHandlers: ((event: TableChangedEvent) => Promise<unknown> | void)[];
}

export interface TableChangedEvent {
  type: 'TableChanged';
  tableId: string;
  worksheetId: string;
  address: string;
  changeType: 'RangeEdited';
  source: 'Local' | 'Remote';
}

export interface ChartModel {
  name: string;
  type: string;
  title: string;
  seriesBy: string;
  source: Box;
  series: { name: string; values: Box | null; xValues: Box | null }[];
  deleted: boolean;
}

export interface PivotModel {
  name: string;
  sourceTable: string | null;
  destination: Box;
  rows: string[];
  data: { name: string; summarizeBy: string }[];
  deleted: boolean;
}

export interface ConditionalFormatModel {
  box: Box;
  type: string;
  props: Record<string, unknown>;
}

export interface PageLayoutModel {
  orientation: string;
  zoom: { scale?: number | null; horizontalFitToPages?: number | null; verticalFitToPages?: number | null };
  printTitleRows: string | null;
  headersFooters: Record<string, string>;
  pageBreaks: number[];
  /** leftMargin, rightMargin, topMargin, bottomMargin, headerMargin, footerMargin in points (Excel's defaults). */
  margins: Record<string, number>;
}

export interface StyleModel {
  box: Box;
  property: string;
  value: unknown;
}

export class SheetModel {
  readonly grid = new Grid();
  readonly columnWidths = new Map<number, number>();
  readonly hiddenColumns = new Set<number>();
  readonly styles: StyleModel[] = [];
  readonly charts: ChartModel[] = [];
  readonly pivots: PivotModel[] = [];
  readonly conditionalFormats: ConditionalFormatModel[] = [];
  readonly pageLayout: PageLayoutModel = {
    orientation: 'Portrait',
    zoom: { scale: 100 },
    printTitleRows: null,
    headersFooters: {},
    pageBreaks: [],
    margins: { leftMargin: 50.4, rightMargin: 50.4, topMargin: 54, bottomMargin: 54, headerMargin: 21.6, footerMargin: 21.6 },
  };
  frozenRows = 0;
  visibility = 'Visible';
  deleted = false;

  constructor(
    readonly workbook: WorkbookModel,
    readonly id: string,
    public name: string,
  ) {}

  tables(): TableModel[] {
    return this.workbook.tables.filter((t) => t.sheet === this && !t.deleted);
  }

  /** Inserts whole rows: tables that contain the row grow, those below move down. */
  insertRows(at: number, count: number): void {
    this.grid.insertRows(at, count);
    for (const t of this.tables()) {
      const end = t.row + 1 + t.bodyRows + (t.showTotals ? 1 : 0);
      if (t.row >= at) t.row += count;
      else if (at < end) t.bodyRows += count;
    }
    for (const cf of this.conditionalFormats) shiftBox(cf.box, at, count);
    this.pageLayout.pageBreaks = this.pageLayout.pageBreaks.map((r) => (r >= at ? r + count : r));
  }

  /** Deletes whole rows; a table loses body rows, or goes when all its rows go. */
  deleteRows(at: number, count: number): void {
    const last = at + count;
    for (const t of this.tables()) {
      const end = t.row + 1 + t.bodyRows + (t.showTotals ? 1 : 0);
      if (last <= t.row) t.row -= count;
      else if (at <= t.row && last >= end) this.workbook.deleteTable(t);
      else if (at > t.row && last <= t.row + 1 + t.bodyRows) {
        if (count >= t.bodyRows) fail('FakeNotImplemented', 'deleting every body row of a table', 'Range.delete');
        t.bodyRows -= count;
      } else if (at < end) fail('InvalidOperation', `this would delete part of the header or totals of table ${t.name}`, 'Range.delete');
    }
    this.grid.deleteRows(at, count);
    this.pageLayout.pageBreaks = this.pageLayout.pageBreaks.filter((r) => r < at || r >= last).map((r) => (r >= last ? r - count : r));
  }
}

function shiftBox(box: Box, at: number, count: number): void {
  if (box.row >= at) box.row += count;
  else if (at < box.row + box.rows) box.rows += count;
}

export function tableBox(t: TableModel): Box {
  return { row: t.row, col: t.col, rows: 1 + t.bodyRows + (t.showTotals ? 1 : 0), cols: t.cols };
}

export function tableHeaders(t: TableModel): string[] {
  return Array.from({ length: t.cols }, (_, i) => String(t.sheet.grid.constant(t.row, t.col + i)));
}

const SHEET_NAME_FORBIDDEN = /[[\]:*?/\\]/;
const TABLE_NAME = /^[A-Za-z_\\][A-Za-z0-9_.\\]*$/;
const CELL_LIKE = /^([A-Za-z]{1,3}\d+|[Rr]\d*[Cc]\d*|[RrCc])$/;

export class WorkbookModel {
  readonly sheets: SheetModel[] = [];
  readonly tables: TableModel[] = [];
  readonly settings = new Map<string, unknown>();
  readonly customXmlParts: { id: string; namespaceUri: string; xml: string; deleted: boolean }[] = [];
  activeSheetId: string | null = null;
  private nextId = 1;

  newId(prefix: string): string {
    return `{${prefix}-${String(this.nextId++).padStart(8, '0')}}`;
  }

  liveSheets(): SheetModel[] {
    return this.sheets.filter((s) => !s.deleted);
  }

  sheetByKey(key: string): SheetModel | null {
    const lower = key.toLowerCase();
    return this.liveSheets().find((s) => s.id === key || s.name.toLowerCase() === lower) ?? null;
  }

  checkSheetName(name: string, except?: SheetModel): void {
    if (name.length === 0 || name.length > 31) fail('InvalidArgument', `sheet name must have 1 to 31 characters: "${name}"`);
    if (SHEET_NAME_FORBIDDEN.test(name)) fail('InvalidArgument', `sheet name may not contain []:*?/\\ : "${name}"`);
    if (name.startsWith("'") || name.endsWith("'")) fail('InvalidArgument', `sheet name may not begin or end with ': "${name}"`);
    if (name.toLowerCase() === 'history') fail('InvalidArgument', 'History is a reserved sheet name');
    const other = this.sheetByKey(name);
    if (other && other !== except) fail('ItemAlreadyExists', `a sheet named "${name}" already exists`);
  }

  addSheet(name?: string): SheetModel {
    let chosen = name;
    if (chosen === undefined) {
      let n = this.liveSheets().length + 1;
      while (this.sheetByKey(`Sheet${n}`)) n++;
      chosen = `Sheet${n}`;
    }
    this.checkSheetName(chosen);
    const sheet = new SheetModel(this, this.newId('sheet'), chosen);
    this.sheets.push(sheet);
    return sheet;
  }

  deleteSheet(sheet: SheetModel): void {
    const visible = this.liveSheets().filter((s) => s.visibility === 'Visible');
    if (sheet.visibility === 'Visible' && visible.length <= 1) {
      fail('InvalidOperation', 'a workbook must keep at least one visible sheet', 'Worksheet.delete');
    }
    for (const t of sheet.tables()) this.deleteTable(t);
    for (const p of sheet.pivots) p.deleted = true;
    sheet.deleted = true;
    if (this.activeSheetId === sheet.id) this.activeSheetId = null;
  }

  tableByName(name: string): TableModel | null {
    const lower = name.toLowerCase();
    return this.tables.find((t) => !t.deleted && t.name.toLowerCase() === lower) ?? null;
  }

  checkTableName(name: string, except?: TableModel): void {
    if (!TABLE_NAME.test(name) || CELL_LIKE.test(name) || name.length > 255) {
      fail('InvalidArgument', `not a valid table name: "${name}"`, 'Table.name');
    }
    const other = this.tableByName(name);
    const pivot = this.liveSheets().some((s) => s.pivots.some((p) => !p.deleted && p.name.toLowerCase() === name.toLowerCase()));
    if ((other && other !== except) || pivot) fail('ItemAlreadyExists', `a table named "${name}" already exists`, 'Table.name');
  }

  addTable(sheet: SheetModel, box: Box): TableModel {
    for (const t of sheet.tables()) {
      if (intersects(tableBox(t), box)) fail('InvalidOperation', `the range overlaps table ${t.name}`, 'TableCollection.add');
    }
    let n = this.tables.length + 1;
    while (this.tableByName(`Table${n}`)) n++;
    const table: TableModel = {
      id: String(this.tables.length + 1),
      name: `Table${n}`,
      sheet,
      row: box.row,
      col: box.col,
      cols: box.cols,
      bodyRows: Math.max(1, box.rows - 1),
      showTotals: false,
      style: 'TableStyleMedium2',
      deleted: false,
      changedHandlers: [],
    };
    uniqueHeaders(sheet.grid, box);
    this.tables.push(table);
    return table;
  }

  /** Deleting a table turns every structured reference to it into #REF!, as in Excel. */
  deleteTable(table: TableModel): void {
    table.deleted = true;
    this.rewriteReferences(table.name, '#REF!');
  }

  /** Renaming a table rewrites the references to it (Excel keeps formulas pointing at it). */
  renameTable(table: TableModel, name: string): void {
    this.checkTableName(name, table);
    this.rewriteReferences(table.name, name);
    table.name = name;
  }

  private rewriteReferences(oldName: string, replacement: string): void {
    const escaped = oldName.replace(/[.\\]/g, (ch) => `\\${ch}`);
    const pattern = new RegExp(`(?<![A-Za-z0-9_.])${escaped}(\\[(?:[^\\[\\]']|'.|\\[(?:[^\\]']|'.)*\\])*\\])`, 'gi');
    for (const sheet of this.liveSheets()) {
      for (const cell of [...sheet.grid.formulaCells()]) {
        const next =
          replacement === '#REF!' ? cell.formula.replace(pattern, '#REF!') : cell.formula.replace(pattern, `${replacement}$1`);
        if (next !== cell.formula) sheet.grid.setFormulaText(cell.r, cell.c, next);
      }
    }
  }
}

function uniqueHeaders(grid: Grid, box: Box): void {
  const seen = new Set<string>();
  for (let i = 0; i < box.cols; i++) {
    let name = String(grid.constant(box.row, box.col + i)).trim() || `Column${i + 1}`;
    let n = 2;
    const base = name;
    while (seen.has(name.toLowerCase())) name = `${base}${n++}`;
    seen.add(name.toLowerCase());
    forceText(grid, box.row, box.col + i, name);
  }
}

/** Table headers are always text, whatever they look like. */
export function forceText(grid: Grid, r: number, c: number, text: string): void {
  const format = grid.numberFormat(r, c);
  grid.setNumberFormat(r, c, '@');
  grid.writeValue(r, c, text);
  grid.setNumberFormat(r, c, format);
}

export type { Scalar };
