// Invariants of the engine on random valid ledgers (fast-check): the reports agree with each
// other and with ledger.md §2 and §6 worked out by hand (spec-oracle.ts), and the order of input
// rows changes nothing.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { agingReport } from '../../../src/core/aging';
import { balanceList } from '../../../src/core/balances';
import { keyFigures } from '../../../src/core/key-figures';
import { mutations } from '../../../src/core/mutations';
import { allItemsAsOf, openItemsAsOf } from '../../../src/core/open-items';
import { partyCard } from '../../../src/core/party-card';
import { turnaround } from '../../../src/core/turnaround';
import type { Entry, Ledger } from '../../../src/core/types';
import { specBalance, specItems } from './spec-oracle';
import { asOfArb, baseOnlyLedgerArb, basisArb, bucketsArb, FIRST_DAY, ledgerArb, ledgerFrom, periodArb, recordsArb } from './arbitraries';

/** The engine's items as of a date, as text; open_base left out where the spec gives none. */
function engineItems(ledger: Ledger, asOf: number, withBase: (key: string) => boolean): string[] {
  return allItemsAsOf(ledger, asOf).map((i) => {
    const key = `${i.ledger} ${i.partyId} ${i.docNo} ${i.entryType} ${i.entryDate} ${i.amount}`;
    return `${key} open ${i.open} base ${withBase(key) ? i.openBase : '?'} settled ${i.settledDate ?? '-'}`;
  }).sort();
}

