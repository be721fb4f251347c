// Bank details for demo parties, valid by their check digits: IBANs (mod-97; BE with its national
// check, NL with the eleven-test), BICs, Belgian structured references (OGM) and VAT numbers.
//   ogm("1234567890") → "+++123/4567/89002+++"   (1234567890 mod 97 = 2)
import type { Random } from './random';

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

/** Remainder modulo 97 of a long string of decimal digits. */
export function mod97(digits: string): number {
  let rest = 0;
  for (let i = 0; i < digits.length; i++) rest = (rest * 10 + digits.charCodeAt(i) - 48) % 97;
  return rest;
}

/** Letters as the IBAN check expects them: A = 10 … Z = 35. */
function lettersToDigits(text: string): string {
  return text.replace(/[A-Z]/g, (ch) => String(ch.charCodeAt(0) - 55));
}

export function composeIban(country: BankCountry, bban: string): string {
  const check = 98 - mod97(lettersToDigits(`${bban}${country}00`));
  return `${country}${String(check).padStart(2, '0')}${bban}`;
}

/** Belgian account: 3-digit bank code, 7 digits, 2 check digits (first ten mod 97, 0 → 97). */
function belgianBban(random: Random, bankCode: string): string {
  const account = bankCode + random.digits(7);
  return account + String(Number(account) % 97 || 97).padStart(2, '0');
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

/** A Belgian structured communication from ten digits: `+++ddd/dddd/dddcc+++`, cc = mod 97. */
export function ogm(tenDigits: string): string {
  const check = String(Number(tenDigits) % 97 || 97).padStart(2, '0');
  const all = tenDigits + check;
  return `+++${all.slice(0, 3)}/${all.slice(3, 7)}/${all.slice(7)}+++`;
}

/** A VAT number valid by its check: BE0 + 7 digits + 97 − (first eight mod 97); NL…B01. */
export function vatNumber(random: Random, country: string): string | undefined {
  if (country === 'BE') {
    const first = `0${String(random.int(2, 9))}${random.digits(6)}`;
    return `BE${first}${String(97 - (Number(first) % 97)).padStart(2, '0')}`;
  }
  if (country === 'NL') return `NL${random.digits(9)}B01`;
  return undefined;
}
