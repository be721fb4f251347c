// A part of a regular file's bytes read by two threads into a buffer they share: the second half
// of a big input is shared out in chunks between the first thread (read-source.ts) and the
// worker of part-reader.ts, each taking the next chunk not taken (an atomic counter), so that the
// fresh pages are touched on both cores, however late the worker starts.
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';

/** Which file (the one the first thread opened: same device, inode and size) and which bytes of it. */
export interface FilePart {
  file: string;
  dev: number;
  ino: number;
  size: number;
  /** The whole file's bytes (on a SharedArrayBuffer); `from`..`to` are filled by the two readers. */
  bytes: Uint8Array;
  from: number;
  to: number;
  /** Bytes per chunk; `next[0]`: the next chunk not taken (on a SharedArrayBuffer, taken with Atomics.add). */
  chunk: number;
  next: Int32Array;
}

/** The chunks of `part`. */
export function chunkCount(part: FilePart): number {
  return Math.ceil((part.to - part.from) / part.chunk);
}

/** The next chunk of `part` not taken by either reader, now taken; null when there is none. */
export function takeChunk(part: FilePart): { from: number; to: number } | null {
  const k = Atomics.add(part.next, 0, 1);
  if (k >= chunkCount(part)) return null;
  const from = part.from + k * part.chunk;
  return { from, to: Math.min(part.to, from + part.chunk) };
}

/**
 * Reads chunks of `part` (the next one not taken, until none is left) into `part.bytes`, on this
 * thread; the bytes read (0 and no chunk taken when the file is no longer the one opened; fewer
 * than the chunks taken when it has shrunk: then what was written must not be used). Throws on an
 * error of the system.
 */
export function readFilePart(part: FilePart): number {
  const fd = openSync(part.file, 'r');
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile() || stat.dev !== part.dev || stat.ino !== part.ino || stat.size !== part.size) return 0;
    // Read into a small buffer reused, then copied: cheaper on fresh pages here (read-source.ts).
    const reused = new Uint8Array(part.chunk);
    let read = 0;
    for (let taken = takeChunk(part); taken; taken = takeChunk(part)) {
      for (let at = taken.from; at < taken.to; ) {
        const n = readSync(fd, reused, 0, taken.to - at, at);
        if (n === 0) break;
        part.bytes.set(n === reused.length ? reused : reused.subarray(0, n), at);
        at += n;
        read += n;
      }
    }
    return read;
  } finally {
    closeSync(fd);
  }
}

/** A second thread reading chunks of a file: the bytes it read, or null when it did not (failed, not started, stopped). */
export interface FilePartReader {
  readPart(part: FilePart): Promise<number | null>;
}
