// Recognising a file's kind from its content, not its name: an XLSX (zip) workbook, SAF-T or
// XAF XML by root element and namespace, other XML, or delimited text.
import { decodeHead } from './decode';
import { isCompoundFile } from './ole';

export const XAF_NAMESPACE = 'http://www.auditfiles.nl/XAF/3.2';

export type SniffedKind =
  | { kind: 'empty' }
  | { kind: 'xlsx' }
  /** An OLE compound file: a legacy .xls or an encrypted workbook. */
  | { kind: 'cfb' }
  | { kind: 'binary' }
  | { kind: 'xml'; root: string; namespace: string }
  | { kind: 'text' };

/** The first element's local name and namespace in the head of an XML text, if any. */
export function xmlRoot(head: string): { root: string; namespace: string } | null {
  const body = head.replace(/^\uFEFF/, '').trimStart();
  if (!body.startsWith('<')) return null;
  const rest = body.replace(/<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^[>]*(\[[\s\S]*?\])?\s*>/gi, '');
  const open = /<([A-Za-z_][\w.:-]*)([^>]*)>?/.exec(rest);
  if (!open) return { root: '', namespace: '' };
  const qname = open[1] ?? '';
  const attrs = open[2] ?? '';
  const colon = qname.indexOf(':');
  const prefix = colon >= 0 ? qname.slice(0, colon) : '';
  const root = colon >= 0 ? qname.slice(colon + 1) : qname;
  const nsAttr = prefix ? `xmlns:${prefix}` : 'xmlns';
  const ns = new RegExp(`(?:^|\\s)${nsAttr.replace(/[.-]/g, '\\$&')}\\s*=\\s*["']([^"']*)["']`).exec(attrs);
  return { root, namespace: ns?.[1] ?? '' };
}

/** Text with many control characters (after decoding) is not a text export. */
function looksBinary(head: string): boolean {
  let controls = 0;
  for (let i = 0; i < head.length; i++) {
    const c = head.charCodeAt(i);
    if (c < 9 || (c > 13 && c < 32)) controls++;
  }
  return controls > head.length * 0.05;
}

export function sniffKind(bytes: Uint8Array): SniffedKind {
  if (bytes.length === 0) return { kind: 'empty' };
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return { kind: 'xlsx' };
  if (isCompoundFile(bytes)) return { kind: 'cfb' };
  const head = decodeHead(bytes);
  if (head.trim() === '') return { kind: 'empty' };
  if (looksBinary(head)) return { kind: 'binary' };
  const xml = xmlRoot(head);
  return xml ? { kind: 'xml', ...xml } : { kind: 'text' };
}
