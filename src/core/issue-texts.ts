// The sentences of the issues the engine raises while it validates canonical records (ledger.md
// §1.4), in English, Dutch and French, and how any issue is put into words: the place (file, line
// or element path, field) and the sentence, with values from the file cut to a readable length.
// The importers (src/import/messages.ts) add the sentences of their own codes; an issue's
// `message` is its English sentence, built here from the same template.
//   issueSentence(CORE_ISSUE_TEXTS, { code: 'bad-currency', params: { value: 'EURO' }, … }, 'nl')
//   → "EURO is geen valutacode van drie letters (ISO 4217)"
import type { ImportIssue } from './types';
import { fill, type Lang, type Params, type Words } from './words';

export type IssueTexts = Readonly<Record<string, Words>>;

export const CORE_ISSUE_TEXTS = {
  'missing-value': {
    en: 'the value is missing',
    nl: 'de waarde ontbreekt',
    fr: 'la valeur manque',
  },
  'bad-date': {
    en: '{value} is not a valid date[ (expected {form})]',
    nl: '{value} is geen geldige datum[ (verwacht: {form})]',
    fr: "{value} n'est pas une date valide[ (attendu : {form})]",
  },
  'bad-amount': {
    en: '{value} is not an amount[ (expected a form like {form})]',
    nl: '{value} is geen bedrag[ (verwacht in een vorm als {form})]',
    fr: "{value} n'est pas un montant[ (attendu sous une forme comme {form})]",
  },
  'amount-too-large': {
    en: '{value} has more digits than Subledger can hold exactly (at most 15, decimals included)',
    nl: '{value} heeft meer cijfers dan Subledger exact kan bewaren (hoogstens 15, decimalen inbegrepen)',
    fr: '{value} a plus de chiffres que Subledger ne peut en conserver exactement (15 au plus, décimales comprises)',
  },
  'rounded-amount': {
    en: '[{count} amount(s) had more decimals than the currency allows and were rounded half away from zero; the first: ]{value} has more than {decimals} decimals and was rounded',
    nl: '[{count} bedrag(en) hadden meer decimalen dan de valuta toelaat en zijn afgerond (half van nul af); het eerste: ]{value} heeft meer dan {decimals} decimalen en is afgerond',
    fr: '[{count} montant(s) avaient plus de décimales que la devise ne le permet et ont été arrondis (demi loin de zéro) ; le premier : ]{value} a plus de {decimals} décimales et a été arrondi',
  },
  'bad-number': {
    en: '{value} is not a whole number of days',
    nl: '{value} is geen geheel aantal dagen',
    fr: "{value} n'est pas un nombre entier de jours",
  },
  'bad-side': {
    en: '{value} is neither a customer (AR) nor a supplier (AP)',
    nl: '{value} is geen klant (AR) en geen leverancier (AP)',
    fr: "{value} n'est ni un client (AR) ni un fournisseur (AP)",
  },
  'bad-entry-type': {
    en: '{value} is not an entry type: use invoice, credit_note, payment or journal',
    nl: '{value} is geen boekingssoort: gebruik invoice, credit_note, payment of journal',
    fr: "{value} n'est pas un type d'écriture : utilisez invoice, credit_note, payment ou journal",
  },
  'bad-currency': {
    en: '{value} is not a three-letter ISO 4217 currency code',
    nl: '{value} is geen valutacode van drie letters (ISO 4217)',
    fr: "{value} n'est pas un code de devise ISO 4217 à trois lettres",
  },
  'unknown-currency': {
    en: '{value} is not a known ISO 4217 currency code',
    nl: '{value} is geen bekende valutacode (ISO 4217)',
    fr: "{value} n'est pas un code de devise ISO 4217 connu",
  },
  'bad-rate': {
    en: '{value} is not a rate (a decimal number such as 1.0565)',
    nl: '{value} is geen koers (een decimaal getal zoals 1.0565)',
    fr: "{value} n'est pas un cours (un nombre décimal comme 1.0565)",
  },
  'rate-not-positive': {
    en: 'the rate {value} is not above zero',
    nl: 'de koers {value} is niet groter dan nul',
    fr: "le cours {value} n'est pas supérieur à zéro",
  },
  'bad-base-currency': {
    en: '{value} is not a three-letter ISO 4217 code for the base currency',
    nl: '{value} is geen valutacode van drie letters (ISO 4217) voor de basisvaluta',
    fr: "{value} n'est pas un code ISO 4217 à trois lettres pour la devise de base",
  },
  'missing-amount-base': {
    en: 'amount_base is required for an amount in {currency} (the base currency is {base})',
    nl: 'amount_base is verplicht bij een bedrag in {currency} (de basisvaluta is {base})',
    fr: 'amount_base est obligatoire pour un montant en {currency} (la devise de base est {base})',
  },
  'amount-base-mismatch': {
    en: 'amount_base must equal amount for an amount in the base currency {base}',
    nl: 'bij een bedrag in de basisvaluta {base} moet amount_base gelijk zijn aan amount',
    fr: 'pour un montant dans la devise de base {base}, amount_base doit être égal à amount',
  },
  'duplicate-doc': {
    en: 'invoice or credit note number {doc} is already used for party {party}[ (line {firstLine})]',
    nl: 'factuur- of creditnotanummer {doc} is al gebruikt bij relatie {party}[ (regel {firstLine})]',
    fr: 'le numéro de facture ou de note de crédit {doc} est déjà utilisé pour le tiers {party}[ (ligne {firstLine})]',
  },
  'totals-out-of-range': {
    en: 'the amounts in {currency} add up to more than {limit} {currency}: totals beyond that cannot be computed exactly, so the ledger is not loaded',
    nl: 'de bedragen in {currency} tellen op tot meer dan {limit} {currency}: totalen daarboven kunnen niet exact berekend worden, dus het grootboek wordt niet geladen',
    fr: "les montants en {currency} totalisent plus de {limit} {currency} : au-delà, les totaux ne peuvent pas être calculés exactement, le grand livre n'est donc pas chargé",
  },
  'duplicate-party': {
    en: 'party {party} is listed twice in the parties file',
    nl: 'relatie {party} staat twee keer in het relatiebestand',
    fr: 'le tiers {party} figure deux fois dans le fichier des tiers',
  },
  'unknown-settles': {
    en: 'settles {settles} names no invoice or unallocated credit note of party {party}; the entry stays unallocated',
    nl: 'settles {settles} verwijst niet naar een factuur of niet-afgeletterde creditnota van relatie {party}; de boeking blijft niet afgeletterd',
    fr: "settles {settles} ne désigne aucune facture ni note de crédit non lettrée du tiers {party} ; l'écriture reste non lettrée",
  },
  'settles-other-currency': {
    en: 'settles {settles}, which is in {itemCurrency}, with an amount in {currency}; the entry stays unallocated',
    nl: 'settles {settles} verwijst naar een post in {itemCurrency}, maar het bedrag is in {currency}; de boeking blijft niet afgeletterd',
    fr: "settles {settles} désigne un poste en {itemCurrency}, mais le montant est en {currency} ; l'écriture reste non lettrée",
  },
  'invoice-settles-ignored': {
    en: 'an invoice is always an item of its own; settles {settles} is ignored',
    nl: 'een factuur is altijd een eigen openstaande post; settles {settles} wordt genegeerd',
    fr: 'une facture est toujours un poste ouvert à part entière ; settles {settles} est ignoré',
  },
} as const satisfies IssueTexts;