/** The items of ledger.md §2 worked out by hand (spec-oracle.ts), as the same text. */
function specItemTexts(ledger: Ledger, asOf: number): string[] {
  return specItems(ledger, asOf).map(({ entry: e, open, openBase, settled }) =>
    `${e.ledger} ${e.partyId} ${e.docNo} ${e.entryType} ${e.entryDate} ${e.amount} open ${open} base ${openBase ?? '?'} settled ${settled ?? '-'}`,
  ).sort();
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

describe('engine invariants on random ledgers', () => {
  it('finds the same items, open amounts and settled dates as a literal reading of §2', () => {
    fc.assert(fc.property(ledgerArb, asOfArb, (ledger, asOf) => {
      const expected = specItemTexts(ledger, asOf);
      const noBase = new Set(expected.filter((t) => t.includes(' base ? ')).map((t) => t.slice(0, t.indexOf(' open '))));
      expect(engineItems(ledger, asOf, (key) => !noBase.has(key))).toEqual(expected);
    }));
  });

  it('makes the buckets of each party add up to its balance, for any basis and limits', () => {
    fc.assert(fc.property(ledgerArb, asOfArb, basisArb, bucketsArb, (ledger, asOf, basis, buckets) => {
      const aging = agingReport(ledger, { asOf, basis, buckets });
      const balances = balanceList(ledger, asOf);
      expect(aging.rows.map((r) => [r.ledger, r.partyId, r.total])).toEqual(balances.map((b) => [b.ledger, b.partyId, b.balance]));
      for (const row of aging.rows) {
        expect(row.buckets).toHaveLength(aging.bucketLabels.length);
        expect(sum(row.buckets)).toBe(row.total);
      }
      for (const b of balances) expect(b.overdue + b.notDue).toBe(b.balance);
    }));
  });

  it('makes the key-figure totals equal the sum of the balance list per side', () => {
    fc.assert(fc.property(ledgerArb, asOfArb, (ledger, asOf) => {
      const figures = keyFigures(ledger, asOf);
      const balances = balanceList(ledger, asOf);
      for (const side of ['AR', 'AP'] as const) {
        const rows = balances.filter((b) => b.ledger === side);
        expect(figures[side].total).toBe(sum(rows.map((r) => r.balance)));
        expect(figures[side].overdue).toBe(sum(rows.map((r) => r.overdue)));
        const dueSoon = openItemsAsOf(ledger, asOf).filter((i) => i.ledger === side && i.dueDate >= asOf && i.dueDate <= asOf + 5);
        expect(figures[side].dueWithin[5]).toBe(sum(dueSoon.map((i) => i.openBase)));
      }
    }));
  });

  it('gives each turnaround row the spec\'s opening, movements, closing and fx difference, worked out by hand', () => {
    fc.assert(fc.property(ledgerArb, periodArb, (ledger, period) => {
      const report = turnaround(ledger, period);
      for (const r of report.rows) {
        const opening = specBalance(ledger, r.ledger, r.partyId, period.from - 1);
        const closing = specBalance(ledger, r.ledger, r.partyId, period.to);
        const moved = (type: Entry['entryType']) => sum(ledger.entries
          .filter((e) => e.ledger === r.ledger && e.partyId === r.partyId && e.entryType === type && e.entryDate >= period.from && e.entryDate <= period.to)
          .map((e) => e.amountBase));
        const movements = { invoiced: moved('invoice'), credited: moved('credit_note'), paid: moved('payment'), other: moved('journal') };
        expect(r).toMatchObject(movements);
        if (opening === null || closing === null) continue; // an item the spec gives no open_base
        const fx = closing - opening - movements.invoiced - movements.credited - movements.paid - movements.other; // ledger.md §6
        expect({ opening: r.opening, closing: r.closing, fxDifference: r.fxDifference }).toEqual({ opening, closing, fxDifference: fx });
      }
      expect(report.totals.AR.closing).toBe(keyFigures(ledger, period.to).AR.total);
    }));
  });

  it('has no fx difference and balances equal to the sum of entries in a ledger of only the base currency', () => {
    fc.assert(fc.property(baseOnlyLedgerArb, periodArb, (ledger, period) => {
      for (const r of turnaround(ledger, period).rows) expect(r.fxDifference).toBe(0);
      for (const b of balanceList(ledger, period.to)) {
        const entries = ledger.entries.filter((e) => e.ledger === b.ledger && e.partyId === b.partyId && e.entryDate <= period.to);
        expect(b.balance).toBe(sum(entries.map((e) => e.amountBase)));
      }
    }));
  });

  it('gives the same reports whatever the order of the input rows', () => {
    const shuffled = recordsArb.chain((records) =>
      fc.shuffledSubarray(records, { minLength: records.length, maxLength: records.length }).map((other) => [records, other] as const),
    );
    fc.assert(fc.property(shuffled, asOfArb, periodArb, ([records, other], asOf, period) => {
      const reports = (ledger: Ledger) => ({
        open: openItemsAsOf(ledger, asOf),
        all: allItemsAsOf(ledger, asOf),
        aging: agingReport(ledger, { asOf }),
        balances: balanceList(ledger, asOf),
        figures: keyFigures(ledger, asOf),
        turnaround: turnaround(ledger, period),
        mutations: mutations(ledger, period),
        card: partyCard(ledger, 'AR', 'C1', period),
      });
      expect(reports(ledgerFrom(other))).toEqual(reports(ledgerFrom(records)));
    }));
  });

  it('has nothing open as of a day before every entry', () => {
    fc.assert(fc.property(ledgerArb, (ledger) => {
      const before = FIRST_DAY - 1;
      expect(openItemsAsOf(ledger, before)).toEqual([]);
      expect(agingReport(ledger, { asOf: before }).rows).toEqual([]);
      expect(balanceList(ledger, before)).toEqual([]);
      expect(keyFigures(ledger, before).AR).toEqual({ overdue: 0, notDue: 0, total: 0, dueWithin: { 3: 0, 5: 0 }, journalsUpdatedUntil: null });
    }));
  });

  it('never throws on a valid ledger, for any dates and aging parameters', () => {
    fc.assert(fc.property(ledgerArb, asOfArb, periodArb, basisArb, bucketsArb, fc.constantFrom('date' as const, 'doc' as const), (ledger, asOf, period, basis, buckets, sort) => {
      expect(() => {
        openItemsAsOf(ledger, asOf, { basis, buckets });
        agingReport(ledger, { asOf, basis, buckets });
        balanceList(ledger, asOf);
        keyFigures(ledger, asOf, [0, 7, 30]);
        turnaround(ledger, period);
        mutations(ledger, period, { sort });
        partyCard(ledger, 'AP', 'S2', period);
      }).not.toThrow();
    }));
  });
});
