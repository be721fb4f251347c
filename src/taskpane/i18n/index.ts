// The pane's languages: picking one from Office or the browser, and filling `{name}` placeholders.
//   translate(en, 'kf.dueWithin', { n: 5 }) → "Due within 5 days"
import type { Lang } from '../../sheets/spec';
import { en, type Dictionary, type MessageKey } from './en';
import { fr } from './fr';
import { nl } from './nl';

export type { Dictionary, MessageKey } from './en';
export type { Lang } from '../../sheets/spec';
export const PANE_LANGS: readonly Lang[] = ['en', 'nl', 'fr'];
export const DICTIONARIES: Readonly<Record<Lang, Dictionary>> = { en, nl, fr };

/** The pane's language for a BCP 47 tag (`nl-BE` → nl, `fr-CA` → fr); English otherwise. */
export function languageOf(tag: string | null | undefined): Lang {
  const primary = (tag ?? '').toLowerCase().split(/[-_]/)[0] ?? '';
  return PANE_LANGS.find((l) => l === primary) ?? 'en';
}

/** The locale for numbers and dates: the user's own when it is of the pane's language. */
export function localeFor(lang: Lang, userTag: string | null | undefined): string {
  if (userTag && languageOf(userTag) === lang && userTag.includes('-')) return userTag;
  return { en: 'en-GB', nl: 'nl-NL', fr: 'fr-FR' }[lang];
}

export type Params = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: Params) => string;

export function translate(dict: Dictionary, key: MessageKey, params: Params = {}): string {
  return dict[key].replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}
