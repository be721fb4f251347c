// The parties of a columnar read found by the characters of their party_id where they stand in
// the text: a million rows name some fifty thousand parties, and a row's party is looked up with
// one hash of its cell and one slot that holds the id's first characters, without a string per
// row (the id's string is made once, when the party first comes).
import type { CharText } from './char-text';
import type { Side } from './types';

/** Ints per slot: the hash, the id's length and side, where its first occurrence starts, the number, its first characters. */
const STRIDE = 8;
const HASH = 0;
const LENGTH_SIDE = 1;
const START = 2;
const NUMBER = 3;
const HEAD = 4;
/** Characters held in a slot (two 16-bit characters a word): longer ids are compared in the text past them. */
const HEAD_CHARS = 8;

/**
 * (side, party_id at text[start, end)) → the party's number. A lookup that misses asks `number`
 * for it (made from the id's string) and keeps the answer: the numbers are always those `number` gives.
 */
export class PartyIds {
  private slots: Int32Array;
  private count = 0;

  /** `rows`: how many rows may come (the slots are made for as many parties, up to 2^16: growing is a pass over them all). */
  constructor(
    private readonly text: CharText,
    private readonly number: (ledger: Side, partyId: string) => number,
    rows: number,
  ) {
    let n = 1 << 6;
    while (n < 2 * rows && n < 1 << 17) n *= 2;
    this.slots = new Int32Array(STRIDE * n);
  }

  /** The text its positions are in. */
  get content(): CharText {
    return this.text;
  }

  /** The number of the party `ledger` with the id text[start, end). */
  get(ledger: Side, start: number, end: number): number {
    const text = this.text;
    const length = end - start;
    let h = ledger === 'AR' ? 2166136261 : 84696351;
    for (let i = start; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
    // Slot keys: the length and side in one int; the hash never 0 (0: an empty slot).
    const lengthSide = (length << 1) | (ledger === 'AR' ? 0 : 1);
    h = h | 0 || 1;
    const slots = this.slots;
    const mask = slots.length / STRIDE - 1;
    const head = Math.min(length, HEAD_CHARS);
    for (let s = (h ^ (h >>> 15)) & mask; ; s = (s + 1) & mask) {
      const at = s * STRIDE;
      const held = slots[at + HASH] as number;
      if (held === 0) return this.add(ledger, start, end, h, at);
      if (held !== h || slots[at + LENGTH_SIDE] !== lengthSide) continue;
      let same = true;
      for (let k = 0; k < head && same; k += 2) {
        const pair = text.charCodeAt(start + k) | (k + 1 < head ? text.charCodeAt(start + k + 1) << 16 : 0);
        same = slots[at + HEAD + (k >> 1)] === pair;
      }
      const from = slots[at + START] as number;
      for (let k = HEAD_CHARS; k < length && same; k++) same = text.charCodeAt(from + k) === text.charCodeAt(start + k);
      if (same) return slots[at + NUMBER] as number;
    }
  }

  private add(ledger: Side, start: number, end: number, h: number, at: number): number {
    const text = this.text;
    const length = end - start;
    const p = this.number(ledger, text.slice(start, end));
    const slots = this.slots;
    slots[at + HASH] = h;
    slots[at + LENGTH_SIDE] = (length << 1) | (ledger === 'AR' ? 0 : 1);
    slots[at + START] = start;
    slots[at + NUMBER] = p;
    const head = Math.min(length, HEAD_CHARS);
    for (let k = 0; k < head; k += 2) {
      slots[at + HEAD + (k >> 1)] = text.charCodeAt(start + k) | (k + 1 < head ? text.charCodeAt(start + k + 1) << 16 : 0);
    }
    if (++this.count * 2 > slots.length / STRIDE) this.grow();
    return p;
  }

  /** Twice the slots, each held one placed again by its hash. */
  private grow(): void {
    const old = this.slots;
    const slots = new Int32Array(old.length * 2);
    const mask = slots.length / STRIDE - 1;
    for (let from = 0; from < old.length; from += STRIDE) {
      const h = old[from + HASH] as number;
      if (h === 0) continue;
      let s = (h ^ (h >>> 15)) & mask;
      while (slots[s * STRIDE + HASH] !== 0) s = (s + 1) & mask;
      for (let k = 0; k < STRIDE; k++) slots[s * STRIDE + k] = old[from + k] as number;
    }
    this.slots = slots;
  }
}
