// Greek and Cyrillic letters in Latin, for the SEPA character set (which carries Latin only):
// - Cyrillic by the table of ICAO Doc 9303 (machine-readable passports, part 3): plain ASCII,
//   Russian, Ukrainian, Belarusian, Bulgarian, Serbian and Macedonian letters;
// - Greek by ELOT 743 / ISO 843 (transcription, as on Greek passports): αυ ευ ηυ → av ev iv
//   (af ef if before a voiceless consonant or at the end), ου → ou, μπ → b at the start of a
//   word and mb inside it, γγ γκ γξ γχ → ng gk nx nch.
//   transliterate("Παπαδόπουλος Α.Ε.") → "Papadopoulos A.E.";  transliterate("ООО Ромашка") → "OOO Romashka"
// Other scripts (Chinese, Arabic, …) are left as they are: the SEPA text drops them.

const CYRILLIC: Readonly<Record<string, string>> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'e', ж: 'zh', з: 'z', и: 'i', й: 'i', к: 'k', л: 'l',
  м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh',
  щ: 'shch', ъ: 'ie', ы: 'y', ь: '', э: 'e', ю: 'iu', я: 'ia',
  ґ: 'g', є: 'ie', і: 'i', ї: 'i', ў: 'u',
  ђ: 'd', ѓ: 'g', ѕ: 'dz', ј: 'j', љ: 'lj', њ: 'nj', ћ: 'c', ќ: 'k', џ: 'dz',
};

const GREEK: Readonly<Record<string, string>> = {
  α: 'a', β: 'v', γ: 'g', δ: 'd', ε: 'e', ζ: 'z', η: 'i', θ: 'th', ι: 'i', κ: 'k', λ: 'l', μ: 'm', ν: 'n',
  ξ: 'x', ο: 'o', π: 'p', ρ: 'r', σ: 's', ς: 's', τ: 't', υ: 'y', φ: 'f', χ: 'ch', ψ: 'ps', ω: 'o',
};

/** Greek pairs written as one sound (ELOT 743); `υ` after α, ε, η is handled apart. */
const GREEK_PAIRS: Readonly<Record<string, string>> = { ου: 'ou', γγ: 'ng', γκ: 'gk', γξ: 'nx', γχ: 'nch' };
/** After αυ, ευ, ηυ: f before these (voiceless) letters or at the end of a word, else v. */
const VOICELESS = new Set(['θ', 'κ', 'ξ', 'π', 'σ', 'ς', 'τ', 'φ', 'χ', 'ψ']);

const isLetter = (ch: string | undefined): boolean => ch !== undefined && ch.toLowerCase() !== ch.toUpperCase();
const isUpper = (ch: string | undefined): boolean => ch !== undefined && ch !== ch.toLowerCase();

/** The Latin for one letter (or pair), in the case of the original: `Θ` → `Th`, or `TH` within capitals. */
function inCase(latin: string, original: string, before: string | undefined, after: string | undefined): string {
  if (!isUpper(original[0])) return latin;
  const allCaps = isUpper(after) || (!isLetter(after) && isUpper(before));
  return allCaps ? latin.toUpperCase() : latin.charAt(0).toUpperCase() + latin.slice(1);
}

function greekAt(chars: readonly string[], i: number): { latin: string; length: number } | null {
  const ch = chars[i] ?? '';
  const lower = ch.toLowerCase();
  const next = (chars[i + 1] ?? '').toLowerCase();
  const pair = GREEK_PAIRS[lower + next];
  if (pair !== undefined) return { latin: pair, length: 2 };
  if ((lower === 'α' || lower === 'ε' || lower === 'η') && next === 'υ') {
    const after = (chars[i + 2] ?? '').toLowerCase();
    const f = after === '' || !isLetter(after) || VOICELESS.has(after);
    return { latin: `${GREEK[lower] ?? ''}${f ? 'f' : 'v'}`, length: 2 };
  }
  if (lower === 'μ' && next === 'π') return { latin: isLetter(chars[i - 1]) ? 'mb' : 'b', length: 2 };
  const single = GREEK[lower];
  return single === undefined ? null : { latin: single, length: 1 };
}

/** The text with its Greek and Cyrillic letters in Latin; accents are kept for the SEPA text to strip. */
export function transliterate(text: string): string {
  if (!/[\u0370-\u03ff\u1f00-\u1fff\u0400-\u04ff]/.test(text)) return text;
  // Greek accents (tonos, dialytika) come off first, so that ά is α.
  const chars = [...text.normalize('NFD').replace(/[\u0300-\u036f]/g, '')];
  let out = '';
  for (let i = 0; i < chars.length; ) {
    const ch = chars[i] ?? '';
    const lower = ch.toLowerCase();
    const found = greekAt(chars, i) ?? (CYRILLIC[lower] === undefined ? null : { latin: CYRILLIC[lower], length: 1 });
    if (found === null) {
      out += ch;
      i += 1;
      continue;
    }
    const original = chars.slice(i, i + found.length).join('');
    out += inCase(found.latin, original, chars[i - 1], chars[i + found.length]);
    i += found.length;
  }
  return out.normalize('NFC');
}
