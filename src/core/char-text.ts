// Text read by character codes, in place: a string, or the bytes of a file that is ASCII
// throughout, whose bytes are its characters. A million-row ledger file read as bytes needs no
// decoded copy of itself (on a 126 MB file that copy took a second, half of it fresh memory), and
// the readers that take fields from positions in a line (import/canonical-line.ts, the reports'
// index) read the bytes as they would read the string.

/** What those readers ask of a text; a string is one. Indices as String's (in range: 0 ≤ i ≤ length). */
export interface CharText {
  readonly length: number;
  charCodeAt(index: number): number;
  /** The characters [start, end) as a string. */
  slice(start: number, end: number): string;
  /** The first occurrence of `search` (one character) at or after `from`, or −1. */
  indexOf(search: string, from: number): number;
}

/** Bytes checked per step of isAsciiBytes (one test per block, not per byte). */
const BLOCK = 1 << 12;
/** Bytes searched by a loop before the array's own indexOf (a call that costs as much as some dozens). */
const NEAR = 32;

/** True when every byte is below 0x80: the bytes are the text's characters (UTF-8 and Latin-1 alike). */
export function isAsciiBytes(bytes: Uint8Array): boolean {
  const n = bytes.length;
  let i = 0;
  while (i < n && (bytes.byteOffset + i) % 4 !== 0) if ((bytes[i++] as number) >= 0x80) return false;
  if (i === n) return true;
  const words = new Uint32Array(bytes.buffer, bytes.byteOffset + i, (n - i) >> 2);
  for (let w = 0; w < words.length; w += BLOCK) {
    let any = 0;
    const end = Math.min(words.length, w + BLOCK);
    for (let k = w; k < end; k++) any |= words[k] as number;
    if ((any & 0x80808080) !== 0) return false;
  }
  for (i += words.length * 4; i < n; i++) if ((bytes[i] as number) >= 0x80) return false;
  return true;
}

/** True when `pattern` stands anywhere in `bytes` (an element name, a stream's name in UTF-16). */
export function holdsBytes(bytes: Uint8Array, pattern: ArrayLike<number>): boolean {
  const n = pattern.length;
  if (n === 0) return true;
  const first = pattern[0] as number;
  for (let at = bytes.indexOf(first); at >= 0 && at + n <= bytes.length; at = bytes.indexOf(first, at + 1)) {
    let i = 1;
    while (i < n && bytes[at + i] === pattern[i]) i++;
    if (i === n) return true;
  }
  return false;
}

/** The text of ASCII bytes (see isAsciiBytes), read in place: the same answers as the decoded string. */
export class AsciiText implements CharText {
  readonly length: number;

  constructor(readonly bytes: Uint8Array) {
    this.length = bytes.length;
  }

  charCodeAt(index: number): number {
    return index >= 0 && index < this.length ? (this.bytes[index] as number) : NaN;
  }

  slice(start: number, end: number): string {
    const from = Math.max(0, start);
    const to = Math.min(this.length, end);
    if (to - from <= 0) return '';
    if (to - from <= 64) {
      let text = '';
      for (let i = from; i < to; i++) text += String.fromCharCode(this.bytes[i] as number);
      return text;
    }
    return asciiString(this.bytes.subarray(from, to));
  }

  indexOf(search: string, from: number): number {
    const code = search.charCodeAt(0);
    const bytes = this.bytes;
    // The next cell's end is a few bytes on: a loop. A line's end is further: the array's own search.
    const near = Math.min(this.length, Math.max(0, from) + NEAR);
    for (let i = Math.max(0, from); i < near; i++) if (bytes[i] === code) return i;
    return near < this.length ? bytes.indexOf(code, near) : -1;
  }
}

/** Pieces of a long slice turned into a string at a time (an argument list has a limit). */
const PIECE = 1 << 13;

function asciiString(bytes: Uint8Array): string {
  let text = '';
  for (let at = 0; at < bytes.length; at += PIECE) text += String.fromCharCode(...bytes.subarray(at, at + PIECE));
  return text;
}
