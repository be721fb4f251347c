// XML sources by root element: SAF-T (`AuditFile`, any national namespace: read by structure) or
// XAF 3.2 (`auditfile`: without a namespace read leniently, with a warning; another refused).
// Any other XML is refused naming its root element and namespace.
import type { ImportIssue, ImportResult } from '../../core/types';
import { failed, importError, importWarning } from '../issues';
import { importSaft } from './saft';
import { XAF_NAMESPACE } from '../sniff';
import type { TableOptions } from '../tabular/tabular';
import { importXaf } from './xaf';
import type { AccountChoice } from '../gl/accounts';

type Root = { root: string; namespace: string };

/** null when the namespace is right, a warning when it is missing, an error when it is another. */
function namespaceIssue(file: string, root: Root, expected: string, matches: boolean): ImportIssue | null {
  if (matches) return null;
  const params = { ns: root.namespace || '(none)', expected };
  return root.namespace === '' ? importWarning('wrong-namespace', { file }, params) : importError('wrong-namespace', { file }, params);
}

export async function importXml(file: { name: string; bytes: Uint8Array }, root: Root, options: TableOptions & AccountChoice): Promise<ImportResult> {
  // SAF-T is one OECD structure under many national namespaces (NO, PT, LT, RO, AT, LU FAIA, …):
  // it is read by its elements, whatever the namespace.
  if (root.root === 'AuditFile') return importSaft(file, root.namespace, options);
  if (root.root === 'auditfile') {
    const issue = namespaceIssue(file.name, root, XAF_NAMESPACE, root.namespace === XAF_NAMESPACE);
    if (issue?.severity === 'error') return failed([issue]);
    return importXaf(file, issue, options);
  }
  return failed([importError('unknown-xml', { file: file.name }, { root: root.root || '(none)', ns: root.namespace || '(none)' })]);
}
