// Writing a zip archive (an .xlsx is one) without a dependency: each entry is compressed as its
// text is produced, so no part is ever held uncompressed whole. By default with the platform's
// CompressionStream (native zlib in Node and in the browser): the stream is gzip, whose trailer
// gives the CRC-32 and size the zip needs (computed natively) around the very deflate data a zip
// entry holds. A caller may bring its own deflate (`subledger build` brings node:zlib's, see
// cli/deflate.ts). No Zip64: an .xlsx of this product stays far below 4 GB.

/** One entry's raw deflate data (in pieces, one after the other), with the CRC-32 and size of the bytes that went in. */
export interface Deflated {
  deflated: readonly Uint8Array[];
  crc: number;
  size: number;
}

/** Deflates one entry: its bytes as they come, then the result. */
export interface EntryDeflater {
  /** `bytes` may be kept until `finish`: the caller does not write into them again. */
  write(bytes: Uint8Array<ArrayBuffer>): Promise<void>;
  finish(): Promise<Deflated>;
  /** Deflates an entry given whole as text, instead of `write` and `finish` (where the deflater can take text as it is). */
  text?(text: string): Promise<Deflated>;
}

/** The deflate data inside a gzip member, and the CRC-32 and size its trailer gives (RFC 1952). */
function fromGzip(gzip: Uint8Array): Deflated {
  const dv = new DataView(gzip.buffer, gzip.byteOffset, gzip.byteLength);
  const flags = gzip[3] ?? 0;
  let at = 10;
  if (flags & 4) at += 2 + dv.getUint16(at, true); // FEXTRA
  for (const bit of [8, 16]) {
    if (flags & bit) at = gzip.indexOf(0, at) + 1; // FNAME, FCOMMENT: zero-terminated
  }
  if (flags & 2) at += 2; // FHCRC
  const end = gzip.length - 8;
  return { deflated: [gzip.subarray(at, end)], crc: dv.getUint32(end, true), size: dv.getUint32(end + 4, true) };
}

/** The platform's CompressionStream (gzip), for one entry. */
export function streamDeflater(): EntryDeflater {
  const stream = new CompressionStream('gzip');
  const writer = stream.writable.getWriter();
  const compressed: Uint8Array[] = [];
  const reader = stream.readable.getReader();
  const reading = (async () => {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      compressed.push(value);
    }
  })();
  return {
    write: (bytes) => writer.write(bytes),
    async finish() {
      try {
        await writer.close();
      } catch (error) {
        await writer.abort(error).catch(() => undefined);
        throw error;
      } finally {
        await reading;
      }
      return fromGzip(concat(compressed));
    },
  };
}

