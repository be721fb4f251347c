// The workbook and its worksheets: add/getItem/getItemOrNullObject/delete, name (31 characters,
// none of []:*?/\, unique), position, ranges by address or indexes, and each sheet's tables,
// charts, pivot tables, frozen panes, page layout and page breaks.
import { type Box, checkBox, MAX_COLS, MAX_ROWS, parseAddress } from './address';
import { ChartCollection, PivotTableCollection } from './charts';
import { type FakeContext, FakeObject } from './context';
import { fail } from './errors';
import { FreezePanes, PageBreakCollection, PageLayout } from './layout';
import type { SheetModel, WorkbookModel } from './model';
import { Range } from './range';
import { CustomXmlPartCollection, SettingCollection } from './settings';
import { TableCollection } from './table';

export class Workbook extends FakeObject<WorkbookModel> {
  protected readonly typeName = 'Workbook';
  protected readonly scalarProps = [];

  constructor(ctx: FakeContext) {
    super(ctx, 'workbook', () => ctx.host.model);
  }

  protected read(): unknown {
    return null;
  }

  get worksheets(): WorksheetCollection {
    this.touch('worksheets');
    return new WorksheetCollection(this.ctx, 'workbook.worksheets', () => this.$model());
  }

  get tables(): TableCollection {
    this.touch('tables');
    return new TableCollection(this.ctx, 'workbook.tables', () => ({ wb: this.$model(), sheet: null }));
  }

  get settings(): SettingCollection {
    this.touch('settings');
    return new SettingCollection(this.ctx, 'workbook.settings', () => this.$model());
  }

  get customXmlParts(): CustomXmlPartCollection {
    this.touch('customXmlParts');
    return new CustomXmlPartCollection(this.ctx, 'workbook.customXmlParts', () => this.$model());
  }

  get application(): Application {
    return new Application(this.ctx);
  }
}

export class Application {
  constructor(private readonly ctx: FakeContext) {}

  suspendApiCalculationUntilNextSync(): void {
    this.ctx.host.api.touch('Application.suspendApiCalculationUntilNextSync');
    this.ctx.enqueue({ path: 'application', member: 'suspendApiCalculationUntilNextSync', run: () => (this.ctx.host.calculationSuspended = true) });
  }
}

export class WorksheetCollection extends FakeObject<WorkbookModel> {
  protected readonly typeName = 'WorksheetCollection';
  protected readonly scalarProps = ['items'];

  protected read(_prop: string, wb: WorkbookModel): unknown {
    return wb.liveSheets().map((s) => new Worksheet(this.ctx, `Worksheet(${s.name})`, () => s).$prime(s));
  }

  get items(): Worksheet[] {
    return this.loaded('items');
  }

  add(name?: string): Worksheet {
    let created: SheetModel | undefined;
    this.command('add', name ?? null, (wb) => (created = wb.addSheet(name)));
    return new Worksheet(this.ctx, `workbook.worksheets.add(${name ?? ''})`, () => created ?? fail('InvalidObjectPath', 'sheet not created'));
  }

  getItem(key: string): Worksheet {
    this.touch('getItem');
    return new Worksheet(this.ctx, `workbook.worksheets.getItem(${key})`, () => this.$model().sheetByKey(key) ?? fail('ItemNotFound', `no sheet "${key}"`, 'WorksheetCollection.getItem'));
  }

  /** The active sheet: the one last activated, else the first visible one. */
  getActiveWorksheet(): Worksheet {
    this.touch('getActiveWorksheet');
    return new Worksheet(this.ctx, 'workbook.worksheets.getActiveWorksheet()', () => {
      const wb = this.$model();
      const live = wb.liveSheets();
      return live.find((s) => s.id === wb.activeSheetId) ?? live.find((s) => s.visibility === 'Visible') ?? fail('ItemNotFound', 'no visible sheet');
    });
  }

  getItemOrNullObject(key: string): Worksheet {
    this.touch('getItemOrNullObject');
    return new Worksheet(this.ctx, `workbook.worksheets.getItemOrNullObject(${key})`, () => this.$model().sheetByKey(key), true);
  }
}

export class Worksheet extends FakeObject<SheetModel> {
  protected readonly typeName = 'Worksheet';
  protected readonly scalarProps = ['name', 'id', 'position', 'visibility'];

  constructor(ctx: FakeContext, path: string, locate: () => SheetModel | null, nullable = false) {
    super(ctx, path, locate, nullable);
  }

