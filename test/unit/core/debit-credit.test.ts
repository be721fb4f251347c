import { describe, expect, it } from 'vitest';
import { balanceSign } from '../../../src/core/debit-credit';
import { signedDecimal } from '../../../src/import/decimal';

describe('the debit/credit sign rule (ledger.md §1.1)', () => {
  it('a debit raises a debtor, a credit raises a creditor', () => {
    expect(balanceSign('AR', 'D')).toBe(1);
    expect(balanceSign('AR', 'C')).toBe(-1);
    expect(balanceSign('AP', 'C')).toBe(1);
    expect(balanceSign('AP', 'D')).toBe(-1);
  });

  it('signs debit and credit text for each side', () => {
    expect(signedDecimal('AR', '120.50', '')).toBe('120.5');
    expect(signedDecimal('AR', '', '20')).toBe('-20');
    expect(signedDecimal('AP', '', '99.99')).toBe('99.99');
    expect(signedDecimal('AP', '10', '4')).toBe('-6');
  });
});