export function concat(chunks: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

interface Entry {
  name: Uint8Array;
  crc: number;
  size: number;
  compressedSize: number;
  offset: number;
}

/** An entry written, its deflating perhaps still under way. */
interface PendingEntry {
  name: Uint8Array;
  deflated: Promise<Deflated>;
}

/** MS-DOS date and time of `date` (local fields, as zip tools show them). */
function dosDateTime(date: Date): { time: number; day: number } {
  const year = Math.max(1980, date.getFullYear());
  return {
    time: (date.getHours() << 11) | (date.getMinutes() << 5) | Math.floor(date.getSeconds() / 2),
    day: ((year - 1980) << 9) | ((date.getMonth() + 1) << 5) | date.getDate(),
  };
}

const UTF8_NAMES = 0x0800;
const DEFLATE = 8;
/** Text is encoded and handed to the compressor in pieces of about this many characters. */
export const CHUNK_CHARS = 1 << 20;

export class ZipWriter {
  private readonly parts: Uint8Array[] = [];
  private readonly entries: Entry[] = [];
  /** Every entry added or reserved, in archive order. */
  private readonly pending: PendingEntry[] = [];
  /** The deflating of the entries added, in the order added (reserved entries are not waited for here). */
  private readonly deflating: Promise<Deflated>[] = [];
  /** The names of entries reserved and not yet filled. */
  private readonly unfilled = new Set<string>();
  /** The entries of `deflating` whose deflating is known to have ended. */
  private finished = 0;
  private offset = 0;
  private readonly encoder = new TextEncoder();
  private readonly stamp: { time: number; day: number };

  /**
   * `deflater`: makes the deflater of each entry (default: the platform's CompressionStream);
   * `ahead`: how many entries may still be deflating while the next are written (default 1: each
   * is finished before the next; a deflater whose entries cost no memory while they wait may allow
   * many).
   */
  constructor(
    modified: Date,
    private readonly deflater: () => EntryDeflater = streamDeflater,
    private readonly ahead = 1,
  ) {
    this.stamp = dosDateTime(modified);
  }

  /**
   * Adds one entry from its content, given in pieces: text (gathered to about CHUNK_CHARS, then
   * encoded as UTF-8) or bytes (handed on as they are), deflated as they come. The entry's
   * deflating may end after this returns (a deflater working elsewhere): `finish` waits for it.
   */
  async add(name: string, pieces: Iterable<string | Uint8Array<ArrayBuffer>>): Promise<void> {
    const { deflated } = await this.deflate(pieces);
    this.pending.push({ name: this.encoder.encode(name), deflated });
    await this.keepAhead(deflated);
  }

  /**
   * Keeps the entry's place in the archive (after the entries added so far) for content known only
   * later: the archive is the same as if it had been added here. `finish` waits for it to be filled.
   */
  reserve(name: string): (pieces: Iterable<string | Uint8Array<ArrayBuffer>>) => Promise<void> {
    let fill: (deflated: Promise<Deflated>) => void = () => undefined;
    const deflated = new Promise<Deflated>((resolve) => {
      fill = resolve;
    });
    this.pending.push({ name: this.encoder.encode(name), deflated });
    this.unfilled.add(name);
    return async (pieces) => {
      const result = await this.deflate(pieces);
      this.unfilled.delete(name);
      fill(result.deflated);
      await this.keepAhead(result.deflated);
    };
  }

  /** Waits while more than `ahead` entries added are still deflating. */
  private async keepAhead(deflated: Promise<Deflated>): Promise<void> {
    this.deflating.push(deflated);
    while (this.deflating.length - this.finished >= this.ahead) await this.deflating[this.finished++];
  }

  /** Hands the pieces to a deflater of the entry's own; its result may come later (wrapped: an async function's result is no promise). */
  private async deflate(pieces: Iterable<string | Uint8Array<ArrayBuffer>>): Promise<{ deflated: Promise<Deflated> }> {
    const deflater = this.deflater();
    // an entry of one text (a table part) handed over whole, where the deflater takes text
    if (deflater.text !== undefined && Array.isArray(pieces) && pieces.length === 1 && typeof pieces[0] === 'string') {
      const deflated = deflater.text(pieces[0]);
      deflated.catch(() => undefined); // thrown where it is waited for
      return { deflated };
    }
    let text = '';
    const flush = async () => {
      if (text === '') return;
      const bytes = this.encoder.encode(text);
      text = '';
      await deflater.write(bytes);
    };
    try {
      for (const piece of pieces) {
        if (typeof piece !== 'string') {
          await flush();
          if (piece.length > 0) await deflater.write(piece);
          continue;
        }
        text += piece;
        if (text.length >= CHUNK_CHARS) await flush();
      }
      await flush();
    } catch (error) {
      await deflater.finish().catch(() => undefined); // the deflater's work ends with the entry
      throw error;
    }
    const deflated = deflater.finish();
    deflated.catch(() => undefined); // thrown where it is waited for
    return { deflated };
  }

  /** The whole archive: the entries in the order added, then the central directory. */
  async finish(): Promise<Uint8Array> {
    return concat(await this.finishPieces());
  }

  /**
   * The whole archive in pieces, one after the other (to be written as they are: no copy of the
   * archive made whole).
   */
  async finishPieces(): Promise<Uint8Array[]> {
    if (this.unfilled.size > 0) throw new Error(`zip entries reserved and never filled: ${[...this.unfilled].join(', ')}`);
    // every local header in one buffer, the central directory in another (8,000 table parts are
    // 16,000 headers)
    const locals = new Uint8Array(this.pending.reduce((n, { name }) => n + 30 + name.length, 0));
    const localView = new DataView(locals.buffer);
    let at = 0;
    for (const { name, deflated: result } of this.pending) {
      const { deflated, crc, size } = await result;
      const compressedSize = deflated.reduce((n, piece) => n + piece.length, 0);
      const entry: Entry = { name, crc, size, compressedSize, offset: this.offset };
      const length = this.localHeader(entry, locals, localView, at);
      this.push(locals.subarray(at, at + length));
      at += length;
      for (const piece of deflated) this.push(piece);
      this.entries.push(entry);
    }
    this.pending.length = 0;
    this.deflating.length = 0;
    this.finished = 0;
    const start = this.offset;
    const directory = new Uint8Array(this.entries.reduce((n, { name }) => n + 46 + name.length, 0) + 22);
    const dv = new DataView(directory.buffer);
    at = 0;
    for (const entry of this.entries) at += this.centralHeader(entry, directory, dv, at);
    dv.setUint32(at, 0x06054b50, true);
    dv.setUint16(at + 8, this.entries.length, true);
    dv.setUint16(at + 10, this.entries.length, true);
    dv.setUint32(at + 12, at, true);
    dv.setUint32(at + 16, start, true);
    this.push(directory);
    return this.parts;
  }

  private push(bytes: Uint8Array): void {
    this.parts.push(bytes);
    this.offset += bytes.length;
  }

  /** Writes the entry's local header into `bytes` (`dv` its view) at `at`; its length. */
  private localHeader(entry: Entry, bytes: Uint8Array, dv: DataView, at: number): number {
    dv.setUint32(at, 0x04034b50, true);
    dv.setUint16(at + 4, 20, true); // version needed: 2.0 (deflate)
    dv.setUint16(at + 6, UTF8_NAMES, true);
    dv.setUint16(at + 8, DEFLATE, true);
    dv.setUint16(at + 10, this.stamp.time, true);
    dv.setUint16(at + 12, this.stamp.day, true);
    dv.setUint32(at + 14, entry.crc, true);
    dv.setUint32(at + 18, entry.compressedSize, true);
    dv.setUint32(at + 22, entry.size, true);
    dv.setUint16(at + 26, entry.name.length, true);
    bytes.set(entry.name, at + 30);
    return 30 + entry.name.length;
  }

  /** Writes the entry's central directory header into `bytes` (`dv` its view) at `at`; its length. */
  private centralHeader(entry: Entry, bytes: Uint8Array, dv: DataView, at: number): number {
    dv.setUint32(at, 0x02014b50, true);
    dv.setUint16(at + 4, 20, true); // made by: version 2.0, MS-DOS attributes
    dv.setUint16(at + 6, 20, true);
    dv.setUint16(at + 8, UTF8_NAMES, true);
    dv.setUint16(at + 10, DEFLATE, true);
    dv.setUint16(at + 12, this.stamp.time, true);
    dv.setUint16(at + 14, this.stamp.day, true);
    dv.setUint32(at + 16, entry.crc, true);
    dv.setUint32(at + 20, entry.compressedSize, true);
    dv.setUint32(at + 24, entry.size, true);
    dv.setUint16(at + 28, entry.name.length, true);
    dv.setUint32(at + 42, entry.offset, true);
    bytes.set(entry.name, at + 46);
    return 46 + entry.name.length;
  }
}
