// The round trip with the open-items sheet: the Handled / Note / Follow-up cells read back from
// the workbook are merged into the store, matched by item key, never by row number. The store
// remembers what it last wrote to the sheet (the base), so each field is a three-way merge:
//   sheet = base, store changed  → the pane's edit stands;   store = base, sheet changed → the sheet's
//   both changed differently     → the newer one wins, the other goes into the note's history.
// Call mergeSheetEdits on every sync (with [] for a new sheet), write the sheet from its result's
// `sheet` map, and record that map with `recordSheetShown` once the sheet is written: after a
// failed write the old base stays, so stale cells are not mistaken for the user's edits next time.
import { formatIsoDate, type Day } from '../core/date';
import { isPartyNoteKey } from '../core/item-key';
import { EMPTY_SHEET_ANNOTATION, groupByItem, rowsOfAdministration, sheetMap, type ItemAnnotations } from './annotations';
import type { SubledgerDb } from './db';
import { withHandled } from './flags';
import { newFollowUp, nextFollowUp, withDone } from './followups';
import { refFromKey } from './item-ref';
import { withHistory, withNoteText } from './notes';
import type { EditSource, FollowUpRow, ItemRef, NoteVersion, SheetAnnotation, Timestamp } from './records';
import { usableRow } from './record-guard';
import { logSync } from './sync-log';

export interface SheetEdit extends SheetAnnotation {
  /** The item key in the sheet's key column. */
  rowKey: string;
  /** When the cell was edited, when the Excel layer knows it (table change events); else the sync time. */
  editedAt?: Timestamp;
}

export interface SheetMergeCounts {
  /** Fields taken from the sheet. */
  fromSheet: number;
  /** Fields where the sheet showed an older value and the pane's edit stood. */
  keptFromPane: number;
  /** Fields changed on both sides; the newer won, the other is in the note's history. */
  conflicts: number;
}

export interface SheetMergeResult extends SheetMergeCounts {
  /** What the sheet must show now (= annotationsForSheet right after the merge): write exactly this. */
  sheet: Map<string, SheetAnnotation>;
}

type Field = keyof SheetAnnotation;
const FIELDS: readonly Field[] = ['handled', 'note', 'followUp'];

interface Version {
  value: SheetAnnotation[Field];
  at: Timestamp;
  by: EditSource;
}

interface FieldMerge {
  adminId: string;
  ref: ItemRef;
  item: ItemAnnotations;
  field: Field;
  sheet: Version;
  base: SheetAnnotation[Field];
  at: Timestamp;
}

export interface SheetMergeOptions {
  /** Record the result as what the sheet shows (default). False when the caller records it with
   * `recordSheetShown` only after the sheet was written. */
  recordShown?: boolean;
}

export async function mergeSheetEdits(
  db: SubledgerDb,
  adminId: string,
  edits: readonly SheetEdit[],
  at: Timestamp = Date.now(),
  options: SheetMergeOptions = {},
): Promise<SheetMergeResult> {
  const tables = [db.notes, db.flags, db.followUps, db.agreements, db.sheetState, db.syncLog];
  return db.transaction('rw', tables, async () => {
    const items = groupByItem(await rowsOfAdministration(db, adminId));
    const state = usableRow(db, 'sheetState', await db.sheetState.get(adminId));
    const base = new Map(state?.base ?? []);
    const counts: SheetMergeCounts = { fromSheet: 0, keptFromPane: 0, conflicts: 0 };
    const changed = new Set<ItemAnnotations>();
    for (const edit of lastEditPerKey(withCurrentKeys(edits, state?.legacyKeys))) {
      const ref = refFromKey(edit.rowKey);
      const item = itemFor(items, ref);
      for (const field of FIELDS) {
        const sheet: Version = { value: edit[field], at: edit.editedAt ?? at, by: 'sheet' };
        const outcome = mergeField({ adminId, ref, item, field, sheet, base: (base.get(ref.itemKey) ?? EMPTY_SHEET_ANNOTATION)[field], at });
        if (outcome === 'same') continue;
        counts[outcome] += 1;
        if (outcome !== 'keptFromPane') changed.add(item);
      }
    }
    await writeItems(db, changed);
    const sheet = sheetMap(items);
    if (options.recordShown !== false) await db.sheetState.put({ adminId, at, base: [...sheet] });
    await logSync(db, adminId, 'sheet', { ...counts, rows: edits.length }, at);
    return { ...counts, sheet };
  });
}

/** Records what the open-items sheets now show: the base of the next sync's three-way merge. */
export async function recordSheetShown(
  db: SubledgerDb,
  adminId: string,
  sheet: ReadonlyMap<string, SheetAnnotation>,
  at: Timestamp = Date.now(),
): Promise<void> {
  await db.sheetState.put({ adminId, at, base: [...sheet] });
}

