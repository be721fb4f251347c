// How large an input file may be, per kind (decided from its first bytes): a CSV/TXT export, an
// XLSX workbook, an XML auditfile. Past the limit a file is refused before it is parsed (the CLI
// stops reading it there); `ImportOptions.maxInputSize` or `--max-input-size` sets another limit.
import type { ImportIssue } from '../core/types';
import { importError } from './issues';
import type { SniffedKind } from './sniff';

export type InputKind = 'text' | 'xlsx' | 'xml';

const MB = 2 ** 20;

/** CSV/TXT up to a few million lines, workbooks up to Excel's own scale, auditfiles of big companies. */
export const DEFAULT_INPUT_LIMITS: Readonly<Record<InputKind, number>> = { text: 256 * MB, xlsx: 64 * MB, xml: 512 * MB };

export function inputKind(sniffed: SniffedKind['kind']): InputKind {
  if (sniffed === 'xlsx' || sniffed === 'cfb') return 'xlsx';
  return sniffed === 'xml' ? 'xml' : 'text';
}

/** The limit for a file of that kind: `override` (bytes) when given, else the kind's default. */
export function inputLimit(kind: InputKind, override?: number): number {
  return override ?? DEFAULT_INPUT_LIMITS[kind];
}

/** `268435456` → `256 MB`; sizes that are no whole megabyte in bytes. */
export function formatSize(bytes: number): string {
  return bytes % MB === 0 ? `${bytes / MB} MB` : `${bytes} bytes`;
}

const KIND_NAMES: Record<InputKind, string> = { text: 'CSV/TXT', xlsx: 'XLSX', xml: 'XML' };

/** The error for a file past its limit. */
export function tooLargeIssue(file: string, kind: InputKind, limit: number): ImportIssue {
  return importError('too-large', { file }, { kind: KIND_NAMES[kind], max: formatSize(limit) });
}
