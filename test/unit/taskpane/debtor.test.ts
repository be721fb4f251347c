// The paying account as the pane asks it: each field held to the SEPA file's rules, an empty IBAN
// allowed only where it is not needed yet (Settings), and what passes is what the file accepts.
import { describe, expect, it } from 'vitest';
import { checkDebtor } from '../../../src/export/pain001';
import { debtorProblems, hasProblems, normalisedDebtor } from '../../../src/taskpane/model/debtor';

describe('debtorProblems', () => {
  it('names the wrong field with the file\'s reason', () => {
    const problems = debtorProblems({ name: 'Demo Trading BV', iban: 'BE68 5390 0754 7035', bic: 'NOTABIC' }, true);
    expect(problems.iban).toBe('IBAN BE68539007547035 is not valid: its national check digits are wrong');
    expect(problems.bic).toMatch(/^BIC NOTABIC is not a valid BIC/);
    expect(problems.name).toBeUndefined();
  });

  it('gives the reasons in the pane\'s language', () => {
    const problems = debtorProblems({ name: 'Demo Trading BV', iban: 'BE68 5390 0754 7035', bic: '' }, true, 'nl');
    expect(problems.iban).toBe('IBAN BE68539007547035 is niet geldig: de nationale controlecijfers kloppen niet');
    expect(debtorProblems({ name: 'X', iban: '', bic: '' }, true, 'fr').iban).toBe("aucun IBAN n'est indiqué");
  });

  it('needs a name and an IBAN when a file is to be made, not in Settings', () => {
    expect(debtorProblems({ name: '', iban: '', bic: '' }, true)).toEqual({ name: 'name-missing', iban: 'no IBAN is given' });
    expect(debtorProblems({ name: '', iban: '', bic: '' }, false)).toEqual({});
    expect(debtorProblems({ name: '北京', iban: '', bic: '' }, false)).toEqual({ name: 'name-missing' });
  });

  it('passes exactly what the payment file accepts, in electronic form', () => {
    const typed = { name: ' Demo Trading BV ', iban: 'be68 5390 0754 7034', bic: 'gkcc bebb' };
    expect(hasProblems(debtorProblems(typed, true))).toBe(false);
    const stored = normalisedDebtor(typed);
    expect(stored).toEqual({ name: 'Demo Trading BV', iban: 'BE68539007547034', bic: 'GKCCBEBB' });
    expect(() => checkDebtor(stored)).not.toThrow();
  });
});
