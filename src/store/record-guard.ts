// Every stored record checked against its schema (records.ts): a write of an invalid record is
// refused with a RecordError naming the record and the field (nothing of it is stored; in a
// transaction, nothing of the transaction), and a read of a record that an older or damaged
// database holds wrong leaves that record out and reports it (`DamagedRecords`), so the rest stays
// usable and nothing the user typed disappears without a word. The record itself stays in the
// database as it was, for a backup restore or a later version to repair.
import type { DBCore, DBCoreMutateRequest, DBCoreTable, Middleware } from 'dexie';
import * as v from 'valibot';
import { settingsProblems, type SettingsProblems } from './settings';
import {
  ADMINISTRATION,
  AGREEMENT,
  FLAG,
  FOLLOW_UP,
  IMPORT,
  LEDGER_CHUNK,
  LEDGER_HEAD,
  MAPPING,
  NOTE,
  PAYMENT_BATCH,
  SETTINGS_FIELDS,
  SHEET_STATE,
  SYNC_LOG,
  pathOf,
  type SettingsRow,
} from './records';
import { problemsOf, RecordError, type RecordProblem, type RecordTable } from './record-problems';

/** A settings row: its shape, then the settings model's own rules (settings.ts, the one place for them). */
export const SETTINGS = v.pipe(
  SETTINGS_FIELDS,
  v.rawCheck<SettingsRow>(({ dataset, addIssue }) => {
    if (!dataset.typed) return;
    for (const [field, problem] of Object.entries(settingsProblems(dataset.value))) {
      addIssue({
        message: problem.text,
        input: dataset.value[field as keyof SettingsRow],
        path: pathOf(dataset.value, [field]),
      });
    }
  }),
);

interface TableRecord {
  schema: v.GenericSchema;
  /** The fields that name a record to the user, the first one present is shown. */
  names: readonly string[];
  /** The schema of a new row whose key the database gives (`++id`). */
  added?: v.GenericSchema;
}

export const TABLE_RECORDS: Readonly<Record<RecordTable, TableRecord>> = {
  administrations: { schema: ADMINISTRATION, names: ['name', 'id'] },
  imports: { schema: IMPORT, names: ['source', 'id'], added: v.omit(IMPORT, ['id']) },
  ledgerHeads: { schema: LEDGER_HEAD, names: ['adminId'] },
  ledgerChunks: { schema: LEDGER_CHUNK, names: ['seq', 'generation'] },
  flags: { schema: FLAG, names: ['itemKey'] },
  notes: { schema: NOTE, names: ['itemKey'] },
  followUps: { schema: FOLLOW_UP, names: ['itemKey', 'id'] },
  agreements: { schema: AGREEMENT, names: ['itemKey', 'id'] },
  mappings: { schema: MAPPING, names: ['signature'] },
  settings: { schema: SETTINGS, names: ['adminId'] },
  paymentBatches: { schema: PAYMENT_BATCH, names: ['fileName', 'batchId'] },
  syncLog: { schema: SYNC_LOG, names: ['id', 'at'], added: v.omit(SYNC_LOG, ['id']) },
  sheetState: { schema: SHEET_STATE, names: ['adminId'] },
};

/** The separator of a mapping's header signature (mappings.ts). */
const SIGNATURE_SEPARATOR = '\u001f';

function isRecordTable(name: string): name is RecordTable {
  return Object.hasOwn(TABLE_RECORDS, name);
}

/** How the user knows the record: its item key, file name, administration… ('?' when it has none). */
function recordName(table: RecordTable, row: unknown): string {
  const fields = typeof row === 'object' && row !== null ? (row as Record<string, unknown>) : {};
  const name = TABLE_RECORDS[table].names
    .map((n) => fields[n])
    .find((x) => typeof x === 'string' || typeof x === 'number');
  return name === undefined ? '?' : String(name).split(SIGNATURE_SEPARATOR).join(' | ');
}

/** The problems of a row of `table` (empty: valid). */
export function recordProblems(
  table: RecordTable,
  row: unknown,
  schema: v.GenericSchema = TABLE_RECORDS[table].schema,
): RecordProblem[] {
  const result = v.safeParse(schema, row, { abortEarly: false });
  if (result.success) return [];
  const problems = problemsOf(schema, result.issues, { table, key: recordName(table, row) });
  return table === 'settings' ? problems.map((p) => withSettingProblem(p, row as SettingsRow)) : problems;
}

