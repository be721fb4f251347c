// Streaming XML for the auditfile importers (saxes, never a DOM of the whole file): the file is
// decoded chunk by chunk and only the elements a reader asks for (a Customer, a Transaction, …)
// are kept as small trees, each with its element path (`/AuditFile/…/Journal[2]/Transaction[5]`)
// and line. No external entity is resolved and a DOCTYPE that declares entities is refused.
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { detectEncoding, isValidUtf8 } from '../decode';
import { ImportAbort, importError, importWarning, type IssuePlace } from '../issues';
import type { ImportIssue } from '../../core/types';
import { throwIfCancelled, type ProgressOptions } from '../progress';

/** A captured element; its path is built only when asked for (most never are). */
export class XmlNode {
  text = '';
  readonly children: XmlNode[] = [];

  constructor(
    /** Local name (any prefix removed). */
    readonly name: string,
    readonly attrs: Record<string, string>,
    readonly line: number,
    private readonly parent: XmlNode | string,
    private readonly segment: string,
  ) {}

  /** `/AuditFile/GeneralLedgerEntries/Journal[2]/Transaction[5]/Line[1]`, as one flat string (it is kept per entry). */
  get path(): string {
    const above = typeof this.parent === 'string' ? this.parent : this.parent.path;
    return detached(`${above}/${this.segment}`);
  }
}

/**
 * A copy of a string that holds nothing else: the parser hands out slices of its 1 MB chunk, and
 * one kept slice (a description, a document number) would keep the whole chunk, so a file's every
 * chunk, alive; likewise a path built by concatenation is a tree of pieces until flattened. Shorter
 * strings are copies already (V8 slices from 13 characters). The copy is made by JSON, which
 * writes one flat string of exactly the same characters (a slice of a one-character-longer copy
 * would keep two strings per value).
 */
export function detached(s: string): string {
  return s.length < 13 ? s : (JSON.parse(JSON.stringify(s)) as string);
}

/**
 * One string for each distinct text of the elements that repeat along a file (party and account
 * ids, dates, codes, line numbers): a million lines then hold a few thousand strings, not a
 * million. Past `limit` distinct texts (a file whose values do not repeat) it stops learning.
 */
export class SharedTexts {
  private readonly seen = new Map<string, string>();

  constructor(private readonly limit = 200_000) {}

  of(text: string): string {
    const known = this.seen.get(text);
    if (known !== undefined) return known;
    const kept = detached(text);
    if (this.seen.size < this.limit) this.seen.set(kept, kept);
    return kept;
  }
}

/** The first child of that name. */
export function child(node: XmlNode | undefined, name: string): XmlNode | undefined {
  return node?.children.find((c) => c.name === name);
}

export function childrenNamed(node: XmlNode | undefined, name: string): XmlNode[] {
  return node ? node.children.filter((c) => c.name === name) : [];
}

/** The trimmed text of a descendant reached by names (`text(line, 'DebitAmount', 'Amount')`), or undefined when absent or empty. */
export function text(node: XmlNode | undefined, ...names: string[]): string | undefined {
  let at = node;
  for (const n of names) at = child(at, n);
  const t = at?.text.trim();
  return t === undefined || t === '' ? undefined : t;
}

export function placeOf(file: string, node: XmlNode, field?: string): IssuePlace {
  const place: IssuePlace = { file, path: node.path, line: node.line };
  if (field !== undefined) place.field = field;
  return place;
}

export interface XmlReadOptions extends ProgressOptions {
  /** Elements to capture as trees when met outside another captured element. */
  capture: ReadonlySet<string>;
  /** Also captures an element this says yes to (e.g. only the `Cube` that has a `time`). */
  captureIf?: (name: string, attrs: Readonly<Record<string, string>>) => boolean;
  /** Elements that repeat among their siblings: their paths carry an index (`Line[3]`). */
  indexed: ReadonlySet<string>;
  /** Called with each captured element and the local name of its parent. */
  onElement: (node: XmlNode, parent: string) => void;
}

/**
 * The parser is fed 64 KB of text at a time: a decoded text of a megabyte or more would be an
 * external string (outside the JavaScript heap, freed only by a full collection), and a kept slice
 * of it would hold it all. Progress is told every megabyte; every 8 MB the event loop may run.
 */
const CHUNK = 1 << 16;
const PIECES_PER_PROGRESS = 16;
const PIECES_PER_TURN = 128;

