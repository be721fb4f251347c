// Charts (add(type, range, seriesBy), title, series) and pivot tables (ExcelApi 1.8:
// add(name, source, destination), row and data hierarchies).
import { type Box, intersects } from './address';
import { BagProxy, type Bag, PropsProxy } from './bag';
import { type FakeContext, FakeObject, type FakeResult } from './context';
import { fail } from './errors';
import { type ChartModel, type PivotModel, type SheetModel, tableBox, tableHeaders } from './model';
import type { Range } from './range';

const CHART_TYPES = [
  'ColumnClustered', 'ColumnStacked', 'ColumnStacked100', 'BarClustered', 'BarStacked', 'BarStacked100',
  'Line', 'LineMarkers', 'Pie', 'Doughnut', 'Area', 'XYScatter',
];

export class ChartCollection extends FakeObject<SheetModel> {
  protected readonly typeName = 'ChartCollection';
  protected readonly scalarProps = ['count', 'items'];

  protected read(prop: string, sheet: SheetModel): unknown {
    const charts = sheet.charts.filter((c) => !c.deleted);
    if (prop === 'count') return charts.length;
    return charts.map((c) => new Chart(this.ctx, `Chart(${c.name})`, () => c).$prime(c));
  }

  get items(): Chart[] {
    return this.loaded('items');
  }

  getItem(name: string): Chart {
    this.touch('getItem');
    return new Chart(this.ctx, `${this.path}.getItem(${name})`, () => this.$model().charts.find((c) => !c.deleted && c.name === name) ?? fail('ItemNotFound', `no chart ${name}`));
  }

  get count(): number {
    return this.loaded('count');
  }

  add(type: string, sourceData: Range, seriesBy = 'Auto'): Chart {
    let created: ChartModel | undefined;
    this.command('add', { type, source: sourceData.path, seriesBy }, (sheet) => {
      if (!CHART_TYPES.includes(type)) fail('InvalidArgument', `unknown chart type ${type}`, 'ChartCollection.add');
      const source = sourceData.$model();
      created = { name: `Chart ${sheet.charts.length + 1}`, type, title: '', seriesBy, source: { ...source.box }, series: seriesOf(source.sheet, source.box, seriesBy), deleted: false };
      sheet.charts.push(created);
    });
    return new Chart(this.ctx, `${this.path}.add(${type})`, () => created ?? fail('InvalidObjectPath', 'chart not created'));
  }
}

function seriesOf(sheet: SheetModel, box: Box, seriesBy: string): ChartModel['series'] {
  const byRows = seriesBy === 'Rows';
  const count = byRows ? box.rows : box.cols;
  return Array.from({ length: count }, (_, i) => ({
    name: String(sheet.grid.constant(byRows ? box.row + i : box.row, byRows ? box.col : box.col + i)),
    values: byRows ? { row: box.row + i, col: box.col + 1, rows: 1, cols: box.cols - 1 } : { row: box.row + 1, col: box.col + i, rows: box.rows - 1, cols: 1 },
    xValues: null,
  }));
}

export class Chart extends FakeObject<ChartModel> {
  protected readonly typeName = 'Chart';
  protected readonly scalarProps = ['name'];

  protected override isGone(m: ChartModel): boolean {
    return m.deleted;
  }

  protected read(_prop: string, m: ChartModel): unknown {
    return m.name;
  }

  get name(): string {
    return this.loaded('name');
  }
  set name(value: string) {
    this.command('name', value, (m) => (m.name = value));
  }

  get title(): PropsProxy<ChartModel> & Bag {
    this.touch('title');
    return new PropsProxy<ChartModel>(this.ctx, `${this.path}.title`, () => this.$model(), 'ChartTitle', ['text'], {
      read: (_prop, m) => m.title,
      write: (_prop, value, m) => (m.title = String(value)),
    }) as PropsProxy<ChartModel> & Bag;
  }

  setPosition(startCell: string | Range, endCell?: string | Range): void {
    this.command('setPosition', [String(typeof startCell === 'string' ? startCell : startCell.path), endCell === undefined ? null : String(typeof endCell === 'string' ? endCell : endCell.path)], () => undefined);
  }

  delete(): void {
    this.command('delete', null, (m) => (m.deleted = true));
  }

  get series(): ChartSeriesCollection {
    this.touch('series');
    return new ChartSeriesCollection(this.ctx, `${this.path}.series`, () => this.$model());
  }
}

export class ChartSeriesCollection extends FakeObject<ChartModel> {
  protected readonly typeName = 'ChartSeriesCollection';
  protected readonly scalarProps = ['count'];

  protected read(_prop: string, m: ChartModel): unknown {
    return m.series.length;
  }

  get count(): number {
    return this.loaded('count');
  }

  getItemAt(index: number): ChartSeries {
    this.touch('getItemAt');
    return new ChartSeries(this.ctx, `${this.path}.getItemAt(${index})`, () => this.$model().series[index] ?? fail('ItemNotFound', `no series ${index}`));
  }

  add(name?: string): ChartSeries {
    let created: ChartModel['series'][number] | undefined;
    this.command('add', name ?? null, (m) => {
      created = { name: name ?? `Series${m.series.length + 1}`, values: null, xValues: null };
      m.series.push(created);
    });
    return new ChartSeries(this.ctx, `${this.path}.add()`, () => created ?? fail('InvalidObjectPath', 'series not created'));
  }
}

