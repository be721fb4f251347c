// XML written straight into UTF-8 bytes, a chunk at a time: a worksheet's rows are millions of
// small pieces (references, style numbers, values), and building them as strings first cost more
// than the rest of the writing (string garbage, then flattening and encoding the text).
//   const out = new XmlBytes(); out.ascii('<row r="'); out.number(12); … if (out.full) yield out.take();

const encoder = new TextEncoder();
/** Bytes kept free behind a chunk's nominal size, so that a row rarely makes the buffer grow. */
const SLACK = 1 << 16;

export class XmlBytes {
  private buf: Uint8Array<ArrayBuffer>;
  private at = 0;

  /** `chunk`: the bytes after which `full` says to take them. */
  constructor(private readonly chunk = 1 << 20) {
    this.buf = new Uint8Array(chunk + SLACK);
  }

  /** Enough bytes written to hand them on. */
  get full(): boolean {
    return this.at >= this.chunk;
  }

  /** The bytes written since the last take (the writer starts a fresh buffer). */
  take(): Uint8Array<ArrayBuffer> {
    const out = this.buf.subarray(0, this.at);
    this.buf = new Uint8Array(this.chunk + SLACK);
    this.at = 0;
    return out;
  }

  private room(bytes: number): void {
    if (this.at + bytes <= this.buf.length) return;
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

  /** A number as JavaScript writes it (String(value)); whole numbers digit by digit. */
  number(value: number): void {
    if (!Number.isSafeInteger(value)) {
      this.ascii(String(value));
      return;
    }
    this.room(17);
    const buf = this.buf;
    let n = value;
    if (n < 0) {
      buf[this.at++] = 45; // -
      n = -n;
    }
    let digits = 1;
    for (let rest = n; rest >= 10; rest = Math.floor(rest / 10)) digits += 1;
    let at = this.at + digits;
    this.at = at;
    do {
      buf[--at] = 48 + (n % 10);
      n = Math.floor(n / 10);
    } while (n > 0);
  }
}
