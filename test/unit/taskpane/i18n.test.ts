// The pane's three dictionaries: the contract's control names, placeholders filled, and the
// language picked from an Office or browser tag.
import { describe, expect, it } from 'vitest';
import { en } from '../../../src/taskpane/i18n/en';
import { DICTIONARIES, languageOf, localeFor, translate } from '../../../src/taskpane/i18n';

// Every key in every language with the same placeholders: test/unit/core/words.test.ts.
describe('task pane dictionaries', () => {
  it('names the main controls exactly as the contract says in English', () => {
    expect([en['tab.overview'], en['tab.openItems'], en['tab.parties'], en['tab.payments'], en['tab.settings']]).toEqual([
      'Overview', 'Open items', 'Parties', 'Payments', 'Settings',
    ]);
    expect([en['data.loadDemo'], en['data.importFile'], en['sync.button'], en['sync.download']]).toEqual([
      'Load demo data', 'Import file', 'Sync to workbook', 'Download workbook',
    ]);
  });

  it('translates the main controls into Dutch and French', () => {
    expect(DICTIONARIES.nl['tab.openItems']).toBe('Openstaande posten');
    expect(DICTIONARIES.fr['data.loadDemo']).toBe('Charger les données de démonstration');
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(translate(en, 'kf.dueWithin', { n: 5 })).toBe('Due within 5 days');
    expect(translate(DICTIONARIES.nl, 'kf.dueWithin', { n: 3 })).toBe('Vervalt binnen 3 dagen');
    expect(translate(en, 'kf.dueWithin')).toBe('Due within {n} days');
  });

  it('picks the language from a BCP 47 tag and keeps the user locale when it matches', () => {
    expect(languageOf('nl-BE')).toBe('nl');
    expect(languageOf('fr_CA')).toBe('fr');
    expect(languageOf('de-DE')).toBe('en');
    expect(languageOf(null)).toBe('en');
    expect(localeFor('nl', 'nl-BE')).toBe('nl-BE');
    expect(localeFor('fr', 'nl-BE')).toBe('fr-FR');
  });
});
