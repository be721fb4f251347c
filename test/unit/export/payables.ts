// Test fixture: a small creditor ledger and its parties, as a bookkeeper would type them, and the
// open payables the plan starts from.
import { openItemsAsOf } from '../../../src/core/open-items';
import type { OpenItem } from '../../../src/core/report-types';
import type { Ledger } from '../../../src/core/types';
import { day, ledgerOf } from '../core/fixture';

export const ENTRIES = `
  ledger | party_id | entry_type  | doc_no | entry_date | due_date   | amount  | currency | amount_base | settles | payment_ref
  AP     | S1       | invoice     | INV-1  | 2025-03-01 | 2025-03-10 | 100.00  |          |             |         |
  AP     | S1       | invoice     | INV-2  | 2025-03-02 | 2025-03-20 | 250.10  |          |             |         | +++010/8068/17183+++
  AP     | S1       | credit_note | CN-1   | 2025-03-05 | 2025-03-05 | -30.00  |          |             |         |
  AP     | S2       | invoice     | B-77   | 2025-03-01 | 2025-03-15 | 80.00   |          |             |         |
  AP     | S3       | invoice     | 2025/4 | 2025-03-01 | 2025-03-15 | 45.00   |          |             |         |
  AP     | S4       | invoice     | US-9   | 2025-03-01 | 2025-03-15 | 500.00  | USD      | 460.00      |         |
  AP     | S5       | invoice     | F-100  | 2025-03-01 | 2025-03-15 | 60.00   |          |             |         | RF19539007547034
  AP     | S5       | invoice     | F-101  | 2025-03-01 | 2025-03-15 | 70.00   |          |             |         | RF18539007547034
  AP     | S1       | payment     | BNK-1  | 2025-03-12 |            | -40.00  |          |             | INV-1   |
  AP     | S6       | invoice     | X-1    | 2025-03-01 | 2025-03-15 | 20.00   |          |             |         |
  AP     | S6       | credit_note | X-CN   | 2025-03-01 | 2025-03-15 | -50.00  |          |             |         |
  AR     | C1       | invoice     | S-1    | 2025-03-01 | 2025-03-15 | 99.00   |          |             |         |
`;

export const PARTIES = `
  ledger | party_id | name                       | iban                   | bic
  AP     | S1       | Bakkerij Müller & Zoon     | BE68 5390 0754 7034    | GKCCBEBB
  AP     | S2       | Nordlicht GmbH             |                        |
  AP     | S3       | Straße & Co                | DE89370400440532013001 |
  AP     | S4       | Acme Inc                   | NL91ABNA0417164300     |
  AP     | S5       | Société Générale d'Études  | FR1420041010050500013M02606 |
  AP     | S6       | Kredietbank                | NL91ABNA0417164300     |
`;

export const AS_OF = day('2025-03-31');

export function payablesLedger(entries = ENTRIES, parties = PARTIES): Ledger {
  return ledgerOf(entries, parties);
}

export function openPayables(ledger: Ledger, asOf = AS_OF): OpenItem[] {
  return openItemsAsOf(ledger, asOf).filter((i) => i.ledger === 'AP');
}

/** The keys of the open payables with these doc numbers. */
export function keysOf(items: readonly OpenItem[], ...docs: string[]): string[] {
  return docs.map((doc) => {
    const item = items.find((i) => i.docNo === doc);
    if (!item) throw new Error(`no open payable ${doc}`);
    return item.key;
  });
}
