// Builds the parts of the Pane (state/pane.tsx), each memoised on what it holds so that a change
// re-renders only the readers of that part. The ledger, the Open items filters and the payment
// selection belong to one administration: they are kept with its id, so another administration
// starts with its own (no effect copies state into state); the filters and the payment selection
// are remembered per administration across reloads (model/view-memory.ts); the language follows
// the saved settings.
import { useCallback, useEffect, useMemo, useState } from 'react';
import { today } from '../../core/date';
import type { SubledgerDb } from '../../store/db';
import { createAdministration, lastOpenedAdministration } from '../../store/administrations';
import { damagedRecordText } from '../../store/record-problems';
import { cachedLedgerInfo } from '../../store/ledger-cache';
import { openCachedLedger } from '../actions/entry-assembly';
import { DICTIONARIES, PANE_LANGS, localeFor, translate, type Lang, type MessageKey, type Params } from '../i18n';
import { DEFAULT_FILTER, type ItemFilter } from '../model/open-items-filter';
import { pageMemory, storageMemory, type ViewMemory } from '../model/view-memory';
import type { Language, LedgerState, LoadedLedger, Navigation, Opening, Selection, Session, SettingsState, TabId } from './pane';
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

/** The ledger of one administration: loaded, or on its way. */
interface HeldLedger {
  adminId: string;
  stamp: number;
  value: LoadedLedger | null;
  opening: Opening | null;
}

let stamps = 0;

function useLedgerOf(db: SubledgerDb, adminId: string): LedgerState {
  const [held, setHeld] = useState<HeldLedger | null>(null);
  useEffect(() => {
    let current = true;
    const stamp = ++stamps;
    // Not if the administration's ledger came meanwhile (an import), nor over one on its way.
    const newer = (now: HeldLedger | null) => now?.adminId === adminId && (now.value !== null || now.opening !== null) && now.stamp !== stamp;
    const open = async () => {
      if (!(await cachedLedgerInfo(db, adminId))) return null;
      // the cache's first screen is fetched by a worker meanwhile (state/ledger-views.ts)
      if (current) setHeld((now) => (newer(now) ? now : { adminId, stamp, value: null, opening: {} }));
      return openCachedLedger(db, adminId);
    };
    open().then(
      (cached) => {
        if (!current) return;
        const value = cached ? { ledger: cached.ledger, generation: cached.generation, source: '', report: null, warnings: [] } : null;
        setHeld((now) => (newer(now) ? now : { adminId, stamp, value, opening: null }));
      },
      () => current && setHeld((now) => (newer(now) ? now : { adminId, stamp, value: null, opening: null })),
    );
    return () => {
      current = false;
    };
  }, [db, adminId]);
  const own = held?.adminId === adminId ? held : null;
  const setLoaded = useCallback((value: LoadedLedger | null) => setHeld({ adminId, stamp: ++stamps, value, opening: null }), [adminId]);
  const setOpening = useCallback((opening: Opening) => setHeld({ adminId, stamp: ++stamps, value: null, opening }), [adminId]);
  const loaded = own?.value ?? null;
  const opening = own?.opening ?? null;
  const stamp = own?.stamp ?? 0;
  return useMemo(() => ({ loaded, opening, stamp, setLoaded, setOpening }), [loaded, opening, stamp, setLoaded, setOpening]);
}

let memory: ViewMemory | null = null;

/** The pane's memory: in localStorage, or for this page only where the browser refuses it. */
function viewMemory(): ViewMemory {
  if (!memory) {
    try {
      memory = storageMemory(window.localStorage);
    } catch {
      memory = pageMemory();
    }
  }
  return memory;
}

