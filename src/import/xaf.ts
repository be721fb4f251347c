// XAF 3.2 (Dutch XML Auditfile Financieel). (Being written.)
import type { ImportIssue, ImportResult } from '../core/types';
import { failed, importError } from './issues';
import type { TableOptions } from './tabular';

export function importXaf(file: { name: string; bytes: Uint8Array }, _ns: ImportIssue | null, _options: TableOptions): Promise<ImportResult> {
  return Promise.resolve(failed([importError('unknown-xml', { file: file.name }, { root: 'auditfile', ns: 'XAF' })]));
}
