// Reading an input file for the importers without trusting its size: the first bytes decide the
// kind (CSV/TXT, XLSX, XML) and so the limit of `import/limits.ts`; a regular file past it is
// refused before it is read, anything else (a FIFO, a device, a pipe) is read in chunks only up
// to it. A file whose first bytes are binary is not read further: they say all there is to say.
import { open, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import type { SourceFile } from '../import/index';
import { inputKind, inputLimit, tooLargeIssue } from '../import/limits';
import { localizeIssue } from '../import/messages';
import { sniffKind } from '../import/sniff';
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

/**
 * The bytes of `file`, read no further than the limit of its kind (`maxInputSize` bytes when
 * given). Past it, an InputError with the importer's `too-large` message. `shared`: a regular
 * file's bytes on a SharedArrayBuffer (for a second thread to read: see part-reader.ts).
 */
export async function readSource(file: string, maxInputSize?: number, shared = false): Promise<SourceFile> {
  const name = path.basename(file);
  const handle = await openFile(file);
  try {
    const stat = await handle.stat();
    if (stat.isDirectory()) throw cannotRead(file, 'it is a directory, not a file');
    const chunks: Uint8Array[] = [];
    let total = 0;
    let limit = Number.POSITIVE_INFINITY;
    // A regular file is read into one buffer of its size (no copy at the end); a file that grows
    // while it is read, and anything that is not a regular file, in chunks. The buffer is filled
    // from a small one the reads reuse: on a VM where fresh memory costs a fault per page, the
    // system's reads straight into fresh pages cost more than this copy (0.8 s against 0.6 s for
    // 126 MB, read and looked at once).
    const whole = stat.isFile() && stat.size > 0 ? (shared ? new Uint8Array(new SharedArrayBuffer(stat.size)) : new Uint8Array(stat.size)) : null;
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
        const kind = inputKind(sniffed);
        limit = inputLimit(kind, maxInputSize);
        if (total > limit || (stat.isFile() && stat.size > limit)) throw tooLarge(name, kind, limit);
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
