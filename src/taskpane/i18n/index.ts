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

/** The locale for numbers and dates: the user's own when it is of the pane's language. */
export function localeFor(lang: Lang, userTag: string | null | undefined): string {
  if (userTag && languageOf(userTag) === lang && userTag.includes('-')) return userTag;
  return LOCALES[lang];
}

export type Translate = (key: MessageKey, params?: Params) => string;

export function translate(dict: Dictionary, key: MessageKey, params: Params = {}): string {
  return fill(dict[key], params);
}
