// What settled each item as of a date: the entries the index allocated to it (ledger.md §2.2,
// `target` in ledger-index.ts), read from that allocation and never matched again here.
//   INV-1 100.00 on 03-01, PAY-9 −100.00 on 03-20 settles INV-1
//   as of 03-31 → [{ settles: key of INV-1, docNo: 'PAY-9', entryType: 'payment', amount: −10000, … }]
// A settling entry counts from its own entry_date once its item exists; before its item is booked
// it is an item of its own (ledger.md §2.3) and is not listed here.
import type { Day } from './date';
import { itemKeysOf } from './item-key';
import { docNoOf, KIND_SETTLING, ledgerIndex } from './ledger-index';
import { entryFields, type EntryFields } from './open-items';
import type { Ledger } from './types';

export interface SettlingEntry extends EntryFields {
  /** A row id for lists (the settled item's key, `>`, and the entry's position among its settlements); never an item key. */
  id: string;
  /** The key (core/item-key.ts) of the item this entry settles. */
  settles: string;
  /** doc_no of the item it settles. */
  settlesDocNo: string;
}

/** Every entry that settles an item as of `asOf`, in entry_date order (then ledger order). */
export function settlingEntriesAsOf(ledger: Ledger, asOf: Day): SettlingEntry[] {
  const x = ledgerIndex(ledger);
  const keys = itemKeysOf(x);
  const found: number[] = [];
  for (let i = 0; i < x.size; i++) {
    if (x.kind[i] !== KIND_SETTLING || (x.entryDate[i] as number) > asOf) continue;
    if ((x.entryDate[x.target[i] as number] as number) > asOf) continue;
    found.push(i);
  }
  found.sort((i, j) => (x.entryDate[i] as number) - (x.entryDate[j] as number) || i - j);
  const seen = new Map<string, number>();
  return found.map((i) => {
    const t = x.target[i] as number;
    const settles = keys[t] as string;
    const n = (seen.get(settles) ?? 0) + 1;
    seen.set(settles, n);
    return {
      id: `${settles}>${n}`,
      settles,
      settlesDocNo: docNoOf(x, t),
      ...entryFields(x, i),
    };
  });
}

/**
 * The settling entries grouped by the key of the item they settle, each group in the order given;
 * added to `byItem` where given (a list grouped a part at a time, as the pane decodes it).
 */
export function settlementsByItem(entries: readonly SettlingEntry[], byItem = new Map<string, SettlingEntry[]>()): Map<string, SettlingEntry[]> {
  for (const s of entries) {
    const list = byItem.get(s.settles);
    if (list) list.push(s);
    else byItem.set(s.settles, [s]);
  }
  return byItem;
}
