// The words of a balance confirmation letter and its reply slip, in English, Dutch and French:
// each letter is written in its party's language (core/party-language), the sheet around it in
// the user's. `{name}` placeholders are filled by `letterWords()`.
import { fill, type Lang, type Words } from '../core/words';

export const LETTER = {
  title: { en: 'Balance confirmation as of {date}', nl: 'Saldobevestiging per {date}', fr: 'Confirmation de solde au {date}' },
  reference: {
    en: 'Your account with us: {party} ({side})',
    nl: 'Uw rekening bij ons: {party} ({side})',
    fr: 'Votre compte chez nous : {party} ({side})',
  },
  customer: { en: 'customer', nl: 'klant', fr: 'client' },
  supplier: { en: 'supplier', nl: 'leverancier', fr: 'fournisseur' },
  salutation: { en: 'Dear Sir or Madam,', nl: 'Geachte heer, mevrouw,', fr: 'Madame, Monsieur,' },
  balanceOurs: {
    en: 'According to our books, the balance of your account on {date} was {amount} in our favour.',
    nl: 'Volgens onze boeken bedroeg het saldo van uw rekening op {date} {amount} in ons voordeel.',
    fr: 'Selon nos livres, le solde de votre compte au {date} s’élevait à {amount} en notre faveur.',
  },
  balanceYours: {
    en: 'According to our books, the balance of your account on {date} was {amount} in your favour.',
    nl: 'Volgens onze boeken bedroeg het saldo van uw rekening op {date} {amount} in uw voordeel.',
    fr: 'Selon nos livres, le solde de votre compte au {date} s’élevait à {amount} en votre faveur.',
  },
  request: {
    en: 'It is made up of the open items below. Please check it and return the signed reply slip.',
    nl: 'Het bestaat uit de openstaande posten hieronder. Wilt u het nakijken en de strook ondertekend terugsturen?',
    fr: 'Il se compose des postes ouverts ci-dessous. Veuillez le vérifier et nous renvoyer le coupon signé.',
  },
  balanceLine: { en: 'Balance as of {date}', nl: 'Saldo per {date}', fr: 'Solde au {date}' },
  openItems: { en: 'Open items', nl: 'Openstaande posten', fr: 'Postes ouverts' },
  slip: {
    en: '--- Reply slip: please return to {company} ---',
    nl: '--- Antwoordstrook: terug te sturen aan {company} ---',
    fr: '--- Coupon-réponse : à renvoyer à {company} ---',
  },
  from: { en: 'From: {name} ({party})', nl: 'Van: {name} ({party})', fr: 'De : {name} ({party})' },
  agree: {
    en: '[  ] We agree with the balance of {amount} as of {date}.',
    nl: '[  ] Wij gaan akkoord met het saldo van {amount} per {date}.',
    fr: '[  ] Nous sommes d’accord avec le solde de {amount} au {date}.',
  },
  disagree: {
    en: '[  ] We do not agree; our balance is: ..............................',
    nl: '[  ] Wij gaan niet akkoord; ons saldo is: ..............................',
    fr: '[  ] Nous ne sommes pas d’accord ; notre solde est de : ..............................',
  },
  remarks: { en: 'Remarks: ..............................', nl: 'Opmerkingen: ..............................', fr: 'Remarques : ..............................' },
  signature: {
    en: 'Date, name and signature: ..............................',
    nl: 'Datum, naam en handtekening: ..............................',
    fr: 'Date, nom et signature : ..............................',
  },
} as const satisfies Record<string, Words>;

export type LetterKey = keyof typeof LETTER;

export function letterWords(lang: Lang): (key: LetterKey, values?: Record<string, string>) => string {
  return (key, values = {}) => fill(LETTER[key][lang], values);
}
