// Reading an input file for the importers without trusting its size: the first bytes decide the
// kind (CSV/TXT, XLSX, XML) and so the limit of `import/limits.ts`; a regular file past it is
// refused before it is read, anything else (a FIFO, a device, a pipe) is read in chunks only up
// to it. A file whose first bytes are binary is not read further: they say all there is to say.
import type { Stats } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { sharedInts } from '../core/shared-memory';
import type { SourceFile } from '../import/index';
import { inputKind, inputLimit, tooLargeIssue } from '../import/limits';
import { localizeIssue } from '../import/messages';
import { sniffKind } from '../import/sniff';
import { takeChunk, type FilePart, type FilePartReader } from './file-part';
import { InputError } from './io';

/** Enough to recognise any supported format. */
const HEAD = 64 * 1024;
const CHUNK = 1 << 20;

function cannotRead(file: string, reason: string): InputError {
  return new InputError(`cannot read ${file}: ${reason}`);
}

function concat(chunks: readonly Uint8Array[], total: number): Uint8Array {
  if (chunks.length === 1 && chunks[0]) return chunks[0];
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

async function openFile(file: string): Promise<FileHandle> {
  try {
    return await open(file, 'r');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw cannotRead(file, code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : String(error));
  }
}

/** The limit of the kind `sniffed` names; an InputError when `size` bytes are past it. */
function checkedLimit(name: string, sniffed: ReturnType<typeof sniffKind>['kind'], size: number, maxInputSize: number | undefined): number {
  const kind = inputKind(sniffed);
  const limit = inputLimit(kind, maxInputSize);
  if (size > limit) throw tooLarge(name, kind, limit);
  return limit;
}

/**
 * A regular file's bytes on a SharedArrayBuffer, read by this thread and `second` (another
 * thread) together: the bytes after the first 64 KB in chunks, each taking the next one not taken
 * (file-part.ts), so that the fresh pages are touched on two cores. Null when the file must be
 * read on one thread as before: binary, shorter or longer than it was when opened. What a second
 * reader that fails (or never starts) took is read again here: the same bytes.
 */
async function readInHalves(handle: FileHandle, file: string, stat: Stats, maxInputSize: number | undefined, second: FilePartReader): Promise<Uint8Array | null> {
  const size = stat.size;
  const bytes = new Uint8Array(new SharedArrayBuffer(size));
  const reused = new Uint8Array(Math.min(CHUNK, size));
  const readInto = async (from: number, to: number) => {
    let at = from;
    while (at < to) {
      const { bytesRead } = await handle.read(reused, 0, Math.min(reused.length, to - at), at);
      if (bytesRead === 0) break;
      bytes.set(bytesRead === reused.length ? reused : reused.subarray(0, bytesRead), at);
      at += bytesRead;
    }
    return at - from;
  };
  if ((await readInto(0, HEAD)) < HEAD) return null;
  const sniffed = sniffKind(bytes.subarray(0, HEAD)).kind;
  if (sniffed === 'binary') return null;
  // Refused before the rest is read.
  checkedLimit(path.basename(file), sniffed, size, maxInputSize);
  const part: FilePart = { file, dev: stat.dev, ino: stat.ino, size, bytes, from: HEAD, to: size, chunk: CHUNK, next: sharedInts(1) };
  const theirs = second.readPart(part);
  const mine = new Set<number>();
  let read = 0;
  for (let taken = takeChunk(part); taken; taken = takeChunk(part)) {
    mine.add(taken.from);
    read += await readInto(taken.from, taken.to);
  }
  const they = await theirs;
  if (they !== null) read += they;
  else {
    // Whatever it wrote is written over.
    for (let from = part.from; from < part.to; from += part.chunk) if (!mine.has(from)) read += await readInto(from, Math.min(part.to, from + part.chunk));
  }
  if (read < size - HEAD) return null;
  // Grown meanwhile: read again on one thread.
  const { bytesRead } = await handle.read(reused, 0, 1, size);
  return bytesRead === 0 ? bytes : null;
}

/**
 * The bytes of `file`, read no further than the limit of its kind (`maxInputSize` bytes when
 * given). Past it, an InputError with the importer's `too-large` message. `shared`: a regular
 * file's bytes on a SharedArrayBuffer (for a second thread to read: see part-reader.ts); a
 * reader of file parts: read by that reader and this thread together (readInHalves).
 */
export async function readSource(file: string, maxInputSize?: number, shared: boolean | FilePartReader = false): Promise<SourceFile> {
  const name = path.basename(file);
  const handle = await openFile(file);
  try {
    const stat = await handle.stat();
    if (stat.isDirectory()) throw cannotRead(file, 'it is a directory, not a file');
    const halves = typeof shared === 'object' && stat.isFile() && stat.size >= 2 * HEAD ? await readInHalves(handle, file, stat, maxInputSize, shared) : null;
    if (halves) return { name, bytes: halves };
    const chunks: Uint8Array[] = [];
    let total = 0;
    let limit = Number.POSITIVE_INFINITY;
    // A regular file is read into one buffer of its size (no copy at the end); a file that grows
    // while it is read, and anything that is not a regular file, in chunks. The buffer is filled
    // from a small one the reads reuse: on a VM where fresh memory costs a fault per page, the
    // system's reads straight into fresh pages cost more than this copy (0.8 s against 0.6 s for
    // 126 MB, read and looked at once).
    const whole = stat.isFile() && stat.size > 0 ? (shared !== false ? new Uint8Array(new SharedArrayBuffer(stat.size)) : new Uint8Array(stat.size)) : null;
    const reused = whole ? new Uint8Array(Math.min(CHUNK, whole.length)) : null;
    const bytesSoFar = () => (whole && total <= whole.length ? whole.subarray(0, total) : concat(chunks, total));
    for (;;) {
      const want = total < HEAD ? HEAD - total : CHUNK;
      const into = whole && reused && total < whole.length ? whole : null;
      const buffer = into && reused ? reused.subarray(0, Math.min(want, into.length - total)) : new Uint8Array(want);
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, null);
      if (bytesRead === 0) break;
      if (into) into.set(buffer.subarray(0, bytesRead), total);
      chunks.push(into ? into.subarray(total, total + bytesRead) : buffer.subarray(0, bytesRead));
      total += bytesRead;
      if (limit === Number.POSITIVE_INFINITY && total >= HEAD) {
        const sniffed = sniffKind(bytesSoFar()).kind;
        if (sniffed === 'binary') break;
        limit = checkedLimit(name, sniffed, Math.max(total, stat.isFile() ? stat.size : 0), maxInputSize);
      } else if (total > limit) {
        throw tooLarge(name, inputKind(sniffKind(chunks[0] ?? new Uint8Array()).kind), limit);
      }
    }
    return { name, bytes: bytesSoFar() };
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw cannotRead(file, (error as NodeJS.ErrnoException).code === 'EISDIR' ? 'it is a directory, not a file' : String(error));
  } finally {
    await handle.close();
  }
}

function tooLarge(name: string, kind: ReturnType<typeof inputKind>, limit: number): InputError {
  return new InputError(`${localizeIssue(tooLargeIssue(name, kind, limit), 'en')} (--max-input-size)`);
}

const UNITS: Record<string, number> = { '': 1, k: 2 ** 10, m: 2 ** 20, g: 2 ** 30 };

/** `--max-input-size 50MB` (also `512k`, `2G`, `1000000`) in bytes; null when it is not a size. */
export function parseSize(text: string): number | null {
  const m = /^(\d+(?:\.\d+)?)\s*([kmg]?)i?b?$/i.exec(text.trim());
  if (!m) return null;
  const bytes = Math.floor(Number(m[1]) * (UNITS[(m[2] ?? '').toLowerCase()] ?? 1));
  return bytes >= 1 && Number.isSafeInteger(bytes) ? bytes : null;
}
