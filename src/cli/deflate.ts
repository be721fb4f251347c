// The zip entries of a workbook the command line writes, deflated by node:zlib rather than the
// platform's CompressionStream (xlsx/zip.ts): a CompressionStream per entry costs a stream and a
// zlib state each time (a workbook of 8,000 party cards has 8,000 table parts: 3 s of CPU), and
// its level is fixed at 6. A small entry (one piece) is deflated at once; a larger one through
// one deflate stream as its pieces come, on libuv's thread pool while the next piece is written
// (a second core). The CRC-32 is node:zlib's. The chunks of an XmlBytes go back to it once deflated
// (recycleChunk).
import { once } from 'node:events';
import { setImmediate as nextTurn } from 'node:timers/promises';
import zlib from 'node:zlib';
import type { RenderOptions } from '../xlsx/render';
import { recycleChunk } from '../xlsx/xml-bytes';
import type { Deflated, EntryDeflater } from '../xlsx/zip';

/**
 * zlib's level for the workbook: on the 100k-item ledgers of bench/xlsx.bench.ts level 6 took
 * about three times the CPU of level 4 for a file 10 % smaller.
 */
export const DEFLATE_LEVEL = 4;
/** Output pieces of the deflate stream (zlib's default is 16 KB: more calls back for the same work). */
const STREAM_CHUNK = 1 << 18;
/**
 * Bytes handed to the deflate stream and not yet deflated before `write` waits for them (the
 * stream's default of 16 KB is less than one piece, so each piece waited for its own deflating).
 */
const STREAM_AHEAD = 1 << 23;

/** The smallest window (2^9 … 2^15 bytes) that lets a match reach back over the whole of `size` bytes. */
function windowBitsFor(size: number): number {
  let bits = 9;
  while (bits < 15 && (1 << bits) - MIN_LOOKAHEAD < size) bits += 1;
  return bits;
}

/** zlib keeps this many bytes of lookahead out of its window. */
const MIN_LOOKAHEAD = 262;

class NodeDeflater implements EntryDeflater {
  private crc = 0;
  private size = 0;
  private held: Uint8Array | null = null;
  private stream: zlib.DeflateRaw | null = null;
  private ended: Promise<unknown> | null = null;
  private readonly out: Buffer[] = [];

  constructor(private readonly crc32: (data: Uint8Array, value?: number) => number) {}

  async write(bytes: Uint8Array): Promise<void> {
    this.crc = this.crc32(bytes, this.crc);
    this.size += bytes.length;
    if (this.stream === null && this.held === null) {
      this.held = bytes;
      return;
    }
    const stream = this.start();
    if (!stream.write(bytes, () => recycleChunk(bytes))) await once(stream, 'drain');
    // one turn of the event loop: the thread pool's finished piece calls back and the next one
    // starts deflating while this thread writes more (without it, none ends before the entry does)
    else await nextTurn();
  }

  async finish(): Promise<Deflated> {
    if (this.stream === null) {
      const bytes = this.held ?? new Uint8Array(0);
      // zlib's state and output sized to the entry (a 1 KB table part needs no 32 KB window nor 16 KB
      // of output): thousands of them otherwise cost more in allocation than in deflating
      const deflated = zlib.deflateRawSync(bytes, { level: DEFLATE_LEVEL, windowBits: windowBitsFor(bytes.length), chunkSize: Math.max(64, bytes.length + 128) });
      recycleChunk(bytes);
      return { deflated, crc: this.crc, size: this.size };
    }
    this.stream.end();
    await this.ended;
    return { deflated: Buffer.concat(this.out), crc: this.crc, size: this.size };
  }

  private start(): zlib.DeflateRaw {
    if (this.stream !== null) return this.stream;
    // a zlib stream takes a Writable's options (@types/node's ZlibOptions leaves them out)
    const options: zlib.ZlibOptions & { writableHighWaterMark: number } = { level: DEFLATE_LEVEL, chunkSize: STREAM_CHUNK, writableHighWaterMark: STREAM_AHEAD };
    const stream = zlib.createDeflateRaw(options);
    stream.on('data', (chunk: Buffer) => this.out.push(chunk));
    this.ended = once(stream, 'end');
    this.ended.catch(() => undefined); // an error is thrown where the entry is finished
    this.stream = stream;
    const held = this.held;
    if (held !== null) stream.write(held, () => recycleChunk(held));
    this.held = null;
    return stream;
  }
}

/** node:zlib's deflater for each entry, where this Node has zlib.crc32 (20.15 and later); else none (the default). */
export function nodeDeflater(): (() => EntryDeflater) | undefined {
  const crc32 = (zlib as { crc32?: (data: Uint8Array, value?: number) => number }).crc32;
  if (crc32 === undefined) return undefined;
  return () => new NodeDeflater(crc32);
}

/** The deflater option of `renderXlsx` for every workbook the command line writes (build, yearend). */
export function deflaterOption(): Pick<RenderOptions, 'deflater'> {
  const deflater = nodeDeflater();
  return deflater === undefined ? {} : { deflater };
}
