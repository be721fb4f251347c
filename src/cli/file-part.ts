// A part of a regular file's bytes read into a buffer another thread shares: the second half of
// a big input, read by the worker of part-reader.ts while the first thread reads the first half
// (read-source.ts), so that the fresh pages of each half are touched on a core of their own.
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';

/** Which file (the one the first thread opened: same device, inode and size) and which bytes of it. */
export interface FilePart {
  file: string;
  dev: number;
  ino: number;
  size: number;
  /** The whole file's bytes (on a SharedArrayBuffer); `from`..`to` are filled here. */
  bytes: Uint8Array;
  from: number;
  to: number;
}

/** Bytes read per system call (into a small buffer reused, then copied: cheaper on fresh pages here). */
const CHUNK = 1 << 20;

/**
 * Reads `part.from`..`part.to` of the file into `part.bytes`; the bytes read (fewer when the file
 * is no longer the one opened or has shrunk: then what was written must not be used). Throws on
 * an error of the system.
 */
export function readFilePart(part: FilePart): number {
  const fd = openSync(part.file, 'r');
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile() || stat.dev !== part.dev || stat.ino !== part.ino || stat.size !== part.size) return 0;
    const reused = new Uint8Array(Math.min(CHUNK, Math.max(1, part.to - part.from)));
    let at = part.from;
    while (at < part.to) {
      const n = readSync(fd, reused, 0, Math.min(reused.length, part.to - at), at);
      if (n === 0) break;
      part.bytes.set(n === reused.length ? reused : reused.subarray(0, n), at);
      at += n;
    }
    return at - part.from;
  } finally {
    closeSync(fd);
  }
}

/** A second thread reading a part of a file: the bytes it read, or null when it did not (failed, not started, stopped). */
export interface FilePartReader {
  readPart(part: FilePart): Promise<number | null>;
}
