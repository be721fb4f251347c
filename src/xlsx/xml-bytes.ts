// XML written straight into UTF-8 bytes, a chunk at a time: a worksheet's rows are millions of
// small pieces (references, style numbers, values), and building them as strings first cost more
// than the rest of the writing (string garbage, then flattening and encoding the text).
//   const out = new XmlBytes(); out.ascii('<row r="'); out.number(12); … if (out.full) yield out.take();

const encoder = new TextEncoder();
/** Bytes kept free behind a chunk's nominal size, so that a row rarely makes the buffer grow. */
const SLACK = 1 << 16;
/** The nominal size of a chunk. */
const CHUNK = 1 << 20;

/**
 * Buffers of chunks handed back (`recycleChunk`) once their bytes were used, written into again
 * by the next XmlBytes: a workbook's 130 MB of XML then passes through a few buffers instead of
 * 130 fresh ones (each new megabyte costs the system its pages and the collector its work).
 */
const spare: ArrayBuffer[] = [];
const ours = new WeakSet<ArrayBuffer>();
const MAX_SPARE = 16;

function newBuffer(): Uint8Array<ArrayBuffer> {
  const buffer = spare.pop() ?? new ArrayBuffer(CHUNK + SLACK);
  ours.add(buffer);
  return new Uint8Array(buffer);
}

/**
 * Hands back a chunk taken from an XmlBytes whose bytes are no longer read (deflated): its buffer
 * is written into again. Bytes of any other origin are left alone.
 */
export function recycleChunk(bytes: Uint8Array): void {
  const buffer = bytes.buffer;
  if (!(buffer instanceof ArrayBuffer) || !ours.has(buffer)) return;
  ours.delete(buffer);
  if (spare.length < MAX_SPARE) spare.push(buffer);
}

export class XmlBytes {
  private buf: Uint8Array<ArrayBuffer> = new Uint8Array(0);
  private at = 0;

  /** `chunk`: the bytes after which `full` says to take them. */
  constructor(private readonly chunk = CHUNK) {}

  /** Enough bytes written to hand them on. */
  get full(): boolean {
    return this.at >= this.chunk;
  }

  /** The bytes written since the last take (the writer goes on in another buffer; see recycleChunk). */
  take(): Uint8Array<ArrayBuffer> {
    const out = this.buf.subarray(0, this.at);
    this.buf = new Uint8Array(0); // the next buffer when something is written
    this.at = 0;
    return out;
  }

  private room(bytes: number): void {
    if (this.at + bytes <= this.buf.length) return;
    if (this.at === 0 && bytes <= this.chunk + SLACK) {
      this.buf = this.chunk === CHUNK ? newBuffer() : new Uint8Array(this.chunk + SLACK);
      return;
    }
    const bigger = new Uint8Array(Math.max(2 * this.buf.length, this.at + bytes));
    bigger.set(this.buf.subarray(0, this.at));
    this.buf = bigger;
  }

  /** Text of characters below U+0080 only (markup, references, numbers): one byte each. */
  ascii(text: string): void {
    const n = text.length;
    this.room(n);
    const buf = this.buf;
    let at = this.at;
    for (let i = 0; i < n; i++) buf[at++] = text.charCodeAt(i);
    this.at = at;
  }

  /** Bytes made once and written often (markup of characters below U+0080). */
  bytes(bytes: Uint8Array): void {
    const n = bytes.length;
    this.room(n);
    const buf = this.buf;
    let at = this.at;
    for (let i = 0; i < n; i++) buf[at++] = bytes[i] as number;
    this.at = at;
  }

  /** Any text (already escaped for XML), as UTF-8. */
  text(text: string): void {
    const n = text.length;
    this.room(3 * n);
    const buf = this.buf;
    const start = this.at;
    for (let i = 0; i < n; i++) {
      const c = text.charCodeAt(i);
      if (c >= 0x80) {
        this.at = start + encoder.encodeInto(text, buf.subarray(start)).written;
        return;
      }
      buf[start + i] = c;
    }
    this.at = start + n;
  }

  /** A number as JavaScript writes it (String(value)); whole numbers and hundredths digit by digit. */
  number(value: number): void {
    if ((value | 0) === value) {
      this.whole(value);
      return;
    }
    // money in major units: with two decimals at most, String(value) is the hundredths' digits
    // with the point put in and the fraction's trailing zeros cut (no shorter text reads back as
    // the same number); anything else as String writes it
    const hundredths = Math.round(value * 100);
    if (hundredths / 100 !== value || (hundredths | 0) !== hundredths) {
      this.ascii(String(value));
      return;
    }
    const n = Math.abs(hundredths);
    const cents = n % 100;
    if (hundredths < 0) this.ascii('-');
    this.whole((n - cents) / 100);
    this.room(3);
    const buf = this.buf;
    buf[this.at++] = 46; // .
    buf[this.at++] = 48 + ((cents / 10) | 0);
    if (cents % 10 !== 0) buf[this.at++] = 48 + (cents % 10);
  }

  /** A whole number of 32 bits (-0 as 0, as String writes it). */
  private whole(value: number): void {
    this.room(11);
    const buf = this.buf;
    let n = value | 0;
    if (n < 0) {
      buf[this.at++] = 45; // -
      n = -n;
    }
    let digits = 1;
    for (let rest = n; rest >= 10; rest = (rest / 10) | 0) digits += 1;
    let at = this.at + digits;
    this.at = at;
    do {
      const rest = (n / 10) | 0;
      buf[--at] = 48 + n - 10 * rest;
      n = rest;
    } while (n > 0);
  }
}
