import { describe, expect, it } from 'vitest';
import { accountReason, checkBic, checkIban, type AccountCheck } from '../../../src/export/iban';

describe('creditor and debtor accounts', () => {
  it('accepts a valid IBAN in any spacing and case, in electronic form', () => {
    expect(checkIban('be68 5390 0754 7034')).toEqual({ ok: true, value: 'BE68539007547034' });
    expect(checkIban('NL91ABNA0417164300')).toEqual({ ok: true, value: 'NL91ABNA0417164300' });
  });

  it('says why an IBAN is refused', () => {
    expect(checkIban(undefined)).toMatchObject({ ok: false, problem: 'iban-missing', reason: 'no IBAN is given' });
    expect(checkIban('  ')).toMatchObject({ ok: false, problem: 'iban-missing', reason: 'no IBAN is given' });
    expect(checkIban('BE68539007547035')).toMatchObject({ reason: expect.stringMatching(/check digits are wrong/) });
    expect(checkIban('BE6853900754703')).toMatchObject({ reason: expect.stringMatching(/wrong length/) });
    expect(checkIban('XX68539007547034')).toMatchObject({ reason: expect.stringMatching(/not an IBAN country/) });
    expect(checkIban('BR1800360305000010009795493C1')).toMatchObject({ reason: expect.stringMatching(/not in a SEPA country/) });
  });

  it('words each reason in Dutch and French, naming the IBAN or BIC as checked', () => {
    const refusal = (check: AccountCheck) => {
      if (check.ok) throw new Error('expected a refusal');
      return check;
    };
    const wrongDigits = refusal(checkIban('nl92 abna 0417 1643 00'));
    expect(accountReason(wrongDigits, 'en')).toBe(wrongDigits.reason);
    expect(accountReason(wrongDigits, 'nl')).toBe('IBAN NL92ABNA0417164300 is niet geldig: de controlecijfers kloppen niet (mod-97)');
    expect(accountReason(wrongDigits, 'fr')).toBe("l'IBAN NL92ABNA0417164300 n'est pas valide : sa clé de contrôle est fausse (mod-97)");
    expect(accountReason(refusal(checkIban('')), 'nl')).toBe('er is geen IBAN opgegeven');
    expect(accountReason(refusal(checkBic('GEB1BEBB')), 'fr')).toMatch(/^le BIC GEB1BEBB n'est pas valide/);
  });

  it('checks the shape of a BIC, 8 or 11 characters', () => {
    expect(checkBic('gebabebb')).toEqual({ ok: true, value: 'GEBABEBB' });
    expect(checkBic('ABNANL2AXXX')).toEqual({ ok: true, value: 'ABNANL2AXXX' });
    for (const bad of ['GEBABEB', 'GEB1BEBB', 'GEBABEBBXX', 'GEBAZZBB']) expect(checkBic(bad).ok).toBe(false);
  });
});
