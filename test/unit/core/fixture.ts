// Test helper: a few ledger lines as a `|`-separated table (header first) → a Ledger through
// ledgerFromRecords, so every fixture test passes the same validation as a real import.
import { parseIsoDate, type Day } from '../../../src/core/date';
import { formatIssue } from '../../../src/core/issues';
import { ledgerFromRecords } from '../../../src/core/ledger';
import { parseAmount, type Minor } from '../../../src/core/money';
import type { CanonicalRecord, ImportResult, Ledger } from '../../../src/core/types';

/** Records of a table; line numbers count from the header as line 1 (blank lines skipped). */
export function records(table: string, file = 'ledger.csv'): CanonicalRecord[] {
  const lines = table.split('\n').map((l) => l.trim()).filter((l) => l !== '');
  const [header, ...rows] = lines.map((l) => l.split('|').map((c) => c.trim()));
  if (header === undefined) return [];
  return rows.map((cells, n) => ({
    values: Object.fromEntries(header.map((name, c) => [name, cells[c] ?? ''])),
    source: { file, line: n + 2 },
  }));
}

export function importTables(entries: string, parties = '', baseCurrency = 'EUR'): ImportResult {
  return ledgerFromRecords(records(entries), records(parties, 'parties.csv'), { file: 'ledger.csv', baseCurrency });
}

/** The ledger of a table; throws with the issues when it does not validate. */
export function ledgerOf(entries: string, parties = '', baseCurrency = 'EUR'): Ledger {
  const result = importTables(entries, parties, baseCurrency);
  if (result.ledger === null) throw new Error(result.issues.map(formatIssue).join('\n'));
  return result.ledger;
}

export function day(iso: string): Day {
  const d = parseIsoDate(iso);
  if (d === null) throw new Error(`bad test date ${iso}`);
  return d;
}

/** Minor units of a two-decimal amount: cents('12.34') → 1234. */
export function cents(text: string): Minor {
  const p = parseAmount(text, 2);
  if (p === null) throw new Error(`bad test amount ${text}`);
  return p.minor;
}

/**
 * A USD invoice of 1000.00 booked at 900.01 EUR, paid in two parts at other rates:
 * 333.33 USD = 310.00 EUR on 02-10, 666.67 USD = 640.00 EUR on 03-10.
 */
export const USD_PAID_IN_TWO_PARTS = `
  ledger | party_id | entry_type | doc_no | entry_date | currency | amount  | amount_base | settles
  AR     | C1       | invoice    | INV-US | 2024-01-10 | USD      | 1000.00 | 900.01      |
  AR     | C1       | payment    | PAY-1  | 2024-02-10 | USD      | -333.33 | -310.00     | INV-US
  AR     | C1       | payment    | PAY-2  | 2024-03-10 | USD      | -666.67 | -640.00     | INV-US
`;
