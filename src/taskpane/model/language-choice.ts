// A change of the pane's language and region in Settings. The sheets follow the pane's language
// when they were in it (the usual case: one language for everything); a sheet language the user
// set apart (the pane in Dutch, the sheets in French for the accountant) stays.
//   { language: 'en', sheetLanguage: 'en' } + nl-BE → language nl, locale nl-BE, sheets nl
//   { language: 'nl', sheetLanguage: 'fr' } + en-GB → language en, locale en-GB, sheets fr
import type { Settings } from '../../store/settings';
import { languageOf, type PaneLocale } from '../i18n';

type LanguageChoice = Pick<Settings, 'language' | 'locale' | 'sheetLanguage'>;

export function withPaneLocale<T extends LanguageChoice>(settings: T, locale: PaneLocale): T {
  const language = languageOf(locale);
  const sheetLanguage = settings.sheetLanguage === settings.language ? language : settings.sheetLanguage;
  return { ...settings, language, locale, sheetLanguage };
}
