// The built-in demo ledger: a seeded, deterministic Belgian/Dutch company with debtors and
// creditors, two to three years of invoices, credit notes, payments and write-offs ending near
// `today`. The embedded default of `subledger demo`, the quick start and the task pane.
//   demoLedger({ seed: 7, entries: 10_000, today: parseIsoDate('2025-06-30')! })
import { formatOgm } from '../../core/check-digits';
import { dateParts, today as localToday, type Day } from '../../core/date';
import type { Entry, Ledger, Party, Side } from '../../core/types';
import { partyKey } from '../../core/types';
import { Lifecycle, type Draft } from './lifecycle';
import { creditLimit, makeParties, type DemoParty } from './parties';
import { Random } from '../../core/random';
import { DOC_PREFIX } from './texts';

export interface DemoOptions {
  seed?: number;
  /** Number of parties, debtors and creditors together (default 65: 40 debtors, 25 creditors). */
  parties?: number;
  /** Years of history before `today` (default 3). */
  years?: number;
  /** About how many entries (default 2,500). */
  entries?: number;
  /** The day the ledger ends near (default: the machine's today). */
  today?: Day;
}

/** Entries per invoice on average (its payments, credit notes, journals): to size the ledger. */
const ENTRIES_PER_INVOICE = 2.04;
/** Share of the invoices that are sales (AR). */
const SALES_SHARE = 0.55;

export function demoLedger(options: DemoOptions = {}): Ledger {
  const random = new Random(options.seed ?? 1);
  const partyCount = Math.max(2, Math.floor(options.parties ?? 65));
  const todayDay = options.today ?? localToday();
  const first = todayDay - Math.max(1, Math.round((options.years ?? 3) * 365));
  const invoices = Math.max(partyCount, Math.round((options.entries ?? 2_500) / ENTRIES_PER_INVOICE));
  const debtorCount = Math.max(1, Math.round((partyCount * 40) / 65));
  const taken = new Set<string>();
  const sides: [Side, DemoParty[], number][] = [
    ['AR', makeParties(random, 'AR', debtorCount, taken), Math.round(invoices * SALES_SHARE)],
    ['AP', makeParties(random, 'AP', partyCount - debtorCount, taken), Math.round(invoices * (1 - SALES_SHARE))],
  ];
  const life = new Lifecycle(random, todayDay - 1, todayDay - 2);
  const parties = new Map<string, Party>();
  for (const [side, list, count] of sides) {
    const counts = shareOut(count, list.map((p) => p.weight));
    list.forEach((p, i) => {
      const n = counts[i] ?? 1;
      life.partyHistory(p, invoiceDays(random, n, first, todayDay - 1));
      if (side === 'AR') setCreditLimit(random, p, n / (todayDay - first));
      parties.set(partyKey(side, p.party.partyId), p.party);
    });
  }
  const drafts = byEntryDate(life.drafts);
  numberDocuments(drafts);
  return { baseCurrency: 'EUR', entries: drafts.map(toEntry), parties };
}

/** `total` split over shares proportional to `weights`, at least one each. */
function shareOut(total: number, weights: number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  return weights.map((w) => Math.max(1, Math.round((total * w) / sum)));
}

function invoiceDays(random: Random, count: number, from: Day, to: Day): Day[] {
  const days = new Int32Array(count);
  for (let i = 0; i < count; i++) days[i] = random.int(from, to);
  return Array.from(days.sort());
}

function setCreditLimit(random: Random, p: DemoParty, invoicesPerDay: number): void {
  const expected = invoicesPerDay * p.typicalInvoice * (p.termsDays + 20);
  const limit = creditLimit(random, expected);
  if (limit !== undefined) p.party.creditLimit = limit;
}

/** Drafts in order of entry date (a stable counting sort: 1M drafts in a blink). */
function byEntryDate(drafts: Draft[]): Draft[] {
  let min = Infinity;
  let max = -Infinity;
  for (const d of drafts) {
    if (d.entryDate < min) min = d.entryDate;
    if (d.entryDate > max) max = d.entryDate;
  }
  const buckets: Draft[][] = Array.from({ length: drafts.length ? max - min + 1 : 0 }, () => []);
  for (const d of drafts) buckets[d.entryDate - min]?.push(d);
  return buckets.flat();
}

/** Document numbers per ledger, type and year in date order: VF2024-00001, BET2025-00012, … */
function numberDocuments(drafts: Draft[]): void {
  const counters = new Map<string, number>();
  let year = '';
  let yearOfDay = NaN;
  for (const d of drafts) {
    if (d.entryDate !== yearOfDay) {
      yearOfDay = d.entryDate;
      year = String(dateParts(d.entryDate).year);
    }
    if (d.sameDocAs) {
      d.docNo = d.sameDocAs.docNo;
      continue;
    }
    const prefix = DOC_PREFIX[d.party.party.ledger][d.type];
    const key = `${d.party.party.ledger}${prefix}${year}`;
    const seq = (counters.get(key) ?? 0) + 1;
    counters.set(key, seq);
    d.docNo = `${prefix}${year}-${String(seq).padStart(5, '0')}`;
  }
}

function toEntry(d: Draft): Entry {
  const { party } = d.party;
  const entry: Entry = {
    ledger: party.ledger,
    partyId: party.partyId,
    partyName: d.party.name,
    entryType: d.type,
    docNo: d.docNo,
    entryDate: d.entryDate,
    docDate: d.docDate,
    dueDate: d.dueDate,
    amount: d.amount,
    currency: d.party.currency,
    amountBase: d.amountBase,
    description: d.description,
  };
  if (d.settles) entry.settles = d.settles.docNo;
  if (d.type === 'invoice' && d.party.structuredRef) entry.paymentRef = structuredRef(party.partyId, d.docNo);
  return entry;
}

/** The creditor's OGM for an invoice: its party number and the invoice's sequence. */
function structuredRef(partyId: string, docNo: string): string {
  const digits = (partyId.replace(/\D/g, '') + docNo.replace(/\D/g, '')).slice(-10).padStart(10, '0');
  return formatOgm(digits);
}
