// Structured payment references: the Belgian structured communication (OGM/VCS) and the ISO 11649
// creditor reference (RF), validated and created.
//   OGM: 12 digits, the last two = first ten mod 97 (97 when 0): "+++010/8068/17183+++"
//   RF:  "RF" + 2 check digits + 1–21 letters/digits, ISO 7064 mod 97-10 like an IBAN: "RF18539007547034"
import { formatOgm, mod97_10Check, ogmCheck, passesMod97_10 } from '../core/check-digits';
import { fill, type Lang, type Words } from '../core/words';

/** A reference ready for `Strd/CdtrRefInf`: `Ref` text and the `Issr` (BBA for OGM, ISO for RF). */
export interface CreditorReference {
  issuer: 'BBA' | 'ISO';
  ref: string;
}

/** Why a payment reference is refused, as a code worded by referenceReason. */
export type ReferenceProblem = 'rf-check' | 'ogm-check' | 'not-structured';

/** The reasons in English, Dutch and French; `{value}` is the reference as the ledger has it. */
export const REFERENCE_REASONS: Readonly<Record<ReferenceProblem, Words>> = {
  'rf-check': {
    en: 'creditor reference {value} fails its RF check (ISO 11649 mod 97-10)',
    nl: 'betalingskenmerk {value} doorstaat de RF-controle niet (ISO 11649 mod 97-10)',
    fr: 'la référence créancier {value} échoue au contrôle RF (ISO 11649 mod 97-10)',
  },
  'ogm-check': {
    en: 'structured communication {value} fails its mod-97 check',
    nl: 'gestructureerde mededeling {value} doorstaat de mod-97-controle niet',
    fr: 'la communication structurée {value} échoue au contrôle mod-97',
  },
  'not-structured': {
    en: 'payment reference "{value}" is neither a structured communication (+++123/4567/89012+++) nor an RF reference',
    nl: 'betalingskenmerk "{value}" is geen gestructureerde mededeling (+++123/4567/89012+++) en geen RF-referentie',
    fr: 'la référence de paiement « {value} » n’est ni une communication structurée (+++123/4567/89012+++) ni une référence RF',
  },
};

/** A refusal: its code, the reference as given (`value`) and the reason in English. */
export type ReferenceRefusal = { ok: false; problem: ReferenceProblem; value: string; reason: string };
export type ReferenceCheck = { ok: true; value: CreditorReference } | ReferenceRefusal;

/** Why a reference was refused, in a language. */
export function referenceReason(refusal: Pick<ReferenceRefusal, 'problem' | 'value'>, lang: Lang): string {
  return fill(REFERENCE_REASONS[refusal.problem][lang], { value: refusal.value });
}

function refused(problem: ReferenceProblem, text: string): ReferenceRefusal {
  const value = text.trim();
  return { ok: false, problem, value, reason: referenceReason({ problem, value }, 'en') };
}

/** The 12 digits of an OGM as written (`+++123/4567/89012+++`, `***…***` or plain), or null. */
function ogmDigits(text: string): string | null {
  const m = /^(?:\+{3}|\*{3})?\s*(\d{3})\s*\/?\s*(\d{4})\s*\/?\s*(\d{5})\s*(?:\+{3}|\*{3})?$/.exec(text.trim());
  return m ? `${m[1]}${m[2]}${m[3]}` : null;
}

export function isValidOgm(text: string): boolean {
  const digits = ogmDigits(text);
  return digits !== null && ogmCheck(digits.slice(0, 10)) === digits.slice(10);
}

/** The OGM for a number of at most ten digits, printed `+++123/4567/89012+++`. */
export function makeOgm(base: number | string): string {
  const first10 = String(base).padStart(10, '0');
  if (!/^\d{10}$/.test(first10)) throw new RangeError(`an OGM holds at most ten digits, not "${String(base)}"`);
  return formatOgm(first10);
}

const RF_SHAPE = /^RF\d{2}[A-Z0-9]{1,21}$/;

function compactRf(text: string): string {
  return text.replace(/\s+/g, '').toUpperCase();
}

export function isValidRf(text: string): boolean {
  const rf = compactRf(text);
  return RF_SHAPE.test(rf) && passesMod97_10(rf);
}

/** The RF creditor reference for 1–21 letters and digits: makeRf("539007547034") → "RF18539007547034". */
export function makeRf(reference: string): string {
  const body = compactRf(reference);
  if (!/^[A-Z0-9]{1,21}$/.test(body)) throw new RangeError(`an RF reference holds 1 to 21 letters and digits, not "${reference}"`);
  return `RF${mod97_10Check('RF', body)}${body}`;
}

/** Recognises and checks a structured reference: RF… (ISO) or an OGM (BBA); anything else fails. */
export function checkPaymentRef(text: string): ReferenceCheck {
  const rf = compactRf(text);
  if (rf.startsWith('RF')) {
    return isValidRf(rf)
      ? { ok: true, value: { issuer: 'ISO', ref: rf } }
      : refused('rf-check', text);
  }
  const digits = ogmDigits(text);
  if (digits === null) return refused('not-structured', text);
  return isValidOgm(digits)
    ? { ok: true, value: { issuer: 'BBA', ref: digits } }
    : refused('ogm-check', text);
}
