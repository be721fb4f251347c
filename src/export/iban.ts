// Bank account checks for a SEPA transfer: the IBAN by its mod-97 check digits and country
// format (ibantools), and the BIC's shape when one is given (optional since 2016). A refusal
// carries a code and the checked text, worded in English, Dutch or French by accountReason.
//   checkIban("nl91 abna 0417 1643 00") → { ok: true, value: "NL91ABNA0417164300" }
import { fill, type Lang, type Words } from '../core/words';
import { ValidationErrorsIBAN, electronicFormatIBAN, isSEPACountry, isValidBIC, validateIBAN } from 'ibantools';

/** Why an account is refused, as a code the pane words in its language (accountReason). */
export type AccountProblem =
  | 'iban-missing'
  | 'iban-country'
  | 'iban-length'
  | 'iban-format'
  | 'iban-check-not-digits'
  | 'iban-checksum'
  | 'iban-national-checksum'
  | 'iban-invalid'
  | 'iban-not-sepa'
  | 'bic-invalid';

/** A refusal: its code, the text that was checked (`value`) and the reason in English. */
export type AccountRefusal = { ok: false; problem: AccountProblem; value: string; reason: string };
export type AccountCheck = { ok: true; value: string } | AccountRefusal;

/** The reasons in English, Dutch and French; `{value}` is the IBAN or BIC as checked. */
export const ACCOUNT_REASONS: Readonly<Record<AccountProblem, Words>> = {
  'iban-missing': { en: 'no IBAN is given', nl: 'er is geen IBAN opgegeven', fr: "aucun IBAN n'est indiqué" },
  'iban-country': {
    en: 'IBAN {value} is not valid: its country code is not an IBAN country',
    nl: 'IBAN {value} is niet geldig: de landcode is geen IBAN-land',
    fr: "l'IBAN {value} n'est pas valide : son code pays n'est pas un pays IBAN",
  },
  'iban-length': {
    en: 'IBAN {value} is not valid: it has the wrong length for its country',
    nl: 'IBAN {value} is niet geldig: de lengte klopt niet voor het land',
    fr: "l'IBAN {value} n'est pas valide : sa longueur ne correspond pas à son pays",
  },
  'iban-format': {
    en: 'IBAN {value} is not valid: its account part has the wrong format for its country',
    nl: 'IBAN {value} is niet geldig: het rekeninggedeelte heeft niet de vorm van het land',
    fr: "l'IBAN {value} n'est pas valide : la partie compte n'a pas le format de son pays",
  },
  'iban-check-not-digits': {
    en: 'IBAN {value} is not valid: its check digits are not digits',
    nl: 'IBAN {value} is niet geldig: de controlecijfers zijn geen cijfers',
    fr: "l'IBAN {value} n'est pas valide : sa clé de contrôle n'est pas numérique",
  },
  'iban-checksum': {
    en: 'IBAN {value} is not valid: its check digits are wrong (mod-97)',
    nl: 'IBAN {value} is niet geldig: de controlecijfers kloppen niet (mod-97)',
    fr: "l'IBAN {value} n'est pas valide : sa clé de contrôle est fausse (mod-97)",
  },
  'iban-national-checksum': {
    en: 'IBAN {value} is not valid: its national check digits are wrong',
    nl: 'IBAN {value} is niet geldig: de nationale controlecijfers kloppen niet',
    fr: "l'IBAN {value} n'est pas valide : sa clé nationale est fausse",
  },
  'iban-invalid': {
    en: 'IBAN {value} is not valid: it is not a valid IBAN',
    nl: 'IBAN {value} is niet geldig',
    fr: "l'IBAN {value} n'est pas valide",
  },
  'iban-not-sepa': {
    en: 'IBAN {value} is not in a SEPA country',
    nl: 'IBAN {value} is niet van een SEPA-land',
    fr: "l'IBAN {value} n'est pas d'un pays SEPA",
  },
  'bic-invalid': {
    en: 'BIC {value} is not a valid BIC (8 or 11 letters and digits: bank, country, location, branch)',
    nl: 'BIC {value} is geen geldige BIC (8 of 11 letters en cijfers: bank, land, plaats, filiaal)',
    fr: "le BIC {value} n'est pas valide (8 ou 11 lettres et chiffres : banque, pays, localité, agence)",
  },
};

/** Why an account was refused, in a language: accountReason(checkIban('BE00'), 'nl'). */
export function accountReason(refusal: Pick<AccountRefusal, 'problem' | 'value'>, lang: Lang): string {
  return fill(ACCOUNT_REASONS[refusal.problem][lang], { value: refusal.value });
}

function refused(problem: AccountProblem, value: string): AccountRefusal {
  return { ok: false, problem, value, reason: accountReason({ problem, value }, 'en') };
}

const IBAN_PROBLEMS: Partial<Record<ValidationErrorsIBAN, AccountProblem>> = {
  [ValidationErrorsIBAN.NoIBANCountry]: 'iban-country',
  [ValidationErrorsIBAN.WrongBBANLength]: 'iban-length',
  [ValidationErrorsIBAN.WrongBBANFormat]: 'iban-format',
  [ValidationErrorsIBAN.ChecksumNotNumber]: 'iban-check-not-digits',
  [ValidationErrorsIBAN.WrongIBANChecksum]: 'iban-checksum',
  [ValidationErrorsIBAN.WrongAccountBankBranchChecksum]: 'iban-national-checksum',
};

/** The IBAN in electronic form (no spaces, upper case) when valid and in a SEPA country. */
export function checkIban(text: string | undefined): AccountCheck {
  const iban = electronicFormatIBAN(text ?? '') ?? '';
  if (iban === '') return refused('iban-missing', '');
  const result = validateIBAN(iban);
  if (!result.valid) {
    const first = result.errorCodes[0];
    return refused((first !== undefined && IBAN_PROBLEMS[first]) || 'iban-invalid', iban);
  }
  if (!isSEPACountry(iban.slice(0, 2))) return refused('iban-not-sepa', iban);
  return { ok: true, value: iban };
}

/** The schema pattern of pain.001.001.03 (stricter than .09's): 4 letters bank, 2 letters country. */
const BIC_SHAPE = /^[A-Z]{6}[A-Z2-9][A-NP-Z0-9]([A-Z0-9]{3})?$/;

/** The BIC upper-cased and without spaces when it has a valid shape and country. */
export function checkBic(text: string): AccountCheck {
  const bic = text.replace(/\s+/g, '').toUpperCase();
  if (!BIC_SHAPE.test(bic) || !isValidBIC(bic)) return refused('bic-invalid', bic);
  return { ok: true, value: bic };
}