function localName(qname: string): string {
  const colon = qname.indexOf(':');
  return colon < 0 ? qname : qname.slice(colon + 1);
}

interface Frame {
  name: string;
  segment: string;
  /** How many children of each indexed name were met so far (created on the first one). */
  counts: Map<string, number> | null;
}

/** The encoding to decode with, and a warning when the file is not what it says. */
function chooseEncoding(file: string, bytes: Uint8Array): { label: string; skip: number; warning?: ImportIssue } {
  const detected = detectEncoding(bytes.subarray(0, 4096));
  if (detected.bomLength > 0 || detected.encoding.startsWith('utf-16')) return { label: detected.encoding, skip: detected.bomLength };
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 200));
  const declared = /<\?xml[^>]*encoding\s*=\s*["']([\w.:-]+)["']/i.exec(head)?.[1] ?? 'UTF-8';
  if (!/^utf-?8$/i.test(declared)) {
    try {
      new TextDecoder(declared);
      return { label: declared, skip: 0 };
    } catch {
      return { label: 'windows-1252', skip: 0, warning: importWarning('declared-encoding-mismatch', { file }, { declared }) };
    }
  }
  if (isValidUtf8(bytes)) return { label: 'utf-8', skip: 0 };
  return { label: 'windows-1252', skip: 0, warning: importWarning('declared-encoding-mismatch', { file }, { declared }) };
}

/** Reads an XML file in chunks, handing captured elements to `onElement`; returns the warnings. */
export async function readXml(file: string, bytes: Uint8Array, options: XmlReadOptions): Promise<ImportIssue[]> {
  const { label, skip, warning } = chooseEncoding(file, bytes);
  const parser = new SaxesParser({ xmlns: false, position: true });
  const stack: Frame[] = [{ name: '', segment: '', counts: null }];
  const captured: XmlNode[] = [];
  const pathNow = (): string => stack.map((f) => f.segment).join('/');
  const fail = (code: string, params: Record<string, string | number>): never => {
    throw new ImportAbort(importError(code, { file, path: pathNow(), line: parser.line }, params));
  };
  parser.on('doctype', (doctype) => {
    if (/<!ENTITY/i.test(doctype)) fail('doctype-entities', {});
  });
  parser.on('error', (error) => fail('malformed-xml', { reason: error.message.replace(/^[^:]*:\d+:\d+: /, '') }));
  parser.on('opentag', (tag: SaxesTagPlain) => {
    const name = localName(tag.name);
    const parent = stack[stack.length - 1]!;
    let segment = name;
    if (options.indexed.has(name)) {
      parent.counts ??= new Map();
      const n = (parent.counts.get(name) ?? 0) + 1;
      parent.counts.set(name, n);
      segment = `${name}[${n}]`;
    }
    stack.push({ name, segment, counts: null });
    const holder = captured[captured.length - 1];
    if (holder === undefined && !options.capture.has(name) && options.captureIf?.(name, tag.attributes) !== true) return;
    const node = new XmlNode(name, tag.attributes, parser.line, holder ?? stack.slice(0, -1).map((f) => f.segment).join('/'), segment);
    holder?.children.push(node);
    captured.push(node);
  });
  parser.on('text', (t) => {
    const node = captured[captured.length - 1];
    if (node) node.text = node.text === '' ? detached(t) : node.text + t;
  });
  parser.on('cdata', (t) => {
    const node = captured[captured.length - 1];
    if (node) node.text = node.text === '' ? detached(t) : node.text + t;
  });
  parser.on('closetag', () => {
    const frame = stack.pop();
    if (captured.length === 0) return;
    const node = captured.pop()!;
    if (captured.length === 0) options.onElement(node, stack[stack.length - 1]?.name ?? frame?.name ?? '');
  });
  const decoder = new TextDecoder(label, { ignoreBOM: true });
  for (let offset = skip, piece = 1; offset < bytes.length; offset += CHUNK, piece++) {
    throwIfCancelled(file, options.signal);
    parser.write(decoder.decode(bytes.subarray(offset, offset + CHUNK), { stream: true }));
    if (piece % PIECES_PER_PROGRESS === 0) options.onProgress?.(Math.min(1, (offset + CHUNK) / bytes.length) * 0.8);
    if (piece % PIECES_PER_TURN === 0) await new Promise((resolve) => setTimeout(resolve, 0));
  }
  parser.write(decoder.decode());
  parser.close();
  return warning ? [warning] : [];
}
