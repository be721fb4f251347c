// What the tabs show of the loaded ledger, computed once per ledger and as-of day: the key figures
// and aging of the Overview (model/first-screen, brought by the import where it could), the items
// with their keys and the entries that settled them (core/settlements) when a tab first reads
// them, and the user's handled flags and notes (live from the store).
import { useLiveQuery } from 'dexie-react-hooks';
import { createContext, useContext, useEffect, useMemo, useState } from 'react';
import { allItemsAsOf } from '../../core/open-items';
import { settlementsByItem, settlingEntriesAsOf, type SettlingEntry } from '../../core/settlements';
import type { AgingBasis, KeyFigures } from '../../core/report-types';
import type { Ledger } from '../../core/types';
import { flagsOfAdministration } from '../../store/flags';
import { notesOfAdministration } from '../../store/notes';
import { listsOfCache, type ItemListsOf } from '../actions/cached-lists';
import { firstScreenOfCache, screenOfShown, type CachedScreen } from '../actions/cached-screen';
import { firstScreen, sameParams, type FirstScreen, type FirstScreenParams } from '../model/first-screen';
import { itemRows, settlingRows, type ItemRow } from '../model/open-items-filter';
import type { LedgerState } from './pane';
import type { SubledgerDb } from '../../store/db';
import type { Day } from '../../core/date';

export interface LedgerViews {
  rows: ItemRow[];
  /** The entries that settled items (payments, credit notes), as rows of "All transactions". */
  settling: ItemRow[];
  /** itemKey → the entries that settled it, oldest first. */
  settledBy: ReadonlyMap<string, SettlingEntry[]>;
  /** While a worker makes the lists (they are empty meanwhile): how far it is. */
  listsProgress: ListsProgress | null;
  figures: KeyFigures | null;
  /** The currency of the figures (the ledger's base currency); null while no ledger is shown. */
  baseCurrency: string | null;
  /** Each side's open amount per aging bucket (the Overview's chart). */
  aging: FirstScreen['aging'] | null;
  handled: ReadonlySet<string>;
  /** itemKey → current note text (non-empty only). */
  notes: ReadonlyMap<string, string>;
}

const NO_KEYS: ReadonlySet<string> = new Set();
const NO_NOTES: ReadonlyMap<string, string> = new Map();
const NO_SETTLEMENTS: ReadonlyMap<string, SettlingEntry[]> = new Map();
const NO_ROWS: ItemRow[] = [];

export const LedgerViewsContext = createContext<LedgerViews>({ rows: [], settling: [], settledBy: NO_SETTLEMENTS, listsProgress: null, figures: null, baseCurrency: null, aging: null, handled: NO_KEYS, notes: NO_NOTES });

export function useLedgerViews(): LedgerViews {
  return useContext(LedgerViewsContext);
}

function useAnnotations(db: SubledgerDb, adminId: string): Pick<LedgerViews, 'handled' | 'notes'> {
  const handled = useLiveQuery(
    async () => new Set((await flagsOfAdministration(db, adminId)).filter((f) => f.handled).map((f) => f.itemKey)),
    [db, adminId],
  );
  const notes = useLiveQuery(
    async () => new Map((await notesOfAdministration(db, adminId)).filter((n) => n.text !== '').map((n) => [n.itemKey, n.text])),
    [db, adminId],
  );
  return { handled: handled ?? NO_KEYS, notes: notes ?? NO_NOTES };
}

/** The item lists being made by a worker: the records made of the total. */
export interface ListsProgress {
  done: number;
  total: number;
}

/** Progress at most this often (ms): each one re-renders the readers of the views. */
const PROGRESS_EVERY = 200;

/**
 * The lists of a ledger as of a day, made the first time a view reads them (the Open items,
 * Parties or Payments tab), not when the ledger arrives: the Overview needs none of them. Where a
 * worker can run, it makes them from the cache (actions/cached-lists.ts) and the pane its rows a
 * slice at a time: the lists are empty, with `progress`, until they are ready (`changed` is told).
 * Else (or where the worker could not) they are computed here, each when first read.
 */
class ItemLists {
  private items: ItemRow[] | null = null;
  private settlements: SettlingEntry[] | null = null;
  private settlingItems: ItemRow[] | null = null;
  private byItem: ReadonlyMap<string, SettlingEntry[]> | null = null;
  private asked = false;
  progress: ListsProgress | null = null;
  constructor(
    private readonly ledger: Ledger | null,
    private readonly asOf: Day,
    private readonly fromWorker: ((onProgress: (done: number, total: number) => void) => Promise<ItemListsOf | null>) | null,
    private readonly changed: () => void,
  ) {}

  /** Whether the lists are still to come from the worker (asking it the first time). */
  private waiting(): boolean {
    if (!this.ledger || !this.fromWorker || this.items) return false;
    if (!this.asked) {
      this.asked = true;
      this.progress = { done: 0, total: 0 };
      queueMicrotask(() => this.ask());
    }
    return this.progress !== null;
  }

