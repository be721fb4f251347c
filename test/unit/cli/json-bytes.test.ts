// JSON written as bytes (src/cli/json-bytes.ts) is, byte for byte, the UTF-8 of the text
// JSON.stringify makes: strings with what it escapes and what it leaves as it is, numbers, the
// rows of a report written from their cells, and chunks handed on whole or kept by the receiver.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { JsonBytes, textOut } from '../../../src/cli/json-bytes';
import { majorText } from '../../../src/core/money';
import { LazyRows, Money, TableRows, writeJsonDocument, writeJsonDocuments, type ReportOutput } from '../../../src/cli/output';

/** What `write` puts into a JsonBytes, as the bytes handed on (kept: the receiver keeps every chunk). */
function bytesOf(write: (out: JsonBytes) => void, kept = false): { bytes: Buffer; chunks: Uint8Array[] } {
  const chunks: Uint8Array[] = [];
  const copies: Buffer[] = [];
  const out = new JsonBytes((b) => {
    chunks.push(b);
    copies.push(Buffer.from(b));
    return kept;
  });
  write(out);
  out.end();
  // A chunk the receiver keeps is never written over.
  if (kept) expect(chunks.every((chunk, k) => Buffer.from(chunk).equals(copies[k] as Buffer))).toBe(true);
  return { bytes: Buffer.concat(copies), chunks };
}

const utf8Of = (text: string): Buffer => Buffer.from(text, 'utf8');

const TEXTS = [
  '', 'plain', 'Peeters "BV"', 'back\\slash', 'line\nbreak\r\ttab', '\u0000\u0001\u001f\u007f', 'é ü ß Ø', 'Zoë & Søn',
  '株式会社', '😀 emoji', 'lone \ud83d high', 'lone \udc00 low', '\u2028\u2029', '=SUM(A1)', '-1', '+31', '@home',
];

describe('JsonBytes', () => {
  it('writes a string as JSON.stringify does: escapes, non-ASCII, lone surrogates, formula-like text', () => {
    for (const text of TEXTS) expect(bytesOf((out) => out.string(text)).bytes).toEqual(utf8Of(JSON.stringify(text)));
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (text) => {
      expect(bytesOf((out) => out.string(text)).bytes).toEqual(utf8Of(JSON.stringify(text)));
    }));
  });

  it('writes any text as its UTF-8', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme' }), (text) => {
      expect(bytesOf((out) => out.text(text)).bytes).toEqual(utf8Of(text));
    }));
  });

  it('writes a number as JSON.stringify does: negative zero, safe integers at their ends, large and small, not finite', () => {
    const numbers = [0, -0, 1, -1, 9, 10, 99, 100, 2 ** 53 - 1, -(2 ** 53 - 1), 2 ** 53, 1e21, -1e21, 1.5e-7, 0.1, -123.45, NaN, Infinity, -Infinity];
    for (const n of numbers) expect(bytesOf((out) => out.number(n)).bytes.toString()).toBe(JSON.stringify(n));
    fc.assert(fc.property(fc.oneof(fc.integer({ min: -(2 ** 53) + 1, max: 2 ** 53 - 1 }), fc.double()), (n) => {
      expect(bytesOf((out) => out.number(n)).bytes.toString()).toBe(JSON.stringify(n));
    }));
  });

  it('writes an amount as majorText does: negative zero, cents, trailing zeros, large amounts, every exponent', () => {
    const amounts = [0, -0, 1, -1, 5, 10, 50, 100, -100, 105, -123_450, 1_000_000, 999_999_999_999_999, 1e15, -1e15, 2 ** 53, 2 ** 60, 1.5, NaN];
    for (const exponent of [0, 1, 2, 3, 4, 6, 7, 8]) {
      for (const minor of amounts) expect(bytesOf((out) => out.major(minor, exponent)).bytes.toString()).toBe(majorText(minor, exponent));
    }
    fc.assert(fc.property(fc.oneof(fc.integer(), fc.maxSafeInteger(), fc.integer({ min: -1e15, max: 1e15 })), fc.integer({ min: 0, max: 8 }), (minor, exponent) => {
      expect(bytesOf((out) => out.major(minor, exponent)).bytes.toString()).toBe(majorText(minor, exponent));
    }));
  });

  it('hands on chunks of whole pieces, a character never cut in two, and never writes over a chunk kept', () => {
    const pieces = Array.from({ length: 60_000 }, (_, i) => `${i} Zoë 😀 株式会社 `);
    for (const kept of [false, true]) {
      const { bytes, chunks } = bytesOf((out) => {
        for (const piece of pieces) {
          out.string(piece);
          out.handOn();
        }
      }, kept);
      expect(chunks.length).toBeGreaterThan(3);
      expect(bytes.equals(utf8Of(pieces.map((p) => JSON.stringify(p)).join('')))).toBe(true);
    }
    const text: string[] = [];
    const out = new JsonBytes(textOut((t) => text.push(t)));
    for (const piece of pieces) {
      out.text(piece);
      out.handOn();
    }
    out.end();
    expect(text.join('')).toBe(pieces.join(''));
  });
});

