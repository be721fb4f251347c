// Renders SheetSpecs into the open workbook through Office.js, in ONE Excel.run per job.
//
// Each sheet is first built in a staging sheet: formats per column (text `@` before any value, so
// a party called "=HYPERLINK(…)" or a description "-50" stays text), then the values in chunks of
// rows that keep every request under 5 MB (payload.ts), with calculation suspended. Only when
// all of that succeeded is the result swapped in, in one last request, so a failure midway leaves
// the previous sheet as it was (and the error says so).
//
// Tables keep their names across re-syncs. In Excel, deleting a table (or its sheet) turns every
// formula that points at it into #REF! for good: Excel rewrites the formula text itself (e.g.
// `=SUM(#REF!)`, see PHPOffice/PhpSpreadsheet#3453), so re-creating a table with the same name
// does not repair them; renaming a table, on the other hand, rewrites the references to it. So when the managed sheet already exists with the same tables and headers, the
// sync REFRESHES it in place: each table is grown or shrunk by inserting or deleting whole rows
// inside its body (Table.resize needs ExcelApi 1.13, above the manifest's 1.9), and the staged
// content is copied over it with Range.copyFrom (1.9) — the tables, and the user's formulas that
// use them, survive. Only when the layout changed (other tables or headers) is the old sheet
// REPLACED: deleted, and the staging sheet renamed in its place with its tables renamed to the
// stable names; formulas pointing at the old tables then show #REF!.
//
// The sheets the add-in owns are recorded in the workbook settings (managed.ts); a user's own
// sheet with a report's name is never touched: the report goes to "Name (2)". On a managed sheet
// only the add-in's things are redone: its tables' content and formats, its charts ("Subledger
// chart n") and pivot tables; a chart or note the user added beside them stays.
import type { SheetSpec } from '../sheets/spec';
import { freeSheetName, loadManaged, type ManagedSheet, type ManagedTable, replaceRecord } from './managed';
import { PAYLOAD_BUDGET, sendOps, type Op } from './payload';
import { existingSheet, inspectPrevious, type Previous, type SheetInfo } from './previous-sheet';
import { layoutSheet, type SheetLayout, sheetCells } from './sheet-layout';
import { formatOps, queueDecorations, queueTable, valueOps } from './sheet-writer';
import { refreshSheet, replaceSheet, type SwapJob, temporary } from './swap-in';
import { type FailedAt, reasonOf, recover, type SheetOutcome, SheetSyncError, syncError } from './sync-failure';

export { SheetSyncError, type SheetOutcome } from './sync-failure';

export interface SyncProgress {
  sheet: string;
  sheetIndex: number;
  sheetCount: number;
  rowsDone: number;
  rowsTotal: number;
}

export interface SyncOptions {
  onProgress?: (progress: SyncProgress) => void;
  signal?: AbortSignal;
  /** Request budget in bytes (tests); default 4 MB, under Excel on the web's 5 MB. */
  budget?: number;
}

/** Renders `specs` into the workbook; resolves with what happened to each sheet. */
export async function syncSheets(specs: readonly SheetSpec[], options: SyncOptions = {}): Promise<SheetOutcome[]> {
  return Excel.run(async (context) => {
    const sheets = context.workbook.worksheets.load('items/name,items/id,items/position');
    let managed = await loadManaged(context).catch((error: unknown) => {
      throw new SheetSyncError(`The workbook could not be read: ${reasonOf(error)}. Nothing was changed.`, '', null, [], error);
    });
    const existing: SheetInfo[] = sheets.items.map((s) => ({ id: s.id, name: s.name, position: s.position }));
    const done: SheetOutcome[] = [];
    for (const [index, spec] of specs.entries()) {
      const job = new SheetJob(context, spec, managed, existing, options, { index, count: specs.length });
      const { outcome, record, info } = await job.run(done);
      managed = replaceRecord(managed, record);
      replaceInfo(existing, info);
      done.push(outcome);
    }
    return done;
  });
}

function replaceInfo(list: SheetInfo[], info: { removed: string | null; added: SheetInfo }): void {
  const keep = list.filter((s) => s.id !== info.removed && s.id !== info.added.id);
  list.splice(0, list.length, ...keep, info.added);
}

/** One sheet: stage, then swap in (refresh in place or replace). */
class SheetJob {
  private readonly layout: SheetLayout;

  constructor(
    private readonly context: Excel.RequestContext,
    private readonly spec: SheetSpec,
    private readonly managed: readonly ManagedSheet[],
    private readonly sheets: readonly SheetInfo[],
    private readonly options: SyncOptions,
    private readonly position: { index: number; count: number },
  ) {
    this.layout = layoutSheet(spec);
  }

