// Check digits against published examples: IBANs from the ECBS/SWIFT registry, the RF example of
// ISO 11649 and a Belgian structured communication worked by hand.
import { describe, expect, it } from 'vitest';
import { formatOgm, mod97, mod97_10Check, ogmCheck, passesMod97_10 } from '../../../src/core/check-digits';

describe('mod 97 of long digit strings', () => {
  it('is exact past the safe integer range', () => {
    const digits = '3214282912345698765432161182';
    expect(mod97(digits)).toBe(Number(BigInt(digits) % 97n));
  });
});

describe('ISO 7064 mod 97-10 (IBAN, RF)', () => {
  it('computes the check digits of registry IBANs and the ISO 11649 example', () => {
    expect(mod97_10Check('NL', 'ABNA0417164300')).toBe('91');
    expect(mod97_10Check('GB', 'WEST12345698765432')).toBe('82');
    expect(mod97_10Check('BE', '539007547034')).toBe('68');
    expect(mod97_10Check('RF', '539007547034')).toBe('18');
  });

  it('passes a correct reference and fails one with a changed digit', () => {
    expect(passesMod97_10('NL91ABNA0417164300')).toBe(true);
    expect(passesMod97_10('RF18539007547034')).toBe(true);
    expect(passesMod97_10('NL91ABNA0417164301')).toBe(false);
  });
});

describe('Belgian structured communication (OGM)', () => {
  it('takes the first ten digits mod 97, and 97 for a remainder of 0', () => {
    expect(ogmCheck('1234567890')).toBe('02');
    expect(ogmCheck('0000000097')).toBe('97');
    expect(formatOgm('0108068171')).toBe('+++010/8068/17183+++');
  });
});
