// Reading the entries of a zip archive (an XLSX workbook is one) without a dependency: the
// central directory names each entry; stored entries are copied, deflated ones inflated with the
// platform's DecompressionStream, chunk by chunk, and never past the size the directory declares
// (a directory that understates an entry cannot make it grow without bound) nor past
// MAX_ENTRY_SIZE. Zip64 and encryption are refused.

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  offset: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
/** Refuse to inflate an entry claiming more than this (a zip bomb guard). */
export const MAX_ENTRY_SIZE = 256 * 2 ** 20;

export class ZipError extends Error {}

function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function findEndOfCentralDirectory(bytes: Uint8Array): number {
  const dv = view(bytes);
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65535); i--) {
    if (dv.getUint32(i, true) === EOCD) return i;
  }
  throw new ZipError('no zip directory found (the file is truncated or not a zip archive)');
}

/** The entries listed in the archive's central directory. */
export function zipEntries(bytes: Uint8Array): Map<string, ZipEntry> {
  const dv = view(bytes);
  const end = findEndOfCentralDirectory(bytes);
  const count = dv.getUint16(end + 10, true);
  let at = dv.getUint32(end + 16, true);
  const entries = new Map<string, ZipEntry>();
  const decoder = new TextDecoder();
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || dv.getUint32(at, true) !== CENTRAL) throw new ZipError('the zip directory is damaged');
    const flags = dv.getUint16(at + 8, true);
    if (flags & 1) throw new ZipError('the workbook is encrypted');
    const nameLength = dv.getUint16(at + 28, true);
    const entry: ZipEntry = {
      method: dv.getUint16(at + 10, true),
      compressedSize: dv.getUint32(at + 20, true),
      size: dv.getUint32(at + 24, true),
      name: decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength)),
      offset: dv.getUint32(at + 42, true),
    };
    entries.set(entry.name, entry);
    at += 46 + nameLength + dv.getUint16(at + 30, true) + dv.getUint16(at + 32, true);
  }
  return entries;
}

/** The stored (possibly deflated) bytes of an entry, after its local header. */
function entryData(bytes: Uint8Array, entry: ZipEntry): Uint8Array {
  const dv = view(bytes);
  if (entry.offset + 30 > bytes.length || dv.getUint32(entry.offset, true) !== LOCAL) throw new ZipError(`entry ${entry.name} is damaged`);
  const start = entry.offset + 30 + dv.getUint16(entry.offset + 26, true) + dv.getUint16(entry.offset + 28, true);
  const data = bytes.subarray(start, start + entry.compressedSize);
  if (data.length < entry.compressedSize) throw new ZipError(`entry ${entry.name} is truncated`);
  if (entry.size > MAX_ENTRY_SIZE) throw new ZipError(`entry ${entry.name} is too large (${entry.size} bytes, at most ${MAX_ENTRY_SIZE})`);
  return data;
}

/**
 * The uncompressed bytes of one entry, a chunk at a time; an entry that inflates to more than its
 * directory declares is refused at that point, so nothing grows past the declared (capped) size.
 */
export async function* zipEntryChunks(bytes: Uint8Array, entry: ZipEntry): AsyncGenerator<Uint8Array> {
  const data = entryData(bytes, entry);
  if (entry.method === 0) {
    yield data;
    return;
  }
  if (entry.method !== 8) throw new ZipError(`entry ${entry.name} uses an unsupported compression (${entry.method})`);
  const reader = new Blob([data as BlobPart]).stream().pipeThrough(new DecompressionStream('deflate-raw')).getReader();
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      total += value.length;
      if (total > entry.size) throw new ZipError(`entry ${entry.name} inflates to more than the ${entry.size} bytes its directory declares`);
      yield value;
    }
  } finally {
    await reader.cancel().catch(() => undefined);
  }
}

/** The uncompressed bytes of one entry (see `zipEntryChunks`). */
export async function readZipEntry(bytes: Uint8Array, entry: ZipEntry): Promise<Uint8Array> {
  const out = new Uint8Array(entry.size);
  let at = 0;
  for await (const chunk of zipEntryChunks(bytes, entry)) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return at === out.length ? out : out.subarray(0, at);
}
