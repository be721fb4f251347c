import { describe, expect, it } from 'vitest';
import { checkPaymentRef, isValidOgm, isValidRf, makeOgm, makeRf } from '../../../src/export/references';

describe('Belgian structured communication (OGM/VCS)', () => {
  it('accepts a reference whose last two digits are the first ten mod 97', () => {
    expect(isValidOgm('+++010/8068/17183+++')).toBe(true); // 0108068171 mod 97 = 83
    expect(isValidOgm('***010/8068/17183***')).toBe(true);
    expect(isValidOgm('010806817183')).toBe(true);
  });

  it('uses 97 where the remainder is 0', () => {
    expect(makeOgm(97)).toBe('+++000/0000/09797+++');
    expect(isValidOgm('+++000/0000/09797+++')).toBe(true);
    expect(isValidOgm('+++000/0000/09700+++')).toBe(false);
  });

  it('refuses a wrong check, a mistyped digit and a wrong length', () => {
    expect(isValidOgm('+++010/8068/17184+++')).toBe(false);
    expect(isValidOgm('+++011/8068/17183+++')).toBe(false);
    expect(isValidOgm('+++010/8068/1718+++')).toBe(false);
  });

  it('creates references that pass their own check', () => {
    expect(makeOgm('0108068171')).toBe('+++010/8068/17183+++');
    for (const n of [1, 12345, 9_999_999_999]) expect(isValidOgm(makeOgm(n))).toBe(true);
    expect(() => makeOgm('12345678901')).toThrow(/ten digits/);
  });
});

describe('ISO 11649 creditor reference (RF)', () => {
  it('accepts the standard examples, with or without spaces', () => {
    expect(isValidRf('RF18539007547034')).toBe(true);
    expect(isValidRf('RF18 5390 0754 7034')).toBe(true);
    expect(isValidRf('RF712348231')).toBe(true);
  });

  it('refuses a wrong check digit, a swapped pair and a reference too long', () => {
    expect(isValidRf('RF19539007547034')).toBe(false);
    expect(isValidRf('RF18539007547043')).toBe(false);
    expect(isValidRf(`RF00${'1'.repeat(22)}`)).toBe(false);
  });

  it('creates the check digits (letters count A=10 … Z=35)', () => {
    expect(makeRf('539007547034')).toBe('RF18539007547034');
    expect(makeRf('2348231')).toBe('RF712348231');
    expect(isValidRf(makeRf('INV2025X17'))).toBe(true);
  });
});

describe('a payment reference as the ledger carries it', () => {
  it('is sent as SCOR with issuer BBA (digits only) or ISO', () => {
    expect(checkPaymentRef('+++010/8068/17183+++')).toEqual({ ok: true, value: { issuer: 'BBA', ref: '010806817183' } });
    expect(checkPaymentRef('rf18 5390 0754 7034')).toEqual({ ok: true, value: { issuer: 'ISO', ref: 'RF18539007547034' } });
  });

  it('is refused with the reason when it fails its check or is something else', () => {
    expect(checkPaymentRef('+++010/8068/17184+++')).toMatchObject({ ok: false, reason: expect.stringMatching(/mod-97/) });
    expect(checkPaymentRef('RF19539007547034')).toMatchObject({ ok: false, reason: expect.stringMatching(/RF check/) });
    expect(checkPaymentRef('INV-2025-17')).toMatchObject({ ok: false, reason: expect.stringMatching(/neither/) });
  });
});
