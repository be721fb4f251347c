import { describe, expect, it } from 'vitest';
import { isSepaIdentifier, sepaIdentifier, sepaText, sepaTextMax, xmlEscape } from '../../../src/export/sepa-text';

describe('texts in the SEPA character set', () => {
  it('strips accents, spells ß as ss and & as +', () => {
    expect(sepaText('Café Müller & Söhne')).toBe('Cafe Muller + Sohne');
    expect(sepaText('Großstraße')).toBe('Grossstrasse');
    expect(sepaText('Ærø Œuvre Łódź')).toBe('AEro OEuvre Lodz');
  });

  it('keeps the allowed punctuation and drops the rest', () => {
    expect(sepaText("Inv. 12/3 (a-b)? x:y, 'z' +1")).toBe("Inv. 12/3 (a-b)? x:y, 'z' +1");
    expect(sepaText('50% off! #7 @home €10 株式会社')).toBe('50 off 7 home 10');
    expect(sepaText('a_b; "c"\td')).toBe("a-b, 'c' d");
  });

  it('cuts to the maximum length', () => {
    expect(sepaTextMax('x'.repeat(200), 140)).toHaveLength(140);
    expect(sepaTextMax('Société Générale', 8)).toBe('Societe');
  });

  it('makes identifiers without spaces, / at either end or //', () => {
    expect(sepaIdentifier('/INV//2025/ 7/')).toBe('INV/2025/7');
    expect(sepaIdentifier('A'.repeat(40))).toHaveLength(35);
    expect(sepaIdentifier(`${'A'.repeat(34)}/B`)).toBe('A'.repeat(34));
    expect(isSepaIdentifier('SL20250819T083202ABCD-1')).toBe(true);
    for (const bad of ['/A', 'A/', 'A//B', '', 'A B', 'A'.repeat(36)]) expect(isSepaIdentifier(bad)).toBe(false);
  });

  it('escapes XML', () => {
    expect(xmlEscape(`<a href="x">&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&apos;&lt;/a&gt;');
  });
});
