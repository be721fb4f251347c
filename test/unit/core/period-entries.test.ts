// The party cards and the mutations of a ledger read into columns (the canonical CSV's columnar
// read, whose entries are made only when something asks for them): the same as those of the same
// ledger with its entries made, without making the ledger's entries (`subledger build` of a large
// ledger then never holds them all: only the period's, and the earlier ones of a party whose name
// they may give, are made, each for its report). The opening balances checked against sums over the
// entries computed here, by party and currency, and each card's name (the latest entry up to the
// period's end that names the party) found here.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mutations } from '../../../src/core/mutations';
import { partyCards } from '../../../src/core/party-card';
import type { CanonicalRecord, Ledger } from '../../../src/core/types';
import { importFile } from '../../../src/import/index';
import { textFile } from '../import/helpers';
import { ledgerFrom, periodArb, recordsArb } from './arbitraries';

const FIELDS = ['ledger', 'party_id', 'party_name', 'entry_type', 'doc_no', 'entry_date', 'doc_date', 'due_date', 'amount', 'currency', 'amount_base', 'settles'];

/** The records with a party name on some rows (`names[k]` on row k, cycled; '' for none). */
function named(records: readonly CanonicalRecord[], names: readonly string[]): CanonicalRecord[] {
  return records.map((r, k) => ({ ...r, values: { ...r.values, party_name: names[k % names.length] ?? '' } }));
}

function csvOf(records: readonly CanonicalRecord[]): string {
  return [FIELDS.join(','), ...records.map((r) => FIELDS.map((f) => r.values[f] ?? '').join(','))].join('\n');
}

const order = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** True while the ledger's entries are not made. */
function entriesUnmade(ledger: Ledger): boolean {
  return Object.getOwnPropertyDescriptor(ledger, 'entries')?.get !== undefined;
}

describe('party cards and mutations of a ledger read into columns', () => {
  it('are those of its entries, without making the ledger\'s entries', async () => {
    await fc.assert(
      fc.asyncProperty(recordsArb, periodArb, fc.array(fc.constantFrom('', 'Acme', 'Bolt', 'Zoë'), { minLength: 1, maxLength: 5 }), async (plain, period, names) => {
        fc.pre(plain.length > 0);
        const records = named(plain, names);
        const columns = (await importFile(textFile('l.csv', csvOf(records)))).ledger as Ledger;
        const made = ledgerFrom(records);
        expect(entriesUnmade(columns)).toBe(true);
        const cards = partyCards(columns, period);
        const rows = mutations(columns, period);
        expect(entriesUnmade(columns)).toBe(true);
        expect(cards).toEqual(partyCards(made, period));
        expect(rows).toEqual(mutations(made, period));
        for (const card of cards) {
          const own = made.entries.filter((e) => e.ledger === card.ledger && e.partyId === card.partyId);
          // the name: of the latest entry up to the period's end that names the party (then highest doc_no, then name)
          let best: (typeof own)[number] | undefined;
          for (const e of own) {
            if (e.entryDate > period.to || e.partyName === undefined) continue;
            if (best === undefined || (e.entryDate - best.entryDate || order(e.docNo, best.docNo) || order(e.partyName, best.partyName ?? '')) > 0) best = e;
          }
          expect(card.partyName).toBe(best?.partyName ?? card.partyId);
          const before = own.filter((e) => e.entryDate < period.from);
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
