// Texts and identifiers for a SEPA credit transfer file, in the EPC's Latin character set
// (`a-z A-Z 0-9 / - ? : ( ) . , ' +` and space) and within the field's maximum length.
//   sepaText("Müller & Söhne GmbH") → "Muller + Sohne GmbH";  sepaText("Straße") → "Strasse"
//   sepaText("Παπαδόπουλος Α.Ε.") → "Papadopoulos A.E."  (Greek and Cyrillic: see transliterate.ts)
// Letters of other scripts (Chinese, Arabic, …) are dropped: a text may come out empty.
import { transliterate } from './transliterate';

/** Characters that a plain accent strip does not turn into the SEPA set. */
const SPECIAL: Readonly<Record<string, string>> = {
  ß: 'ss', ẞ: 'SS', æ: 'ae', Æ: 'AE', œ: 'oe', Œ: 'OE', ø: 'o', Ø: 'O', ł: 'l', Ł: 'L',
  đ: 'd', Đ: 'D', ð: 'd', Ð: 'D', þ: 'th', Þ: 'TH', ı: 'i', ħ: 'h', Ħ: 'H',
  '&': '+', _: '-', '–': '-', '—': '-', '‐': '-', '"': "'", '`': "'", '´': "'",
  '‘': "'", '’': "'", '‚': "'", '“': "'", '”': "'", '„': "'", '«': "'", '»': "'",
  ';': ',', '[': '(', ']': ')', '{': '(', '}': ')', '<': '(', '>': ')', '\\': '/',
  '\t': ' ', '\n': ' ', '\r': ' ', '\u00a0': ' ',
};

const ALLOWED = /[a-zA-Z0-9/\-?:().,'+ ]/;
const ALL_ALLOWED = /^[a-zA-Z0-9/\-?:().,'+]+(?: [a-zA-Z0-9/\-?:().,'+]+)*$/;
const NOT_ALLOWED = /[^a-zA-Z0-9/\-?:().,'+ ]/g;
const COMBINING_MARKS = /[\u0300-\u036f]/g;

function replacement(ch: string): string {
  const mapped = SPECIAL[ch];
  if (mapped === undefined) return '';
  let out = '';
  for (const c of mapped) if (ALLOWED.test(c)) out += c;
  return out;
}

/** The text in the SEPA character set: Greek and Cyrillic transliterated, accents stripped, `ß`→`ss`, `&`→`+`, others dropped; spaces collapsed. */
export function sepaText(text: string): string {
  if (ALL_ALLOWED.test(text)) return text; // already clean: no work
  return transliterate(text)
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .replace(NOT_ALLOWED, replacement)
    .replace(/ {2,}/g, ' ')
    .trim();
}

/** `sepaText` cut to at most `max` characters (trailing space removed). */
export function sepaTextMax(text: string, max: number): string {
  return sepaText(text).slice(0, max).trimEnd();
}

/** EPC: the name of a debtor or creditor holds at most 70 characters. */
export const NAME_MAX = 70;
/** Unstructured remittance text: one `Ustrd` of at most 140 characters. */
export const USTRD_MAX = 140;
/** MsgId, PmtInfId, EndToEndId: at most 35 characters. */
export const IDENTIFIER_MAX = 35;

/**
 * An identifier (MsgId, EndToEndId, …): SEPA characters without spaces, at most 35 long, no `/`
 * at either end and no `//`. Returns '' when nothing usable is left.
 */
export function sepaIdentifier(text: string, max: number = IDENTIFIER_MAX): string {
  const clean = (s: string): string => s.replace(/\/{2,}/g, '/').replace(/^\/+|\/+$/g, '');
  return clean(clean(sepaText(text).replace(/ /g, '')).slice(0, max));
}

/** True when an identifier obeys the EPC rules above. */
export function isSepaIdentifier(text: string, max: number = IDENTIFIER_MAX): boolean {
  return (
    text.length >= 1 &&
    text.length <= max &&
    /^[a-zA-Z0-9/\-?:().,'+]+$/.test(text) &&
    !text.startsWith('/') &&
    !text.endsWith('/') &&
    !text.includes('//')
  );
}

/** Escapes text for an XML element or attribute value. */
export function xmlEscape(text: string): string {
  return text.replace(/[&<>"']/g, (c) => XML_ENTITIES[c] ?? c);
}

const XML_ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;',
};
