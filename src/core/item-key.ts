// The identity of an item: the key every note, "handled" flag, follow-up, promise and payment is
// stored against, in the pane, the sheets, the store, the payment plan and the workbook's hidden
// key column. Assigned here, once per ledger, and carried on every Item (`item.key`); nothing else
// computes keys. Printable, so it may sit in a worksheet cell:
//   AR·C001·INV-7·invoice        ledger·party·doc·type ("·" or "%" inside a part: %C2%B7 / %25)
//   AR·C001·PAY-3·payment#2      the second twin: rows sharing ledger·party·doc·type
//
// The rule. Only entries that are an item as of some date get a key (ledger.md §2: invoices and
// credit notes without settles, unallocated or unmatched rows, and settling rows booked before the
// item they settle). Twins among them are numbered in the order of their own content — entry_date,
// doc_date, due_date, amount, amount_base, currency, settles, description, payment_ref — the first
// keeping the plain key, the next `#2`, `#3`, … So a key
//   - does not depend on the list shown (pane, sheet, payment plan) nor on the as-of date: the
//     numbering runs over every row that is ever an item, settled or open, whatever the date;
//   - survives a re-import of the same file in any row order (row order never decides), and of a
//     later file that adds rows: a new twin booked later than the existing ones gets the next
//     number, and an item without twins never changes key.
// Its limits: a twin whose own fields change between imports (a corrected amount or date), or a new
// twin booked on or before an existing one, can renumber the twins of that one document; rows that
// agree in every field are interchangeable, and which of them is `#2` follows the row order.
//
// A note taken on the party itself (a call) is kept under a party note key instead, which is
// never an item key:  partyNoteKey('AR', 'C001') → "party·AR·C001"  (the id as is, after the side).
import { docNoOf, KIND_ITEM, KIND_LOOSE, KIND_SETTLING, type LedgerIndex, type PartyInfo } from './ledger-index';
import { ENTRY_TYPES, type Entry, type EntryType, type Side } from './types';

export interface ItemKeyParts {
  ledger: Side;
  partyId: string;
  docNo: string;
  entryType: EntryType;
}

function escapePart(text: string): string {
  return text.replace(/%/g, '%25').replace(/·/g, '%C2%B7');
}

/** ledger·party·doc·type: the key of an item without twins, the first of twins, and the stem of `#n`. */
export function baseItemKey(item: ItemKeyParts): string {
  return `${item.ledger}·${escapePart(item.partyId)}·${escapePart(item.docNo)}·${item.entryType}`;
}

/** The key of the n-th twin (n from 1) of a stem. */
export function twinKey(base: string, n: number): string {
  return n === 1 ? base : `${base}#${n}`;
}

/** True when entry i is an item as of some date (ledger.md §2.2, §2.3). */
function isEverItem(x: LedgerIndex, i: number): boolean {
  const k = x.kind[i];
  if (k === KIND_ITEM || k === KIND_LOOSE) return true;
  return k === KIND_SETTLING && (x.entryDate[x.target[i] as number] as number) > (x.entryDate[i] as number);
}

function text(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The order of twins: their own fields, entry_date first (so later bookings number last). */
function compareTwins(a: Entry, b: Entry): number {
  return (
    a.entryDate - b.entryDate ||
    a.docDate - b.docDate ||
    a.dueDate - b.dueDate ||
    a.amount - b.amount ||
    a.amountBase - b.amountBase ||
    text(a.currency, b.currency) ||
    text(a.settles ?? '', b.settles ?? '') ||
    text(a.description ?? '', b.description ?? '') ||
    text(a.paymentRef ?? '', b.paymentRef ?? '')
  );
}

function assignKeys(x: LedgerIndex): string[] {
  const keys = new Array<string>(x.size).fill('');
  const twins = new Map<string, number[]>();
  // The parts from the index's columns: no entry is made for a row without twins.
  const parts: ItemKeyParts = { ledger: 'AR', partyId: '', docNo: '', entryType: 'invoice' };
  for (let i = 0; i < x.size; i++) {
    if (!isEverItem(x, i)) continue;
    const party = x.parties[x.party[i] as number] as PartyInfo;
    parts.ledger = party.ledger;
    parts.partyId = party.partyId;
    parts.docNo = docNoOf(x, i);
    parts.entryType = ENTRY_TYPES[x.type[i] as number] as EntryType;
    const key = baseItemKey(parts);
    keys[i] = key;
    const seen = twins.get(key);
    if (seen) seen.push(i);
    else twins.set(key, [i]);
  }
  for (const [base, rows] of twins) {
    if (rows.length < 2) continue;
    const entries = new Map(rows.map((i) => [i, x.entry(i)]));
    rows.sort((i, j) => compareTwins(entries.get(i) as Entry, entries.get(j) as Entry) || i - j);
    rows.forEach((i, n) => (keys[i] = twinKey(base, n + 1)));
  }
  return keys;
}

const KEYS = new WeakMap<LedgerIndex, string[]>();

/** The key of every entry of the index ('' for an entry that is never an item), assigned once. */
export function itemKeysOf(x: LedgerIndex): readonly string[] {
  let keys = KEYS.get(x);
  if (!keys) KEYS.set(x, (keys = assignKeys(x)));
  return keys;
}

const PARTY_NOTE_PREFIX = 'party·';

/** The key of a note on the party itself (not on one of its items). */
export function partyNoteKey(side: Side, partyId: string): string {
  return `${PARTY_NOTE_PREFIX}${side}·${partyId}`;
}

/** True for a party note key: a key that names no item, so item views leave it out. */
export function isPartyNoteKey(key: string): boolean {
  return key.startsWith(PARTY_NOTE_PREFIX);
}

/** The party a party note key is about; null for any other key. */
export function partyOfNoteKey(key: string): { side: Side; partyId: string } | null {
  if (!isPartyNoteKey(key)) return null;
  const rest = key.slice(PARTY_NOTE_PREFIX.length);
  const side = rest.slice(0, 2);
  if ((side !== 'AR' && side !== 'AP') || rest[2] !== '·') return null;
  return { side, partyId: rest.slice(3) };
}
