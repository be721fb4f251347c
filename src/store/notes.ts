// Notes on items: one current text per item, every earlier text kept in its history (also the
// losing side of a sheet/pane conflict). A cleared note keeps its row, so the clearing travels.
import type { SubledgerDb } from './db';
import { usableRow, usableRows } from './record-guard';
import { upsertRow } from './table-ops';
import { keyedRow, type EditSource, type ItemRef, type NoteRow, type NoteVersion, type Timestamp, type WriteOptions } from './records';

/** The note after `text` was written; the replaced text goes into the history. Pure. */
export function withNoteText(
  adminId: string,
  ref: ItemRef,
  existing: NoteRow | undefined,
  text: string,
  at: Timestamp,
  by: EditSource,
  reason: NoteVersion['reason'] = 'edited',
): NoteRow {
  if (!existing) return { ...keyedRow(adminId, ref), text, createdAt: at, editedAt: at, by, history: [] };
  const partyKey = existing.partyKey ?? ref.partyKey;
  const base = partyKey === undefined ? existing : { ...existing, partyKey };
  if (existing.text === text) return base;
  const history = existing.text === '' ? existing.history : withVersion(existing.history, replaced(existing, at, reason));
  return { ...base, text, editedAt: at, by, history };
}

function replaced(note: NoteRow, at: Timestamp, reason: NoteVersion['reason']): NoteVersion {
  return { field: 'note', text: note.text, at: note.editedAt, by: note.by, replacedAt: at, reason };
}

/** The note with one more version in its history (the losing side of a conflict). Pure. */
export function withHistory(adminId: string, ref: ItemRef, note: NoteRow | undefined, version: NoteVersion): NoteRow {
  const row = note ?? { ...keyedRow(adminId, ref), text: '', createdAt: version.replacedAt, editedAt: 0, by: version.by, history: [] };
  const known = row.history.some((h) => h.field === version.field && h.at === version.at && h.text === version.text);
  return known ? row : { ...row, history: withVersion(row.history, version) };
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** History order: by when a version was replaced, then when it was written, then content. */
export function compareVersions(a: NoteVersion, b: NoteVersion): number {
  return (
    a.replacedAt - b.replacedAt ||
    a.at - b.at ||
    compareText(a.field, b.field) ||
    compareText(a.text, b.text) ||
    compareText(a.by, b.by) ||
    compareText(a.reason, b.reason)
  );
}

/**
 * A history with one entry per version (field, time written, text): the earliest record of its
 * replacement, in history order. The same text written at the same time can be replaced twice
 * (edits typed with the clock set back, or merged from a colleague); it is one version.
 */
export function unionHistory(versions: readonly NoteVersion[]): NoteVersion[] {
  const byId = new Map<string, NoteVersion>();
  for (const v of [...versions].sort(compareVersions)) {
    const id = `${v.field}\u0000${v.at}\u0000${v.text}`;
    if (!byId.has(id)) byId.set(id, v);
  }
  return [...byId.values()];
}

function withVersion(history: readonly NoteVersion[], version: NoteVersion): NoteVersion[] {
  return unionHistory([...history, version]);
}

export async function setNote(
  db: SubledgerDb,
  adminId: string,
  ref: ItemRef,
  text: string,
  options: WriteOptions = {},
): Promise<NoteRow> {
  const at = options.at ?? Date.now();
  return upsertRow(db, db.notes, [adminId, ref.itemKey], (existing) => withNoteText(adminId, ref, existing, text, at, options.by ?? 'pane'));
}

export async function getNote(db: SubledgerDb, adminId: string, itemKey: string): Promise<NoteRow | undefined> {
  return usableRow(db, 'notes', await db.notes.get([adminId, itemKey]));
}

export async function notesOfAdministration(db: SubledgerDb, adminId: string): Promise<NoteRow[]> {
  return usableRows(db, 'notes', await db.notes.where('adminId').equals(adminId).toArray());
}
