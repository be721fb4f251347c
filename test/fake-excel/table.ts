// Tables: add(address, hasHeaders), name (unique in the workbook), style, totals row, the header,
// body and totals ranges, rows/columns, and the onChanged event that user edits raise.
import { type Box, parseAddress } from './address';
import { type FakeContext, FakeObject } from './context';
import { fail } from './errors';
import { type SheetModel, type TableChangedEvent, type TableModel, tableBox, tableHeaders, type WorkbookModel } from './model';
import { Range, type RangeTarget } from './range';

/** `workbook.tables` (scope null) or `worksheet.tables` (scope = that sheet). */
export class TableCollection extends FakeObject<{ wb: WorkbookModel; sheet: SheetModel | null }> {
  protected readonly typeName = 'TableCollection';
  protected readonly scalarProps = ['count', 'items'];

  protected read(prop: string, scope: { wb: WorkbookModel; sheet: SheetModel | null }): unknown {
    const tables = scope.wb.tables.filter((t) => !t.deleted && !t.sheet.deleted && (scope.sheet === null || t.sheet === scope.sheet));
    if (prop === 'count') return tables.length;
    return tables.map((t) => new Table(this.ctx, `Table(${t.name})`, () => t).$prime(t));
  }

  get count(): number {
    return this.loaded('count');
  }
  get items(): Table[] {
    return this.loaded('items');
  }

  add(address: string | Range, hasHeaders: boolean): Table {
    let created: TableModel | undefined;
    const where = typeof address === 'string' ? address : address.path;
    this.command('add', { address: where, hasHeaders }, (scope) => {
      const { sheet, box } = locateAddress(scope.wb, scope.sheet, address);
      if (!hasHeaders) fail('FakeNotImplemented', 'tables without headers', 'TableCollection.add');
      created = scope.wb.addTable(sheet, box);
    });
    return new Table(this.ctx, `${this.path}.add(${where})`, () => created ?? fail('InvalidObjectPath', 'table not created'));
  }

  getItem(key: string): Table {
    this.touch('getItem');
    return new Table(this.ctx, `${this.path}.getItem(${key})`, () => this.find(key) ?? fail('ItemNotFound', `no table ${key}`, 'TableCollection.getItem'));
  }

  getItemOrNullObject(key: string): Table {
    this.touch('getItemOrNullObject');
    return new Table(this.ctx, `${this.path}.getItemOrNullObject(${key})`, () => this.find(key), true);
  }

  private find(key: string): TableModel | null {
    const scope = this.$model();
    const t = scope.wb.tableByName(key) ?? scope.wb.tables.find((x) => !x.deleted && x.id === key) ?? null;
    return t && (scope.sheet === null || t.sheet === scope.sheet) ? t : null;
  }
}

function locateAddress(wb: WorkbookModel, sheet: SheetModel | null, address: string | Range): RangeTarget {
  if (typeof address !== 'string') return address.$model();
  const bang = address.lastIndexOf('!');
  const sheetName = bang >= 0 ? address.slice(0, bang).replace(/^'|'$/g, '').replace(/''/g, "'") : null;
  const target = sheetName !== null ? wb.sheetByKey(sheetName) : sheet;
  if (!target) fail('InvalidArgument', `no sheet for address ${address}`, 'TableCollection.add');
  return { sheet: target, box: parseAddress(address) };
}

export class Table extends FakeObject<TableModel> {
  protected readonly typeName = 'Table';
  protected readonly scalarProps = ['name', 'id', 'style', 'showTotals', 'showHeaders'];

  constructor(ctx: FakeContext, path: string, locate: () => TableModel | null, nullable = false) {
    super(ctx, path, locate, nullable);
  }

  protected override isGone(t: TableModel): boolean {
    return t.deleted;
  }

  protected read(prop: string, t: TableModel): unknown {
    switch (prop) {
      case 'name':
        return t.name;
      case 'id':
        return t.id;
      case 'style':
        return t.style;
      case 'showTotals':
        return t.showTotals;
      case 'showHeaders':
        return true;
      default:
        return fail('FakeNotImplemented', `Table.${prop}`);
    }
  }

  get name(): string { return this.loaded('name'); }
  set name(value: string) {
    this.command('name', value, (t) => t.sheet.workbook.renameTable(t, value));
  }

  get id(): string { return this.loaded('id'); }
  get style(): string { return this.loaded('style'); }
  set style(value: string) {
    this.command('style', value, (t) => (t.style = value));
  }

  get showTotals(): boolean { return this.loaded('showTotals'); }
  set showTotals(value: boolean) {
    this.command('showTotals', value, (t) => setTotals(t, value));
  }

  delete(): void {
    this.command('delete', null, (t) => t.sheet.workbook.deleteTable(t));
  }

  private range(member: string, box: (t: TableModel) => Box): Range {
    this.touch(member);
    return new Range(this.ctx, `${this.path}.${member}()`, () => {
      const t = this.$model();
      return { sheet: t.sheet, box: box(t) };
    });
  }

