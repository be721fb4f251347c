// The Settings tab's values kept in the store per administration (store/settings.ts): read live,
// written on save. The store's `language` holds the pane's and the sheets' language as
// `pane|sheets` (e.g. `nl|fr`); until the user saves, the pane keeps the language it started in.
import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useMemo } from 'react';
import { getSettings, updateSettings, type Settings } from '../../store/settings';
import { PANE_LANGS, type Lang } from '../i18n';
import type { SubledgerDb } from '../../store/db';
import type { SettingsState } from './pane';
import { defaultSettings, type PaneSettings } from './settings';

function asLang(text: string | undefined, fallback: Lang): Lang {
  return PANE_LANGS.find((l) => l === text) ?? fallback;
}

export function paneSettingsOf(stored: Settings, fallbackLang: Lang): PaneSettings {
  const [language, sheetLanguage] = stored.language.split('|');
  const pane = asLang(language, fallbackLang);
  return {
    companyName: stored.companyName,
    baseCurrency: stored.baseCurrency,
    iban: stored.iban,
    bic: stored.bic,
    agingBasis: stored.agingBasis,
    agingBuckets: stored.agingBuckets,
    dueSoonDays: stored.dueSoonDays,
    language: pane,
    sheetLanguage: asLang(sheetLanguage, pane),
  };
}

export function storedSettingsOf(s: PaneSettings): Partial<Settings> {
  return {
    language: `${s.language}|${s.sheetLanguage}`,
    agingBasis: s.agingBasis,
    agingBuckets: s.agingBuckets,
    dueSoonDays: s.dueSoonDays,
    companyName: s.companyName,
    iban: s.iban,
    bic: s.bic,
    baseCurrency: s.baseCurrency,
  };
}

/**
 * The administration's settings, live from the store (defaults in `fallbackLang` until the first
 * save), and saving them: the store checks every value and refuses a wrong one (saveSettings
 * rejects; nothing is written).
 */
export function useStoredSettings(db: SubledgerDb, adminId: string, fallbackLang: Lang): SettingsState {
  const saved = useLiveQuery(async () => ((await db.settings.get(adminId)) ? getSettings(db, adminId) : null), [db, adminId]);
  const settings = useMemo(() => (saved ? paneSettingsOf(saved, fallbackLang) : defaultSettings(fallbackLang)), [saved, fallbackLang]);
  const saveSettings = useCallback(
    async (next: PaneSettings) => {
      await updateSettings(db, adminId, storedSettingsOf(next));
    },
    [db, adminId],
  );
  return useMemo(() => ({ settings, saveSettings }), [settings, saveSettings]);
}
