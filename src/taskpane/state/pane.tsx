// The pane's shared state, handed to every tab through one React context: the database and the
// administration, the loaded ledger and its as-of day, settings, language, the open tab with the
// Open items filter, and the payables selected for payment.
import { createContext, useContext } from 'react';
import type { Day } from '../../core/date';
import type { ImportIssue, ImportReport, Ledger } from '../../core/types';
import type { SubledgerDb } from '../../store/db';
import type { Lang, MessageKey, Params } from '../i18n';
import type { ItemFilter } from '../model/open-items-filter';
import type { PaneSettings } from './settings';

export type TabId = 'overview' | 'openItems' | 'parties' | 'payments' | 'settings';
export const TABS: readonly TabId[] = ['overview', 'openItems', 'parties', 'payments', 'settings'];

export interface LoadedLedger {
  ledger: Ledger;
  /** Where it came from: a file name, or "demo". */
  source: string;
  report: ImportReport | null;
  /** Warnings of the import (unknown settles, rounded amounts). */
  warnings: ImportIssue[];
}

export interface Pane {
  db: SubledgerDb;
  adminId: string;
  setAdminId: (id: string) => void;
  /** The Office host (`Excel`), or null outside Office. */
  host: string | null;
  loaded: LoadedLedger | null;
  /** Replaces the ledger (after a successful import only). */
  setLoaded: (loaded: LoadedLedger | null) => void;
  asOf: Day;
  settings: PaneSettings;
  saveSettings: (settings: PaneSettings) => Promise<void>;
  lang: Lang;
  setLang: (lang: Lang) => void;
  locale: string;
  t: (key: MessageKey, params?: Params) => string;
  tab: TabId;
  setTab: (tab: TabId) => void;
  filter: ItemFilter;
  setFilter: (filter: ItemFilter) => void;
  /** Open Items with a filter (a click on a key figure). */
  showItems: (filter: Partial<ItemFilter>) => void;
  /** itemKey → selected for payment. */
  selected: ReadonlySet<string>;
  setSelected: (keys: ReadonlySet<string>) => void;
  /** Shows a short message (success, warning or error) to the user. */
  notify: (intent: 'success' | 'warning' | 'error' | 'info', text: string) => void;
}

export const PaneContext = createContext<Pane | null>(null);

export function usePane(): Pane {
  const pane = useContext(PaneContext);
  if (!pane) throw new Error('usePane outside <PaneContext.Provider>');
  return pane;
}

/** What went wrong, as a sentence for a message. */
export function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