/** A settings rule's problem keeps the rule's own problem, so that it is worded in the reader's language. */
function withSettingProblem(problem: RecordProblem, row: SettingsRow): RecordProblem {
  if (problem.code !== 'setting') return problem;
  const setting = settingsProblems(row)[problem.path as keyof SettingsRow & keyof SettingsProblems];
  return setting ? { ...problem, setting } : problem;
}

/** Throws a RecordError when the row is not valid. */
export function checkRecord(table: RecordTable, row: unknown): void {
  const entry = TABLE_RECORDS[table];
  const keyless =
    entry.added !== undefined && (typeof row !== 'object' || row === null || !('id' in row));
  const problems = recordProblems(table, row, keyless && entry.added ? entry.added : entry.schema);
  if (problems.length > 0) throw new RecordError(problems);
}

/** The records a read found damaged, each once; listeners hear of each new one. */
export class DamagedRecords {
  private readonly found = new Map<string, RecordProblem>();
  private readonly listeners = new Set<(problems: RecordProblem[]) => void>();

  report(problems: readonly RecordProblem[]): void {
    const fresh = problems.filter((p) => {
      const id = `${p.record?.table ?? ''}\u0000${p.record?.key ?? ''}\u0000${p.path}`;
      if (this.found.has(id)) return false;
      this.found.set(id, p);
      return true;
    });
    if (fresh.length > 0) for (const listener of this.listeners) listener(fresh);
  }

  /** Every damaged record found since the database was opened. */
  list(): RecordProblem[] {
    return [...this.found.values()];
  }

  /** Calls `listener` with each batch of newly found problems; returns what stops it. */
  listen(listener: (problems: RecordProblem[]) => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }
}

/** What a read needs of the database: where to report damage. */
export interface DamageSink {
  readonly damaged: DamagedRecords;
}

/** The valid rows of a read; the others are reported and left out. */
export function usableRows<T>(db: DamageSink, table: RecordTable, rows: readonly T[]): T[] {
  const usable: T[] = [];
  for (const row of rows) {
    const problems = recordProblems(table, row);
    if (problems.length === 0) usable.push(row);
    else db.damaged.report(problems);
  }
  return usable;
}

/** The row when it is valid; undefined (and reported) when it is damaged. */
export function usableRow<T>(
  db: DamageSink,
  table: RecordTable,
  row: T | undefined,
): T | undefined {
  return row === undefined ? undefined : usableRows(db, table, [row])[0];
}

/** The settings row without its damaged fields (reported): the settings model fills in its defaults for them. */
export function usableSettingsRow(
  db: DamageSink,
  row: SettingsRow | undefined,
): Partial<SettingsRow> | undefined {
  if (row === undefined) return undefined;
  const problems = recordProblems('settings', row);
  if (problems.length === 0) return row;
  db.damaged.report(problems);
  if (typeof row !== 'object' || row === null) return undefined;
  const bad = new Set(problems.map((p) => p.path.split(/[.[]/)[0]));
  const kept: Partial<SettingsRow> = Object.fromEntries(
    Object.entries(row).filter(([field]) => !bad.has(field)),
  );
  return kept;
}

function checkMutation(table: RecordTable, req: DBCoreMutateRequest): void {
  if (req.type !== 'add' && req.type !== 'put') return;
  if ((req.trans as Partial<IDBTransaction>).mode === 'versionchange') return; // an upgrade moves rows as they are
  for (const row of req.values) checkRecord(table, row);
}

/** The Dexie middleware that checks every add and put (Dexie's update and modify end in a put). */
export const recordGuard: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'subledger-record-guard',
  create: (down) => ({
    ...down,
    table: (name: string): DBCoreTable => {
      const table = down.table(name);
      if (!isRecordTable(name)) return table;
      return {
        ...table,
        mutate: (req) => {
          try {
            checkMutation(name, req);
          } catch (error) {
            return Promise.reject(error instanceof Error ? error : new Error(String(error)));
          }
          return table.mutate(req);
        },
      };
    },
  }),
};
