// Everything the controller added to the items of an administration, gathered per item: for the
// party view, the "archived" view (items gone from the ledger, i.e. paid) and the open-items sheet.
// Notes on a party itself (core/item-key.ts partyNoteKey) show only in the party view.
import type { Table } from 'dexie';
import { isPartyNoteKey } from '../core/item-key';
import type { SubledgerDb } from './db';
import { nextFollowUp } from './followups';
import { usableRows, type DamageSink } from './record-guard';
import { adminRange } from './table-ops';
import type { AgreementRow, FlagRow, FollowUpRow, NoteRow, SheetAnnotation } from './records';

export interface ItemAnnotations {
  itemKey: string;
  partyKey?: string;
  note: NoteRow | null;
  flag: FlagRow | null;
  followUps: FollowUpRow[];
  agreements: AgreementRow[];
}

export interface Rows {
  notes: NoteRow[];
  flags: FlagRow[];
  followUps: FollowUpRow[];
  agreements: AgreementRow[];
}

function annotationsOf(itemKey: string, partyKey: string | undefined): ItemAnnotations {
  const a: ItemAnnotations = { itemKey, note: null, flag: null, followUps: [], agreements: [] };
  if (partyKey !== undefined) a.partyKey = partyKey;
  return a;
}

/** Groups rows by item key. Pure. */
export function groupByItem(rows: Rows): Map<string, ItemAnnotations> {
  const byKey = new Map<string, ItemAnnotations>();
  const of = (row: { itemKey: string; partyKey?: string }): ItemAnnotations => {
    let a = byKey.get(row.itemKey);
    if (!a) byKey.set(row.itemKey, (a = annotationsOf(row.itemKey, row.partyKey)));
    if (a.partyKey === undefined && row.partyKey !== undefined) a.partyKey = row.partyKey;
    return a;
  };
  for (const n of rows.notes) of(n).note = n;
  for (const f of rows.flags) of(f).flag = f;
  for (const f of rows.followUps) of(f).followUps.push(f);
  for (const g of rows.agreements) of(g).agreements.push(g);
  for (const a of byKey.values()) a.followUps.sort((x, y) => x.dueDate - y.dueDate);
  return byKey;
}

/** Rows keyed [adminId+itemKey] of one administration: a primary-key range, no index lookups. */
async function keyedByItem<T>(table: Table<T, [string, string]>, adminId: string): Promise<T[]> {
  return adminRange(table, '[adminId+itemKey]', adminId).toArray();
}

/**
 * All rows of an administration, read in one transaction, as stored: what a merge changes. A
 * damaged row a merge changes is refused when it is written (record-guard.ts), never overwritten.
 */
export async function rowsOfAdministration(db: SubledgerDb, adminId: string): Promise<Rows> {
  return db.transaction('r', [db.notes, db.flags, db.followUps, db.agreements], async () => ({
    notes: await keyedByItem(db.notes, adminId),
    flags: await keyedByItem(db.flags, adminId),
    followUps: await db.followUps.where('adminId').equals(adminId).toArray(),
    agreements: await db.agreements.where('adminId').equals(adminId).toArray(),
  }));
}

/** The valid rows, to show or to back up; damaged ones are reported and left out. */
export function usableAnnotations(db: DamageSink, rows: Rows): Rows {
  return {
    notes: usableRows(db, 'notes', rows.notes),
    flags: usableRows(db, 'flags', rows.flags),
    followUps: usableRows(db, 'followUps', rows.followUps),
    agreements: usableRows(db, 'agreements', rows.agreements),
  };
}

/** The annotations of the items of an administration, per item key; party notes left out. */
export async function itemAnnotations(db: SubledgerDb, adminId: string): Promise<Map<string, ItemAnnotations>> {
  const all = groupByItem(usableAnnotations(db, await rowsOfAdministration(db, adminId)));
  for (const key of all.keys()) if (isPartyNoteKey(key)) all.delete(key);
  return all;
}

/** Every annotated item of one party (open or paid) and the notes on the party itself, for the party view. */
export async function annotationsForParty(db: SubledgerDb, adminId: string, partyKey: string): Promise<ItemAnnotations[]> {
  const rows = await db.transaction('r', [db.notes, db.flags, db.followUps, db.agreements], async () => {
    const key: [string, string] = [adminId, partyKey];
    return {
      notes: await db.notes.where('[adminId+partyKey]').equals(key).toArray(),
      flags: await db.flags.where('[adminId+partyKey]').equals(key).toArray(),
      followUps: await db.followUps.where('[adminId+partyKey]').equals(key).toArray(),
      agreements: await db.agreements.where('[adminId+partyKey]').equals(key).toArray(),
    };
  });
  return [...groupByItem(usableAnnotations(db, rows)).values()].filter(hasContent);
}

/** True when anything is worth showing: a note or its history, a flag, an action, a promise. */
export function hasContent(a: ItemAnnotations): boolean {
  return (
    (a.note !== null && (a.note.text !== '' || a.note.history.length > 0)) ||
    (a.flag !== null && (a.flag.handled || a.flag.paymentPrepared !== undefined)) ||
    a.followUps.length > 0 ||
    a.agreements.length > 0
  );
}

/**
 * The annotations of items that are no longer open (paid, or gone from the last import): the
 * "archived" view. `openKeys` are the item keys of the current open items.
 */
export async function archivedAnnotations(
  db: SubledgerDb,
  adminId: string,
  openKeys: Iterable<string>,
): Promise<ItemAnnotations[]> {
  const open = openKeys instanceof Set ? (openKeys as ReadonlySet<string>) : new Set(openKeys);
  const all = await itemAnnotations(db, adminId);
  return [...all.values()].filter((a) => !open.has(a.itemKey) && hasContent(a));
}

export const EMPTY_SHEET_ANNOTATION: Readonly<SheetAnnotation> = { handled: false, note: '', followUp: null };

/** What the sheet shows for an item. Pure. */
export function sheetAnnotationOf(a: ItemAnnotations): SheetAnnotation {
  return { handled: a.flag?.handled ?? false, note: a.note?.text ?? '', followUp: nextFollowUp(a.followUps) };
}

/** Handled / Note / Follow-up per item key, for filling the open-items sheet. */
export async function annotationsForSheet(db: SubledgerDb, adminId: string): Promise<Map<string, SheetAnnotation>> {
  const all = await itemAnnotations(db, adminId);
  return sheetMap(all);
}

/** The sheet values of annotated items that show anything (party notes are no item). Pure. */
export function sheetMap(all: ReadonlyMap<string, ItemAnnotations>): Map<string, SheetAnnotation> {
  const map = new Map<string, SheetAnnotation>();
  for (const [key, a] of all) {
    if (isPartyNoteKey(key)) continue;
    const shown = sheetAnnotationOf(a);
    if (shown.handled || shown.note !== '' || shown.followUp !== null) map.set(key, shown);
  }
  return map;
}
