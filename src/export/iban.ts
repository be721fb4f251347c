// Bank account checks for a SEPA transfer: the IBAN by its mod-97 check digits and country
// format (ibantools), and the BIC's shape when one is given (optional since 2016).
//   checkIban("nl91 abna 0417 1643 00") → { ok: true, value: "NL91ABNA0417164300" }
import { ValidationErrorsIBAN, electronicFormatIBAN, isSEPACountry, isValidBIC, validateIBAN } from 'ibantools';

export type AccountCheck = { ok: true; value: string } | { ok: false; reason: string };

const IBAN_REASONS: Partial<Record<ValidationErrorsIBAN, string>> = {
  [ValidationErrorsIBAN.NoIBANCountry]: 'its country code is not an IBAN country',
  [ValidationErrorsIBAN.WrongBBANLength]: 'it has the wrong length for its country',
  [ValidationErrorsIBAN.WrongBBANFormat]: 'its account part has the wrong format for its country',
  [ValidationErrorsIBAN.ChecksumNotNumber]: 'its check digits are not digits',
  [ValidationErrorsIBAN.WrongIBANChecksum]: 'its check digits are wrong (mod-97)',
  [ValidationErrorsIBAN.WrongAccountBankBranchChecksum]: 'its national check digits are wrong',
};

/** The IBAN in electronic form (no spaces, upper case) when valid and in a SEPA country. */
export function checkIban(text: string | undefined): AccountCheck {
  const iban = electronicFormatIBAN(text ?? '') ?? '';
  if (iban === '') return { ok: false, reason: 'no IBAN is given' };
  const result = validateIBAN(iban);
  if (!result.valid) {
    const first = result.errorCodes[0];
    const why = (first !== undefined && IBAN_REASONS[first]) || 'it is not a valid IBAN';
    return { ok: false, reason: `IBAN ${iban} is not valid: ${why}` };
  }
  if (!isSEPACountry(iban.slice(0, 2))) {
    return { ok: false, reason: `IBAN ${iban} is not in a SEPA country` };
  }
  return { ok: true, value: iban };
}

/** The schema pattern of pain.001.001.03 (stricter than .09's): 4 letters bank, 2 letters country. */
const BIC_SHAPE = /^[A-Z]{6}[A-Z2-9][A-NP-Z0-9]([A-Z0-9]{3})?$/;

/** The BIC upper-cased and without spaces when it has a valid shape and country. */
export function checkBic(text: string): AccountCheck {
  const bic = text.replace(/\s+/g, '').toUpperCase();
  if (!BIC_SHAPE.test(bic) || !isValidBIC(bic)) {
    return { ok: false, reason: `BIC ${bic || '(empty)'} is not a valid BIC (8 or 11 letters and digits: bank, country, location, branch)` };
  }
  return { ok: true, value: bic };
}