  private ask(): void {
    let last = 0;
    const onProgress = (done: number, total: number) => {
      this.progress = { done, total };
      const now = performance.now();
      if (now - last < PROGRESS_EVERY) return;
      last = now;
      this.changed();
    };
    const settle = (lists: ItemListsOf | null) => {
      if (lists) {
        this.items = lists.rows;
        this.settlements = lists.settling;
        this.byItem = lists.settledBy;
      }
      this.progress = null;
      this.changed();
    };
    this.fromWorker?.(onProgress).then(settle, () => settle(null));
  }

  get rows(): ItemRow[] {
    if (this.waiting()) return NO_ROWS;
    this.items ??= this.ledger ? itemRows(allItemsAsOf(this.ledger, this.asOf)) : [];
    return this.items;
  }

  private get entries(): SettlingEntry[] {
    this.settlements ??= this.ledger ? settlingEntriesAsOf(this.ledger, this.asOf) : [];
    return this.settlements;
  }

  get settling(): ItemRow[] {
    if (this.waiting()) return NO_ROWS;
    this.settlingItems ??= settlingRows(this.entries);
    return this.settlingItems;
  }

  get settledBy(): ReadonlyMap<string, SettlingEntry[]> {
    if (this.waiting()) return NO_SETTLEMENTS;
    this.byItem ??= settlementsByItem(this.entries);
    return this.byItem;
  }
}

export interface LedgerViewsInputs {
  db: SubledgerDb;
  adminId: string;
  ledger: Pick<LedgerState, 'loaded' | 'opening' | 'stamp'>;
  asOf: Day;
  dueSoonDays: readonly number[];
  basis: AgingBasis;
  buckets: readonly number[];
}

/** A first screen a worker computed from the cache, for the ledger `stamp`; null where it could not. */
interface Fetched {
  stamp: number;
  params: FirstScreenParams;
  screen: CachedScreen | null;
}

/**
 * The first screen for these settings: the one the import brought where it fits; else computed by
 * a worker from the cache (actions/cached-screen.ts: the pane's thread never goes through the
 * ledger for it, and a ledger read back from the cache shows its figures before its entries are
 * decoded here). Computed here only where no worker can run, the worker could not answer, or it
 * read another cache generation than the ledger shown.
 */
function useFirstScreen({ db, adminId, ledger, asOf, dueSoonDays, basis, buckets }: LedgerViewsInputs): FirstScreen | null {
  const { loaded, opening, stamp } = ledger;
  // the same settings read again from the store (new arrays) ask the worker nothing new
  const limits = `${dueSoonDays.join()}|${buckets.join()}`;
  const params = useMemo(() => ({ asOf, dueSoonDays, basis, buckets }), [asOf, basis, limits]); // eslint-disable-line react-hooks/exhaustive-deps
  const given = loaded?.firstScreen ?? opening?.firstScreen;
  const brought = given && sameParams(given.params, params) ? given : null;
  const workers = typeof Worker === 'function';
  const ask = !brought && (loaded !== null || opening !== null) && workers;
  const [fetched, setFetched] = useState<Fetched | null>(null);
  useEffect(() => {
    if (!ask) return;
    let current = true;
    const done = (screen: CachedScreen | null) => current && setFetched({ stamp, params, screen });
    firstScreenOfCache(db, adminId, params).then(done, () => done(null));
    return () => {
      current = false;
    };
  }, [ask, db, adminId, stamp, params]);
  const answer = fetched?.stamp === stamp && fetched.params === params ? fetched : null;
  const taken = answer ? screenOfShown(answer.screen, loaded?.generation) : null;
  const here = loaded !== null && !brought && (!workers || (answer !== null && taken === null));
  const computed = useMemo(() => (here && loaded ? firstScreen(loaded.ledger, params) : null), [here, loaded, params]);
  return brought ?? taken ?? computed;
}

export function useLedgerViewsState(inputs: LedgerViewsInputs): LedgerViews {
  const { db, adminId, asOf } = inputs;
  const ledger = inputs.ledger.loaded?.ledger ?? null;
  const generation = inputs.ledger.loaded?.generation;
  const [version, setVersion] = useState(0);
  const lists = useMemo(() => {
    const changed = () => setVersion((v) => v + 1);
    const fromWorker = ledger && generation !== undefined && typeof Worker === 'function' ? (onProgress: (done: number, total: number) => void) => listsOfCache(db, adminId, asOf, generation, onProgress) : null;
    return new ItemLists(ledger, asOf, fromWorker, changed);
  }, [db, adminId, ledger, generation, asOf]);
  const screen = useFirstScreen(inputs);
  const { handled, notes } = useAnnotations(db, adminId);
  return useMemo(
    () => ({
      get rows() {
        return lists.rows;
      },
      get settling() {
        return lists.settling;
      },
      get settledBy() {
        return lists.settledBy;
      },
      get listsProgress() {
        return lists.progress;
      },
      figures: screen?.figures ?? null,
      baseCurrency: screen?.baseCurrency ?? ledger?.baseCurrency ?? null,
      aging: screen?.aging ?? null,
      handled,
      notes,
    }),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `version` says the lists changed inside
    [lists, version, screen, ledger, handled, notes],
  );
}
