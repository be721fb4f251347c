// Follow-up actions on items: "call again on 12 March", with a due date and done/not done.
// The sheet shows an item's earliest open follow-up date (`nextFollowUp`).
import { Dexie } from 'dexie';
import type { Day } from '../core/date';
import type { SubledgerDb } from './db';
import { newId } from './ids';
import { usableRows } from './record-guard';
import { modifyRow } from './table-ops';
import { keyedRow, type FollowUpRow, type ItemRef, type Timestamp, type WriteOptions } from './records';

export interface NewFollowUp {
  dueDate: Day;
  text?: string;
}

/** A new open follow-up row. Pure. */
export function newFollowUp(adminId: string, ref: ItemRef, action: NewFollowUp, at: Timestamp, by: FollowUpRow['by']): FollowUpRow {
  return {
    ...keyedRow(adminId, ref),
    id: newId(),
    dueDate: action.dueDate,
    text: action.text ?? '',
    done: 0,
    createdAt: at,
    updatedAt: at,
    by,
  };
}

/** The row marked done (or open again) at `at`. Pure. */
export function withDone(row: FollowUpRow, done: boolean, at: Timestamp): FollowUpRow {
  const { doneAt: _doneAt, ...rest } = row;
  return done ? { ...rest, done: 1, doneAt: at, updatedAt: at } : { ...rest, done: 0, updatedAt: at };
}

export async function addFollowUp(
  db: SubledgerDb,
  adminId: string,
  ref: ItemRef,
  action: NewFollowUp,
  options: WriteOptions = {},
): Promise<FollowUpRow> {
  const row = newFollowUp(adminId, ref, action, options.at ?? Date.now(), options.by ?? 'pane');
  await db.followUps.add(row);
  return row;
}

/** The same follow-up on many items at once (a selection in the pane), in one transaction: all or none. */
export async function addFollowUps(
  db: SubledgerDb,
  adminId: string,
  refs: readonly ItemRef[],
  action: NewFollowUp,
  options: WriteOptions = {},
): Promise<FollowUpRow[]> {
  const at = options.at ?? Date.now();
  const rows = refs.map((ref) => newFollowUp(adminId, ref, action, at, options.by ?? 'pane'));
  await db.transaction('rw', db.followUps, () => db.followUps.bulkAdd(rows));
  return rows;
}

/** Changes the due date or text of a follow-up; returns the row, or undefined when it is gone. */
export async function updateFollowUp(
  db: SubledgerDb,
  id: string,
  change: Partial<NewFollowUp>,
  options: WriteOptions = {},
): Promise<FollowUpRow | undefined> {
  const at = options.at ?? Date.now();
  return modifyRow(db, db.followUps, id, (row) => ({ ...row, ...change, updatedAt: at, by: options.by ?? 'pane' }));
}

export async function setFollowUpDone(
  db: SubledgerDb,
  id: string,
  done: boolean,
  options: WriteOptions = {},
): Promise<FollowUpRow | undefined> {
  const at = options.at ?? Date.now();
  return modifyRow(db, db.followUps, id, (row) => withDone(row, done, at));
}

export async function followUpsOfItem(db: SubledgerDb, adminId: string, itemKey: string): Promise<FollowUpRow[]> {
  const rows = usableRows(db, 'followUps', await db.followUps.where('[adminId+itemKey]').equals([adminId, itemKey]).toArray());
  return rows.sort((a, b) => a.dueDate - b.dueDate);
}

/** Open follow-ups due on or before `until`, earliest first: the controller's to-do list. */
export async function followUpsDue(db: SubledgerDb, adminId: string, until: Day): Promise<FollowUpRow[]> {
  const rows = await db.followUps
    .where('[adminId+done+dueDate]')
    .between([adminId, 0, Dexie.minKey], [adminId, 0, until], true, true)
    .toArray();
  return usableRows(db, 'followUps', rows);
}

/** The earliest due date among the open follow-ups, or null. Pure. */
export function nextFollowUp(rows: readonly FollowUpRow[]): Day | null {
  let next: Day | null = null;
  for (const r of rows) if (r.done === 0 && (next === null || r.dueDate < next)) next = r.dueDate;
  return next;
}
