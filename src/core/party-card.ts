// The party card (ledger.md §5): a party's opening balance before the period (sum of amount_base,
// and of amount per currency it uses), then every entry of the period with running balances in
// base currency and in the entry's own currency.
//   opening 100.00; invoice +50.00 → 150.00; payment −150.00 → 0.00
import { compareEntryRows } from './entry-order';
import { ledgerIndex, partyDisplayName, partyNameAmong } from './ledger-index';
import type { PartyCard, PartyCardRow, Period } from './report-types';
import type { Entry, Ledger, Side } from './types';

function cardRow(e: Entry, balanceBase: number, balanceInCurrency: number): PartyCardRow {
  return {
    entryDate: e.entryDate,
    docNo: e.docNo,
    entryType: e.entryType,
    docDate: e.docDate,
    dueDate: e.dueDate,
    description: e.description ?? '',
    currency: e.currency,
    amount: e.amount,
    amountBase: e.amountBase,
    balanceBase,
    balanceInCurrency,
  };
}

/** The party's entries up to the period end, split into before the period and in it. */
function partyEntries(ledger: Ledger, side: Side, partyId: string, period: Period): { before: Entry[]; within: Entry[] } {
  const x = ledgerIndex(ledger);
  const p = x.parties.findIndex((info) => info.ledger === side && info.partyId === partyId);
  const before: Entry[] = [];
  const within: Entry[] = [];
  if (p < 0) return { before, within };
  for (let i = 0; i < x.size; i++) {
    if (x.party[i] !== p) continue;
    const d = x.entryDate[i] as number;
    if (d < period.from) before.push(ledger.entries[i] as Entry);
    else if (d <= period.to) within.push(ledger.entries[i] as Entry);
  }
  return { before, within };
}

/** What the entries before the period add up to: in base currency, and per currency in its own. */
interface Opening {
  base: number;
  byCurrency: Record<string, number>;
}

function openingOf(before: readonly Entry[]): Opening {
  const opening: Opening = { base: 0, byCurrency: {} };
  for (const e of before) add(opening, e.amountBase, e.currency, e.amount);
  return opening;
}

function add(opening: Opening, amountBase: number, currency: string, amount: number): void {
  opening.base += amountBase;
  opening.byCurrency[currency] = (opening.byCurrency[currency] ?? 0) + amount;
}

/** The card from what the party's entries before the period add up to and its entries in the period (in ledger order). */
function cardOf(side: Side, partyId: string, partyName: string, period: Period, opening: Opening, within: Entry[]): PartyCard {
  const { base, byCurrency } = opening;
  for (const e of within) byCurrency[e.currency] ??= 0;
  const running = { ...byCurrency };
  let balanceBase = base;
  const rows = within.sort(compareEntryRows('date')).map((e) => {
    balanceBase += e.amountBase;
    running[e.currency] = (running[e.currency] ?? 0) + e.amount;
    return cardRow(e, balanceBase, running[e.currency] ?? 0);
  });
  return {
    ledger: side,
    partyId,
    partyName,
    period,
    opening: { base, byCurrency: Object.fromEntries(Object.entries(byCurrency).sort(([a], [b]) => (a < b ? -1 : 1))) },
    rows,
  };
}

/** The card of one party for a period; an unknown party gets an empty card. */
export function partyCard(ledger: Ledger, side: Side, partyId: string, period: Period): PartyCard {
  const { before, within } = partyEntries(ledger, side, partyId, period);
  return cardOf(side, partyId, partyDisplayName(ledger, side, partyId), period, openingOf(before), within);
}

/**
 * The card of every party with entries up to the period's end, in party order, from one pass over
 * the ledger. Each is the card of the party's entries up to the period's end: its name too is the
 * one those entries give (parties file, else the latest of them that names it).
 */
export function partyCards(ledger: Ledger, period: Period): PartyCard[] {
  const x = ledgerIndex(ledger);
  // the entries before the period are added up from the index's columns: only those of the
  // period are made (a ledger read into columns makes no others), and the earlier ones of a
  // party with entries after the period, for its name
  const openings: (Opening | null)[] = x.parties.map(() => null);
  const before: number[][] = x.parties.map(() => []);
  const within: Entry[][] = x.parties.map(() => []);
  const later = new Uint8Array(x.parties.length);
  for (let i = 0; i < x.size; i++) {
    const p = x.party[i] as number;
    const d = x.entryDate[i] as number;
    if (d > period.to) later[p] = 1;
    else if (d >= period.from) within[p]?.push(x.entry(i));
    else {
      const opening = (openings[p] ??= { base: 0, byCurrency: {} });
      add(opening, x.amountBase[i] as number, x.currencyCodes[x.currency[i] as number] as string, x.amount[i] as number);
      before[p]?.push(i);
    }
  }
  const cards: PartyCard[] = [];
  x.parties.forEach((info, p) => {
    const early = before[p] ?? [];
    const inPeriod = within[p] ?? [];
    if (early.length === 0 && inPeriod.length === 0) return;
    // a party with entries after the period: its name from the entries up to the period's end
    // alone; when one of the period names it, the earlier ones (all of an earlier date) cannot
    // give the name and are not made
    const named = later[p] === 1 && inPeriod.some((e) => e.partyName !== undefined);
    const name = later[p] !== 1 ? info.name : partyNameAmong(ledger, info.ledger, info.partyId, named ? inPeriod : [...early.map((i) => x.entry(i)), ...inPeriod]);
    cards.push(cardOf(info.ledger, info.partyId, name, period, openings[p] ?? { base: 0, byCurrency: {} }, inPeriod));
  });
  return cards;
}
