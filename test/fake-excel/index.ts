// A fake of the Excel JavaScript API for tests, written from the Office.js reference: install it
// as `globalThis.Excel` / `globalThis.Office` and code that uses Office.js runs against an
// in-memory workbook that enforces what Excel enforces (see context.ts). Pure TypeScript without
// Node imports, so a test build of the task pane can inject it into a browser page.
//   const fake = createFakeExcel();  fake.install();  await syncSheets(specs);  fake.cell('Open items', 'B5')
import { ApiRecorder, minorOf } from './api-sets';
import { type Box, formatBox, intersects, parseAddress } from './address';
import { FakeContext, type FakeHost } from './context';
import { fail } from './errors';
import { type SheetModel, type TableModel, tableBox, tableHeaders, WorkbookModel } from './model';
import { cellValue } from './range';
import { Application, Workbook } from './workbook';

export { FakeExcelError } from './errors';
export { PAYLOAD_LIMIT } from './context';

export interface FakeExcelOptions {
  /** Highest ExcelApi requirement set the host supports (default '1.9', the manifest's). */
  apiVersion?: string;
  /** Sheets the workbook starts with (default one, "Sheet1"). */
  sheets?: string[];
  displayLanguage?: string;
  platform?: string;
}

export class RequestContext extends FakeContext {
  readonly workbook: Workbook = new Workbook(this);
  readonly application: Application = new Application(this);
}

type RunFunction = {
  <T>(batch: (context: RequestContext) => Promise<T>): Promise<T>;
  <T>(object: unknown, batch: (context: RequestContext) => Promise<T>): Promise<T>;
};

export interface CellView {
  value: string | number | boolean;
  /** The formula when the cell holds one, else null (a text constant like "=x" is not one). */
  formula: string | null;
  numberFormat: string;
}

export class FakeExcel {
  readonly host: FakeHost;
  readonly Excel: { run: RunFunction; RequestContext: typeof RequestContext };
  readonly Office: Record<string, unknown>;
  private previous: { Excel: unknown; Office: unknown } | null = null;

  constructor(options: FakeExcelOptions = {}) {
    const model = new WorkbookModel();
    for (const name of options.sheets ?? ['Sheet1']) model.addSheet(name);
    this.host = {
      model,
      api: new ApiRecorder(options.apiVersion ?? '1.9'),
      stats: { syncs: 0, requestBytes: [], largestRequest: 0, largestResponse: 0, suspendedSyncs: 0 },
      failAtSync: null,
      failAtCommand: null,
      calculationSuspended: false,
    };
    this.Excel = { run: ((first: unknown, second?: unknown) => this.run(first, second)), RequestContext };
    this.Office = officeGlobal(model, options, this.host.api.supported);
  }

  /** `Excel.run(batch)`, or `Excel.run(object, batch)` reusing that object's context (events). */
  private async run<T>(first: unknown, second?: unknown): Promise<T> {
    const batch = (second ?? first) as (context: RequestContext) => Promise<T>;
    if (typeof batch !== 'function') fail('InvalidArgument', 'Excel.run takes a batch function');
    const given = second === undefined ? null : ((first as { context?: unknown }).context ?? first);
    const context = given instanceof RequestContext ? given : new RequestContext(this.host);
    const result = await batch(context);
    if (context.pending > 0) await context.sync();
    return result;
  }

  /** Sets `globalThis.Excel` and `globalThis.Office` (restored by `uninstall`). */
  install(target: Record<string, unknown> = globalThis): this {
    this.previous = { Excel: target.Excel, Office: target.Office };
    target.Excel = this.Excel;
    target.Office = this.Office;
    return this;
  }

  uninstall(target: Record<string, unknown> = globalThis): void {
    if (!this.previous) return;
    target.Excel = this.previous.Excel;
    target.Office = this.previous.Office;
    this.previous = null;
  }

  get stats(): FakeHost['stats'] {
    return this.host.stats;
  }

  /** API members used so far, with their requirement set. */
  get usedMembers(): ReadonlyMap<string, string> {
    return this.host.api.used;
  }

  /** Makes the sync with this number (counted from now) throw a GeneralException. */
  failOnSync(nth: number): void {
    this.host.failAtSync = this.host.stats.syncs + nth;
  }

