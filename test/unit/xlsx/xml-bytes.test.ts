// XmlBytes, the byte writer of the worksheets' XML: numbers come out as JavaScript writes them
// (what a template string gave before), text as UTF-8 (TextEncoder's bytes), across chunks.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { recycleChunk, XmlBytes } from '../../../src/xlsx/xml-bytes';

const decode = (chunks: Uint8Array[]) => new TextDecoder().decode(Buffer.concat(chunks));

describe('XmlBytes', () => {
  it('writes a number as String(number) does: whole, negative, fractional (money to the cent), huge, tiny', () => {
    const samples = [
      0,
      -0,
      7,
      -7,
      10,
      100,
      1234567,
      -98765.43,
      0.1 + 0.2,
      1e21,
      -1e-7,
      2 ** 53 - 1,
      2 ** 53,
      Number.MAX_SAFE_INTEGER + 2,
      12.5,
      2 ** 31 - 1,
      -(2 ** 31),
      2 ** 31,
      -(2 ** 31) - 1,
      0.05,
      -0.05,
      0.5,
      -0.5,
      372.67,
      -372.6,
      1.005,
      21474836.47,
      21474836.48,
      -21474836.48,
      1e-2,
    ];
    const out = new XmlBytes();
    for (const n of samples) {
      out.number(n);
      out.ascii(' ');
    }
    expect(decode([out.take()])).toBe(samples.map((n) => `${String(n)} `).join(''));
    fc.assert(
      fc.property(
        fc.oneof(
          fc.integer({ min: -1e15, max: 1e15 }),
          fc.double({ noNaN: true, noDefaultInfinity: true }),
          // money in major units: minor units of a 2- or 3-decimal currency divided out
          fc
            .tuple(fc.integer({ min: -1e13, max: 1e13 }), fc.constantFrom(100, 1000))
            .map(([minor, scale]) => minor / scale),
        ),
        (n) => {
          const one = new XmlBytes(64);
          one.number(n);
          return decode([one.take()]) === String(n);
        },
      ),
      { numRuns: 5000 },
    );
  });

  it('writes text as UTF-8 and says when a chunk is full; the chunks together hold everything', () => {
    const out = new XmlBytes(64);
    const chunks: Uint8Array[] = [];
    let expected = '';
    for (let i = 0; i < 200; i++) {
      const text = i % 3 === 0 ? `Crème brûlée — 東京 € 😀 ${i}` : `<c r="A${i}"/>`;
      if (i % 3 === 0) out.text(text);
      else out.ascii(text);
      expected += text;
      if (out.full) chunks.push(out.take());
    }
    chunks.push(out.take());
    expect(chunks.length).toBeGreaterThan(10);
    expect(Buffer.concat(chunks)).toEqual(Buffer.from(expected, 'utf8'));
  });

  it('writes into a chunk handed back (recycleChunk) again, and leaves bytes of any other origin alone', () => {
    const first = new XmlBytes();
    first.ascii('<row r="1"/>');
    const taken = first.take();
    recycleChunk(taken);
    const second = new XmlBytes();
    second.ascii('<row r="2"/>');
    const again = second.take();
    expect(again.buffer).toBe(taken.buffer);
    expect(decode([again])).toBe('<row r="2"/>');
    // a chunk handed back twice, or bytes not of an XmlBytes, are not written into
    recycleChunk(again);
    recycleChunk(again);
    const other = new Uint8Array(again.buffer.byteLength);
    recycleChunk(other);
    const a = new XmlBytes();
    const b = new XmlBytes();
    const c = new XmlBytes();
    for (const out of [a, b, c]) out.ascii('x');
    const buffers = [a, b, c].map((out) => out.take().buffer);
    expect(new Set(buffers).size).toBe(3);
    expect(buffers).not.toContain(other.buffer);
  });
});
