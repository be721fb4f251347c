// Schema version 3: every note, flag, follow-up, promise, payment batch and the sheet's merge base
// moves from the key its list gave it to the item's own key (core/item-key.ts).
//
// Before version 3 a twin (rows sharing ledger·party·doc·type) was numbered `#2`, `#3`, … in the
// order of whichever list showed it — the pane's list of all items as of today, or the open items
// of the sheet and the payment plan — ordered by due date, then entry date, doc date, amount. The
// rule below is that old numbering, frozen here so the upgrade can read the old keys; nothing else
// uses it. A record is moved by the list it was most likely written from: a payment (its batch, a
// flag with `paymentPrepared`) and anything first written by the sheet by the open items, the rest
// by the pane's list; both lists are taken as of the day of the upgrade from the cached ledger.
// Keys without twins are the same under both rules and are not touched. Limits: a twin written
// from a list as of another date, or whose ledger was replaced since, may land on another twin of
// the same document; a backup file or a workbook's notes part made before version 3 keeps its old
// twin keys (plain keys, the vast majority, are unaffected).
import type { Table, Transaction } from 'dexie';
import { baseItemKey, twinKey } from '../core/item-key';
import { today } from '../core/date';
import { allItemsAsOf } from '../core/open-items';
import type { Item } from '../core/report-types';
import type { Ledger } from '../core/types';
import { readLedger } from './ledger-cache';
import type {
  AgreementRow,
  FlagRow,
  FollowUpRow,
  KeyedRow,
  LedgerChunkRow,
  LedgerHeadRow,
  NoteRow,
  PaymentBatchRow,
  SheetStateRow,
} from './records';

/** Old key → new key, for the keys that change. */
export type KeyMoves = ReadonlyMap<string, string>;

export interface LegacyKeyMoves {
  /** Keys as the pane's list (all items, open and settled) numbered them. */
  pane: KeyMoves;
  /** Keys as the open-items sheet and the payment plan (open items only) numbered them. */
  open: KeyMoves;
}

/** The pre-version-3 numbering of a list: twins `#2`, `#3`, … in list order. */
function legacyMoves(items: readonly Item[]): Map<string, string> {
  const seen = new Map<string, number>();
  const moves = new Map<string, string>();
  for (const item of items) {
    const base = baseItemKey(item);
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    const old = twinKey(base, n);
    if (old !== item.key) moves.set(old, item.key);
  }
  return moves;
}

/** How the old keys of a ledger's items map onto their own keys, as of `asOf`. */
export function legacyKeyMoves(ledger: Ledger, asOf: number): LegacyKeyMoves {
  const all = allItemsAsOf(ledger, asOf);
  return { pane: legacyMoves(all), open: legacyMoves(all.filter((i) => i.open !== 0)) };
}

/** Who first wrote a note: the oldest version's writer, else the current one. */
function firstWriter(note: NoteRow): string {
  return note.history.reduce((a, b) => (b.at < a.at ? b : a), { at: note.createdAt, by: note.by }).by;
}

/** The newer of two notes that land on one key; the other's text goes into its history. */
function keepNewer(a: NoteRow, b: NoteRow): NoteRow {
  const [win, lose] = a.editedAt >= b.editedAt ? [a, b] : [b, a];
  if (lose.text === '' || lose.text === win.text) return win;
  const lost = { field: 'note' as const, text: lose.text, at: lose.editedAt, by: lose.by, replacedAt: win.editedAt, reason: 'conflict' as const };
  return { ...win, history: [...win.history, ...lose.history, lost] };
}

/** Moves rows keyed [adminId+itemKey]: the moved rows out first, so two twins may swap keys. */
async function moveKeyedRows<T extends KeyedRow>(
  table: Table<T, [string, string]>,
  adminId: string,
  movesOf: (row: T) => KeyMoves,
  merge: (a: T, b: T) => T,
): Promise<void> {
  const rows = await table.where('adminId').equals(adminId).toArray();
  const landing = new Map<string, { row: T; moved: boolean }>();
  const out: [string, string][] = [];
  for (const row of rows) {
    const to = movesOf(row).get(row.itemKey);
    if (to !== undefined) out.push([adminId, row.itemKey]);
    const next = to === undefined ? row : { ...row, itemKey: to };
    const there = landing.get(next.itemKey);
    landing.set(next.itemKey, { row: there ? merge(there.row, next) : next, moved: (there?.moved ?? false) || to !== undefined });
  }
  if (out.length === 0) return;
  await table.bulkDelete(out);
  await table.bulkPut([...landing.values()].filter((l) => l.moved).map((l) => l.row));
}

async function moveAdministration(tx: Transaction, adminId: string, moves: LegacyKeyMoves): Promise<void> {
  const bySource = (by: string): KeyMoves => (by === 'sheet' ? moves.open : moves.pane);
  await moveKeyedRows(tx.table<NoteRow, [string, string]>('notes'), adminId, (n) => bySource(firstWriter(n)), keepNewer);
  await moveKeyedRows(
    tx.table<FlagRow, [string, string]>('flags'),
    adminId,
    (f) => (f.paymentPrepared ? moves.open : moves.pane),
    (a, b) => (a.updatedAt >= b.updatedAt ? a : b),
  );
  for (const name of ['followUps', 'agreements'] as const) {
    await tx
      .table<FollowUpRow | AgreementRow, string>(name)
      .where('adminId')
      .equals(adminId)
      .modify((row) => {
        const to = bySource(row.by).get(row.itemKey);
        if (to !== undefined) row.itemKey = to;
      });
  }
  await tx
    .table<PaymentBatchRow, string>('paymentBatches')
    .where('adminId')
    .equals(adminId)
    .modify((batch) => {
      batch.items = batch.items.map((i) => ({ ...i, itemKey: moves.open.get(i.itemKey) ?? i.itemKey }));
    });
  const sheetState = tx.table<SheetStateRow, string>('sheetState');
  const state = await sheetState.get(adminId);
  if (state && moves.open.size > 0) {
    await sheetState.put({
      ...state,
      base: state.base.map(([key, value]) => [moves.open.get(key) ?? key, value]),
      legacyKeys: [...moves.open],
    });
  }
}

/** v2 → v3: every administration with a cached ledger has its records moved onto the items' own keys. */
export async function moveRecordsToItemKeys(tx: Transaction, asOf: number = today()): Promise<void> {
  const heads = tx.table<LedgerHeadRow, string>('ledgerHeads');
  const chunks = tx.table<LedgerChunkRow, [string, string, number]>('ledgerChunks');
  for (const adminId of await heads.toCollection().primaryKeys()) {
    const ledger = await readLedger(heads, chunks, adminId);
    if (!ledger) continue;
    const moves = legacyKeyMoves(ledger, asOf);
    if (moves.pane.size > 0 || moves.open.size > 0) await moveAdministration(tx, adminId, moves);
  }
}
