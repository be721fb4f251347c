// The item lists of the Open items, Parties and Payments tabs (every item as of a day, with its
// row, and the entries that settled items) computed by a worker from the cached ledger: the
// engine's index of a million entries and its lists are built there, not in one task of the pane.
// The worker sends them in batches of typed columns (record-columns.ts); the pane makes the rows a
// slice at a time (entry-assembly.ts) and groups the settling entries per item as it goes. The
// lists are of the cache generation the worker read: the pane takes them only where that is the
// generation of the ledger it shows (another pane may have replaced the cache since, or a save
// may have failed), else it makes them itself.
import type { Day } from '../../core/date';
import { allItemsAsOf } from '../../core/open-items';
import type { Item } from '../../core/report-types';
import { settlementsByItem, settlingEntriesAsOf, type SettlingEntry } from '../../core/settlements';
import type { Ledger } from '../../core/types';
import type { SubledgerDb } from '../../store/db';
import { readCachedLedger } from './cached-source';
import { itemRows, type ItemRow } from '../model/open-items-filter';
import { SlicedAssembly } from './entry-assembly';
import type { FromWorker, ToWorker } from './import-protocol';
import { decodeRecords, encodeRecords, recordBuffers, type EncodedRecords, type RecordShape } from './record-columns';

const ITEM_TEXTS = ['key', 'ledger', 'partyId', 'partyName', 'docNo', 'entryType', 'currency', 'description', 'paymentRef'] as const satisfies readonly (keyof Item)[];
const ITEM_NUMBERS = ['entryDate', 'docDate', 'dueDate', 'amount', 'amountBase', 'open', 'openBase', 'settledDate'] as const satisfies readonly (keyof Item)[];
const SETTLING_TEXTS = ['id', 'settles', 'settlesDocNo', 'ledger', 'partyId', 'partyName', 'docNo', 'entryType', 'currency', 'description'] as const satisfies readonly (keyof SettlingEntry)[];
const SETTLING_NUMBERS = ['entryDate', 'docDate', 'dueDate', 'amount', 'amountBase'] as const satisfies readonly (keyof SettlingEntry)[];
// Every field of an item and of a settling entry travels: a field added to either fails here.
type Left<T, A extends readonly string[], B extends readonly string[]> = Exclude<keyof T, A[number] | B[number]>;
const _everyItemField: [Left<Item, typeof ITEM_TEXTS, typeof ITEM_NUMBERS>] extends [never] ? true : never = true;
const _everySettlingField: [Left<SettlingEntry, typeof SETTLING_TEXTS, typeof SETTLING_NUMBERS>] extends [never] ? true : never = true;

export const ITEM_SHAPE: RecordShape = { texts: ITEM_TEXTS, numbers: ITEM_NUMBERS };
export const SETTLING_SHAPE: RecordShape = { texts: SETTLING_TEXTS, numbers: SETTLING_NUMBERS };

/** Records per message: a batch deserialises in a few milliseconds. */
const BATCH = 10_000;

export type ListName = 'items' | 'settling';

type Post = (message: FromWorker, transfer: Transferable[]) => void;

/** The worker's answer to a `lists` request: the lists of the cached ledger, or that none is cached. */
export async function answerLists(db: SubledgerDb, request: Extract<ToWorker, { kind: 'lists' }>, post: Post): Promise<void> {
  const cached = await readCachedLedger(db, request.adminId);
  if (cached) postLists(cached.ledger, cached.generation, request.asOf, request.ticket, post);
  else post({ kind: 'lists', ticket: request.ticket, generation: null, items: 0, settling: 0 }, []);
}

/** The lists of `ledger` (cache generation `generation`) as of `asOf`, as the worker posts them: their sizes, then their batches. */
function postLists(ledger: Ledger, generation: string, asOf: Day, ticket: number, post: Post): void {
  const lists: Record<ListName, readonly object[]> = { items: allItemsAsOf(ledger, asOf), settling: settlingEntriesAsOf(ledger, asOf) };
  post({ kind: 'lists', ticket, generation, items: lists.items.length, settling: lists.settling.length }, []);
  for (const list of ['items', 'settling'] as const) {
    const shape = list === 'items' ? ITEM_SHAPE : SETTLING_SHAPE;
    for (let start = 0; start < lists[list].length; start += BATCH) {
      const batch = encodeRecords(lists[list].slice(start, start + BATCH), shape);
      post({ kind: 'records', ticket, list, batch }, recordBuffers(batch));
    }
  }
  post({ kind: 'listed', ticket }, []);
}

/** The lists the tabs read, as the pane holds them. */
export interface ItemListsOf {
  rows: ItemRow[];
  settling: SettlingEntry[];
  /** itemKey → the entries that settled it, oldest first (core `settlementsByItem`). */
  settledBy: Map<string, SettlingEntry[]>;
}

/** The rows of items `from`–`to` of a batch. */
function decodeItemRows(batch: EncodedRecords, from: number, to: number, into: ItemRow[]): void {
  const items: Item[] = [];
  decodeRecords(batch, ITEM_SHAPE, from, to, items);
  for (const row of itemRows(items)) into.push(row);
}

/**
 * The lists of the administration's cached ledger as of `asOf`, from a worker started for this
 * question; null where no worker can start, or where the cache does not hold generation
 * `generation` (not the ledger the pane shows). `onProgress` gets the records made of the total.
 */
export function listsOfCache(db: SubledgerDb, adminId: string, asOf: Day, generation: string, onProgress: (done: number, total: number) => void): Promise<ItemListsOf | null> {
  if (typeof Worker !== 'function') return Promise.resolve(null);
  const worker = new Worker(new URL('./import.worker.ts', import.meta.url));
  const settledBy = new Map<string, SettlingEntry[]>();
  let total = 0;
  const progress = () => onProgress(rows.decoded.length + settling.decoded.length, total);
  const rows = new SlicedAssembly<EncodedRecords, ItemRow>(decodeItemRows, progress);
  const settling = new SlicedAssembly<EncodedRecords, SettlingEntry>((batch, from, to, into) => {
    const decoded: SettlingEntry[] = [];
    decodeRecords(batch, SETTLING_SHAPE, from, to, decoded);
    for (const s of decoded) into.push(s);
    settlementsByItem(decoded, settledBy);
  }, progress);
  return new Promise<ItemListsOf | null>((resolve, reject) => {
    worker.onmessage = (event: MessageEvent<FromWorker>) => {
      const message = event.data;
      if (message.kind === 'lists') {
        if (message.generation !== generation) return resolve(null);
        total = message.items + message.settling;
        if (total === 0) resolve({ rows: [], settling: [], settledBy });
      } else if (message.kind === 'records') {
        (message.list === 'items' ? rows : settling).add(message.batch);
      } else if (message.kind === 'listed') {
        worker.terminate();
        Promise.all([rows.done(), settling.done()]).then(([r, s]) => resolve({ rows: r, settling: s, settledBy }), reject);
      } else if (message.kind === 'crashed') reject(new Error(message.message));
    };
    worker.onerror = (event) => {
      event.preventDefault();
      reject(new Error(event.message || 'The worker stopped.'));
    };
    worker.postMessage({ kind: 'lists', ticket: 1, dbName: db.name, adminId, asOf } satisfies ToWorker);
  }).finally(() => worker.terminate());
}