describe('report rows written as bytes from their cells', () => {
  const columns = ['ledger', 'partyName', 'description', 'amount', 'ageDays', 'buckets', 'flag'];
  const cells: unknown[][] = [
    ['AR', 'Zoë & Søn "BV"', '=HYPERLINK("x")', new Money(-0, 'EUR'), -0, [new Money(0, 'EUR'), new Money(-1, 'EUR')], true],
    ['AP', '株式会社 😀', '-5 discount', new Money(2 ** 60 + 4096, 'EUR'), 2 ** 53 - 1, [], false],
    ['AR', 'tab\there\nline', '+31 20', new Money(1_000_000_000_000_000_000, 'JPY'), 1.25, [new Money(5, 'JPY')], null],
    ['AR', '', '@x', new Money(-50, 'BHD'), NaN, [null, 'x'], 'lone \udc00'],
    // Not cells: the row is written as JSON.stringify writes the object (a field left out, a nested object).
    ['AR', 'Peeters', undefined, new Money(1, 'EUR'), 1, [1], { nested: [new Money(7, 'EUR')] }],
    ['AR', 'Peeters', 'x', new Money(1, 'EUR'), 1, [undefined, 2], 3],
  ];
  const table = new TableRows(columns, cells.length, (i) => cells[i] as never);
  const output = (rows: unknown, more: Record<string, unknown> = {}): ReportOutput => ({ json: { report: 'x', ...more, rows }, columns: [], rows: [] });

  it('is the UTF-8 of JSON.stringify with two spaces, one report or several', () => {
    for (const o of [output(table), output(table, { asOf: '2025-06-30' }), output(new TableRows([], 2, () => [])), output(new LazyRows(2, (i) => cells[i]))]) {
      expect(bytesOf((out) => writeJsonDocument(o, out)).bytes).toEqual(utf8Of(JSON.stringify(o.json, null, 2)));
      expect(bytesOf((out) => writeJsonDocuments([o, o], out)).bytes).toEqual(utf8Of(`${JSON.stringify([o.json, o.json], null, 2)}\n`));
    }
  });

  it('writes an empty report and no report as JSON.stringify does', () => {
    for (const o of [output([]), output(new TableRows(columns, 0, () => [])), { json: { report: 'key-figures' }, columns: [], rows: [] }]) {
      expect(bytesOf((out) => writeJsonDocument(o, out)).bytes.toString()).toBe(JSON.stringify(o.json, null, 2));
    }
    expect(bytesOf((out) => writeJsonDocuments([], out)).bytes.toString()).toBe('[]\n');
  });

  it('writes many rows in chunks, a row that is not all cells taken back whole', () => {
    const many = new TableRows(columns, 30_000, (i) => cells[i % cells.length] as never);
    const o = output(many);
    for (const kept of [false, true]) {
      const { bytes, chunks } = bytesOf((out) => writeJsonDocuments([o], out), kept);
      expect(chunks.length).toBeGreaterThan(3);
      expect(bytes.equals(utf8Of(`${JSON.stringify([o.json], null, 2)}\n`))).toBe(true);
    }
  });
});
