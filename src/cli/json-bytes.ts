// JSON text written as UTF-8 bytes into a chunk that is handed on when full: a report of hundreds
// of thousands of rows is written without a string per row, nor the turning of those strings into
// bytes that writing text to stdout costs. One chunk is written over and over, unless the receiver
// keeps one (a pipe may hold it until the reader takes it): the writer then goes on in a new one.

/** A chunk is handed on once it holds this many bytes (at the end of a piece: handOn). */
const CHUNK = 1 << 18;

import { majorText } from '../core/money';

const encoder = new TextEncoder();

/** Amounts below this many minor units (15 digits) are written from their digits by `major`. */
const DIGITS_LIMIT = 1e15;
const POWERS = [1, 10, 100, 1000, 10_000, 100_000, 1_000_000];
const INT32_MAX = 0x7fffffff;

/** What `text` writes as bytes, made once (the pieces of text a report repeats on every row). */
export function utf8(text: string): Uint8Array {
  return encoder.encode(text);
}

/** Where the bytes go: true when it keeps them (to be written later), so that they must not change. */
export type BytesOut = (bytes: Uint8Array) => boolean;

/** Bytes handed on as text (tests and callers that collect text): no character is cut in two. */
export function textOut(write: (text: string) => void): BytesOut {
  const decoder = new TextDecoder();
  return (bytes) => {
    write(decoder.decode(bytes, { stream: true }));
    return false;
  };
}

export class JsonBytes {
  private chunk = Buffer.allocUnsafe(2 * CHUNK);
  private at = 0;

  constructor(private readonly out: BytesOut) {}

  /** Room for n more bytes in the chunk (a larger one when a piece does not fit). */
  private room(n: number): void {
    if (this.at + n <= this.chunk.length) return;
    const larger = Buffer.allocUnsafe(Math.max(2 * this.chunk.length, this.at + n));
    larger.set(this.chunk.subarray(0, this.at));
    this.chunk = larger;
  }

  /** Hands the chunk on when it is full: called between pieces (rows), never inside one. */
  handOn(): void {
    if (this.at >= CHUNK) this.end();
  }

  /** Hands on what is written. */
  end(): void {
    if (this.at === 0) return;
    if (this.out(this.chunk.subarray(0, this.at))) this.chunk = Buffer.allocUnsafe(2 * CHUNK);
    this.at = 0;
  }

  /** Where the next byte goes: rewind to it takes back what was written since (no handOn between). */
  mark(): number {
    return this.at;
  }

  rewind(mark: number): void {
    this.at = mark;
  }

  /** Bytes made by utf8. */
  bytes(bytes: Uint8Array): void {
    this.room(bytes.length);
    this.chunk.set(bytes, this.at);
    this.at += bytes.length;
  }

  /** Any text, as UTF-8 (most is ASCII: copied a character at a time). */
  text(text: string): void {
    const n = text.length;
    this.room(n);
    const chunk = this.chunk;
    let at = this.at;
    for (let i = 0; i < n; i++) {
      const c = text.charCodeAt(i);
      if (c >= 0x80) {
        this.at = at;
        this.room(3 * (n - i));
        this.at += encoder.encodeInto(text.slice(i), this.chunk.subarray(this.at)).written;
        return;
      }
      chunk[at++] = c;
    }
    this.at = at;
  }

  /** `JSON.stringify(text)`: printable ASCII without `"` or `\` as it is, any other text through JSON.stringify. */
  string(text: string): void {
    const n = text.length;
    this.room(n + 2);
    const chunk = this.chunk;
    const start = this.at;
    let at = start;
    chunk[at++] = 0x22;
    for (let i = 0; i < n; i++) {
      const c = text.charCodeAt(i);
      if (c < 0x20 || c >= 0x80 || c === 0x22 || c === 0x5c) {
        this.at = start;
        this.text(JSON.stringify(text));
        return;
      }
      chunk[at++] = c;
    }
    chunk[at++] = 0x22;
    this.at = at;
  }

  /** `JSON.stringify(value)` of a number: a safe integer's digits written here, others as String() gives them. */
  number(value: number): void {
    if (!Number.isSafeInteger(value)) {
      this.text(Number.isFinite(value) ? String(value) : 'null');
      return;
    }
    if (value < 0) this.byte(0x2d);
    const n = Math.abs(value);
    this.digits(n, digitCount(n));
  }

  /**
   * `majorText(minor, exponent)` (core/money.ts: an amount as its JSON number, 1234.5 for
   * 123450 cents) written from the digits, no text made: the whole units, then the fraction
   * without trailing zeros. Amounts of 15 digits or more, and exponents above 6, through majorText.
   */
  major(minor: number, exponent: number): void {
    if (!Number.isInteger(minor) || !(Math.abs(minor) < DIGITS_LIMIT) || exponent > 6) {
      this.text(majorText(minor, exponent));
      return;
    }
    const abs = Math.abs(minor);
    const unit = POWERS[exponent] as number;
    let fraction = abs <= INT32_MAX ? (abs | 0) % unit : abs % unit;
    if (minor < 0) this.byte(0x2d);
    const whole = (abs - fraction) / unit;
    this.digits(whole, digitCount(whole));
    if (fraction === 0) return;
    let width = exponent;
    while (fraction % 10 === 0) {
      fraction /= 10;
      width--;
    }
    this.byte(0x2e);
    this.digits(fraction, width);
  }

  private byte(b: number): void {
    this.room(1);
    this.chunk[this.at++] = b;
  }

  /** The safe integer n ≥ 0 as `width` digits (leading zeros when it has fewer), in int32 arithmetic when it fits (fast). */
  private digits(n: number, width: number): void {
    this.room(width);
    const chunk = this.chunk;
    const end = this.at + width;
    if (n <= INT32_MAX) {
      let rest = n | 0;
      for (let d = end - 1; d >= this.at; d--) {
        const q = (rest / 10) | 0;
        chunk[d] = 0x30 + (rest - q * 10);
        rest = q;
      }
    } else {
      let rest = n;
      for (let d = end - 1; d >= this.at; d--) {
        const q = Math.floor(rest / 10);
        chunk[d] = 0x30 + (rest - q * 10);
        rest = q;
      }
    }
    this.at = end;
  }
}

/** How many digits the integer n ≥ 0 has. */
function digitCount(n: number): number {
  let count = 1;
  for (let power = 10; power <= n; power *= 10) count++;
  return count;
}
