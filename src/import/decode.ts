// Bytes to text for every importer: UTF-8 (with or without BOM), UTF-16 LE/BE by BOM, and
// Windows-1252 when the bytes are not valid UTF-8 (real Belgian and Dutch exports often are).

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface DecodedText {
  text: string;
  encoding: TextEncoding;
}

/** The encoding a BOM announces, and the BOM's length; null when there is none. */
export function bomEncoding(bytes: Uint8Array): { encoding: TextEncoding; length: number } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  return null;
}

/** UTF-16 without a BOM: many zero bytes on one side of the pairs (ASCII text in UTF-16). */
function sniffUtf16(bytes: Uint8Array): TextEncoding | null {
  const n = Math.min(bytes.length, 512) & ~1;
  if (n < 4) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZero++;
    if (bytes[i + 1] === 0) oddZero++;
  }
  const half = n / 2;
  if (oddZero > half * 0.6 && evenZero === 0) return 'utf-16le';
  if (evenZero > half * 0.6 && oddZero === 0) return 'utf-16be';
  return null;
}

/**
 * True when the bytes are valid UTF-8 throughout, checked in 64 KB pieces: bounded memory. (Node
 * makes a decoded text of a megabyte or more an external string, outside the JavaScript heap and
 * freed only by a full collection: 1 MB pieces left a 60 MB file's whole text behind in memory.)
 */
export function isValidUtf8(bytes: Uint8Array): boolean {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  try {
    for (let at = 0; at < bytes.length; at += 1 << 16) decoder.decode(bytes.subarray(at, at + (1 << 16)), { stream: true });
    decoder.decode();
    return true;
  } catch {
    return false;
  }
}

/** The encoding of a file: its BOM, else UTF-16 by shape, else UTF-8 when valid, else 1252. */
export function detectEncoding(bytes: Uint8Array): { encoding: TextEncoding; bomLength: number } {
  const bom = bomEncoding(bytes);
  if (bom) return { encoding: bom.encoding, bomLength: bom.length };
  const utf16 = sniffUtf16(bytes);
  if (utf16) return { encoding: utf16, bomLength: 0 };
  return { encoding: isValidUtf8(bytes) ? 'utf-8' : 'windows-1252', bomLength: 0 };
}

/** Decodes a whole file (once: UTF-8 is tried strictly, Windows-1252 when that fails); the BOM is dropped. */
export function decodeText(bytes: Uint8Array): DecodedText {
  const bom = bomEncoding(bytes);
  const encoding = bom?.encoding ?? sniffUtf16(bytes);
  if (encoding) return { text: new TextDecoder(encoding, { ignoreBOM: true }).decode(bytes.subarray(bom?.length ?? 0)), encoding };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('windows-1252').decode(bytes), encoding: 'windows-1252' };
  }
}

/** Decodes only the first `limit` bytes (for recognising a format); may cut the last character. */
export function decodeHead(bytes: Uint8Array, limit = 4096): string {
  const bom = bomEncoding(bytes);
  const encoding = bom?.encoding ?? sniffUtf16(bytes) ?? 'utf-8';
  const start = bom?.length ?? 0;
  return new TextDecoder(encoding, { ignoreBOM: true }).decode(bytes.subarray(start, start + limit));
}
