// The pane's shared state, split by how often each part changes so that a change re-renders only
// the components that read it (a keystroke in the search box does not re-render the header):
//   session    the database, the administration, the host, the as-of day, notify (rarely changes)
//   language   lang, locale and t (changes when the user picks a language)
//   settings   the administration's settings and saving them
//   ledger     the loaded ledger (changes on import or a change of administration)
//   navigation the open tab and the Open items filter (changes on every filter keystroke)
//   selection  the payables selected for payment
// `Pane` is the union of all of them, for the actions that need several parts.
import { createContext, useContext, type Context } from 'react';
import type { Day } from '../../core/date';
import type { ImportIssue, ImportReport, Ledger } from '../../core/types';
import { WordedError } from '../../core/words';
import type { SubledgerDb } from '../../store/db';
import type { Lang, MessageKey, Params } from '../i18n';
import type { FirstScreen } from '../model/first-screen';
import type { ItemFilter } from '../model/open-items-filter';
import type { Settings } from '../../store/settings';

export type TabId = 'overview' | 'openItems' | 'parties' | 'payments' | 'settings' | 'yearEnd';
/** Year-end last: a once-a-year task, the first to go into a narrow pane's overflow. */
/**
 * The tabs of the tab bar, the daily work. The Year-end pack, a task of once a year, is a page of
 * its own opened from the overview (its Year-end pack button), so the daily tabs keep their room.
 */
export const TABS: readonly TabId[] = ['overview', 'openItems', 'parties', 'payments', 'settings'];

export interface LoadedLedger {
  ledger: Ledger;
  /** Where it came from: a file name, or "demo". */
  source: string;
  report: ImportReport | null;
  /** Warnings of the import (unknown settles, rounded amounts). */
  warnings: ImportIssue[];
  /** The Overview's figures, where the import worker computed them with the ledger (for the settings it was given). */
  firstScreen?: FirstScreen;
  /**
   * The cache generation that holds this ledger (store/ledger-cache.ts), where it was written to or
   * read from the cache: a worker that reads the cache for this ledger checks it reads this one.
   */
  generation?: string;
}

export type NotifyIntent = 'success' | 'warning' | 'error' | 'info';

export interface Session {
  db: SubledgerDb;
  adminId: string;
  setAdminId: (id: string) => void;
  /** The Office host (`Excel`), or null outside Office. */
  host: string | null;
  asOf: Day;
  /** Shows a short message (success, warning or error) to the user; it replaces the one shown. */
  notify: (intent: NotifyIntent, text: string) => void;
}

export interface Language {
  lang: Lang;
  locale: string;
  t: (key: MessageKey, params?: Params) => string;
}

export interface SettingsState {
  settings: Settings;
  /** Writes the settings to the store; rejects (and changes nothing) when the store refuses them. */
  saveSettings: (settings: Settings) => Promise<void>;
}

/**
 * A ledger on its way into the pane (kept by an import, or read back from the cache) while its
 * entries are decoded a slice at a time: the Overview shows its first screen meanwhile.
 */
export interface Opening {
  /** The first screen the import worker brought with it (the cache's comes from a worker of its own). */
  firstScreen?: FirstScreen;
}

export interface LedgerState {
  loaded: LoadedLedger | null;
  /** The ledger being opened, while `loaded` is null. */
  opening: Opening | null;
  /** Changes whenever another ledger is loaded or opened: what a figure computed for "the ledger" belongs to. */
  stamp: number;
  /** Replaces the ledger (after a successful import only). */
  setLoaded: (loaded: LoadedLedger | null) => void;
  /** The ledger is being replaced by one on its way (an import kept, its entries still being decoded). */
  setOpening: (opening: Opening) => void;
}

export interface Navigation {
  tab: TabId;
  setTab: (tab: TabId) => void;
  filter: ItemFilter;
  setFilter: (filter: ItemFilter) => void;
  /** Open Items with a filter (a click on a key figure). */
  showItems: (filter: Partial<ItemFilter>) => void;
}

export interface Selection {
  /** itemKey → selected for payment. */
  selected: ReadonlySet<string>;
  setSelected: (keys: ReadonlySet<string>) => void;
}

export type Pane = Session & Language & SettingsState & LedgerState & Navigation & Selection;

export const SessionContext = createContext<Session | null>(null);
export const LanguageContext = createContext<Language | null>(null);
export const SettingsContext = createContext<SettingsState | null>(null);
export const LedgerContext = createContext<LedgerState | null>(null);
export const NavigationContext = createContext<Navigation | null>(null);
export const SelectionContext = createContext<Selection | null>(null);

function use<T>(context: Context<T | null>, name: string): T {
  const value = useContext(context);
  if (!value) throw new Error(`${name} outside its provider`);
  return value;
}

export const useSession = (): Session => use(SessionContext, 'useSession');
export const useLanguage = (): Language => use(LanguageContext, 'useLanguage');
export const useSettings = (): SettingsState => use(SettingsContext, 'useSettings');
export const useLedger = (): LedgerState => use(LedgerContext, 'useLedger');
export const useNavigation = (): Navigation => use(NavigationContext, 'useNavigation');
export const useSelection = (): Selection => use(SelectionContext, 'useSelection');

/** What went wrong, as a sentence for a message; in `lang` when the error can say it in the user's language (store/record-problems.ts). */
export function reasonOf(error: unknown, lang?: Lang): string {
  if (lang !== undefined && error instanceof WordedError) return error.messageIn(lang);
  return error instanceof Error ? error.message : String(error);
}
