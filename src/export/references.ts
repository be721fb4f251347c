// Structured payment references: the Belgian structured communication (OGM/VCS) and the ISO 11649
// creditor reference (RF), validated and created.
//   OGM: 12 digits, the last two = first ten mod 97 (97 when 0): "+++010/8068/17183+++"
//   RF:  "RF" + 2 check digits + 1–21 letters/digits, ISO 7064 mod 97-10 like an IBAN: "RF18539007547034"
import { formatOgm, mod97_10Check, ogmCheck, passesMod97_10 } from '../core/check-digits';

/** A reference ready for `Strd/CdtrRefInf`: `Ref` text and the `Issr` (BBA for OGM, ISO for RF). */
export interface CreditorReference {
  issuer: 'BBA' | 'ISO';
  ref: string;
}

export type ReferenceCheck = { ok: true; value: CreditorReference } | { ok: false; reason: string };

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
      : { ok: false, reason: `creditor reference ${text.trim()} fails its RF check (ISO 11649 mod 97-10)` };
  }
  const digits = ogmDigits(text);
  if (digits === null) {
    return { ok: false, reason: `payment reference "${text.trim()}" is neither a structured communication (+++123/4567/89012+++) nor an RF reference` };
  }
  return isValidOgm(digits)
    ? { ok: true, value: { issuer: 'BBA', ref: digits } }
    : { ok: false, reason: `structured communication ${text.trim()} fails its mod-97 check` };
}
