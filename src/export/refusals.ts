// Why an item of a payment plan is not paid, in English, Dutch and French. A refusal is data (the
// text that words it, its values, and the account or reference check that failed); refusalText
// puts it into words. The plan's `message` is the English text (what the CLI prints); the pane and
// the proposal sheet word the same refusal in the user's language.
//   refusalText({ text: 'not-eur', params: { currency: 'USD' } }, 'nl')
//   → "staat in USD: een SEPA-overschrijving betaalt alleen euro's"
import { toMajor } from '../core/money';
import { fill, LOCALES, type Lang, type Params, type Words } from '../core/words';
import { accountReason, type AccountProblem } from './iban';
import { referenceReason, type ReferenceProblem } from './references';

export const REFUSAL_TEXTS = {
  'not-open': {
    en: 'is not an open payable',
    nl: 'is geen openstaande crediteurenpost',
    fr: "n'est pas une dette fournisseur ouverte",
  },
  'not-eur': {
    en: 'is in {currency}: a SEPA credit transfer pays euros only',
    nl: "staat in {currency}: een SEPA-overschrijving betaalt alleen euro's",
    fr: 'est en {currency} : un virement SEPA ne paie que des euros',
  },
  'already-paid': {
    en: 'was already prepared for payment in batch {batch} of {date} (file {file}); it is paid again only when you confirm the repeat',
    nl: 'is al klaargezet voor betaling in batch {batch} van {date} (bestand {file}); het wordt alleen opnieuw betaald als u de herhaling bevestigt',
    fr: "a déjà été préparé pour paiement dans le lot {batch} du {date} (fichier {file}) ; il n'est payé à nouveau que si vous confirmez la répétition",
  },
  'no-document-text': {
    en: 'its document number "{doc}" has nothing the SEPA character set can carry, so the supplier could not tell what is paid: add its payment reference (payment_ref)',
    nl: 'het documentnummer "{doc}" bevat niets wat de SEPA-tekenset kan dragen, dus de leverancier zou niet zien wat betaald wordt: vul het betalingskenmerk in (payment_ref)',
    fr: 'le numéro de document « {doc} » ne contient rien que le jeu de caractères SEPA puisse porter, le fournisseur ne saurait pas ce qui est payé : indiquez sa référence de paiement (payment_ref)',
  },
  'bad-reference': {
    en: '{reason}: ask the supplier for the right reference',
    nl: '{reason}: vraag de leverancier om het juiste kenmerk',
    fr: '{reason} : demandez la bonne référence au fournisseur',
  },
  'credit-balance': {
    en: 'its open amount is {amount} EUR: a credit, there is nothing to pay',
    nl: 'het openstaande bedrag is {amount} EUR: een tegoed, er valt niets te betalen',
    fr: 'son montant ouvert est de {amount} EUR : un avoir, il n’y a rien à payer',
  },
  'credit-balance-together': {
    en: "the supplier's chosen items net to {amount} EUR: a credit, there is nothing to pay",
    nl: 'de gekozen posten van de leverancier komen samen op {amount} EUR: een tegoed, er valt niets te betalen',
    fr: 'les postes choisis du fournisseur se compensent à {amount} EUR : un avoir, il n’y a rien à payer',
  },
  'too-large': {
    en: '{amount} EUR exceeds the SEPA maximum of 999999999.99 EUR',
    nl: '{amount} EUR is meer dan het SEPA-maximum van 999999999,99 EUR',
    fr: '{amount} EUR dépasse le maximum SEPA de 999999999,99 EUR',
  },
  'no-iban': {
    en: 'the supplier has no IBAN in the parties file',
    nl: 'de leverancier heeft geen IBAN in het relatiebestand',
    fr: "le fournisseur n'a pas d'IBAN dans le fichier des tiers",
  },
  'invalid-iban': {
    en: "the supplier's {reason}",
    nl: 'rekening van de leverancier: {reason}',
    fr: 'compte du fournisseur : {reason}',
  },
  'invalid-bic': {
    en: "the supplier's {reason}",
    nl: 'bank van de leverancier: {reason}',
    fr: 'banque du fournisseur : {reason}',
  },
  'no-name': {
    en: 'the supplier has no name in the parties file: give its name in Latin letters in the parties file',
    nl: 'de leverancier heeft geen naam in het relatiebestand: vul de naam in Latijnse letters in het relatiebestand in',
    fr: "le fournisseur n'a pas de nom dans le fichier des tiers : indiquez son nom en lettres latines dans le fichier des tiers",
  },
  'name-not-sepa': {
    en: 'the supplier\'s name "{name}" has nothing the SEPA character set can carry (Latin letters; Greek and Cyrillic are transliterated): give its name in Latin letters in the parties file',
    nl: 'de naam van de leverancier "{name}" bevat niets wat de SEPA-tekenset kan dragen (Latijnse letters; Grieks en Cyrillisch worden omgezet): vul de naam in Latijnse letters in het relatiebestand in',
    fr: 'le nom du fournisseur « {name} » ne contient rien que le jeu de caractères SEPA puisse porter (lettres latines ; le grec et le cyrillique sont translittérés) : indiquez son nom en lettres latines dans le fichier des tiers',
  },
} as const satisfies Readonly<Record<string, Words>>;

export type RefusalText = keyof typeof REFUSAL_TEXTS;

/** A refusal as data: its text, the values in it (`amount` in cents), and the check that failed. */
export interface RefusalWords {
  text: RefusalText;
  params: Params;
  /** The failed check of the supplier's account or of the item's reference: its `{reason}`. */
  check?: { account: AccountProblem; value: string } | { reference: ReferenceProblem; value: string };
}

/** The refusal in words, in `lang`: refusalText({ text: 'no-iban', params: {} }, 'fr'). */
export function refusalText(refusal: RefusalWords, lang: Lang): string {
  const params: Record<string, string | number> = { ...refusal.params };
  if (typeof params.amount === 'number') {
    params.amount = new Intl.NumberFormat(LOCALES[lang], { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(toMajor(params.amount, 2));
  }
  const check = refusal.check;
  if (check !== undefined) {
    params.reason = 'account' in check ? accountReason({ problem: check.account, value: check.value }, lang) : referenceReason({ problem: check.reference, value: check.value }, lang);
  }
  return fill(REFUSAL_TEXTS[refusal.text][lang], params);
}
