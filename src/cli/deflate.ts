// The zip entries of a workbook the command line writes, deflated by node:zlib rather than the
// platform's CompressionStream (xlsx/zip.ts): a CompressionStream per entry costs a stream and a
// zlib state each time (a workbook of 8,000 party cards has 8,000 table parts: 3 s of CPU), and
// its level is fixed at 6. An entry of one piece (a table part) is deflated by a worker thread, in
// batches; a larger one through one deflate stream as its pieces come, on libuv's thread pool:
// both on the second core while this thread writes on. The CRC-32 is node:zlib's. The chunks of
// an XmlBytes go back to it once deflated (recycleChunk).
import { once } from 'node:events';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { Worker } from 'node:worker_threads';
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

/**
 * The worker that deflates the entries written in one piece (the 8,000 table parts of a workbook
 * of 8,000 party cards, each a zlib state of its own): in batches, on the other core, while this
 * thread writes on; it also gives each part's CRC-32. The batch's buffer goes back to this thread
 * to be written into again. Its code is plain JavaScript (CommonJS), so it runs from the compiled
 * command and from the sources alike; the options are the ones `deflateRawSync` is given here.
 */
const WORKER_CODE = `
const { parentPort } = require('node:worker_threads');
const zlib = require('node:zlib');
parentPort.on('message', ({ id, bytes, ends, options }) => {
  const parts = [];
  const crcs = [];
  let start = 0;
  ends.forEach((end, k) => {
    const part = bytes.subarray(start, end);
    crcs.push(zlib.crc32(part));
    parts.push(zlib.deflateRawSync(part, options[k]));
    start = end;
  });
  const out = new Uint8Array(parts.reduce((n, part) => n + part.length, 0));
  const outEnds = [];
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
    outEnds.push(at);
  }
  parentPort.postMessage({ id, out, ends: outEnds, crcs, back: bytes }, [out.buffer, bytes.buffer]);
});
`;

/** A batch is sent when it holds this many entries or bytes (or when this thread waits for anything). */
const BATCH_ENTRIES = 256;
const BATCH_BYTES = 1 << 20;
/** Batch buffers kept to be written into again. */
const MAX_SPARE = 4;
const encoder = new TextEncoder();

interface Waiting {
  resolve: (deflated: Deflated) => void;
  reject: (error: unknown) => void;
}

/**
 * Entries of one piece deflated by the worker, batch by batch: their bytes written one after the
 * other into the batch's buffer (text encoded straight into it), buffers handed back by the worker
 * written into again. The worker keeps the process alive only while it has work.
 */
class PieceDeflater {
  private worker: Worker | null = null;
  private buffer: Uint8Array<ArrayBuffer> | null = null;
  private at = 0;
  private ends: number[] = [];
  private options: zlib.ZlibOptions[] = [];
  private waiting: Waiting[] = [];
  private readonly spare: Uint8Array<ArrayBuffer>[] = [];
  private scheduled = false;
  /** Per batch sent: who waits for each entry, and where each entry's bytes end in the batch. */
  private readonly sent = new Map<number, { waiting: Waiting[]; ends: number[] }>();
  private nextId = 0;

  /** An entry given as bytes. */
  deflate(bytes: Uint8Array): Promise<Deflated> {
    this.room(bytes.length);
    (this.buffer as Uint8Array).set(bytes, this.at);
    recycleChunk(bytes);
    return this.added(bytes.length);
  }

  /** An entry given as text: encoded as UTF-8 into the batch. */
  deflateText(text: string): Promise<Deflated> {
    this.room(3 * text.length);
    const buffer = this.buffer as Uint8Array;
    const { written } = encoder.encodeInto(text, buffer.subarray(this.at));
    return this.added(written);
  }

  /** Room for `bytes` more in the batch's buffer (the batch sent first when they do not fit). */
  private room(bytes: number): void {
    if (this.buffer !== null && this.at + bytes <= this.buffer.length) return;
    if (this.buffer !== null && this.at > 0) this.send();
    const size = Math.max(BATCH_BYTES, bytes);
    const spare = this.spare[this.spare.length - 1];
    this.buffer = spare !== undefined && spare.length >= size ? (this.spare.pop() as Uint8Array<ArrayBuffer>) : new Uint8Array(size);
    this.at = 0;
  }

