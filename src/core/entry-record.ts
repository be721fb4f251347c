// One canonical ledger record → an Entry (ledger.md §1.1): defaults filled in, every unreadable
// field an error. Cross-row rules (duplicate documents, unknown settles) live in ledger.ts.
//   doc_date ← entry_date, due_date ← doc_date, currency ← base, amount_base ← amount (base only)
import { currencyExponent, isCurrencyCode } from './money';
import { RecordReader, type FieldReader, type ReadContext } from './record-reader';
import { ENTRY_TYPES, type CanonicalRecord, type Entry, type EntryType, type ImportIssue, type Side } from './types';

const SIDES: readonly Side[] = ['AR', 'AP'];

export function readSide(reader: FieldReader): Side | undefined {
  // Written as the literals: those, without a string per row (a million entries share two strings).
  const exact = reader.choice('ledger', SIDES);
  if (exact >= 0) return SIDES[exact];
  const v = reader.required('ledger');
  if (v === undefined) return undefined;
  const side = v.toUpperCase();
  if (side === 'AR') return 'AR';
  if (side === 'AP') return 'AP';
  reader.error('ledger', 'bad-side', { value: v });
  return undefined;
}

function readEntryType(reader: FieldReader): EntryType | undefined {
  // Fast path for a type written as canonical: the shared constant, no per-row strings.
  const exact = reader.choice('entry_type', ENTRY_TYPES);
  if (exact >= 0) return ENTRY_TYPES[exact];
  const v = reader.required('entry_type');
  if (v === undefined) return undefined;
  const type = v.toLowerCase().replace(/[ -]/g, '_');
  if ((ENTRY_TYPES as readonly string[]).includes(type)) return type as EntryType;
  reader.error('entry_type', 'bad-entry-type', { value: v });
  return undefined;
}

function readCurrency(reader: FieldReader, base: string): string | undefined {
  const v = reader.text('currency');
  if (v === undefined) return base;
  const code = v === base ? base : v.toUpperCase(); // the base itself, not a copy per row
  if (isCurrencyCode(code)) return code;
  reader.error('currency', 'bad-currency', { value: v });
  return undefined;
}

/** amount_base: equal to amount in the base currency, required in any other. */
function readAmountBase(reader: FieldReader, currency: string, base: string, amount: number | undefined): number | undefined {
  const amountBase = reader.amount('amount_base', currencyExponent(base), false);
  if (currency !== base) {
    if (amountBase === undefined && reader.text('amount_base') === undefined) {
      reader.error('amount_base', 'missing-amount-base', { currency, base });
    }
    return amountBase;
  }
  if (amountBase !== undefined && amount !== undefined && amountBase !== amount) {
    reader.error('amount_base', 'amount-base-mismatch', { base });
  }
  return amount;
}

/** The entry of one record, or null when any of its fields was an error (reported in `issues`). */
export function entryFromRecord(record: CanonicalRecord, base: string, issues: ImportIssue[], context: ReadContext): Entry | null {
  return readEntry(new RecordReader(record, issues, context), base);
}

/** The fields every entry has, checked: what `readEntryFields` fills in (one object, refilled per row). */
export type EntryFields = Pick<Entry, 'ledger' | 'partyId' | 'entryType' | 'docNo' | 'entryDate' | 'docDate' | 'dueDate' | 'amount' | 'currency' | 'amountBase'>;

/** A fresh EntryFields to refill. */
export function newEntryFields(): EntryFields {
  return { ledger: 'AR', partyId: '', entryType: 'invoice', docNo: '', entryDate: 0, docDate: 0, dueDate: 0, amount: 0, currency: '', amountBase: 0 };
}

/**
 * Reads and checks the fields every entry has from the row `r` reads, into `into`; false when
 * any of them was an error (recorded where the reader records them). The optional texts
 * (party_name, settles, description, payment_ref) cannot be wrong: the caller reads them.
 * `asText` false: party_id and doc_no are only checked to be there, `into.partyId` and
 * `into.docNo` left as they were (for a reader that keeps where they stand instead: no string per row).
 */
export function readEntryFields(r: FieldReader, base: string, into: EntryFields, asText = true): boolean {
  const ledger = readSide(r);
  const partyId = asText ? r.required('party_id') : r.requiredPresent('party_id') ? into.partyId : undefined;
  const entryType = readEntryType(r);
  const docNo = asText ? r.required('doc_no') : r.requiredPresent('doc_no') ? into.docNo : undefined;
  const entryDate = r.date('entry_date', true);
  const docDate = r.date('doc_date', false) ?? entryDate;
  const dueDate = r.date('due_date', false) ?? docDate;
  const currency = readCurrency(r, base);
  const amount = r.amount('amount', currencyExponent(currency ?? base), true);
  const amountBase = currency === undefined ? undefined : readAmountBase(r, currency, base, amount);
  if (!r.ok || ledger === undefined || partyId === undefined || entryType === undefined || docNo === undefined) return false;
  if (entryDate === undefined || docDate === undefined || dueDate === undefined) return false;
  if (currency === undefined || amount === undefined || amountBase === undefined) return false;
  into.ledger = ledger;
  into.partyId = partyId;
  into.entryType = entryType;
  into.docNo = docNo;
  into.entryDate = entryDate;
  into.docDate = docDate;
  into.dueDate = dueDate;
  into.amount = amount;
  into.currency = currency;
  into.amountBase = amountBase;
  return true;
}

const FIELDS = newEntryFields();

/** The entry of the row `r` reads (its errors go where the reader records them), or null. */
export function readEntry(r: FieldReader, base: string): Entry | null {
  return readEntryFields(r, base, FIELDS) ? entryOf(FIELDS, r) : null;
}

/** The entry of a row whose checked fields are `f`, its optional texts read by `r` (on that row). */
export function entryOf(f: EntryFields, r: FieldReader): Entry {
  // Every field given (undefined where the row has none), in one order: one shape for all entries.
  return {
    ledger: f.ledger, partyId: f.partyId, entryType: f.entryType, docNo: f.docNo, entryDate: f.entryDate, docDate: f.docDate,
    dueDate: f.dueDate, amount: f.amount, currency: f.currency, amountBase: f.amountBase, source: r.source(),
    partyName: r.text('party_name'), settles: r.text('settles'), description: r.raw('description'), paymentRef: r.text('payment_ref'),
  };
}
