// Renders SheetSpecs into the open workbook through Office.js, in ONE Excel.run per job.
//
// Each sheet is first built in a staging sheet: formats per column (text `@` before any value, so
// a party called "=HYPERLINK(…)" or a description "-50" stays text), then the values in chunks of
// rows that keep every request under 5 MB (payload.ts), with calculation suspended. Only when
// all of that succeeded is the result swapped in, in one last request, so a failure midway leaves
// the previous sheet as it was (and the error says so).
//
// Tables keep their names across re-syncs. In Excel, deleting a table (or its sheet) turns every
// formula that points at it into #REF! for good — re-creating a table with the same name does not
// repair them. So when the managed sheet already exists with the same tables and headers, the
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
import { freeSheetName, loadManaged, type ManagedSheet, type ManagedTable, queueSaveManaged, replaceRecord } from './managed';
import { PAYLOAD_BUDGET, sendOps, type Op } from './payload';
import { layoutSheet, type SheetLayout, sheetCells } from './sheet-layout';
import { CHART_PREFIX, formatOps, queueDecorations, queueTable, queueTotals, valueOps } from './sheet-writer';

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

export interface SheetOutcome {
  kind: string;
  /** The sheet's name in the workbook. */
  name: string;
  action: 'created' | 'refreshed' | 'replaced';
  /** Set when the spec's name belongs to a sheet of the user, so another name was used. */
  nameTakenByUserSheet?: string;
}

/** A sync that failed; `kept` names the sheet left as it was before. */
export class SheetSyncError extends Error {
  constructor(
    message: string,
    readonly sheet: string,
    readonly kept: string | null,
    readonly done: SheetOutcome[],
    override readonly cause: unknown,
  ) {
    super(message);
    this.name = 'SheetSyncError';
  }
}

interface SheetInfo {
  id: string;
  name: string;
  position: number;
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

interface Previous {
  info: SheetInfo;
  record: ManagedSheet;
  /** Body rows of each table as they are now, when the sheet can be refreshed in place. */
  bodyRows: number[] | null;
  charts: Excel.Chart[];
  pivots: Excel.PivotTable[];
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
    let name = this.existing()?.info.name ?? this.spec.name;
    let staging: Excel.Worksheet | null = null;
    let inPlace = false;
    let committing = false;
    try {
      const previous = await this.previous();
      const taken = new Set(this.sheets.map((s) => s.name.toLowerCase()));
      name = previous ? previous.info.name : freeSheetName(this.spec.name, taken);
      staging = this.context.workbook.worksheets.add(freeSheetName('Subledger staging', taken));
      staging.visibility = 'Hidden';
      staging.load('id');
      this.checkAbort();
      await this.context.sync();
      await this.stage(staging, name, previous);
      inPlace = previous !== null && previous.bodyRows !== null;
      committing = true;
      const record = previous && inPlace ? await this.refresh(staging, previous) : await this.replace(staging, name, previous);
      return { outcome: this.outcome(name, previous, inPlace), record, info: this.info(record, previous) };
    } catch (error) {
      const kept = await this.recover(staging, committing && inPlace, committing);
      throw this.failure(error, name, kept, done);
    }
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

  /** The managed sheet of this kind, if it still exists, and whether it can be refreshed in place. */
  /** The managed sheet of this kind that exists now, from the record (no request needed). */
  private existing(): { record: ManagedSheet; info: SheetInfo } | null {
    const record = this.managed.find((m) => m.kind === this.spec.kind);
    const info = record && this.sheets.find((s) => s.id === record.sheetId);
    return record && info ? { record, info } : null;
  }

  private async previous(): Promise<Previous | null> {
    const found = this.existing();
    if (!found) return null;
    const { record, info } = found;
    const sheet = this.context.workbook.worksheets.getItem(info.id);
    const tables = sheet.tables.load('items/name');
    const charts = sheet.charts.load('items/name');
    const pivots = sheet.pivotTables.load('items/name');
    await this.context.sync();
    const previous: Previous = { info, record, bodyRows: null, charts: charts.items, pivots: pivots.items };
    if (!this.sameTables(record, tables.items.map((t) => t.name))) return previous;
    const probes = tables.items.map((t) => ({ rows: t.rows.load('count'), header: t.getHeaderRowRange().load('values,rowIndex') }));
    await this.context.sync();
    const bodyRows = probes.map((p) => p.rows.count);
    const replay = layoutSheet(this.spec, bodyRows);
    const fits = probes.every((p, i) => p.header.rowIndex === replay.tables[i]?.headerRow && sameList(p.header.values[0] ?? [], replay.tables[i]?.headers ?? []));
    previous.bodyRows = fits ? bodyRows : null;
    return previous;
  }

