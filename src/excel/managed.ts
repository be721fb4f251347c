// The sheets the add-in owns, recorded in the workbook settings (ExcelApi 1.4): per report kind
// the worksheet id and name, its tables with their headers, pivot tables and charts. A sheet that
// is not in this record is the user's and is never overwritten: a report whose name is taken by
// such a sheet gets "Name (2)" instead.

export const MANAGED_SETTING = 'subledger.managedSheets';

export interface ManagedTable {
  name: string;
  headers: string[];
  bodyRows: number;
  /** Header of the hidden key column, when the table has row keys. */
  keyHeader: string | null;
  /** The columns the user fills in (Handled, Note, Follow-up): spec key and header. */
  userColumns: { key: string; header: string }[];
}

export interface ManagedSheet {
  kind: string;
  sheetId: string;
  name: string;
  titleRows: number;
  captions: boolean[];
  tables: ManagedTable[];
  pivots: string[];
  charts: string[];
  asOf?: number;
}

function isManagedSheet(value: unknown): value is ManagedSheet {
  const v = value as Partial<ManagedSheet> | null;
  return typeof v === 'object' && v !== null && typeof v.kind === 'string' && typeof v.sheetId === 'string' && Array.isArray(v.tables);
}

/** The record read from the setting's value; anything malformed is dropped, not trusted. */
export function parseManaged(value: unknown): ManagedSheet[] {
  const list = typeof value === 'string' ? safeJson(value) : value;
  return Array.isArray(list) ? list.filter(isManagedSheet) : [];
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

export async function loadManaged(context: Excel.RequestContext): Promise<ManagedSheet[]> {
  const setting = context.workbook.settings.getItemOrNullObject(MANAGED_SETTING);
  setting.load('value');
  await context.sync();
  return setting.isNullObject ? [] : parseManaged(setting.value);
}

/** Queues the record (saved with the next sync). */
export function queueSaveManaged(context: Excel.RequestContext, sheets: readonly ManagedSheet[]): void {
  context.workbook.settings.add(MANAGED_SETTING, JSON.stringify(sheets));
}

export function replaceRecord(sheets: readonly ManagedSheet[], record: ManagedSheet): ManagedSheet[] {
  return [...sheets.filter((s) => s.kind !== record.kind), record];
}

const MAX_SHEET_NAME = 31;

/** A name Excel accepts for a sheet: none of []:*?/\, no quote at either end, 1–31 characters. */
export function validSheetName(name: string): string {
  const cleaned = name.replace(/[[\]:*?/\\]/g, '-').replace(/^'+|'+$/g, '').slice(0, MAX_SHEET_NAME).trim();
  return cleaned === '' || cleaned.toLowerCase() === 'history' ? 'Subledger' : cleaned;
}

/** `name` (made valid), or "name (2)", "name (3)"… (cut to 31 characters) when a sheet holds it. */
export function freeSheetName(wanted: string, taken: ReadonlySet<string>): string {
  const name = validSheetName(wanted);
  if (!taken.has(name.toLowerCase())) return name;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const candidate = name.slice(0, MAX_SHEET_NAME - suffix.length) + suffix;
    if (!taken.has(candidate.toLowerCase())) return candidate;
  }
}
