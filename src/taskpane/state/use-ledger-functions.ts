// Hands the pane's ledger to the =SUBLEDGER.… functions (one shared runtime): every function in
// the workbook answers again when the ledger, the as-of date or the aging limits change.
import { useEffect } from 'react';
import type { Day } from '../../core/date';
import type { Ledger } from '../../core/types';
import { publishLedger } from '../../excel/functions/ledger-source';

export function useLedgerFunctions(ledger: Ledger | null, asOf: Day, buckets: readonly number[]): void {
  useEffect(() => {
    publishLedger(ledger === null ? null : { ledger, asOf, buckets });
  }, [ledger, asOf, buckets]);
}
