// How the party view colours the use of a credit limit: over it (the engine's overLimit: balance
// above the limit), near it (90 % or more used), or neither. The headroom is the engine's.
import type { BalanceRow } from '../../core/report-types';

export type CreditWarning = 'over' | 'near' | 'none';

/** Share of the limit from which the party view warns before the limit is passed. */
export const NEAR_LIMIT = 0.9;

export function creditWarning(row: Pick<BalanceRow, 'balance' | 'creditLimit' | 'overLimit'>): CreditWarning {
  if (row.creditLimit === null) return 'none';
  if (row.overLimit === true) return 'over';
  return row.balance >= row.creditLimit * NEAR_LIMIT ? 'near' : 'none';
}