  async run(done: SheetOutcome[]): Promise<{ outcome: SheetOutcome; record: ManagedSheet; info: { removed: string | null; added: SheetInfo } }> {
    const found = existingSheet(this.managed, this.sheets, this.spec.kind);
    let name = found?.info.name ?? this.spec.name;
    let staging: { sheet: Excel.Worksheet; name: string } | null = null;
    let at: FailedAt = 'staging';
    try {
      const previous = found ? await inspectPrevious(this.context, this.spec, found) : null;
      const taken = new Set(this.sheets.map((s) => s.name.toLowerCase()));
      name = previous ? previous.info.name : freeSheetName(this.spec.name, taken);
      const stagingName = freeSheetName('Subledger staging', taken);
      const sheet = this.context.workbook.worksheets.add(stagingName);
      staging = { sheet, name: stagingName };
      sheet.visibility = 'Hidden';
      sheet.load('id');
      this.checkAbort();
      await this.context.sync();
      await this.stage(sheet, name, previous);
      this.checkAbort();
      const inPlace = previous !== null && previous.bodyRows !== null;
      at = inPlace ? 'refresh' : 'replace';
      const record = previous && inPlace ? await refreshSheet(this.swap(), sheet, previous) : await replaceSheet(this.swap(), sheet, name, previous);
      return { outcome: this.outcome(name, previous, inPlace), record, info: this.info(record, previous) };
    } catch (error) {
      throw syncError(error, name, await recover(this.context, staging, found?.info ?? null, at), done);
    }
  }

  private swap(): SwapJob {
    const { context, spec, layout, managed } = this;
    return { context, spec, layout, managed, record: (sheetId, name) => this.record(sheetId, name) };
  }

  private outcome(name: string, previous: Previous | null, inPlace: boolean): SheetOutcome {
    const outcome: SheetOutcome = { kind: this.spec.kind, name, action: previous === null ? 'created' : inPlace ? 'refreshed' : 'replaced' };
    if (previous === null && name !== this.spec.name) outcome.nameTakenByUserSheet = this.spec.name;
    return outcome;
  }

  private info(record: ManagedSheet, previous: Previous | null): { removed: string | null; added: SheetInfo } {
    const position = previous?.info.position ?? this.sheets.length;
    return { removed: previous?.info.id ?? null, added: { id: record.sheetId, name: record.name, position } };
  }

  /** Formats and values into the staging sheet, in as few requests as the 5 MB limit allows. */
  private async stage(staging: Excel.Worksheet, name: string, previous: Previous | null): Promise<void> {
    const cells = sheetCells(this.spec, this.layout);
    const budget = this.options.budget ?? PAYLOAD_BUDGET;
    let rowsDone = 0;
    const progress = (sent: readonly Op[]): void => {
      const rows = sent.reduce((sum, op) => sum + (op.rows ?? 0), 0);
      if (rows === 0) return;
      rowsDone += rows;
      this.options.onProgress?.({ sheet: name, sheetIndex: this.position.index, sheetCount: this.position.count, rowsDone, rowsTotal: cells.length });
    };
    const ops: Op[] = [...formatOps(staging, this.spec, this.layout), ...valueOps(staging, cells, budget)];
    if (previous === null || previous.bodyRows === null) ops.push(this.tablesOp(staging, previous));
    await sendOps(() => this.context.sync(), ops, {
      budget,
      beforeSync: () => {
        this.checkAbort();
        this.context.application.suspendApiCalculationUntilNextSync();
      },
      afterSync: progress,
    });
  }

  /** Tables, totals and decorations of a new sheet, under temporary names while the old one exists. */
  private tablesOp(staging: Excel.Worksheet, previous: Previous | null): Op {
    return {
      bytes: 4000 + 400 * this.layout.tables.length,
      queue: () => {
        const tables = new Map<string, Excel.Table>();
        for (const t of this.layout.tables) tables.set(t.spec.name, queueTable(staging, t, temporary(t.spec.name, previous)));
        queueDecorations(staging, this.spec, this.layout, { tables, pivotName: (n) => temporary(n, previous) });
      },
    };
  }

  private record(sheetId: string, name: string): ManagedSheet {
    const tables = this.layout.tables.map((t): ManagedTable => ({
      name: t.spec.name,
      headers: t.headers,
      bodyRows: t.bodyRows,
      keyHeader: t.keyColumn !== null ? (t.headers[t.keyColumn] ?? null) : null,
      userColumns: t.spec.columns.filter((c) => c.userEditable === true).map((c) => ({ key: c.key, header: c.header })),
    }));
    const record: ManagedSheet = {
      kind: this.spec.kind,
      sheetId,
      name,
      titleRows: this.spec.titleLines.length,
      captions: this.spec.tables.map((t) => t.caption !== undefined),
      tables,
      pivots: (this.spec.pivots ?? []).map((p) => p.name),
      charts: (this.spec.charts ?? []).map((c) => c.title),
    };
    if (this.spec.asOf !== undefined) record.asOf = this.spec.asOf;
    return record;
  }

  private checkAbort(): void {
    if (this.options.signal?.aborted) throw new DOMException('The sync was cancelled.', 'AbortError');
  }

}