export type CoreIssueCode = keyof typeof CORE_ISSUE_TEXTS;

/** The issues of one code past the cap are summed up in one more, with only `{ more }`. */
export const MORE_OF_THE_SAME: Words = {
  en: 'and {more} more of the same kind',
  nl: 'en nog {more} van dezelfde soort',
  fr: 'et {more} autre(s) du même type',
};

export const PLACE_WORDS = {
  line: { en: 'line', nl: 'regel', fr: 'ligne' },
  field: { en: 'field', nl: 'veld', fr: 'champ' },
} as const satisfies IssueTexts;

/** The longest value from a file a message shows; longer ones are cut with an ellipsis. */
export const SHOWN_VALUE_LENGTH = 60;
/** Params that are our own sentences, not text from the file. */
const OWN_TEXT = new Set(['reason', 'fields', 'form']);

/** A value from the file as a message shows it: at most SHOWN_VALUE_LENGTH characters. */
export function shownValue(value: string): string {
  return value.length > SHOWN_VALUE_LENGTH ? `${value.slice(0, SHOWN_VALUE_LENGTH - 1)}…` : value;
}

/** A template filled with the issue's params, every value from the file cut to a readable length. */
function fillIssue(template: string, params: Params): string {
  const shown = Object.fromEntries(Object.entries(params).map(([name, value]) => [name, OWN_TEXT.has(name) ? value : shownValue(String(value))]));
  return fill(template, shown);
}

function isSummary(params: Params): boolean {
  const names = Object.keys(params);
  return names.length === 1 && names[0] === 'more';
}

/** The issue's sentence without its place, in `lang`; null for a code `texts` does not hold. */
export function issueSentence(texts: IssueTexts, issue: Pick<ImportIssue, 'code' | 'params'>, lang: Lang): string | null {
  const params = issue.params ?? {};
  const template = isSummary(params) ? MORE_OF_THE_SAME[lang] : texts[issue.code]?.[lang];
  return template === undefined ? null : fillIssue(template, params);
}

/** "file, line 4, field amount" (or the element path instead of the line), in `lang`. */
export function describePlace(issue: ImportIssue, lang: Lang): string {
  const parts = [issue.file];
  if (issue.line !== undefined) parts.push(`${PLACE_WORDS.line[lang]} ${issue.line}`);
  if (issue.path !== undefined) parts.push(issue.path);
  if (issue.field !== undefined) parts.push(`${PLACE_WORDS.field[lang]} ${issue.field}`);
  return parts.join(', ');
}
