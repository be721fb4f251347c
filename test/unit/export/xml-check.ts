// Test helpers for pain.001 files: parse the XML back (saxes) to read what a bank would read, and
// validate it against the ISO schema of its version with xmllint (../shared, when present).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { SaxesParser } from 'saxes';
import type { Pain001Format } from '../../../src/export/history';

export interface XmlNode {
  name: string;
  attributes: Record<string, string>;
  text: string;
  children: XmlNode[];
}

export function parseXml(xml: string): XmlNode {
  const parser = new SaxesParser({ xmlns: false });
  const root: XmlNode = { name: '#document', attributes: {}, text: '', children: [] };
  const stack: XmlNode[] = [root];
  parser.on('opentag', (tag) => {
    const node: XmlNode = { name: tag.name, attributes: { ...(tag.attributes as Record<string, string>) }, text: '', children: [] };
    stack[stack.length - 1]?.children.push(node);
    stack.push(node);
  });
  parser.on('text', (text) => {
    const top = stack[stack.length - 1];
    if (top) top.text += text;
  });
  parser.on('closetag', () => void stack.pop());
  parser.write(xml).close();
  return root;
}

/** Every node at a slash path below `node`, e.g. `all(doc, 'Document/CstmrCdtTrfInitn/PmtInf')`. */
export function all(node: XmlNode, slashPath: string): XmlNode[] {
  let nodes = [node];
  for (const name of slashPath.split('/')) nodes = nodes.flatMap((n) => n.children.filter((c) => c.name === name));
  return nodes;
}

/** The text of the single node at the path ('' when absent). */
export function text(node: XmlNode, slashPath: string): string {
  return all(node, slashPath)[0]?.text.trim() ?? '';
}

/** "12.34" → 1234, exactly. */
export function cents(decimal: string): number {
  const m = /^(\d+)\.(\d{2})$/.exec(decimal);
  if (!m) throw new Error(`not an amount with two decimals: ${decimal}`);
  return Number(m[1]) * 100 + Number(m[2]);
}

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const PAIN001_DIR = path.resolve(repoRoot, '../shared/formats/iso20022-pain001');
export const haveSchemas = existsSync(path.join(PAIN001_DIR, 'pain.001.001.03.xsd'));
if (!haveSchemas) console.warn(`pain.001 XSD checks skipped: ${PAIN001_DIR} is absent`);

/** xmllint's verdict on the file against the XSD of its version: '' when valid, else its messages. */
export function schemaErrors(xml: string, format: Pain001Format): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'pain001-'));
  const file = path.join(dir, 'file.xml');
  try {
    writeFileSync(file, xml);
    execFileSync('xmllint', ['--noout', '--schema', path.join(PAIN001_DIR, `${format}.xsd`), file], { stdio: 'pipe' });
    return '';
  } catch (error) {
    const e = error as { stderr?: Buffer; message: string };
    return e.stderr?.toString() || e.message;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
