// The workbook's shared strings: each distinct text once, in the order first written, and every
// use counted, whether a cell names its table column (where a repeat of the text above is not
// looked up again) or not.
import { describe, expect, it } from 'vitest';
import { SharedStrings } from '../../../src/xlsx/cells-xml';

const texts = ['Acme', 'Invoice', 'Acme', 'Acme', 'Payment', 'Invoice', 'Acme'];

describe('SharedStrings', () => {
  it('gives a text the same index in any column and counts every use', () => {
    const strings = new SharedStrings();
    // two columns, the second sometimes repeating the row above, the first the same text in a fresh string
    const indexes = texts.map((text, i) => strings.index(i % 2 === 0 ? text : [...text].join(''), i % 2));
    expect(indexes).toEqual([0, 1, 0, 0, 2, 1, 0]);
    expect(strings.index('Invoice')).toBe(1);
    expect(strings.index('Acme', 5)).toBe(0);
    const decoder = new TextDecoder();
    const xml = [...strings.xml()].map((chunk) => decoder.decode(chunk)).join('');
    expect(xml).toContain('count="9" uniqueCount="3"');
    expect(xml.match(/<si><t>([^<]*)<\/t><\/si>/g)).toEqual(['<si><t>Acme</t></si>', '<si><t>Invoice</t></si>', '<si><t>Payment</t></si>']);
  });
});
