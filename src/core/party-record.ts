// One record of the optional parties file (ledger.md §1.2) → a Party; credit limits in the base
// currency's minor units, every unreadable field an error naming it.
import { readSide } from './entry-record';
import { currencyExponent } from './money';
import { RecordReader, type ReadContext } from './record-reader';
import type { CanonicalRecord, ImportIssue, Party } from './types';

const TEXT_FIELDS = [
  ['iban', 'iban'],
  ['bic', 'bic'],
  ['email', 'email'],
  ['phone', 'phone'],
  ['country', 'country'],
  ['vat_no', 'vatNo'],
  ['address', 'address'],
  ['postcode', 'postcode'],
  ['city', 'city'],
  ['language', 'language'],
] as const;

/** The party of one record, or null when any of its fields was an error. */
export function partyFromRecord(record: CanonicalRecord, base: string, issues: ImportIssue[], context: ReadContext): Party | null {
  const r = new RecordReader(record, issues, context);
  const ledger = readSide(r);
  const partyId = r.required('party_id');
  const creditLimit = r.amount('credit_limit', currencyExponent(base), false);
  const paymentTermsDays = r.count('payment_terms_days');
  if (!r.ok || ledger === undefined || partyId === undefined) return null;
  const party: Party = { ledger, partyId };
  const name = r.text('name') ?? r.text('party_name');
  if (name !== undefined) party.name = name;
  if (creditLimit !== undefined) party.creditLimit = creditLimit;
  if (paymentTermsDays !== undefined) party.paymentTermsDays = paymentTermsDays;
  for (const [field, key] of TEXT_FIELDS) {
    const v = r.text(field);
    if (v !== undefined) party[key] = v;
  }
  return party;
}
