// What the tabs show of the loaded ledger, computed once per ledger and as-of day: the items with
// their keys, the entries that settled them (core/settlements), the key figures, and the user's
// handled flags and notes (live from the store).
import { useLiveQuery } from 'dexie-react-hooks';
import { createContext, useContext, useMemo } from 'react';
import { keyFigures } from '../../core/key-figures';
import { allItemsAsOf } from '../../core/open-items';
import { settlementsByItem, settlingEntriesAsOf, type SettlingEntry } from '../../core/settlements';
import type { KeyFigures } from '../../core/report-types';
import { flagsOfAdministration } from '../../store/flags';
import { notesOfAdministration } from '../../store/notes';
import { itemRows, settlingRows, type ItemRow } from '../model/open-items-filter';
import type { LoadedLedger } from './pane';
import type { SubledgerDb } from '../../store/db';
import type { Day } from '../../core/date';

export interface LedgerViews {
  rows: ItemRow[];
  /** The entries that settled items (payments, credit notes), as rows of "All transactions". */
  settling: ItemRow[];
  /** itemKey → the entries that settled it, oldest first. */
  settledBy: ReadonlyMap<string, SettlingEntry[]>;
  figures: KeyFigures | null;
  handled: ReadonlySet<string>;
  /** itemKey → current note text (non-empty only). */
  notes: ReadonlyMap<string, string>;
}

const NO_KEYS: ReadonlySet<string> = new Set();
const NO_NOTES: ReadonlyMap<string, string> = new Map();
const NO_SETTLEMENTS: ReadonlyMap<string, SettlingEntry[]> = new Map();

export const LedgerViewsContext = createContext<LedgerViews>({ rows: [], settling: [], settledBy: NO_SETTLEMENTS, figures: null, handled: NO_KEYS, notes: NO_NOTES });

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

export interface LedgerViewsInputs {
  db: SubledgerDb;
  adminId: string;
  loaded: LoadedLedger | null;
  asOf: Day;
  dueSoonDays: readonly number[];
}

export function useLedgerViewsState({ db, adminId, loaded, asOf, dueSoonDays }: LedgerViewsInputs): LedgerViews {
  const ledger = loaded?.ledger ?? null;
  const rows = useMemo(() => (ledger ? itemRows(allItemsAsOf(ledger, asOf)) : []), [ledger, asOf]);
  const settlements = useMemo(() => (ledger ? settlingEntriesAsOf(ledger, asOf) : []), [ledger, asOf]);
  const settling = useMemo(() => settlingRows(settlements), [settlements]);
  const settledBy = useMemo(() => settlementsByItem(settlements), [settlements]);
  const figures = useMemo(
    () => (ledger ? keyFigures(ledger, asOf, dueSoonDays) : null),
    [ledger, asOf, dueSoonDays],
  );
  const { handled, notes } = useAnnotations(db, adminId);
  return useMemo(() => ({ rows, settling, settledBy, figures, handled, notes }), [rows, settling, settledBy, figures, handled, notes]);
}
