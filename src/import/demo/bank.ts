// Bank details for demo parties, valid by their check digits: IBANs (mod-97; BE with its national
// check, NL with the eleven-test), BICs and VAT numbers; the check digits come from core.
import { mod97, mod97_10Check, ogmCheck } from '../../core/check-digits';
import type { Random } from '../../core/random';

export type BankCountry = 'BE' | 'NL' | 'GB';

export interface BankAccount {
  iban: string;
  bic: string;
}

const BE_BANKS = [
  { code: '001', bic: 'GEBABEBB' },
  { code: '734', bic: 'KREDBEBB' },
  { code: '310', bic: 'BBRUBEBB' },
  { code: '068', bic: 'GKCCBEBB' },
  { code: '979', bic: 'ARSPBE22' },
] as const;

const NL_BANKS = [
  { code: 'ABNA', bic: 'ABNANL2A' },
  { code: 'INGB', bic: 'INGBNL2A' },
  { code: 'RABO', bic: 'RABONL2U' },
  { code: 'SNSB', bic: 'SNSBNL2A' },
  { code: 'TRIO', bic: 'TRIONL2U' },
] as const;

const GB_BANKS = [
  { code: 'BARC', bic: 'BARCGB22' },
  { code: 'NWBK', bic: 'NWBKGB2L' },
] as const;

export function composeIban(country: BankCountry, bban: string): string {
  return `${country}${mod97_10Check(country, bban)}${bban}`;
}

/** Belgian account: 3-digit bank code, 7 digits, 2 check digits (first ten mod 97, 0 → 97). */
function belgianBban(random: Random, bankCode: string): string {
  const account = bankCode + random.digits(7);
  return account + ogmCheck(account);
}

/** Dutch account: ten digits that pass the eleven-test (weights 10 … 1). */
function dutchAccount(random: Random): string {
  for (;;) {
    const first = random.digits(9);
    let sum = 0;
    for (let i = 0; i < 9; i++) sum += Number(first[i]) * (10 - i);
    const last = (11 - (sum % 11)) % 11;
    if (last < 10) return first + String(last);
  }
}

export function bankAccount(random: Random, country: BankCountry): BankAccount {
  if (country === 'BE') {
    const bank = random.pick(BE_BANKS);
    return { iban: composeIban('BE', belgianBban(random, bank.code)), bic: bank.bic };
  }
  if (country === 'NL') {
    const bank = random.pick(NL_BANKS);
    return { iban: composeIban('NL', bank.code + dutchAccount(random)), bic: bank.bic };
  }
  const bank = random.pick(GB_BANKS);
  return { iban: composeIban('GB', bank.code + random.digits(14)), bic: bank.bic };
}

/** A VAT number valid by its check: BE0 + 7 digits + 97 − (first eight mod 97); NL…B01. */
export function vatNumber(random: Random, country: string): string | undefined {
  if (country === 'BE') {
    const first = `0${String(random.int(2, 9))}${random.digits(6)}`;
    return `BE${first}${String(97 - mod97(first)).padStart(2, '0')}`;
  }
  if (country === 'NL') return `NL${random.digits(9)}B01`;
  return undefined;
}
