// OLE compound files (CFB), the container of a legacy .xls workbook and of an encrypted .xlsx
// (Office keeps a password-protected workbook as an `EncryptedPackage` stream inside one): neither
// can be read, but each is named for what it is, so the user knows what to do.
import { holdsBytes } from '../core/char-text';

const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

export function isCompoundFile(bytes: Uint8Array): boolean {
  return bytes.length >= CFB_MAGIC.length && CFB_MAGIC.every((b, i) => bytes[i] === b);
}

/** True when the bytes hold `word` in UTF-16LE (as directory entry names of a CFB file are). */
function holdsUtf16Name(bytes: Uint8Array, word: string): boolean {
  return holdsBytes(bytes, Uint8Array.from([...word].flatMap((ch) => [ch.charCodeAt(0), 0])));
}

/** What a compound file is: an encrypted workbook, a legacy .xls, or another Office document. */
export function compoundFileKind(bytes: Uint8Array): 'encrypted-workbook' | 'legacy-xls' | 'ole-document' {
  if (holdsUtf16Name(bytes, 'EncryptedPackage')) return 'encrypted-workbook';
  if (holdsUtf16Name(bytes, 'Workbook') || holdsUtf16Name(bytes, 'Book')) return 'legacy-xls';
  return 'ole-document';
}
