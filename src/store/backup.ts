// Backup and travel: all notes, flags, follow-ups and agreements of an administration as one
// versioned JSON-able object, and merging such an object back (a file, or the copy the Excel
// layer keeps in the workbook for a colleague). Merging: newest wins per row (per field for
// flags), earlier note texts go into the history, nothing is duplicated, merging twice changes nothing.
import type { SubledgerDb } from './db';
import { checkAnnotations, ANNOTATIONS_FORMAT, ANNOTATIONS_VERSION, type AnnotationsExport } from './backup-check';
import { rowsOfAdministration, usableAnnotations } from './annotations';
import { unionHistory } from './notes';
import type { FlagRow, NoteRow, Timestamp } from './records';
import { logSync } from './sync-log';

export { AnnotationsFormatError, type AnnotationsExport } from './backup-check';

export interface AnnotationsMergeResult {
  added: number;
  updated: number;
  unchanged: number;
}

function withoutAdmin<T extends { adminId: string }>(rows: T[]): Omit<T, 'adminId'>[] {
  return rows.map(({ adminId: _adminId, ...rest }) => rest);
}

/** The backup of an administration; a damaged row is reported (db.damaged) and left out, so the backup restores. */
export async function exportAnnotations(db: SubledgerDb, adminId: string, at: Timestamp = Date.now()): Promise<AnnotationsExport> {
  const rows = usableAnnotations(db, await rowsOfAdministration(db, adminId));
  return {
    format: ANNOTATIONS_FORMAT,
    version: ANNOTATIONS_VERSION,
    exportedAt: at,
    notes: withoutAdmin(rows.notes),
    flags: withoutAdmin(rows.flags),
    followUps: withoutAdmin(rows.followUps),
    agreements: withoutAdmin(rows.agreements),
  };
}

/** Merges a backup (the object, or its JSON text) into the administration. Checks everything first. */
export async function importAnnotations(
  db: SubledgerDb,
  adminId: string,
  data: unknown,
  at: Timestamp = Date.now(),
): Promise<AnnotationsMergeResult> {
  const backup = checkAnnotations(data);
  const result: AnnotationsMergeResult = { added: 0, updated: 0, unchanged: 0 };
  await db.transaction('rw', [db.notes, db.flags, db.followUps, db.agreements, db.syncLog], async () => {
    const local = await rowsOfAdministration(db, adminId);
    const merge = <T extends { itemKey: string }>(mine: T[], theirs: Omit<T, 'adminId'>[], key: (r: T) => string, pick: (a: T, b: T) => T): T[] =>
      mergeRows(mine, theirs.map((r) => ({ ...r, adminId }) as unknown as T), key, pick, result);
    await db.notes.bulkPut(merge(local.notes, backup.notes, (n) => n.itemKey, mergeNotes));
    await db.flags.bulkPut(merge(local.flags, backup.flags, (f) => f.itemKey, mergeFlags));
    await db.followUps.bulkPut(merge(local.followUps, backup.followUps, (f) => f.id, newerRow));
    await db.agreements.bulkPut(merge(local.agreements, backup.agreements, (g) => g.id, newerRow));
    await logSync(db, adminId, 'annotations-import', { ...result }, at);
  });
  return result;
}

/** The rows that change: incoming rows new here, or merged into a different row. */
function mergeRows<T>(mine: T[], theirs: T[], key: (r: T) => string, pick: (a: T, b: T) => T, result: AnnotationsMergeResult): T[] {
  const byKey = new Map(mine.map((r) => [key(r), r]));
  const changed = new Map<string, T>();
  for (const incoming of theirs) {
    const k = key(incoming);
    const current = byKey.get(k);
    const merged = current === undefined ? incoming : pick(current, incoming);
    if (current !== undefined && sameRow(current, merged)) {
      result.unchanged += 1;
      continue;
    }
    result[current === undefined ? 'added' : 'updated'] += 1;
    byKey.set(k, merged);
    changed.set(k, merged);
  }
  return [...changed.values()];
}

/** Equal content, whatever the order of the fields. */
function sameRow(a: unknown, b: unknown): boolean {
  return canonicalJson(a) === canonicalJson(b);
}

function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    typeof v === 'object' && v !== null && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)))
      : v,
  );
}

/**
 * The later of two versions by `time`; on a tie the one whose content sorts last, so that two
 * stores merging each other's backups always pick the same one.
 */
function later<T>(a: T, b: T, time: (v: T) => number, content: (v: T) => string = canonicalJson): T {
  const d = time(b) - time(a);
  if (d !== 0) return d > 0 ? b : a;
  return content(b) > content(a) ? b : a;
}

/** Follow-ups and agreements: the later edit wins. */
function newerRow<T extends { updatedAt: number }>(mine: T, theirs: T): T {
  return later(mine, theirs, (r) => r.updatedAt);
}

/** Flags: `handled` and `paymentPrepared` each by their own time. */
export function mergeFlags(mine: FlagRow, theirs: FlagRow): FlagRow {
  const handled = later(mine, theirs, (f) => f.handledAt, (f) => String(f.handled));
  const merged: FlagRow = {
    ...mine,
    handled: handled.handled,
    handledAt: handled.handledAt,
    updatedAt: Math.max(mine.updatedAt, theirs.updatedAt),
  };
  const prepared = newerPrepared(mine.paymentPrepared, theirs.paymentPrepared);
  if (prepared) merged.paymentPrepared = prepared;
  const partyKey = mine.partyKey ?? theirs.partyKey;
  if (partyKey !== undefined) merged.partyKey = partyKey;
  return merged;
}

function newerPrepared(a: FlagRow['paymentPrepared'], b: FlagRow['paymentPrepared']): FlagRow['paymentPrepared'] {
  if (!a || !b) return a ?? b;
  return later(a, b, (p) => p.at);
}

/** Notes: the later text wins, the other text and both histories are kept, without repeats. */
export function mergeNotes(mine: NoteRow, theirs: NoteRow): NoteRow {
  const newer = later(mine, theirs, (n) => n.editedAt, (n) => `${n.text}\u0000${n.by}`);
  const older = newer === mine ? theirs : mine;
  const versions = [...mine.history, ...theirs.history];
  if (older.text !== newer.text && older.text !== '') {
    versions.push({ field: 'note', text: older.text, at: older.editedAt, by: older.by, replacedAt: newer.editedAt, reason: 'edited' });
  }
  const merged: NoteRow = {
    ...mine,
    text: newer.text,
    editedAt: newer.editedAt,
    by: newer.by,
    createdAt: Math.min(mine.createdAt, theirs.createdAt),
    history: unionHistory(versions),
  };
  const partyKey = mine.partyKey ?? theirs.partyKey;
  if (partyKey !== undefined) merged.partyKey = partyKey;
  return merged;
}
