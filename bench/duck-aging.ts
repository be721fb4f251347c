// DuckDB's reading of ledger.md §2–§3 for the benchmarks: the canonical CSV's columns for
// read_csv, and the aging per party as SQL, to time the engine against and to check it to the cent.
import { DEFAULT_BUCKETS } from '../src/core/report-types';

export const COLUMNS = `{'ledger': 'VARCHAR', 'party_id': 'VARCHAR', 'party_name': 'VARCHAR', 'entry_type': 'VARCHAR',
  'doc_no': 'VARCHAR', 'entry_date': 'DATE', 'doc_date': 'DATE', 'due_date': 'DATE', 'amount': 'DECIMAL(18,2)',
  'currency': 'VARCHAR', 'amount_base': 'DECIMAL(18,2)', 'settles': 'VARCHAR', 'description': 'VARCHAR',
  'payment_ref': 'VARCHAR'}`;

/**
 * Aging per party as of a date (ledger.md §2–§3), by allocation: invoices and credit notes
 * without settles are items; other rows reduce the item they settle (same party and currency),
 * or are items of their own; open_base = amount_base × open / amount, half away from zero.
 */
export function agingSql(asOf: string): string {
  const isItem = `(entry_type = 'invoice' OR (entry_type = 'credit_note' AND settles IS NULL))`;
  const limits = [0, ...DEFAULT_BUCKETS];
  const buckets = limits
    .map((limit, i) => {
      const low = i === 0 ? '' : `age > ${limits[i - 1]} AND `;
      return `CAST(coalesce(sum(open_base) FILTER (WHERE ${low}age <= ${limit}), 0) AS BIGINT) AS b${i}`;
    })
    .join(',\n    ');
  return `
WITH e AS (
  SELECT ledger, party_id, entry_type, doc_no, due_date, currency, NULLIF(settles, '') AS settles,
         CAST(amount * 100 AS BIGINT) AS amt, CAST(amount_base * 100 AS BIGINT) AS amt_base
  FROM entries WHERE entry_date <= DATE '${asOf}'
),
items AS (SELECT ledger, party_id, doc_no, currency, due_date, amt, amt_base FROM e WHERE ${isItem}),
rest AS (
  SELECT r.*, i.doc_no IS NOT NULL AS allocated
  FROM (SELECT * FROM e WHERE NOT ${isItem}) r
  LEFT JOIN items i ON i.ledger = r.ledger AND i.party_id = r.party_id AND i.doc_no = r.settles AND i.currency = r.currency
),
alloc AS (SELECT ledger, party_id, settles AS doc_no, sum(amt) AS amt FROM rest WHERE allocated GROUP BY ALL),
opened AS (
  SELECT i.ledger, i.party_id, i.due_date, i.amt, i.amt_base, i.amt + coalesce(a.amt, 0) AS open
  FROM items i LEFT JOIN alloc a USING (ledger, party_id, doc_no)
),
open_items AS (
  SELECT ledger, party_id, due_date, open,
         CASE WHEN open = amt THEN amt_base
              ELSE sign(amt_base) * sign(open) * sign(amt)
                   * ((abs(CAST(amt_base AS HUGEINT) * open) * 2 + abs(amt)) // (2 * abs(amt))) END AS open_base
  FROM opened WHERE open <> 0
  UNION ALL
  SELECT ledger, party_id, due_date, amt, amt_base FROM rest WHERE NOT allocated AND amt <> 0
)
SELECT ledger, party_id, CAST(sum(open_base) AS BIGINT) AS total,
    ${buckets},
    CAST(coalesce(sum(open_base) FILTER (WHERE age > ${limits[limits.length - 1]}), 0) AS BIGINT) AS b${limits.length}
FROM (SELECT *, DATE '${asOf}' - due_date AS age FROM open_items)
GROUP BY ledger, party_id`;
}

