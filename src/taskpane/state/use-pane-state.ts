// Builds the parts of the Pane (state/pane.tsx), each memoised on what it holds so that a change
// re-renders only the readers of that part. The ledger and the payment selection belong to one
// administration: they are kept with its id, so another administration starts without them (no
// effect copies state into state); the language follows the saved settings.
import { useCallback, useEffect, useMemo, useState } from 'react';
import { today } from '../../core/date';
import type { SubledgerDb } from '../../store/db';
import { createAdministration, lastOpenedAdministration } from '../../store/administrations';
import { loadLedger } from '../../store/ledger-cache';
import { DICTIONARIES, localeFor, translate, type Lang, type MessageKey, type Params } from '../i18n';
import { DEFAULT_FILTER, type ItemFilter } from '../model/open-items-filter';
import type { Language, LedgerState, LoadedLedger, Navigation, Selection, Session, SettingsState, TabId } from './pane';
import { useStoredSettings } from './use-settings';

export const DEFAULT_ADMIN = 'default';

export interface PaneInputs {
  db: SubledgerDb;
  host: string | null;
  /** The user's language tag (Office display language or the browser's). */
  userLanguage: string;
  initialLang: Lang;
  notify: Session['notify'];
}

export interface PaneParts {
  session: Session;
  language: Language;
  settings: SettingsState;
  ledger: LedgerState;
  navigation: Navigation;
  selection: Selection;
}

/** A value that belongs to one administration. */
interface Owned<T> {
  adminId: string;
  value: T;
}

function useLedgerOf(db: SubledgerDb, adminId: string): LedgerState {
  const [owned, setOwned] = useState<Owned<LoadedLedger | null> | null>(null);
  useEffect(() => {
    let current = true;
    loadLedger(db, adminId).then(
      (ledger) => {
        if (!current) return;
        setOwned((now) => (now?.adminId === adminId && now.value ? now : { adminId, value: ledger ? { ledger, source: '', report: null, warnings: [] } : null }));
      },
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [db, adminId]);
  const loaded = owned?.adminId === adminId ? owned.value : null;
  const setLoaded = useCallback((value: LoadedLedger | null) => setOwned({ adminId, value }), [adminId]);
  return useMemo(() => ({ loaded, setLoaded }), [loaded, setLoaded]);
}

const NOTHING_SELECTED: ReadonlySet<string> = new Set();

function useSelectionOf(adminId: string): Selection {
  const [owned, setOwned] = useState<Owned<ReadonlySet<string>> | null>(null);
  const selected = owned?.adminId === adminId ? owned.value : NOTHING_SELECTED;
  const setSelected = useCallback((value: ReadonlySet<string>) => setOwned({ adminId, value }), [adminId]);
  return useMemo(() => ({ selected, setSelected }), [selected, setSelected]);
}

function useNavigationState(): Navigation {
  const [tab, setTab] = useState<TabId>('overview');
  const [filter, setFilter] = useState<ItemFilter>(DEFAULT_FILTER);
  const showItems = useCallback((f: Partial<ItemFilter>) => {
    setFilter({ ...DEFAULT_FILTER, ...f });
    setTab('openItems');
  }, []);
  return useMemo(() => ({ tab, setTab, filter, setFilter, showItems }), [tab, filter, showItems]);
}

/** Opens the administration used last, creating the first one on a fresh computer. */
async function openingAdministration(db: SubledgerDb): Promise<string> {
  const last = await lastOpenedAdministration(db);
  if (last) return last.id;
  await createAdministration(db, { id: DEFAULT_ADMIN, name: 'Administration 1' }).catch(() => undefined);
  return DEFAULT_ADMIN;
}

export function usePaneState(inputs: PaneInputs): PaneParts {
  const { db, host, notify, userLanguage, initialLang } = inputs;
  const [adminId, setAdminId] = useState(DEFAULT_ADMIN);
  useEffect(() => {
    openingAdministration(db).then(setAdminId, () => undefined);
  }, [db]);
  const asOf = useMemo(() => today(), []);
  const session = useMemo<Session>(() => ({ db, adminId, setAdminId, host, asOf, notify }), [db, adminId, host, asOf, notify]);
  const settings = useStoredSettings(db, adminId, initialLang);
  const lang = settings.settings.language;
  const language = useMemo<Language>(
    () => ({ lang, locale: localeFor(lang, userLanguage), t: (key: MessageKey, params?: Params) => translate(DICTIONARIES[lang], key, params) }),
    [lang, userLanguage],
  );
  return {
    session,
    language,
    settings,
    ledger: useLedgerOf(db, adminId),
    navigation: useNavigationState(),
    selection: useSelectionOf(adminId),
  };
}
