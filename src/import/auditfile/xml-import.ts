// XML sources: SAF-T Financial (Norway) or XAF 3.2 by root element and namespace. A root without
// a namespace is read leniently (with a warning); a different namespace or root is refused.
import type { ImportIssue, ImportResult } from '../../core/types';
import { failed, importError, importWarning } from '../issues';
import { importSaft } from './saft';
import { SAFT_NAMESPACE_PREFIX, XAF_NAMESPACE } from '../sniff';
import type { TableOptions } from '../tabular/tabular';
import { importXaf } from './xaf';

type Root = { root: string; namespace: string };

/** null when the namespace is right, a warning when it is missing, an error when it is another. */
function namespaceIssue(file: string, root: Root, expected: string, matches: boolean): ImportIssue | null {
  if (matches) return null;
  const params = { ns: root.namespace || '(none)', expected };
  return root.namespace === '' ? importWarning('wrong-namespace', { file }, params) : importError('wrong-namespace', { file }, params);
}

export async function importXml(file: { name: string; bytes: Uint8Array }, root: Root, options: TableOptions): Promise<ImportResult> {
  if (root.root === 'AuditFile') {
    const issue = namespaceIssue(file.name, root, SAFT_NAMESPACE_PREFIX, root.namespace.startsWith(SAFT_NAMESPACE_PREFIX));
    if (issue?.severity === 'error') return failed([issue]);
    return importSaft(file, issue, options);
  }
  if (root.root === 'auditfile') {
    const issue = namespaceIssue(file.name, root, XAF_NAMESPACE, root.namespace === XAF_NAMESPACE);
    if (issue?.severity === 'error') return failed([issue]);
    return importXaf(file, issue, options);
  }
  return failed([importError('unknown-xml', { file: file.name }, { root: root.root || '(none)', ns: root.namespace || '(none)' })]);
}
