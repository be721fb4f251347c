// General-ledger exports (every account, not just the subledgers): recognised from their content,
// of which only the lines on receivable and payable accounts are taken (see accounts.ts).
//   FEC (fec.ts) · DATEV EXTF posting batch (datev.ts) · GL transaction lists (transactions.ts)
import type { ImportResult } from '../../core/types';
import { decodeHead } from '../decode';
import { importDatev, isDatevHeader } from './datev';
import { importFec, isFecHeader } from './fec';
import type { GlOptions } from './finish';
import { decodeGlText } from './text';

export type GlTextKind = 'fec' | 'datev';

/** The kind of GL export a text file is, from its first line; null for any other text. */
export function glTextKind(bytes: Uint8Array): GlTextKind | null {
  const first = decodeHead(bytes, 8192).replace(/^\uFEFF/, '').split(/\r?\n/).find((l) => l.trim() !== '') ?? '';
  if (isFecHeader(first)) return 'fec';
  if (isDatevHeader(first)) return 'datev';
  return null;
}

export function importGlText(file: { name: string; bytes: Uint8Array }, kind: GlTextKind, options: GlOptions): ImportResult {
  const { text } = decodeGlText(file.bytes);
  switch (kind) {
    case 'fec':
      return importFec(file.name, text, options);
    case 'datev':
      return importDatev(file.name, text, options);
  }
}
