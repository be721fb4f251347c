// Netting a supplier's credit notes and advances against its invoices (export/netting.ts): offered
// only for a supplier with a chosen invoice; chosen together, the supplier gets one transfer of the
// net amount and the file's total is the net; a credit larger than the invoices pays nothing.
import { describe, expect, it } from 'vitest';
import { emptyHistory } from '../../../src/export/history';
import { nettedParties, nettingOffers } from '../../../src/export/netting';
import { planPayments } from '../../../src/export/payment-plan';
import { keysOf, openPayables, payablesLedger } from './payables';

const ledger = payablesLedger();
const items = openPayables(ledger);
const plan = (keys: string[]) =>
  planPayments(items, { keys, executionDate: items[0]!.dueDate, together: nettedParties(items, keys) }, emptyHistory(), { parties: ledger.parties, batchId: 'B1' });

describe('netting supplier credits', () => {
  it("offers a supplier's open credit note once one of its invoices is chosen", () => {
    expect(nettingOffers(items, [])).toEqual([]);
    const offers = nettingOffers(items, keysOf(items, 'INV-2', 'B-77'));
    expect(offers.map((o) => [o.partyId, o.credits.map((c) => c.docNo)])).toEqual([['S1', ['CN-1']]]);
  });

  it('pays the supplier once, for invoices less the credit note, and the file totals the net', () => {
    const netted = plan(keysOf(items, 'INV-1', 'INV-2', 'CN-1', 'F-101'));
    expect(netted.refused.filter((r) => r.partyId === 'S1')).toEqual([]);
    const s1 = netted.payments.filter((p) => p.partyId === 'S1');
    // INV-1 100.00 − BNK-1 40.00 = 60.00 open, INV-2 250.10, CN-1 −30.00
    expect(s1.map((p) => p.amount)).toEqual([6000 + 25010 - 3000]);
    expect(s1[0]?.items.map((i) => i.docNo).sort()).toEqual(['CN-1', 'INV-1', 'INV-2']);
    expect(netted.refused).toEqual([]);
    expect(netted.total).toBe(6000 + 25010 - 3000 + 7000);
  });

  it('does not net without a chosen credit, and refuses a credit larger than the invoices', () => {
    expect(nettedParties(items, keysOf(items, 'INV-1', 'INV-2'))).toEqual([]);
    expect(plan(keysOf(items, 'INV-1', 'INV-2')).payments.filter((p) => p.partyId === 'S1').map((p) => p.amount)).toEqual([6000, 25010]);
    const over = plan(keysOf(items, 'X-1', 'X-CN'));
    expect(over.payments).toEqual([]);
    expect(over.refused.map((r) => [r.docNo, r.code])).toEqual([
      ['X-1', 'credit-balance'],
      ['X-CN', 'credit-balance'],
    ]);
  });
});
