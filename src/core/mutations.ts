// The mutation overview (ledger.md §5): every entry booked in a period, optionally of one side
// or one party, sorted by entry_date then doc_no (`date`) or doc_no then entry_date (`doc`).
import { compareEntryRows } from './entry-order';
import { ledgerIndex } from './ledger-index';
import type { MutationRow, MutationSort, Period } from './report-types';
import type { Entry, Ledger, Side } from './types';

export interface MutationParams {
  sort?: MutationSort;
  side?: Side;
  partyId?: string;
}

function mutationRow(e: Entry, partyName: string): MutationRow {
  return {
    ledger: e.ledger,
    partyId: e.partyId,
    partyName,
    entryDate: e.entryDate,
    docNo: e.docNo,
    entryType: e.entryType,
    docDate: e.docDate,
    dueDate: e.dueDate,
    currency: e.currency,
    amount: e.amount,
    amountBase: e.amountBase,
    settles: e.settles ?? null,
    description: e.description ?? '',
  };
}

/** The entries with entry_date in `period` (both ends included), in the chosen order. */
export function mutations(ledger: Ledger, period: Period, params: MutationParams = {}): MutationRow[] {
  const x = ledgerIndex(ledger);
  // the entries of the period alone are made (a ledger read into columns makes no others)
  const picked: { e: Entry; p: number }[] = [];
  for (let i = 0; i < x.size; i++) {
    const d = x.entryDate[i] as number;
    if (d < period.from || d > period.to) continue;
    const e = x.entry(i);
    if (params.side !== undefined && e.ledger !== params.side) continue;
    if (params.partyId !== undefined && e.partyId !== params.partyId) continue;
    picked.push({ e, p: x.party[i] as number });
  }
  const order = compareEntryRows(params.sort ?? 'date');
  picked.sort((a, b) => order(a.e, b.e));
  return picked.map(({ e, p }) => mutationRow(e, x.parties[p]?.name ?? e.partyId));
}
