// The pane's languages: picking one from Office or the browser, and its texts with `{name}`
// placeholders filled (core/words.fill).
//   translate(en, 'kf.dueWithin', { n: 5 }) → "Due within 5 days"
import { fill, langOf, LANGS, LOCALES, type Lang, type Params } from '../../core/words';
import { en, type Dictionary, type MessageKey } from './en';
import { fr } from './fr';
import { nl } from './nl';

export type { Dictionary, MessageKey } from './en';
export type { Lang, Params } from '../../core/words';
/** The pane speaks every language of core/words. */
export const PANE_LANGS: readonly Lang[] = LANGS;
export const DICTIONARIES: Readonly<Record<Lang, Dictionary>> = { en, nl, fr };

/** The pane's language for a BCP 47 tag (`nl-BE` → nl, `fr-CA` → fr); English otherwise. */
export function languageOf(tag: string | null | undefined): Lang {
  return langOf(tag) ?? 'en';
}

/**
 * The languages and regions the pane offers (Settings → Language and region): dates and numbers
 * follow the one chosen, so Dutch in Belgium reads 27/11/2026 and Dutch in the Netherlands 27-11-2026.
 */
export const PANE_LOCALES = ['en-GB', 'en-US', 'nl-NL', 'nl-BE', 'fr-FR', 'fr-BE'] as const;
export type PaneLocale = (typeof PANE_LOCALES)[number];

/** Each locale in its own language, the way language pickers name them (the same in every pane language). */
export const LOCALE_NAMES: Readonly<Record<PaneLocale, string>> = {
  'en-GB': 'English (United Kingdom)',
  'en-US': 'English (United States)',
  'nl-NL': 'Nederlands (Nederland)',
  'nl-BE': 'Nederlands (België)',
  'fr-FR': 'Français (France)',
  'fr-BE': 'Français (Belgique)',
};

/** The offered locale spelled as `tag` (any case, `_` or `-`), or null. */
export function offeredLocale(tag: string | null | undefined): PaneLocale | null {
  const wanted = (tag ?? '').replace('_', '-').toLowerCase();
  return PANE_LOCALES.find((l) => l.toLowerCase() === wanted) ?? null;
}

/**
 * The locale for numbers and dates: the one chosen in Settings when it is of the pane's language,
 * else the computer's region when it is offered for that language (nl on an nl-BE computer →
 * nl-BE), else the language's home (nl on an en-US computer → nl-NL: never Dutch words with
 * American dates).
 */
export function localeFor(lang: Lang, userTag: string | null | undefined, chosen = ''): PaneLocale {
  for (const tag of [chosen, userTag]) {
    const offered = offeredLocale(tag);
    if (offered !== null && languageOf(offered) === lang) return offered;
  }
  return offeredLocale(LOCALES[lang]) ?? 'en-GB';
}

export type Translate = (key: MessageKey, params?: Params) => string;

export function translate(dict: Dictionary, key: MessageKey, params: Params = {}): string {
  return fill(dict[key], params);
}
