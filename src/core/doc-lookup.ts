// Invoices and credit notes by (party, doc_no), for allocation by `settles` and the duplicate
// check: an open-addressing hash table in one Int32Array, so a million documents cost no garbage
// and no rehashing. The first of a (party, doc_no) in input order holds the slot; later ones are
// listed as duplicates. A slot holds everything a lookup compares (the party, and where the doc_no
// stands in one text of all the documents' numbers), so a lookup reads two small arrays and never
// an entry: on a big ledger the entries lie scattered over hundreds of megabytes, and reaching one
// at random cost more than the rest of the lookup together.
import type { Entry } from './types';

/** Int32s per slot: the entry index (−1 = empty), its party number, its doc_no's start and length in `texts`. */
const SLOT = 4;

export interface DocLookup {
  /** SLOT numbers per slot (see SLOT). */
  slots: Int32Array;
  /** The number of slots − 1 (a power of two − 1). */
  mask: number;
  /** The doc_no of every document, one after another. */
  texts: string;
  /** Invoices and credit notes whose (party, doc_no) an earlier one already holds. */
  duplicates: number[];
}

/** An empty table (no documents). */
export function emptyDocLookup(): DocLookup {
  return { slots: new Int32Array(SLOT).fill(-1), mask: 0, texts: '', duplicates: [] };
}

/** FNV-1a of text[start, end) mixed with the party number. */
function docHash(p: number, text: string, start: number, end: number): number {
  let h = 2166136261 ^ p;
  for (let c = start; c < end; c++) h = Math.imul(h ^ text.charCodeAt(c), 16777619);
  return (h ^ (h >>> 15)) >>> 0;
}

/** The slot (a multiple of SLOT) holding (p, text[start, end)), or the empty one where it belongs. */
function docSlot(table: DocLookup, p: number, text: string, start: number, end: number): number {
  const { slots, mask, texts } = table;
  const length = end - start;
  let s = docHash(p, text, start, end) & mask;
  for (;;) {
    const at = s * SLOT;
    if (slots[at] === -1) return at;
    if (slots[at + 1] === p && slots[at + 3] === length) {
      const from = (slots[at + 2] as number) - start;
      let c = start;
      while (c < end && text.charCodeAt(c) === texts.charCodeAt(from + c)) c++;
      if (c === end) return at;
    }
    s = (s + 1) & mask;
  }
}

/** The table of the entries `isDoc` picks, `party` holding each entry's party number. */
export function buildDocLookup(entries: Entry[], party: Int32Array, isDoc: (i: number) => boolean): DocLookup {
  const docs: number[] = [];
  const numbers: string[] = [];
  for (let i = 0; i < entries.length; i++) {
    if (!isDoc(i)) continue;
    docs.push(i);
    numbers.push((entries[i] as Entry).docNo);
  }
  let size = 16;
  while (size < docs.length * 2) size *= 2;
  const table: DocLookup = { slots: new Int32Array(size * SLOT).fill(-1), mask: size - 1, texts: numbers.join(''), duplicates: [] };
  const { slots, texts } = table;
  let start = 0;
  docs.forEach((i, k) => {
    const end = start + (numbers[k] as string).length;
    const p = party[i] as number;
    const at = docSlot(table, p, texts, start, end);
    if (slots[at] === -1) {
      slots[at] = i;
      slots[at + 1] = p;
      slots[at + 2] = start;
      slots[at + 3] = end - start;
    } else table.duplicates.push(i);
    start = end;
  });
  return table;
}

/** The entry index of the first document of party `p` with this doc_no, or −1. */
export function lookupDoc(table: DocLookup, p: number, docNo: string): number {
  return table.slots[docSlot(table, p, docNo, 0, docNo.length)] as number;
}
