// The pane's language and region: dates and numbers follow the language and region chosen (never
// Dutch words with American dates), the sheets follow the pane's language unless set apart, and
// the first administration is named in the language it is shown in.
import { describe, expect, it } from 'vitest';
import { defaultSettings, settingsProblems } from '../../../src/store/settings';
import { sheetKindName } from '../../../src/taskpane/actions/workbook';
import { formatDay, formatMoney } from '../../../src/taskpane/format';
import { localeFor, offeredLocale } from '../../../src/taskpane/i18n';
import { withPaneLocale } from '../../../src/taskpane/model/language-choice';
import { DEFAULT_ADMIN, shownAdministrationName } from '../../../src/taskpane/state/use-pane-state';

// 27 November 2026 as days since 1970-01-01 (Date.UTC gives milliseconds)
const NOV_27 = Date.UTC(2026, 10, 27) / 86_400_000;

describe('language and region', () => {
  it('writes dates and amounts as people in that region do', () => {
    expect(formatDay(NOV_27, 'nl-NL')).toBe('27-11-2026');
    expect(formatDay(NOV_27, 'nl-BE')).toBe('27/11/2026');
    expect(formatDay(NOV_27, 'fr-BE')).toBe('27/11/2026');
    expect(formatDay(NOV_27, 'en-US')).toBe('11/27/2026');
    expect(formatMoney(123456, 'EUR', 'nl-BE').replace(/\s/g, ' ')).toBe('€ 1.234,56');
    expect(formatMoney(123456, 'EUR', 'fr-BE').replace(/\s/g, ' ')).toBe('1 234,56 €');
  });

  it('reads dates the way chosen; without a choice, the computer\'s region only when it goes with the language', () => {
    expect(localeFor('nl', 'en-US', 'nl-BE')).toBe('nl-BE');
    // Dutch picked by hand on an American computer: Dutch dates, not a mix
    expect(localeFor('nl', 'en-US')).toBe('nl-NL');
    expect(localeFor('nl', 'nl-BE')).toBe('nl-BE');
    expect(localeFor('fr', 'nl-BE')).toBe('fr-FR');
    expect(localeFor('fr', 'fr-CA')).toBe('fr-FR');
    expect(localeFor('en', 'en-US')).toBe('en-US');
    // a stored region of another language (written before the language changed) is not used
    expect(localeFor('fr', 'en-US', 'nl-BE')).toBe('fr-FR');
    expect(offeredLocale('NL_be')).toBe('nl-BE');
    expect(offeredLocale('nl')).toBeNull();
  });

  it('keeps the region with the settings and refuses one that is not of the pane\'s language', () => {
    expect(settingsProblems({ language: 'nl', locale: 'nl-BE' })).toEqual({});
    expect(settingsProblems({ language: 'nl', locale: '' })).toEqual({});
    expect(settingsProblems({ language: 'fr', locale: 'nl-BE' }).locale?.code).toBe('locale');
    expect(settingsProblems({ locale: 'de-DE' }).locale?.code).toBe('locale');
    expect(settingsProblems({ locale: 'nl-%%' }).locale?.code).toBe('locale');
  });

  it('carries a change of the pane language to the sheets, unless the sheets were set to a language of their own', () => {
    expect(withPaneLocale(defaultSettings('en'), 'fr-BE')).toMatchObject({ language: 'fr', locale: 'fr-BE', sheetLanguage: 'fr' });
    const apart = { ...defaultSettings('nl'), sheetLanguage: 'fr' as const };
    expect(withPaneLocale(apart, 'en-GB')).toMatchObject({ language: 'en', locale: 'en-GB', sheetLanguage: 'fr' });
    // a change of region only changes nothing for the sheets
    expect(withPaneLocale(defaultSettings('nl'), 'nl-BE')).toMatchObject({ language: 'nl', sheetLanguage: 'nl' });
    expect(settingsProblems(withPaneLocale(defaultSettings('en'), 'nl-BE'))).toEqual({});
  });

  it('shows the first administration in the pane\'s language until the user names it', () => {
    const first = { id: DEFAULT_ADMIN, name: 'Administration 1' };
    expect(shownAdministrationName(first, 'nl')).toBe('Administratie 1');
    expect(shownAdministrationName({ ...first, name: 'Administratie 1' }, 'en')).toBe('Administration 1');
    expect(shownAdministrationName({ ...first, name: 'Brasserie Elise' }, 'nl')).toBe('Brasserie Elise');
    expect(shownAdministrationName({ id: 'x1', name: 'Administration 1' }, 'nl')).toBe('Administration 1');
  });
});

describe('sheet choice in the pane', () => {
  it('names the sheets as the sheets name themselves in the pane\'s language, not by their kind', () => {
    expect(sheetKindName('open-items-AR', 'nl')).toBe('Open posten AR');
    expect(sheetKindName('dashboard', 'fr')).toBe('Tableau de bord');
    expect(sheetKindName('party-cards', 'nl')).toBe('Relatiekaarten');
  });
});