  private added(size: number): Promise<Deflated> {
    return new Promise((resolve, reject) => {
      this.at += size;
      this.ends.push(this.at);
      this.options.push(pieceOptions(size));
      this.waiting.push({ resolve, reject });
      if (this.ends.length >= BATCH_ENTRIES || this.at >= BATCH_BYTES) this.send();
      else if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => this.send());
      }
    });
  }

  private send(): void {
    this.scheduled = false;
    const buffer = this.buffer;
    if (buffer === null || this.ends.length === 0) return;
    const batch = { ends: this.ends, options: this.options };
    const id = this.nextId++;
    this.sent.set(id, { waiting: this.waiting, ends: this.ends });
    this.buffer = null;
    this.at = 0;
    this.ends = [];
    this.options = [];
    this.waiting = [];
    const worker = this.start();
    worker.ref();
    worker.postMessage({ id, bytes: buffer, ...batch }, [buffer.buffer]);
  }

  private start(): Worker {
    if (this.worker !== null) return this.worker;
    const worker = new Worker(WORKER_CODE, { eval: true });
    worker.on('message', ({ id, out, ends, crcs, back }: { id: number; out: Uint8Array; ends: number[]; crcs: number[]; back: Uint8Array<ArrayBuffer> }) => {
      const { waiting, ends: sizeEnds } = this.sent.get(id) ?? { waiting: [], ends: [] };
      this.sent.delete(id);
      if (this.spare.length < MAX_SPARE) this.spare.push(back);
      let start = 0;
      waiting.forEach((w, k) => {
        const end = ends[k] ?? start;
        const size = (sizeEnds[k] ?? 0) - (sizeEnds[k - 1] ?? 0);
        w.resolve({ deflated: [out.subarray(start, end)], crc: crcs[k] ?? 0, size });
        start = end;
      });
      if (this.sent.size === 0) worker.unref();
    });
    const fail = (error: unknown) => {
      for (const { waiting } of this.sent.values()) for (const w of waiting) w.reject(error);
      this.sent.clear();
      this.worker = null;
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`the deflating worker stopped (exit code ${code})`)));
    this.worker = worker;
    return worker;
  }
}

/** node:zlib's options for an entry of one piece: zlib's state and output sized to the entry. */
function pieceOptions(size: number): zlib.ZlibOptions {
  // a 1 KB table part needs no 32 KB window nor 16 KB of output: thousands of them otherwise cost
  // more in allocation than in deflating
  return { level: DEFLATE_LEVEL, windowBits: windowBitsFor(size), chunkSize: Math.max(64, size + 128) };
}

class NodeDeflater implements EntryDeflater {
  private crc = 0;
  private size = 0;
  private held: Uint8Array | null = null;
  private stream: zlib.DeflateRaw | null = null;
  private ended: Promise<unknown> | null = null;
  private readonly out: Buffer[] = [];

  /** `pieces`: the worker that deflates an entry of one piece (else this thread does). */
  constructor(
    private readonly crc32: (data: Uint8Array, value?: number) => number,
    private readonly pieces: PieceDeflater | null,
  ) {}

  async write(bytes: Uint8Array): Promise<void> {
    this.size += bytes.length;
    if (this.stream === null && this.held === null) {
      this.held = bytes; // its CRC-32 where it is deflated (the worker's, for an entry of one piece)
      return;
    }
    const stream = this.start();
    this.crc = this.crc32(bytes, this.crc);
    if (!stream.write(bytes, () => recycleChunk(bytes))) await once(stream, 'drain');
    // one turn of the event loop: the thread pool's finished piece calls back and the next one
    // starts deflating while this thread writes more (without it, none ends before the entry does)
    else await nextTurn();
  }

  async finish(): Promise<Deflated> {
    if (this.stream === null) return this.whole(this.held ?? new Uint8Array(0));
    this.stream.end();
    await this.ended;
    return { deflated: this.out, crc: this.crc, size: this.size };
  }

  /** An entry given whole as text (a table part): encoded straight into the worker's batch. */
  text(text: string): Promise<Deflated> {
    return this.pieces === null ? this.whole(encoder.encode(text)) : this.pieces.deflateText(text);
  }

  private async whole(bytes: Uint8Array): Promise<Deflated> {
    if (this.pieces !== null) return this.pieces.deflate(bytes);
    const deflated = zlib.deflateRawSync(bytes, pieceOptions(bytes.length));
    const crc = this.crc32(bytes);
    recycleChunk(bytes);
    return { deflated: [deflated], crc, size: bytes.length };
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
    if (held !== null) {
      this.crc = this.crc32(held);
      stream.write(held, () => recycleChunk(held));
    }
    this.held = null;
    return stream;
  }
}

/**
 * node:zlib's deflater for each entry of one workbook, where this Node has zlib.crc32 (20.15 and
 * later); else none (the default). The entries of one piece are deflated by a worker of their own.
 */
export function nodeDeflater(): (() => EntryDeflater) | undefined {
  const crc32 = (zlib as { crc32?: (data: Uint8Array, value?: number) => number }).crc32;
  if (crc32 === undefined) return undefined;
  const pieces = new PieceDeflater();
  return () => new NodeDeflater(crc32, pieces);
}

/**
 * Entries that may still be deflating while the next are written: the table parts wait in the
 * worker's batches (bytes, not zlib states), the sheets each in their stream (a few megabytes).
 */
const DEFLATING_AHEAD = 4096;

/** The deflater options of `renderXlsx` for every workbook the command line writes (build, yearend). */
export function deflaterOption(): Pick<RenderOptions, 'deflater' | 'deflatingAhead'> {
  const deflater = nodeDeflater();
  return deflater === undefined ? {} : { deflater, deflatingAhead: DEFLATING_AHEAD };
}
