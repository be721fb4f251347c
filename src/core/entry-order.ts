// The order of entry lists (mutations, party card): by entry_date then doc_no, or by doc_no then
// entry_date, and then by every other field, so that the input row order never shows through.
import type { MutationSort } from './report-types';
import type { Entry } from './types';

function text(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function rest(a: Entry, b: Entry): number {
  return (
    text(a.ledger, b.ledger) ||
    text(a.partyId, b.partyId) ||
    text(a.entryType, b.entryType) ||
    a.amount - b.amount ||
    a.amountBase - b.amountBase ||
    text(a.currency, b.currency) ||
    text(a.settles ?? '', b.settles ?? '') ||
    a.docDate - b.docDate ||
    a.dueDate - b.dueDate ||
    text(a.description ?? '', b.description ?? '')
  );
}

export function compareEntryRows(sort: MutationSort): (a: Entry, b: Entry) => number {
  return sort === 'doc'
    ? (a, b) => text(a.docNo, b.docNo) || a.entryDate - b.entryDate || rest(a, b)
    : (a, b) => a.entryDate - b.entryDate || text(a.docNo, b.docNo) || rest(a, b);
}
