// XML sources: SAF-T Financial (Norway 1.20/1.30) or XAF 3.2 by root element and namespace; any
// other XML is refused with a clear error.
import type { ImportResult } from '../core/types';
import { failed, importError } from './issues';
import { SAFT_NAMESPACE_PREFIX, XAF_NAMESPACE } from './sniff';
import type { TableOptions } from './tabular';

export function importXml(
  file: { name: string; bytes: Uint8Array },
  root: { root: string; namespace: string },
  _options: TableOptions,
): Promise<ImportResult> {
  const params = { root: root.root, ns: root.namespace || '(none)' };
  if (root.root === 'AuditFile' && root.namespace.startsWith(SAFT_NAMESPACE_PREFIX)) {
    return Promise.resolve(failed([importError('unknown-xml', { file: file.name }, params)]));
  }
  if (root.root === 'auditfile' && root.namespace === XAF_NAMESPACE) {
    return Promise.resolve(failed([importError('unknown-xml', { file: file.name }, params)]));
  }
  return Promise.resolve(failed([importError('unknown-xml', { file: file.name }, params)]));
}
