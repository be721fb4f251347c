// The administration's settings (store/settings.ts, the one settings model), read live and
// written on save. Until the first save the pane and the sheets speak the language the pane
// started in.
import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useMemo } from 'react';
import { settingsOf, storedSettings, updateSettings, type Settings } from '../../store/settings';
import type { Lang } from '../i18n';
import type { SubledgerDb } from '../../store/db';
import type { SettingsState } from './pane';

/**
 * The administration's settings, live from the store (defaults in `fallbackLang` until the first
 * save), and saving them: the store checks every value and refuses a wrong one (saveSettings
 * rejects; nothing is written).
 */
export function useStoredSettings(db: SubledgerDb, adminId: string, fallbackLang: Lang): SettingsState {
  const saved = useLiveQuery(async () => (await storedSettings(db, adminId)) ?? null, [db, adminId]);
  const settings = useMemo(() => settingsOf(saved ?? undefined, fallbackLang), [saved, fallbackLang]);
  const saveSettings = useCallback(
    async (next: Settings) => {
      await updateSettings(db, adminId, next);
    },
    [db, adminId],
  );
  return useMemo(() => ({ settings, saveSettings }), [settings, saveSettings]);
}
