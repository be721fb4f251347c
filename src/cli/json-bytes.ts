// JSON text written as UTF-8 bytes into a chunk that is handed on when full: a report of hundreds
// of thousands of rows is written without a string per row, nor the turning of those strings into
// bytes that writing text to stdout costs. One chunk is written over and over, unless the receiver
// keeps one (a pipe may hold it until the reader takes it): the writer then goes on in a new one.

/** A chunk is handed on once it holds this many bytes (at the end of a piece: handOn). */
const CHUNK = 1 << 16;

const encoder = new TextEncoder();

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
    this.room(17); // a sign and at most 16 digits
    const chunk = this.chunk;
    let at = this.at;
    let rest = value;
    if (rest < 0) {
      chunk[at++] = 0x2d;
      rest = -rest;
    }
    let digits = 1;
    for (let power = 10; power <= rest; power *= 10) digits++;
    at += digits;
    for (let d = at - 1; d >= at - digits; d--) {
      chunk[d] = 0x30 + (rest % 10);
      rest = Math.floor(rest / 10);
    }
    this.at = at;
  }
}
