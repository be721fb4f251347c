// Builds the Pane of state/pane.tsx: React state for the ledger, tab, filter and selection; the
// cached ledger loaded from the store on start and on a change of administration.
import { useCallback, useEffect, useMemo, useState } from 'react';
import { today } from '../../core/date';
import type { SubledgerDb } from '../../store/db';
import { createAdministration, lastOpenedAdministration } from '../../store/administrations';
import { loadLedger } from '../../store/ledger-cache';
import { DICTIONARIES, localeFor, translate, type Lang, type MessageKey, type Params } from '../i18n';
import { DEFAULT_FILTER, type ItemFilter } from '../model/open-items-filter';
import type { LoadedLedger, Pane, TabId } from './pane';
import { defaultSettings, type PaneSettings } from './settings';

export const DEFAULT_ADMIN = 'default';

export interface PaneInputs {
  db: SubledgerDb;
  host: string | null;
  /** The user's language tag (Office display language or the browser's). */
  userLanguage: string;
  initialLang: Lang;
  notify: Pane['notify'];
}

function useLedgerOf(db: SubledgerDb, adminId: string) {
  const [loaded, setLoaded] = useState<LoadedLedger | null>(null);
  useEffect(() => {
    let current = true;
    setLoaded(null);
    loadLedger(db, adminId).then(
      (ledger) => {
        if (current && ledger) setLoaded((now) => now ?? { ledger, source: '', report: null, warnings: [] });
      },
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [db, adminId]);
  return [loaded, setLoaded] as const;
}

/** Opens the administration used last, creating the first one on a fresh computer. */
async function openingAdministration(db: SubledgerDb): Promise<string> {
  const last = await lastOpenedAdministration(db);
  if (last) return last.id;
  await createAdministration(db, { id: DEFAULT_ADMIN, name: 'Administration 1' }).catch(() => undefined);
  return DEFAULT_ADMIN;
}

export function usePaneState(inputs: PaneInputs): Pane {
  const { db, host, notify } = inputs;
  const [adminId, setAdminId] = useState(DEFAULT_ADMIN);
  useEffect(() => {
    openingAdministration(db).then(setAdminId, () => undefined);
  }, [db]);
  const [loaded, setLoaded] = useLedgerOf(db, adminId);
  const [lang, setLang] = useState<Lang>(inputs.initialLang);
  const [settings, setSettings] = useState<PaneSettings>(() => defaultSettings(inputs.initialLang));
  const [tab, setTab] = useState<TabId>('overview');
  const [filter, setFilter] = useState<ItemFilter>(DEFAULT_FILTER);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  useEffect(() => setSelected(new Set()), [adminId]);
  const asOf = useMemo(() => today(), []);
  const locale = localeFor(lang, inputs.userLanguage);
  const t = useCallback((key: MessageKey, params?: Params) => translate(DICTIONARIES[lang], key, params), [lang]);
  const showItems = useCallback((f: Partial<ItemFilter>) => {
    setFilter({ ...DEFAULT_FILTER, ...f });
    setTab('openItems');
  }, []);
  const saveSettings = useCallback(async (next: PaneSettings) => {
    setSettings(next);
    setLang(next.language);
    await Promise.resolve();
  }, []);
  return {
    db, adminId, setAdminId, host, loaded, setLoaded, asOf, settings, saveSettings, lang, setLang, locale, t,
    tab, setTab, filter, setFilter, showItems, selected, setSelected, notify,
  };
}