  getRange(): Range {
    return this.range('getRange', tableBox);
  }
  getHeaderRowRange(): Range {
    return this.range('getHeaderRowRange', (t) => ({ row: t.row, col: t.col, rows: 1, cols: t.cols }));
  }
  getDataBodyRange(): Range {
    return this.range('getDataBodyRange', (t) => ({ row: t.row + 1, col: t.col, rows: t.bodyRows, cols: t.cols }));
  }
  getTotalRowRange(): Range {
    return this.range('getTotalRowRange', (t) => {
      if (!t.showTotals) fail('InvalidOperation', `table ${t.name} has no totals row`, 'Table.getTotalRowRange');
      return { row: t.row + 1 + t.bodyRows, col: t.col, rows: 1, cols: t.cols };
    });
  }

  get rows(): TableRowCollection {
    this.touch('rows');
    return new TableRowCollection(this.ctx, `${this.path}.rows`, () => this.$model());
  }

  get columns(): TableColumnCollection {
    this.touch('columns');
    return new TableColumnCollection(this.ctx, `${this.path}.columns`, () => this.$model());
  }

  resize(newRange: string | Range): void {
    this.command('resize', typeof newRange === 'string' ? newRange : newRange.path, () => fail('FakeNotImplemented', 'Table.resize'));
  }

  get onChanged(): { add(handler: (e: TableChangedEvent) => Promise<unknown> | void): { remove(): void; context: FakeContext } } {
    this.touch('onChanged');
    return {
      add: (handler) => {
        this.command('onChanged.add', null, (t) => t.changedHandlers.push(handler));
        return {
          context: this.ctx,
          remove: () => this.command('onChanged.remove', null, (t) => t.changedHandlers.splice(t.changedHandlers.indexOf(handler), 1)),
        };
      },
    };
  }
}

/** Turning totals on takes the row below the body: it must be empty, as the fake insists. */
function setTotals(t: TableModel, on: boolean): void {
  const r = t.row + 1 + t.bodyRows;
  if (on === t.showTotals) return;
  if (!on) {
    for (let c = 0; c < t.cols; c++) t.sheet.grid.clear(r, t.col + c);
    t.showTotals = false;
    return;
  }
  for (let c = 0; c < t.cols; c++) {
    if (!t.sheet.grid.isEmpty(r, t.col + c)) fail('InvalidOperation', `the totals row of ${t.name} would overwrite cells`, 'Table.showTotals');
  }
  for (const other of t.sheet.tables()) {
    if (other !== t && other.row === r) fail('InvalidOperation', `the totals row of ${t.name} would overlap ${other.name}`, 'Table.showTotals');
  }
  t.showTotals = true;
  const last = tableHeaders(t)[t.cols - 1] ?? '';
  t.sheet.grid.writeValue(r, t.col, 'Total');
  t.sheet.grid.writeFormula(r, t.col + t.cols - 1, `=SUBTOTAL(109,[${last}])`);
}

export class TableRowCollection extends FakeObject<TableModel> {
  protected readonly typeName = 'TableRowCollection';
  protected readonly scalarProps = ['count'];

  protected read(_prop: string, t: TableModel): unknown {
    return t.bodyRows;
  }

  get count(): number {
    return this.loaded('count');
  }

  deleteRows(rows: unknown): void {
    this.command('deleteRows', rows, () => fail('FakeNotImplemented', 'TableRowCollection.deleteRows'));
  }
}

export class TableColumnCollection extends FakeObject<TableModel> {
  protected readonly typeName = 'TableColumnCollection';
  protected readonly scalarProps = ['count', 'items'];

  protected read(prop: string, t: TableModel): unknown {
    if (prop === 'count') return t.cols;
    return Array.from({ length: t.cols }, (_, i) => this.column(i).$prime({ table: t, index: i }));
  }

  get count(): number {
    return this.loaded('count');
  }
  get items(): TableColumn[] {
    return this.loaded('items');
  }

  getItemAt(index: number): TableColumn {
    this.touch('getItemAt');
    return this.column(index);
  }

  private column(index: number): TableColumn {
    return new TableColumn(this.ctx, `${this.path}.getItemAt(${index})`, () => {
      const t = this.$model();
      if (index < 0 || index >= t.cols) fail('ItemNotFound', `table ${t.name} has no column ${index}`, 'TableColumnCollection.getItemAt');
      return { table: t, index };
    });
  }
}

interface ColumnModel {
  table: TableModel;
  index: number;
}

export class TableColumn extends FakeObject<ColumnModel> {
  protected readonly typeName = 'TableColumn';
  protected readonly scalarProps = ['name', 'index'];

  protected read(prop: string, m: ColumnModel): unknown {
    return prop === 'index' ? m.index : tableHeaders(m.table)[m.index];
  }

  get name(): string {
    return this.loaded('name');
  }

  private range(member: string, rowOf: (t: TableModel) => number): Range {
    this.touch(member);
    return new Range(this.ctx, `${this.path}.${member}()`, () => {
      const { table: t, index } = this.$model();
      const rows = member === 'getDataBodyRange' ? t.bodyRows : 1;
      return { sheet: t.sheet, box: { row: rowOf(t), col: t.col + index, rows, cols: 1 } };
    });
  }

  getDataBodyRange(): Range {
    return this.range('getDataBodyRange', (t) => t.row + 1);
  }

  getTotalRowRange(): Range {
    return this.range('getTotalRowRange', (t) => {
      if (!t.showTotals) fail('InvalidOperation', `table ${t.name} has no totals row`, 'TableColumn.getTotalRowRange');
      return t.row + 1 + t.bodyRows;
    });
  }
}