  /** Makes the next `Type.member` command throw, after the earlier commands of its request ran. */
  failOnCommand(member: string): void {
    this.host.failAtCommand = member;
  }

  // ---- inspection, for assertions (not part of the Excel API) ----

  sheetNames(): string[] {
    return this.host.model.liveSheets().map((s) => s.name);
  }

  sheet(name: string): SheetModel {
    return this.host.model.sheetByKey(name) ?? fail('ItemNotFound', `no sheet ${name}`);
  }

  table(name: string): TableModel {
    return this.host.model.tableByName(name) ?? fail('ItemNotFound', `no table ${name}`);
  }

  tablesOn(sheet: string): string[] {
    return this.sheet(sheet).tables().map((t) => t.name);
  }

  cell(sheet: string, address: string): CellView {
    const s = this.sheet(sheet);
    const { row, col } = parseAddress(address);
    return { value: cellValue(s, row, col), formula: s.grid.formula(row, col) ?? null, numberFormat: s.grid.numberFormat(row, col) };
  }

  /** Values of a box of cells, formulas evaluated. */
  values(sheet: string, address: string): (string | number | boolean)[][] {
    const s = this.sheet(sheet);
    return boxValues(s, parseAddress(address));
  }

  /** A table as { headers, rows, totals } of evaluated values. */
  tableView(name: string): { sheet: string; address: string; headers: string[]; rows: (string | number | boolean)[][]; totals: (string | number | boolean)[] | null } {
    const t = this.table(name);
    const body = boxValues(t.sheet, { row: t.row + 1, col: t.col, rows: t.bodyRows, cols: t.cols });
    const totals = t.showTotals ? boxValues(t.sheet, { row: t.row + 1 + t.bodyRows, col: t.col, rows: 1, cols: t.cols })[0]! : null;
    return { sheet: t.sheet.name, address: formatBox(tableBox(t)), headers: tableHeaders(t), rows: body, totals };
  }

  /** A user typing into cells: writes like Excel does and raises the tables' onChanged events. */
  async userEdit(sheet: string, address: string, values: unknown[][]): Promise<void> {
    const s = this.sheet(sheet);
    const box = parseAddress(address);
    values.forEach((row, r) => row.forEach((v, c) => s.grid.writeValue(box.row + r, box.col + c, v)));
    const edited: Box = { ...box, rows: values.length, cols: values[0]?.length ?? 1 };
    for (const t of s.tables().filter((x) => intersects(tableBox(x), edited))) {
      const event = { type: 'TableChanged' as const, tableId: t.id, worksheetId: s.id, address: formatBox(edited), changeType: 'RangeEdited' as const, source: 'Local' as const };
      for (const handler of [...t.changedHandlers]) await handler(event);
    }
  }
}

function boxValues(s: SheetModel, box: Box): (string | number | boolean)[][] {
  return Array.from({ length: box.rows }, (_, r) => Array.from({ length: box.cols }, (_, c) => cellValue(s, box.row + r, box.col + c)));
}

function officeGlobal(model: WorkbookModel, options: FakeExcelOptions, apiVersion: string): Record<string, unknown> {
  const info = { host: 'Excel', platform: options.platform ?? 'OfficeOnline' };
  return {
    HostType: { Excel: 'Excel', Word: 'Word', PowerPoint: 'PowerPoint', Outlook: 'Outlook' },
    AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
    onReady: (callback?: (i: typeof info) => void) => {
      callback?.(info);
      return Promise.resolve(info);
    },
    context: {
      host: 'Excel',
      displayLanguage: options.displayLanguage ?? 'en-US',
      officeTheme: { bodyBackgroundColor: '#ffffff', bodyForegroundColor: '#000000', controlBackgroundColor: '#ffffff', controlForegroundColor: '#000000' },
      requirements: { isSetSupported: (name: string, version = '1.1') => name === 'ExcelApi' && minorOf(version) <= minorOf(apiVersion) },
      document: {
        settings: {
          get: (name: string): unknown => model.settings.get(name) ?? null,
          set: (name: string, value: unknown) => void model.settings.set(name, value),
          remove: (name: string) => void model.settings.delete(name),
          saveAsync: (callback?: (r: { status: string }) => void) => callback?.({ status: 'succeeded' }),
        },
      },
    },
  };
}

export function createFakeExcel(options: FakeExcelOptions = {}): FakeExcel {
  return new FakeExcel(options);
}
