// Open items as of a date (ledger.md §2) as rows: every item (open and settled) or only the open
// ones with their age and bucket. The allocation itself is computed in item-table.ts.
//   invoice INV-1 100.00 on 03-01, payment −60.00 on 03-20 settles INV-1
//   as of 03-10 → INV-1 open 100.00;  as of 03-31 → INV-1 open 40.00
import { basisDates, bucketIndex, checkBuckets } from './aging';
import type { Day } from './date';
import { itemKeysOf } from './item-key';
import { itemTable, NO_DAY, partyDayKey, type ItemTable } from './item-table';
import { ledgerIndex, type LedgerIndex } from './ledger-index';
import { DEFAULT_BUCKETS, type AgingBasis, type Item, type OpenItem } from './report-types';
import type { Entry, Ledger } from './types';

export interface OpenItemsParams {
  basis?: AgingBasis;
  /** Ascending day limits, default 30,60,90,120. */
  buckets?: readonly number[];
}

/** What an item shows of its own entry (also what core/settlements shows of a settling entry). */
export type EntryFields = Omit<Item, 'key' | 'open' | 'openBase' | 'settledDate' | 'paymentRef'>;

/** The fields of entry i as an item row shows them, the party named as in every report. */
export function entryFields(x: LedgerIndex, i: number): EntryFields {
  const e = x.ledger.entries[i] as Entry;
  return {
    ledger: e.ledger,
    partyId: e.partyId,
    partyName: (x.parties[x.party[i] as number] as { name: string }).name,
    docNo: e.docNo,
    entryType: e.entryType,
    entryDate: e.entryDate,
    docDate: e.docDate,
    dueDate: e.dueDate,
    currency: e.currency,
    amount: e.amount,
    amountBase: e.amountBase,
    description: e.description ?? '',
  };
}

function toItem(x: LedgerIndex, t: ItemTable, k: number): Item {
  const i = t.entry[k] as number;
  const e = x.ledger.entries[i] as Entry;
  const settled = t.settled[k] as number;
  const item: Item = {
    key: itemKeysOf(x)[i] as string,
    ...entryFields(x, i),
    open: t.open[k] as number,
    openBase: t.openBase[k] as number,
    settledDate: settled === NO_DAY ? null : settled,
  };
  if (e.paymentRef !== undefined) item.paymentRef = e.paymentRef;
  return item;
}

function text(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Order of item rows: party (AR first, by id), due date, doc_no, then every other field. */
function compareEntries(x: LedgerIndex, i: number, j: number): number {
  const a = x.ledger.entries[i] as Entry;
  const b = x.ledger.entries[j] as Entry;
  return (
    (x.party[i] as number) - (x.party[j] as number) ||
    a.dueDate - b.dueDate ||
    text(a.docNo, b.docNo) ||
    text(a.entryType, b.entryType) ||
    a.entryDate - b.entryDate ||
    a.docDate - b.docDate ||
    a.amount - b.amount ||
    a.amountBase - b.amountBase ||
    text(a.currency, b.currency) ||
    text(a.description ?? '', b.description ?? '')
  );
}

/** Positions in the table of the items that pass `keep`, in report order (party, due date first). */
function sortedPositions(x: LedgerIndex, t: ItemTable, keep: (k: number) => boolean): number[] {
  const ks: number[] = [];
  for (let k = 0; k < t.count; k++) if (keep(k)) ks.push(k);
  const key = new Float64Array(t.count);
  for (const k of ks) {
    const i = t.entry[k] as number;
    key[k] = partyDayKey(x.party[i] as number, x.dueDate[i] as number);
  }
  return ks.sort((p, q) => (key[p] as number) - (key[q] as number) || compareEntries(x, t.entry[p] as number, t.entry[q] as number));
}

/** Every item as of `asOf`, open and settled, ordered by party, due date and doc_no. */
export function allItemsAsOf(ledger: Ledger, asOf: Day): Item[] {
  const x = ledgerIndex(ledger);
  const t = itemTable(x, asOf);
  return sortedPositions(x, t, () => true).map((k) => toItem(x, t, k));
}

/** The open items as of `asOf` (open amount ≠ 0, negative ones too) with age and bucket. */
export function openItemsAsOf(ledger: Ledger, asOf: Day, params: OpenItemsParams = {}): OpenItem[] {
  const basis = params.basis ?? 'due';
  const buckets = params.buckets ?? DEFAULT_BUCKETS;
  checkBuckets(buckets);
  const x = ledgerIndex(ledger);
  const t = itemTable(x, asOf);
  const dates = basisDates(x, basis);
  return sortedPositions(x, t, (k) => t.open[k] !== 0).map((k) => {
    const ageDays = asOf - (dates[t.entry[k] as number] as number);
    return { ...toItem(x, t, k), ageDays, bucket: bucketIndex(basis, buckets, ageDays) };
  });
}
