// What the tabs show of the loaded ledger, computed once per ledger and as-of day: the items with
// their keys, the key figures, and the user's handled flags and notes (live from the store).
import { useLiveQuery } from 'dexie-react-hooks';
import { createContext, useContext, useMemo } from 'react';
import { keyFigures } from '../../core/key-figures';
import { allItemsAsOf } from '../../core/open-items';
import type { KeyFigures } from '../../core/report-types';
import { flagsOfAdministration } from '../../store/flags';
import { notesOfAdministration } from '../../store/notes';
import { itemRows, type ItemRow } from '../model/open-items-filter';
import type { LoadedLedger } from './pane';
import type { SubledgerDb } from '../../store/db';
import type { Day } from '../../core/date';

export interface LedgerViews {
  rows: ItemRow[];
  figures: KeyFigures | null;
  handled: ReadonlySet<string>;
  /** itemKey → current note text (non-empty only). */
  notes: ReadonlyMap<string, string>;
}

const NO_KEYS: ReadonlySet<string> = new Set();
const NO_NOTES: ReadonlyMap<string, string> = new Map();

export const LedgerViewsContext = createContext<LedgerViews>({ rows: [], figures: null, handled: NO_KEYS, notes: NO_NOTES });

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
  const figures = useMemo(
    () => (ledger ? keyFigures(ledger, asOf, dueSoonDays) : null),
    [ledger, asOf, dueSoonDays],
  );
  const { handled, notes } = useAnnotations(db, adminId);
  return useMemo(() => ({ rows, figures, handled, notes }), [rows, figures, handled, notes]);
}