/** The edits of a sheet written before the version-3 upgrade, with its keys read as the items' own keys. */
function withCurrentKeys(edits: readonly SheetEdit[], legacyKeys: [string, string][] | undefined): readonly SheetEdit[] {
  if (!legacyKeys) return edits;
  const moves = new Map(legacyKeys);
  return edits.map((e) => {
    const to = moves.get(e.rowKey);
    return to === undefined ? e : { ...e, rowKey: to };
  });
}

/** One edit per item (the last row wins), rows without an item key (blank or total rows, a party note key) left out. */
function lastEditPerKey(edits: readonly SheetEdit[]): SheetEdit[] {
  const ofItems = edits.filter((e) => e.rowKey.trim() !== '' && !isPartyNoteKey(e.rowKey));
  return [...new Map(ofItems.map((e) => [e.rowKey, e])).values()];
}

function itemFor(items: Map<string, ItemAnnotations>, ref: ItemRef): ItemAnnotations {
  let item = items.get(ref.itemKey);
  if (!item) {
    item = { itemKey: ref.itemKey, note: null, flag: null, followUps: [], agreements: [] };
    if (ref.partyKey !== undefined) item.partyKey = ref.partyKey;
    items.set(ref.itemKey, item);
  }
  return item;
}

function storeVersion(item: ItemAnnotations, field: Field): Version {
  switch (field) {
    case 'handled':
      return { value: item.flag?.handled ?? false, at: item.flag?.handledAt ?? 0, by: 'pane' };
    case 'note':
      return { value: item.note?.text ?? '', at: item.note?.editedAt ?? 0, by: item.note?.by ?? 'pane' };
    case 'followUp':
      return { value: nextFollowUp(item.followUps), at: Math.max(0, ...item.followUps.map((f) => f.updatedAt)), by: 'pane' };
  }
}

/** Merges one field of one item, changing `m.item` in place; says which side won. */
function mergeField(m: FieldMerge): 'same' | keyof SheetMergeCounts {
  const store = storeVersion(m.item, m.field);
  if (m.sheet.value === store.value) return 'same';
  if (m.sheet.value === m.base) return 'keptFromPane';
  if (store.value === m.base) {
    applySheet(m, 'edited');
    return 'fromSheet';
  }
  if (m.sheet.at >= store.at) {
    if (m.field !== 'note') recordLoser(m, store);
    applySheet(m, 'conflict');
  } else {
    recordLoser(m, m.sheet);
  }
  return 'conflicts';
}

function recordLoser(m: FieldMerge, loser: Version): void {
  const version: NoteVersion = {
    field: m.field,
    text: valueText(loser.value),
    at: loser.at,
    by: loser.by,
    replacedAt: m.at,
    reason: 'conflict',
  };
  m.item.note = withHistory(m.adminId, m.ref, m.item.note ?? undefined, version);
}

/** A field value as the history shows it: the note, yes/no, or a YYYY-MM-DD date ('' = none). */
function valueText(value: SheetAnnotation[Field]): string {
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'number') return formatIsoDate(value);
  return value ?? '';
}

function applySheet(m: FieldMerge, reason: NoteVersion['reason']): void {
  const { adminId, ref, item, sheet } = m;
  if (typeof sheet.value === 'boolean') {
    item.flag = withHandled(adminId, ref, item.flag ?? undefined, sheet.value, sheet.at);
  } else if (typeof sheet.value === 'string') {
    item.note = withNoteText(adminId, ref, item.note ?? undefined, sheet.value, sheet.at, 'sheet', reason);
  } else {
    item.followUps = withFollowUpDate(adminId, ref, item.followUps, sheet.value, sheet.at);
  }
}

/**
 * The follow-ups after the sheet set the item's next follow-up date to `date`: open ones due
 * earlier are postponed to it, or the earliest is brought forward to it, or a new one is made;
 * a cleared cell marks the open ones done.
 */
function withFollowUpDate(adminId: string, ref: ItemRef, rows: FollowUpRow[], date: Day | null, at: Timestamp): FollowUpRow[] {
  if (date === null) return rows.map((r) => (r.done === 0 ? withDone(r, true, at) : r));
  const next = nextFollowUp(rows);
  if (next === null) return [...rows, newFollowUp(adminId, ref, { dueDate: date }, at, 'sheet')];
  const moves = (r: FollowUpRow): boolean => r.done === 0 && (next < date ? r.dueDate < date : r.dueDate === next);
  return rows.map((r) => (moves(r) ? { ...r, dueDate: date, updatedAt: at, by: 'sheet' as const } : r));
}

async function writeItems(db: SubledgerDb, items: ReadonlySet<ItemAnnotations>): Promise<void> {
  const list = [...items];
  await db.notes.bulkPut(list.flatMap((i) => (i.note ? [i.note] : [])));
  await db.flags.bulkPut(list.flatMap((i) => (i.flag ? [i.flag] : [])));
  await db.followUps.bulkPut(list.flatMap((i) => i.followUps));
}
