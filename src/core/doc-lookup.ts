// Invoices and credit notes by (party, doc_no), for allocation by `settles` and the duplicate
// check: an open-addressing hash table in one Int32Array, so a million documents cost no garbage
// and no rehashing. The first of a (party, doc_no) in input order holds the slot; later ones are
// listed as duplicates. A slot holds everything a lookup compares (the party, and where the doc_no
// stands in one text: the numbers joined, or the file they were read from), so a lookup reads two
// small arrays and never an entry: on a big ledger the entries lie scattered over hundreds of
// megabytes, and reaching one at random cost more than the rest of the lookup together.
import type { CharText } from './char-text';
import { sharedInts } from './shared-memory';

/** Int32s per slot: the entry index (−1 = empty), its party number, its doc_no's start and length in `texts`. */
const SLOT = 4;

export interface DocLookup {
  /** SLOT numbers per slot (see SLOT). */
  slots: Int32Array;
  /** The number of slots − 1 (a power of two − 1). */
  mask: number;
  /** The text the doc_nos stand in (slots hold their start and length). */
  texts: CharText;
  /** Invoices and credit notes whose (party, doc_no) an earlier one already holds. */
  duplicates: number[];
  /**
   * Per party number, the number the party had when the table was built (the one its slots hold
   * and its hash mixes in), when the parties were numbered again since; null: the same numbers.
   */
  ids: Int32Array | null;
}

/** An empty table (no documents). */
export function emptyDocLookup(): DocLookup {
  return { slots: new Int32Array(SLOT).fill(-1), mask: 0, texts: '', duplicates: [], ids: null };
}

/** FNV-1a of text[start, end) mixed with the party number. */
function docHash(p: number, text: CharText, start: number, end: number): number {
  let h = 2166136261 ^ p;
  for (let c = start; c < end; c++) h = Math.imul(h ^ text.charCodeAt(c), 16777619);
  return (h ^ (h >>> 15)) >>> 0;
}

/** The slot (a multiple of SLOT) holding (p, text[start, end)), or the empty one where it belongs. */
function docSlot(table: DocLookup, p: number, text: CharText, start: number, end: number): number {
  return docSlotFrom(table, p, text, start, end, docHash(p, text, start, end) & table.mask);
}

/** docSlot, looking from slot number `s` (where the hash puts it) on. */
function docSlotFrom(table: DocLookup, p: number, text: CharText, start: number, end: number, s: number): number {
  const { slots, mask, texts } = table;
  const length = end - start;
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

/**
 * The table of the entries `isDoc` picks among the first `n`, `party` holding each entry's party
 * number and entry i's doc_no being text[docStart[i], docEnd[i]) (one text for all: the numbers
 * joined, or the file they were read from). `shared`: the slots on a SharedArrayBuffer (for lookups on another thread too).
 */
export function buildDocLookup(
  text: CharText,
  n: number,
  party: Int32Array,
  docStart: Int32Array,
  docEnd: Int32Array,
  isDoc: (i: number) => boolean,
  shared = false,
): DocLookup {
  let count = 0;
  for (let i = 0; i < n; i++) if (isDoc(i)) count++;
  let size = 16;
  while (size < count * 2) size *= 2;
  const slots = shared ? sharedInts(size * SLOT) : new Int32Array(size * SLOT);
  const table: DocLookup = { slots: slots.fill(-1), mask: size - 1, texts: text, duplicates: [], ids: null };
  for (let i = 0; i < n; i++) {
    if (!isDoc(i)) continue;
    const start = docStart[i] as number;
    const end = docEnd[i] as number;
    const p = party[i] as number;
    const at = docSlot(table, p, text, start, end);
    if (slots[at] === -1) {
      slots[at] = i;
      slots[at + 1] = p;
      slots[at + 2] = start;
      slots[at + 3] = end - start;
    } else table.duplicates.push(i);
  }
  return table;
}

/** The entry index of the first document of party `p` with this doc_no, or −1. */
export function lookupDoc(table: DocLookup, p: number, docNo: string): number {
  return lookupDocAt(table, p, docNo, 0, docNo.length);
}

/** The entry index of the first document of party `p` whose doc_no is text[start, end), or −1. */
export function lookupDocAt(table: DocLookup, p: number, text: CharText, start: number, end: number): number {
  const id = table.ids === null ? p : (table.ids[p] as number);
  return table.slots[docSlot(table, id, text, start, end)] as number;
}

/** The most lookups lookupDocsAt makes at once. */
export const LOOKUP_BATCH = 16;

/** Where lookupDocsAt puts what it reads ahead (so that the reads are made). */
let _readAhead = 0;

/**
 * lookupDocAt for `n` (at most LOOKUP_BATCH) documents at once: of party ps[k] whose doc_no is
 * text[starts[k], ends[k]), the entry index into found[k]. The same answers; the slot each one
 * starts at, then the doc_no that slot holds, are read for all of them first: on a big table most
 * of those reads miss the cache, and made one after another in a loop of their own (no read
 * waiting for another) their waits overlap, instead of adding up lookup after lookup.
 */
export function lookupDocsAt(table: DocLookup, ps: Int32Array, text: CharText, starts: Int32Array, ends: Int32Array, n: number, found: Int32Array): void {
  const { slots, mask, texts, ids } = table;
  let read = 0;
  for (let k = 0; k < n; k++) {
    const p = ids === null ? (ps[k] as number) : (ids[ps[k] as number] as number);
    const s = docHash(p, text, starts[k] as number, ends[k] as number) & mask;
    found[k] = s;
    read ^= slots[s * SLOT + 2] as number;
  }
  for (let k = 0; k < n; k++) read ^= texts.charCodeAt(slots[(found[k] as number) * SLOT + 2] as number) | 0;
  for (let k = 0; k < n; k++) {
    const p = ids === null ? (ps[k] as number) : (ids[ps[k] as number] as number);
    found[k] = slots[docSlotFrom(table, p, text, starts[k] as number, ends[k] as number, found[k] as number)] as number;
  }
  _readAhead = read;
}

/** Compares text[a, aEnd) with text[b, bEnd) as strings compare (code units). */
export function compareTextRanges(text: CharText, a: number, aEnd: number, b: number, bEnd: number): number {
  const length = Math.min(aEnd - a, bEnd - b);
  for (let k = 0; k < length; k++) {
    const d = text.charCodeAt(a + k) - text.charCodeAt(b + k);
    if (d !== 0) return d;
  }
  return aEnd - a - (bEnd - b);
}
