// The sign rule of ledger.md §1.1 for a bookkeeping line, in one place: a debit raises what a
// debtor owes us (AR), a credit raises what we owe a creditor (AP). Every importer that reads
// debit/credit columns or a D/C indicator signs its amounts through this.
//   balanceSign('AR', 'D') → 1;  balanceSign('AP', 'D') → −1
import type { Side } from './types';

export type DebitCredit = 'D' | 'C';

/** +1 when a line on this side of the books raises the party's balance, −1 when it lowers it. */
export function balanceSign(ledger: Side, side: DebitCredit): 1 | -1 {
  return (ledger === 'AR') === (side === 'D') ? 1 : -1;
}