/** A value of the administration, from the memory until it is changed in this page. */
function useRemembered<T>(adminId: string, recall: (adminId: string) => T): [T, (value: T) => void] {
  const [owned, setOwned] = useState<Owned<T> | null>(null);
  const stored = useMemo(() => recall(adminId), [recall, adminId]);
  const value = owned?.adminId === adminId ? owned.value : stored;
  const set = useCallback((next: T) => setOwned({ adminId, value: next }), [adminId]);
  return [value, set];
}

const recallSelection = (adminId: string) => viewMemory().paymentSelection(adminId);
const recallFilter = (adminId: string) => viewMemory().filter(adminId);

function useSelectionOf(adminId: string): Selection {
  const [selected, setOwned] = useRemembered(adminId, recallSelection);
  const setSelected = useCallback(
    (value: ReadonlySet<string>) => {
      viewMemory().putPaymentSelection(adminId, value);
      setOwned(value);
    },
    [adminId, setOwned],
  );
  return useMemo(() => ({ selected, setSelected }), [selected, setSelected]);
}

function useNavigationState(adminId: string): Navigation {
  const [tab, setTab] = useState<TabId>('overview');
  const [filter, setOwned] = useRemembered(adminId, recallFilter);
  const setFilter = useCallback(
    (value: ItemFilter) => {
      viewMemory().putFilter(adminId, value);
      setOwned(value);
    },
    [adminId, setOwned],
  );
  const showItems = useCallback(
    (f: Partial<ItemFilter>) => {
      // a key figure's list: its own filters, the user's order and grouping kept
      setFilter({ ...DEFAULT_FILTER, sort: filter.sort, groupByParty: filter.groupByParty, ...f });
      setTab('openItems');
    },
    [setFilter, filter.sort, filter.groupByParty],
  );
  return useMemo(() => ({ tab, setTab, filter, setFilter, showItems }), [tab, filter, setFilter, showItems]);
}

/**
 * The name the pane gives an administration it made itself, in the language it is shown in: the
 * first one keeps its given name in every language until the user renames it ("Administratie 1").
 */
export function shownAdministrationName(admin: { id: string; name: string }, lang: Lang): string {
  const given = PANE_LANGS.map((l) => DICTIONARIES[l]['admin.first']);
  return admin.id === DEFAULT_ADMIN && given.includes(admin.name) ? DICTIONARIES[lang]['admin.first'] : admin.name;
}

/** Opens the administration used last, creating the first one on a fresh computer. */
async function openingAdministration(db: SubledgerDb, lang: Lang): Promise<string> {
  const last = await lastOpenedAdministration(db);
  if (last) return last.id;
  await createAdministration(db, { id: DEFAULT_ADMIN, name: DICTIONARIES[lang]['admin.first'] }).catch(() => undefined);
  return DEFAULT_ADMIN;
}

export function usePaneState(inputs: PaneInputs): PaneParts {
  const { db, host, notify, userLanguage, initialLang } = inputs;
  const [adminId, setAdminId] = useState(DEFAULT_ADMIN);
  useEffect(() => {
    openingAdministration(db, initialLang).then(setAdminId, () => undefined);
  }, [db, initialLang]);
  const asOf = useMemo(() => today(), []);
  const session = useMemo<Session>(() => ({ db, adminId, setAdminId, host, asOf, notify }), [db, adminId, host, asOf, notify]);
  const settings = useStoredSettings(db, adminId, initialLang);
  const { language: lang, locale: chosen } = settings.settings;
  const language = useMemo<Language>(
    () => ({ lang, locale: localeFor(lang, userLanguage, chosen), t: (key: MessageKey, params?: Params) => translate(DICTIONARIES[lang], key, params) }),
    [lang, userLanguage, chosen],
  );
  useEffect(() => db.damaged.listen((problems) => notify('warning', problems.map((p) => damagedRecordText(p, lang)).join('\n'))), [db, notify, lang]);
  return {
    session,
    language,
    settings,
    ledger: useLedgerOf(db, adminId),
    navigation: useNavigationState(adminId),
    selection: useSelectionOf(adminId),
  };
}
