// The one language layer: the languages Subledger speaks, the one placeholder syntax every
// catalogue (pane dictionaries, sheet words, letters, import messages) uses, and the check that
// a catalogue has every text in every language with the same placeholders.
//   fill('Due within {n} days', { n: 5 })                → "Due within 5 days"
//   fill('used for party {party}[ (line {line})]', { party: 'C1' }) → "used for party C1"
// A `[…]` part that holds a placeholder is left out when one of its values is missing or empty;
// brackets without a placeholder are plain text. A placeholder without a value stays visible.

export type Lang = 'en' | 'nl' | 'fr';
export const LANGS: readonly Lang[] = ['en', 'nl', 'fr'];
/** The locale that writes numbers and dates of a language when the user's own is not known. */
export const LOCALES: Readonly<Record<Lang, string>> = { en: 'en-GB', nl: 'nl-NL', fr: 'fr-FR' };

/** One text in every language. */
export type Words = Readonly<Record<Lang, string>>;
export type Params = Readonly<Record<string, string | number>>;

const PLACEHOLDER = /\{(\w+)\}/g;
const OPTIONAL_PART = /\[([^[\]]*\{\w+\}[^[\]]*)\]/g;

/** The language for a BCP 47 tag or a word such as `nl-BE`, `fr_CA`; null when it is none of ours. */
export function langOf(tag: string | null | undefined): Lang | null {
  const primary = (tag ?? '').trim().toLowerCase().split(/[-_ ]/)[0] ?? '';
  return LANGS.find((l) => l === primary) ?? null;
}

/** The placeholder names of a template, each once, sorted. */
export function placeholders(template: string): string[] {
  return [...new Set([...template.matchAll(PLACEHOLDER)].map((m) => m[1] as string))].sort();
}

/** The template with `{name}` placeholders filled and `[…]` parts kept or left out (see above). */
export function fill(template: string, params: Params = {}): string {
  const given = (name: string): boolean => params[name] !== undefined && params[name] !== '';
  return template
    .replace(OPTIONAL_PART, (_, part: string) => (placeholders(part).every(given) ? part : ''))
    .replace(PLACEHOLDER, (whole, name: string) => {
      const value = params[name];
      return value === undefined ? whole : String(value);
    });
}

/** A catalogue as tables of texts: key → language → text (a missing language is a problem). */
export type Catalogue = Readonly<Record<string, Readonly<Partial<Record<Lang, string>>>>>;

/** Dictionaries kept one per language (the pane's en.ts, nl.ts, fr.ts) as one catalogue. */
export function byKey(dictionaries: Readonly<Record<Lang, Readonly<Record<string, string>>>>): Catalogue {
  const keys = new Set(LANGS.flatMap((lang) => Object.keys(dictionaries[lang])));
  const table: Record<string, Partial<Record<Lang, string>>> = {};
  for (const key of keys) {
    const texts: Partial<Record<Lang, string>> = {};
    for (const lang of LANGS) {
      const text = dictionaries[lang][key];
      if (text !== undefined) texts[lang] = text;
    }
    table[key] = texts;
  }
  return table;
}

/**
 * What is wrong with a catalogue: a key without a text in some language, an empty text, or a
 * text whose placeholders differ from the English one (a value that would not be shown, or one
 * that would stay a visible `{name}`). Empty when all is well.
 */
export function catalogueProblems(name: string, catalogue: Catalogue): string[] {
  const problems: string[] = [];
  for (const [key, texts] of Object.entries(catalogue)) {
    const english = texts.en;
    for (const lang of LANGS) {
      const text = texts[lang];
      if (text === undefined) problems.push(`${name} ${key}: no ${lang} text`);
      else if (text.trim() === '') problems.push(`${name} ${key}: the ${lang} text is empty`);
      else if (english !== undefined && placeholders(text).join() !== placeholders(english).join()) {
        problems.push(`${name} ${key}: ${lang} has {${placeholders(text).join('}, {')}}, en has {${placeholders(english).join('}, {')}}`);
      }
    }
  }
  return problems;
}

/** An error whose message can be worded again in another language; `message` is the English. */
export class WordedError extends Error {
  constructor(private readonly wording: (lang: Lang) => string) {
    super(wording('en'));
  }

  /** The message in `lang`. */
  messageIn(lang: Lang): string {
    return this.wording(lang);
  }
}
