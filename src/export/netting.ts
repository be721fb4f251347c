// Netting a supplier's credits against its invoices in one transfer: its open credit notes and
// advances (debit balances on AP, open < 0) are offered when one of its invoices is chosen for
// payment, and a supplier whose chosen items hold both is paid once, for the net amount
// (payment-plan.ts pays such a supplier's items "together").
//   chosen: INV-1 100.00 of S1; S1 also has CN-1 −30.00 open → offer CN-1 for S1
//   chosen: INV-1 and CN-1 → S1 pays together: one 70.00 transfer, the file's total 70.00
// Only euros are offered: a SEPA credit transfer pays euros only (payment-plan.ts refuses others).
import type { Item } from '../core/report-types';

export interface NettingOffer {
  partyId: string;
  partyName: string;
  /** The supplier's open credits (open < 0), oldest due first: each can be netted. */
  credits: Item[];
}

const isCredit = (item: Item) => item.ledger === 'AP' && item.open < 0 && item.currency === 'EUR';
const isDebt = (item: Item) => item.ledger === 'AP' && item.open > 0 && item.currency === 'EUR';

/** Per supplier with a chosen invoice (open > 0), its open credits; suppliers in order of their id. */
export function nettingOffers(openPayables: readonly Item[], chosenKeys: Iterable<string>): NettingOffer[] {
  const chosen = new Set(chosenKeys);
  const parties = new Set(openPayables.filter((i) => chosen.has(i.key) && isDebt(i)).map((i) => i.partyId));
  const offers = new Map<string, NettingOffer>();
  for (const item of openPayables) {
    if (!parties.has(item.partyId) || !isCredit(item)) continue;
    const offer = offers.get(item.partyId) ?? { partyId: item.partyId, partyName: item.partyName, credits: [] };
    offer.credits.push(item);
    offers.set(item.partyId, offer);
  }
  const list = [...offers.values()].sort((a, b) => (a.partyId < b.partyId ? -1 : a.partyId > b.partyId ? 1 : 0));
  for (const offer of list) offer.credits.sort((a, b) => a.dueDate - b.dueDate);
  return list;
}

/** The suppliers whose chosen items hold a credit and an invoice: each is paid once, for the net amount. */
export function nettedParties(openPayables: readonly Item[], chosenKeys: Iterable<string>): string[] {
  const chosen = new Set(chosenKeys);
  const debts = new Set<string>();
  const credits = new Set<string>();
  for (const item of openPayables) {
    if (!chosen.has(item.key)) continue;
    if (isDebt(item)) debts.add(item.partyId);
    else if (isCredit(item)) credits.add(item.partyId);
  }
  return [...credits].filter((p) => debts.has(p)).sort();
}
