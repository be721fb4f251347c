// The party cards and the mutations of a ledger read into columns (the canonical CSV's columnar
// read, whose entries are made only when something asks for them): the same as those of the same
// ledger with its entries made, without making any entry outside the period (`subledger build`
// of a large ledger then never holds them all). The opening balances checked against sums over the
// entries computed here, by party and currency.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mutations } from '../../../src/core/mutations';
import { partyCards } from '../../../src/core/party-card';
import type { CanonicalRecord, Ledger } from '../../../src/core/types';
import { importFile } from '../../../src/import/index';
import { textFile } from '../import/helpers';
import { ledgerFrom, periodArb, recordsArb } from './arbitraries';

const FIELDS = ['ledger', 'party_id', 'entry_type', 'doc_no', 'entry_date', 'doc_date', 'due_date', 'amount', 'currency', 'amount_base', 'settles'];

function csvOf(records: readonly CanonicalRecord[]): string {
  return [FIELDS.join(','), ...records.map((r) => FIELDS.map((f) => r.values[f] ?? '').join(','))].join('\n');
}

/** True while the ledger's entries are not made. */
function entriesUnmade(ledger: Ledger): boolean {
  return Object.getOwnPropertyDescriptor(ledger, 'entries')?.get !== undefined;
}

describe('party cards and mutations of a ledger read into columns', () => {
  it('are those of its entries, and make none of the entries outside the period', async () => {
    await fc.assert(
      fc.asyncProperty(recordsArb, periodArb, async (records, period) => {
        fc.pre(records.length > 0);
        const columns = (await importFile(textFile('l.csv', csvOf(records)))).ledger as Ledger;
        const made = ledgerFrom(records);
        expect(entriesUnmade(columns)).toBe(true);
        const cards = partyCards(columns, period);
        const rows = mutations(columns, period);
        expect(entriesUnmade(columns)).toBe(true);
        expect(cards).toEqual(partyCards(made, period));
        expect(rows).toEqual(mutations(made, period));
        for (const card of cards) {
          const before = made.entries.filter((e) => e.ledger === card.ledger && e.partyId === card.partyId && e.entryDate < period.from);
          expect(card.opening.base).toBe(before.reduce((n, e) => n + e.amountBase, 0));
          for (const currency of new Set(before.map((e) => e.currency))) {
            expect(card.opening.byCurrency[currency]).toBe(before.filter((e) => e.currency === currency).reduce((n, e) => n + e.amount, 0));
          }
        }
      }),
      { numRuns: 120 },
    );
  });
});
