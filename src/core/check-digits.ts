// Check digits on long digit strings, shared by the payment references (export) and the demo's
// bank details (import/demo): mod 97 digit by digit, ISO 7064 mod 97-10 as IBANs and RF creditor
// references use it, and the Belgian structured communication (OGM: first ten digits mod 97, 0 → 97).
//   mod97_10Check("RF", "539007547034") → "18";  formatOgm("1234567890") → "+++123/4567/89002+++"

/** Remainder modulo 97 of a long string of decimal digits (no precision limit). */
export function mod97(digits: string): number {
  let rest = 0;
  for (let i = 0; i < digits.length; i += 1) rest = (rest * 10 + digits.charCodeAt(i) - 48) % 97;
  return rest;
}

/** Upper-case letters as ISO 7064 mod 97-10 reads them: A = 10 … Z = 35. */
function lettersToDigits(text: string): string {
  return text.replace(/[A-Z]/g, (c) => String(c.charCodeAt(0) - 55));
}

/** The two check digits that go after `prefix` (a country code, "RF") in front of `body`. */
export function mod97_10Check(prefix: string, body: string): string {
  return String(98 - mod97(lettersToDigits(`${body}${prefix}00`))).padStart(2, '0');
}

/** True when `text` (prefix, two check digits, body; upper case, no spaces) passes mod 97-10. */
export function passesMod97_10(text: string): boolean {
  return mod97(lettersToDigits(text.slice(4) + text.slice(0, 4))) === 1;
}

/** The two OGM check digits of ten digits: their remainder mod 97, 97 when it is 0. */
export function ogmCheck(first10: string): string {
  return String(mod97(first10) || 97).padStart(2, '0');
}

/** The OGM of ten digits, printed `+++ddd/dddd/dddcc+++`. */
export function formatOgm(first10: string): string {
  const d = first10 + ogmCheck(first10);
  return `+++${d.slice(0, 3)}/${d.slice(3, 7)}/${d.slice(7)}+++`;
}
