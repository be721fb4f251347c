// Invoices and credit notes by (party, doc_no), for allocation by `settles` and the duplicate
// check: an open-addressing hash table of entry indices (−1 = empty) in one Int32Array, so a
// million documents cost no garbage and no rehashing. The first of a (party, doc_no) in input
// order holds the slot; later ones are listed as duplicates.
import type { Entry } from './types';

export interface DocLookup {
  slots: Int32Array;
  mask: number;
  /** Invoices and credit notes whose (party, doc_no) an earlier one already holds. */
  duplicates: number[];
}

/** FNV-1a of the doc_no mixed with the party number. */
function docHash(p: number, docNo: string): number {
  let h = 2166136261 ^ p;
  for (let c = 0; c < docNo.length; c++) h = Math.imul(h ^ docNo.charCodeAt(c), 16777619);
  return (h ^ (h >>> 15)) >>> 0;
}

/** The slot of (p, docNo): the one holding it, or the empty one where it belongs. */
function docSlot(table: DocLookup, entries: Entry[], party: Int32Array, p: number, docNo: string): number {
  let s = docHash(p, docNo) & table.mask;
  for (;;) {
    const t = table.slots[s] as number;
    if (t < 0 || (party[t] === p && (entries[t] as Entry).docNo === docNo)) return s;
    s = (s + 1) & table.mask;
  }
}

/** The table of the entries `isDoc` picks, `party` holding each entry's party number. */
export function buildDocLookup(entries: Entry[], party: Int32Array, isDoc: (i: number) => boolean): DocLookup {
  let count = 0;
  for (let i = 0; i < entries.length; i++) if (isDoc(i)) count++;
  let size = 16;
  while (size < count * 2) size *= 2;
  const table: DocLookup = { slots: new Int32Array(size).fill(-1), mask: size - 1, duplicates: [] };
  for (let i = 0; i < entries.length; i++) {
    if (!isDoc(i)) continue;
    const s = docSlot(table, entries, party, party[i] as number, (entries[i] as Entry).docNo);
    if (table.slots[s] === -1) table.slots[s] = i;
    else table.duplicates.push(i);
  }
  return table;
}

/** The entry index of the first document of party `p` with this doc_no, or −1. */
export function lookupDoc(table: DocLookup, entries: Entry[], party: Int32Array, p: number, docNo: string): number {
  return table.slots[docSlot(table, entries, party, p, docNo)] as number;
}
