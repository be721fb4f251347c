// Writes a ledger as the canonical subledger CSV (ledger.md §1.3) and its parties file: header
// with the field names the reader knows (canonical.ts), in that order, comma-separated, RFC 4180
// quoting, CRLF line ends, dates YYYY-MM-DD and amounts with a decimal point. Text is written as
// given (no formula guard: the CSV must read back to the same ledger).
import { csvLine } from '../core/csv';
import { formatIsoDate, type Day } from '../core/date';
import { currencyExponent, formatMinor, type Minor } from '../core/money';
import type { Entry, Ledger, Party } from '../core/types';
import { ENTRY_FIELDS, PARTY_FIELDS } from './canonical';

/** ISO dates, remembered per day: a million entries share about a thousand days. */
function dateFormatter(): (day: Day) => string {
  const seen = new Map<Day, string>();
  return (day) => {
    let text = seen.get(day);
    if (text === undefined) {
      text = formatIsoDate(day);
      seen.set(day, text);
    }
    return text;
  };
}

function entryLine(e: Entry, base: string, date: (day: Day) => string): string {
  const amount = (minor: Minor, currency: string): string => formatMinor(minor, currencyExponent(currency));
  return csvLine([
    e.ledger, e.partyId, e.partyName ?? '', e.entryType, e.docNo, date(e.entryDate), date(e.docDate),
    date(e.dueDate), amount(e.amount, e.currency), e.currency, amount(e.amountBase, base), e.settles ?? '',
    e.description ?? '', e.paymentRef ?? '',
  ]);
}

function partyLine(p: Party, base: string): string {
  return csvLine([
    p.ledger, p.partyId, p.name ?? '',
    p.creditLimit === undefined ? '' : formatMinor(p.creditLimit, currencyExponent(base)),
    p.paymentTermsDays === undefined ? '' : String(p.paymentTermsDays),
    p.iban ?? '', p.bic ?? '', p.email ?? '', p.phone ?? '', p.country ?? '', p.vatNo ?? '',
    p.address ?? '', p.postcode ?? '', p.city ?? '', p.language ?? '',
  ]);
}

/** The ledger's entries as canonical CSV lines, header first (for writing in pieces). */
export function* ledgerCsvLines(ledger: Ledger): Generator<string> {
  yield ENTRY_FIELDS.join(',');
  const date = dateFormatter();
  for (const e of ledger.entries) yield entryLine(e, ledger.baseCurrency, date);
}

export function partiesCsv(ledger: Ledger): string {
  const lines = [PARTY_FIELDS.join(',')];
  for (const p of ledger.parties.values()) lines.push(partyLine(p, ledger.baseCurrency));
  return lines.join('\r\n') + '\r\n';
}

export function ledgerToCsv(ledger: Ledger): { ledgerCsv: string; partiesCsv: string } {
  return { ledgerCsv: [...ledgerCsvLines(ledger)].join('\r\n') + '\r\n', partiesCsv: partiesCsv(ledger) };
}