type SeriesModel = ChartModel['series'][number];

export class ChartSeries extends FakeObject<SeriesModel> {
  protected readonly typeName = 'ChartSeries';
  protected readonly scalarProps = ['name'];

  protected read(_prop: string, m: SeriesModel): unknown {
    return m.name;
  }

  get name(): string {
    return this.loaded('name');
  }
  set name(value: string) {
    this.command('name', value, (m) => (m.name = value));
  }

  setValues(source: Range): void {
    this.command('setValues', source.path, (m) => (m.values = { ...source.$model().box }));
  }

  setXAxisValues(source: Range): void {
    this.command('setXAxisValues', source.path, (m) => (m.xValues = { ...source.$model().box }));
  }
}

/** What a pivot table may be built from: a table proxy or a range proxy. */
export interface PivotSource {
  path: string;
  $model(): unknown;
}

export class PivotTableCollection extends FakeObject<SheetModel> {
  protected readonly typeName = 'PivotTableCollection';
  protected readonly scalarProps = ['items'];

  protected read(_prop: string, sheet: SheetModel): unknown {
    return sheet.pivots.filter((p) => !p.deleted).map((p) => new PivotTable(this.ctx, `PivotTable(${p.name})`, () => p).$prime(p));
  }

  getCount(): FakeResult<number> {
    return this.query('getCount', null, (sheet) => sheet.pivots.filter((p) => !p.deleted).length);
  }

  get items(): PivotTable[] {
    return this.loaded('items');
  }

  getItem(name: string): PivotTable {
    this.touch('getItem');
    const lower = name.toLowerCase();
    return new PivotTable(this.ctx, `${this.path}.getItem(${name})`, () => this.$model().pivots.find((p) => !p.deleted && p.name.toLowerCase() === lower) ?? fail('ItemNotFound', `no pivot table ${name}`));
  }

  add(name: string, source: PivotSource, destination: Range): PivotTable {
    let created: PivotModel | undefined;
    this.command('add', { name, source: source.path, destination: destination.path }, (sheet) => {
      sheet.workbook.checkTableName(name);
      const src = source.$model() as { name?: string; box?: Box };
      const dest = destination.$model();
      for (const t of dest.sheet.tables()) {
        if (intersects(tableBox(t), { ...dest.box, rows: 3, cols: 2 })) fail('InvalidOperation', `the pivot table would overlap table ${t.name}`, 'PivotTableCollection.add');
      }
      created = { name, sourceTable: src.name ?? null, destination: { ...dest.box }, rows: [], data: [], deleted: false };
      dest.sheet.pivots.push(created);
    });
    return new PivotTable(this.ctx, `${this.path}.getItem(${name})`, () => created ?? fail('InvalidObjectPath', 'pivot table not created'));
  }
}

export class PivotTable extends FakeObject<PivotModel> {
  protected readonly typeName = 'PivotTable';
  protected readonly scalarProps = ['name'];

  constructor(ctx: FakeContext, path: string, locate: () => PivotModel) {
    super(ctx, path, locate);
  }

  protected override isGone(m: PivotModel): boolean {
    return m.deleted;
  }

  protected read(_prop: string, m: PivotModel): unknown {
    return m.name;
  }

  get name(): string {
    return this.loaded('name');
  }
  set name(value: string) {
    this.command('name', value, (m) => {
      if (value.toLowerCase() !== m.name.toLowerCase()) this.ctx.host.model.checkTableName(value);
      m.name = value;
    });
  }

  delete(): void {
    this.command('delete', null, (m) => (m.deleted = true));
  }

  get hierarchies(): { getItem(name: string): { path: string; name: string } } {
    this.touch('hierarchies');
    return { getItem: (name: string) => ({ path: `${this.path}.hierarchies.getItem(${name})`, name }) };
  }

  get rowHierarchies(): { add(h: { name: string }): void } {
    this.touch('rowHierarchies');
    return { add: (h) => this.command('rowHierarchies.add', h.name, (m) => m.rows.push(this.checkField(m, h.name))) };
  }

  get dataHierarchies(): { add(h: { name: string }): BagProxy & Bag } {
    this.touch('dataHierarchies');
    return {
      add: (h) => {
        const entry = { name: h.name, summarizeBy: 'Sum' };
        this.command('dataHierarchies.add', h.name, (m) => m.data.push({ ...entry, name: this.checkField(m, h.name) }));
        return new BagProxy(this.ctx, `${this.path}.dataHierarchies.add(${h.name})`, () => {
          const m = this.$model();
          return m.data.find((d) => d.name === h.name) ?? fail('ItemNotFound', h.name);
        }, 'DataPivotHierarchy', ['summarizeBy']) as BagProxy & Bag;
      },
    };
  }

  private checkField(m: PivotModel, name: string): string {
    const table = m.sourceTable ? this.ctx.host.model.tableByName(m.sourceTable) : null;
    if (table && !tableHeaders(table).includes(name)) fail('ItemNotFound', `the pivot source has no field "${name}"`, 'PivotHierarchyCollection.getItem');
    return name;
  }
}