  private sameTables(record: ManagedSheet, onSheet: string[]): boolean {
    const names = this.spec.tables.map((t) => t.name);
    return (
      record.titleRows === this.spec.titleLines.length &&
      sameList(record.tables.map((t) => t.name), names) &&
      sameList(onSheet, names) &&
      sameList(record.captions, this.spec.tables.map((t) => t.caption !== undefined))
    );
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

  /** Swaps the staging sheet in: the old sheet goes, the new one takes its name and place. */
  private async replace(staging: Excel.Worksheet, name: string, previous: Previous | null): Promise<ManagedSheet> {
    this.checkAbort();
    if (previous) this.context.workbook.worksheets.getItem(previous.info.id).delete();
    staging.name = name;
    staging.visibility = 'Visible';
    if (previous) {
      staging.position = previous.info.position;
      for (const t of this.spec.tables) staging.tables.getItem(temporary(t.name, previous)).name = t.name;
      for (const p of this.spec.pivots ?? []) staging.pivotTables.getItem(temporary(p.name, previous)).name = p.name;
    }
    const record = this.record(staging.id, name);
    queueSaveManaged(this.context, replaceRecord(this.managed, record));
    await this.context.sync();
    return record;
  }

  /** Refreshes the existing sheet: resize its tables by whole rows, copy the staged content over. */
  private async refresh(staging: Excel.Worksheet, previous: Previous): Promise<ManagedSheet> {
    this.checkAbort();
    const sheet = this.context.workbook.worksheets.getItem(previous.info.id);
    for (const c of previous.charts.filter((c) => c.name.startsWith(CHART_PREFIX))) c.delete();
    for (const p of previous.pivots.filter((p) => previous.record.pivots.includes(p.name))) p.delete();
    sheet.horizontalPageBreaks.removePageBreaks();
    this.resizeTables(sheet, previous.bodyRows ?? []);
    for (const t of this.layout.tables) sheet.getRangeByIndexes(t.bodyRow, 0, t.bodyRows, t.cols).conditionalFormats.clearAll();
    this.copyStaged(sheet, staging);
    const tables = new Map<string, Excel.Table>();
    for (const t of this.layout.tables) {
      const table = this.context.workbook.tables.getItem(t.spec.name);
      queueTotals(table, t, t.spec.name);
      tables.set(t.spec.name, table);
    }
    queueDecorations(sheet, this.spec, this.layout, { tables, pivotName: (n) => n });
    staging.delete();
    const record = this.record(previous.info.id, previous.info.name);
    queueSaveManaged(this.context, replaceRecord(this.managed, record));
    await this.context.sync();
    return record;
  }

  /**
   * Grows a table by inserting whole rows above its last body row, shrinks it by deleting its
   * first body rows. Tables are done top to bottom, so when table i is reached the ones above
   * already have their new size and its body starts at the new layout's row.
   */
  private resizeTables(sheet: Excel.Worksheet, oldRows: readonly number[]): void {
    this.layout.tables.forEach((t, i) => {
      const before = oldRows[i] ?? t.bodyRows;
      const delta = t.bodyRows - before;
      if (delta > 0) sheet.getRangeByIndexes(t.bodyRow + before - 1, 0, delta, 1).getEntireRow().insert('Down');
      if (delta < 0) sheet.getRangeByIndexes(t.bodyRow, 0, -delta, 1).getEntireRow().delete('Up');
    });
  }

  private copyStaged(sheet: Excel.Worksheet, staging: Excel.Worksheet): void {
    const { width } = this.layout;
    const copy = (row: number, rows: number, cols: number): void =>
      sheet.getRangeByIndexes(row, 0, rows, cols).copyFrom(staging.getRangeByIndexes(row, 0, rows, cols), 'All');
    if (this.layout.titleRows > 0) copy(0, this.layout.titleRows, width);
    for (const t of this.layout.tables) {
      const top = t.captionRow ?? t.headerRow;
      copy(top, t.bodyRow + t.bodyRows - top, t.cols);
    }
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

  /**
   * Cleans up after a failure and says what the workbook now holds. Before the last request the
   * previous sheet is untouched; a failed last request may have been applied in part (Excel runs
   * a request's commands in order until one fails), so then the workbook is looked at.
   */
  private async recover(staging: Excel.Worksheet | null, refreshing: boolean, committing: boolean): Promise<Kept> {
    const previous = this.existing();
    const old = previous ? `"${previous.info.name}"` : '';
    if (committing && refreshing) {
      await this.dropStaging(staging);
      return { sheet: null, sentence: `The sheet ${old} may be partly updated; sync again to complete it.` };
    }
    if (committing && previous && !(await this.stillThere(previous.info.id))) {
      await this.tryQueue(() => staging && (staging.visibility = 'Visible'));
      return { sheet: null, sentence: `The previous sheet ${old} was removed; the new content is in the sheet "Subledger staging".` };
    }
    await this.dropStaging(staging);
    return previous ? { sheet: previous.info.name, sentence: `The previous sheet ${old} was kept as it was.` } : { sheet: null, sentence: 'No sheet was added.' };
  }

  private async stillThere(sheetId: string): Promise<boolean> {
    try {
      const sheet = this.context.workbook.worksheets.getItemOrNullObject(sheetId);
      await this.context.sync();
      return !sheet.isNullObject;
    } catch {
      return true;
    }
  }

  private async dropStaging(staging: Excel.Worksheet | null): Promise<void> {
    await this.tryQueue(() => staging?.delete());
  }

  /** Queues something and syncs, ignoring a failure (cleaning up after an earlier one). */
  private async tryQueue(queue: () => unknown): Promise<void> {
    try {
      queue();
      await this.context.sync();
    } catch {
      // The object may not exist (its creation failed); nothing else to undo.
    }
  }

  private failure(error: unknown, name: string, kept: Kept, done: SheetOutcome[]): SheetSyncError {
    const reason = reasonOf(error);
    const before = done.length > 0 ? ` Already updated: ${done.map((d) => d.name).join(', ')}.` : '';
    return new SheetSyncError(`Sheet "${name}" could not be updated: ${reason}. ${kept.sentence}${before}`, name, kept.sheet, done, error);
  }
}

/** An error's message without its closing full stop. */
function reasonOf(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).replace(/[.\s]+$/, '');
}

interface Kept {
  /** The sheet left as it was before, if any. */
  sheet: string | null;
  sentence: string;
}

/** While the previous sheet still holds a name, the new table or pivot table uses a temporary one. */
function temporary(name: string, previous: Previous | null): string {
  return previous ? `${name}_new` : name;
}

function sameList(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
