// An ASCII file's bytes read as its text (core/char-text.ts): every answer the line readers ask of
// it must be the decoded string's, and a file is taken for ASCII only when every byte is.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AsciiText, holdsBytes, isAsciiBytes } from '../../../src/core/char-text';

/** The bytes of an ASCII string, at `offset` in a larger buffer (typed arrays seldom start aligned). */
function bytesAt(text: string, offset: number): Uint8Array {
  const buffer = new Uint8Array(offset + text.length + 3);
  for (let i = 0; i < text.length; i++) buffer[offset + i] = text.charCodeAt(i);
  return buffer.subarray(offset, offset + text.length);
}

const asciiText = fc.string({ unit: fc.constantFrom(...'abc,;\t\r\n 0123456789-.XYZ'.split('')), maxLength: 300 });

describe('AsciiText', () => {
  it('answers charCodeAt, slice and indexOf as the string does', () => {
    fc.assert(
      fc.property(asciiText, fc.nat(7), fc.nat(320), fc.nat(320), fc.constantFrom(',', '\n', '\r', ';', 'Z'), (text, offset, a, b, search) => {
        const t = new AsciiText(bytesAt(text, offset));
        expect(t.length).toBe(text.length);
        for (let i = 0; i <= text.length; i++) expect(t.charCodeAt(i)).toEqual(text.charCodeAt(i));
        expect(t.slice(a, b)).toBe(text.slice(a, b));
        expect(t.indexOf(search, a)).toBe(text.indexOf(search, a));
      }),
    );
  });

  it('slices long texts whole', () => {
    const text = 'AR,C1,invoice,F1,2024-01-05,12.00\n'.repeat(2000);
    const t = new AsciiText(bytesAt(text, 1));
    expect(t.slice(3, text.length - 2)).toBe(text.slice(3, text.length - 2));
    expect(t.indexOf('\n', 40_000)).toBe(text.indexOf('\n', 40_000));
    expect(t.indexOf('Q', 0)).toBe(-1);
  });
});

describe('isAsciiBytes', () => {
  it('is true for ASCII bytes at any alignment and false when any one byte is 0x80 or above', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary-ascii', maxLength: 9000 }), fc.nat(7), fc.nat(), fc.integer({ min: 0x80, max: 0xff }), (text, offset, at, high) => {
        const bytes = bytesAt(text, offset);
        expect(isAsciiBytes(bytes)).toBe(true);
        if (bytes.length === 0) return;
        bytes[at % bytes.length] = high;
        expect(isAsciiBytes(bytes)).toBe(false);
      }),
    );
  });
});

describe('holdsBytes', () => {
  const bytes = (text: string) => new TextEncoder().encode(text);

  it('finds a pattern at the start, the end, after a false start, and not one cut off at the end', () => {
    expect(holdsBytes(bytes('sbLine><nr>'), bytes('sbLine'))).toBe(true);
    expect(holdsBytes(bytes('<trLine/><sbLine'), bytes('sbLine'))).toBe(true);
    expect(holdsBytes(bytes('sbsbLin sbsbLine'), bytes('sbLine'))).toBe(true);
    expect(holdsBytes(bytes('<trLine><sbLin'), bytes('sbLine'))).toBe(false);
    expect(holdsBytes(bytes(''), bytes('s'))).toBe(false);
  });

  it('answers as a search of the text does, for any bytes and pattern', () => {
    const alphabet = fc.constantFrom('a', 'b', 'c');
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 40 }), fc.array(alphabet, { minLength: 1, maxLength: 4 }), (text, pattern) => {
        expect(holdsBytes(bytes(text.join('')), bytes(pattern.join('')))).toBe(text.join('').includes(pattern.join('')));
      }),
    );
  });
});