  protected override isGone(s: SheetModel): boolean {
    return s.deleted;
  }

  protected read(prop: string, s: SheetModel): unknown {
    switch (prop) {
      case 'name':
        return s.name;
      case 'id':
        return s.id;
      case 'position':
        return s.workbook.liveSheets().indexOf(s);
      case 'visibility':
        return s.visibility;
      default:
        return fail('FakeNotImplemented', `Worksheet.${prop}`);
    }
  }

  get name(): string { return this.loaded('name'); }
  set name(value: string) {
    this.command('name', value, (s) => {
      s.workbook.checkSheetName(value, s);
      s.name = value;
    });
  }

  get id(): string { return this.loaded('id'); }
  get visibility(): string { return this.loaded('visibility'); }
  set visibility(value: string) {
    this.command('visibility.set', value, (s) => {
      if (!['Visible', 'Hidden', 'VeryHidden'].includes(value)) fail('InvalidArgument', `visibility ${value}`, 'Worksheet.visibility');
      const othersVisible = s.workbook.liveSheets().some((o) => o !== s && o.visibility === 'Visible');
      if (value !== 'Visible' && !othersVisible) fail('InvalidOperation', 'the last visible sheet cannot be hidden', 'Worksheet.visibility');
      s.visibility = value;
    });
  }

  get position(): number { return this.loaded('position'); }
  set position(value: number) {
    this.command('position', value, (s) => {
      const all = s.workbook.sheets;
      all.splice(all.indexOf(s), 1);
      const live = s.workbook.liveSheets();
      const before = live[value];
      all.splice(before ? all.indexOf(before) : all.length, 0, s);
    });
  }

  delete(): void {
    this.command('delete', null, (s) => s.workbook.deleteSheet(s));
  }

  activate(): void {
    this.command('activate', null, (s) => {
      if (s.visibility !== 'Visible') fail('InvalidOperation', 'a hidden sheet cannot be activated', 'Worksheet.activate');
      s.workbook.activeSheetId = s.id;
    });
  }

  private range(member: string, args: unknown[], box: () => Box): Range {
    this.touch(member);
    return new Range(this.ctx, `${this.path}.${member}(${args.join(',')})`, () => {
      const sheet = this.$model();
      const b = box();
      checkBox(b);
      return { sheet, box: b };
    });
  }

  getRange(address?: string): Range {
    return this.range('getRange', [address ?? ''], () =>
      address === undefined ? { row: 0, col: 0, rows: MAX_ROWS, cols: MAX_COLS } : parseAddress(address),
    );
  }

  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): Range {
    return this.range('getRangeByIndexes', [startRow, startColumn, rowCount, columnCount], () => ({
      row: startRow,
      col: startColumn,
      rows: rowCount,
      cols: columnCount,
    }));
  }

  getCell(row: number, column: number): Range {
    return this.range('getCell', [row, column], () => ({ row, col: column, rows: 1, cols: 1 }));
  }

  getUsedRange(): Range {
    this.touch('getUsedRange');
    return new Range(this.ctx, `${this.path}.getUsedRange()`, () => {
      const sheet = this.$model();
      const used = sheet.grid.usedBounds();
      return { sheet, box: { row: 0, col: 0, rows: used?.rows ?? 1, cols: used?.cols ?? 1 } };
    });
  }

  get tables(): TableCollection {
    this.touch('tables');
    return new TableCollection(this.ctx, `${this.path}.tables`, () => {
      const sheet = this.$model();
      return { wb: sheet.workbook, sheet };
    });
  }

  get charts(): ChartCollection {
    this.touch('charts');
    return new ChartCollection(this.ctx, `${this.path}.charts`, () => this.$model());
  }

  get pivotTables(): PivotTableCollection {
    this.touch('pivotTables');
    return new PivotTableCollection(this.ctx, `${this.path}.pivotTables`, () => this.$model());
  }

  get freezePanes(): FreezePanes {
    this.touch('freezePanes');
    return new FreezePanes(this.ctx, `${this.path}.freezePanes`, () => this.$model());
  }

  get pageLayout(): PageLayout {
    this.touch('pageLayout');
    return new PageLayout(this.ctx, `${this.path}.pageLayout`, () => this.$model());
  }

  get horizontalPageBreaks(): PageBreakCollection {
    this.touch('horizontalPageBreaks');
    return new PageBreakCollection(this.ctx, `${this.path}.horizontalPageBreaks`, () => this.$model());
  }
}
