import { describe, expect, it } from 'vitest';
import { checkBic, checkIban } from '../../../src/export/iban';

describe('creditor and debtor accounts', () => {
  it('accepts a valid IBAN in any spacing and case, in electronic form', () => {
    expect(checkIban('be68 5390 0754 7034')).toEqual({ ok: true, value: 'BE68539007547034' });
    expect(checkIban('NL91ABNA0417164300')).toEqual({ ok: true, value: 'NL91ABNA0417164300' });
  });

  it('says why an IBAN is refused', () => {
    expect(checkIban(undefined)).toEqual({ ok: false, reason: 'no IBAN is given' });
    expect(checkIban('  ')).toEqual({ ok: false, reason: 'no IBAN is given' });
    expect(checkIban('BE68539007547035')).toMatchObject({ reason: expect.stringMatching(/check digits are wrong/) });
    expect(checkIban('BE6853900754703')).toMatchObject({ reason: expect.stringMatching(/wrong length/) });
    expect(checkIban('XX68539007547034')).toMatchObject({ reason: expect.stringMatching(/not an IBAN country/) });
    expect(checkIban('BR1800360305000010009795493C1')).toMatchObject({ reason: expect.stringMatching(/not in a SEPA country/) });
  });

  it('checks the shape of a BIC, 8 or 11 characters', () => {
    expect(checkBic('gebabebb')).toEqual({ ok: true, value: 'GEBABEBB' });
    expect(checkBic('ABNANL2AXXX')).toEqual({ ok: true, value: 'ABNANL2AXXX' });
    for (const bad of ['GEBABEB', 'GEB1BEBB', 'GEBABEBBXX', 'GEBAZZBB']) expect(checkBic(bad).ok).toBe(false);
  });
});
