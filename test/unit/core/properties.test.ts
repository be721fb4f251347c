// Invariants of the engine on random valid ledgers (fast-check): the reports agree with each
// other and with a plain reading of ledger.md §2, and the order of input rows changes nothing.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { agingReport } from '../../../src/core/aging';
import { balanceList } from '../../../src/core/balances';
import { keyFigures } from '../../../src/core/key-figures';
import { mulDivRound } from '../../../src/core/money';
import { mutations } from '../../../src/core/mutations';
import { allItemsAsOf, openItemsAsOf } from '../../../src/core/open-items';
import { partyCard } from '../../../src/core/party-card';
import { turnaround } from '../../../src/core/turnaround';
import type { Entry, Ledger } from '../../../src/core/types';
import { asOfArb, baseOnlyLedgerArb, basisArb, bucketsArb, FIRST_DAY, ledgerArb, ledgerFrom, periodArb, recordsArb } from './arbitraries';

interface RefItem {
  entry: Entry;
  open: number;
  base: number;
  last: number;
}

/** §2 read literally, one entry at a time: the items as of a date, described as text. */
function referenceItems(ledger: Ledger, asOf: number): string[] {
  const existing = ledger.entries.filter((e) => e.entryDate <= asOf);
  const isDoc = (e: Entry) => e.entryType === 'invoice' || (e.entryType === 'credit_note' && e.settles === undefined);
  const docs = new Map<string, RefItem>();
  const own: RefItem[] = [];
  for (const e of existing.filter(isDoc)) {
    const key = `${e.ledger}|${e.partyId}|${e.docNo}`;
    if (!docs.has(key)) docs.set(key, { entry: e, open: e.amount, base: e.amountBase, last: e.entryDate });
  }
  for (const e of existing.filter((x) => !isDoc(x))) {
    const target = e.settles === undefined ? undefined : docs.get(`${e.ledger}|${e.partyId}|${e.settles}`);
    if (target !== undefined && target.entry.currency === e.currency) {
      target.open += e.amount;
      target.base += e.amountBase;
      target.last = Math.max(target.last, e.entryDate);
    } else own.push({ entry: e, open: e.amount, base: e.amountBase, last: e.entryDate });
  }
  return [...docs.values(), ...own].map(({ entry: e, open, base, last }) => {
    const openBase = open === 0 ? 0 : e.currency === ledger.baseCurrency ? open : open === e.amount ? e.amountBase : e.amount === 0 ? base : mulDivRound(e.amountBase, open, e.amount);
    return `${e.ledger} ${e.partyId} ${e.docNo} ${e.entryType} ${e.entryDate} ${e.amount} open ${open} base ${openBase} settled ${open === 0 ? last : '-'}`;
  }).sort();
}

function engineItems(ledger: Ledger, asOf: number): string[] {
  return allItemsAsOf(ledger, asOf).map((i) =>
    `${i.ledger} ${i.partyId} ${i.docNo} ${i.entryType} ${i.entryDate} ${i.amount} open ${i.open} base ${i.openBase} settled ${i.settledDate ?? '-'}`,
  ).sort();
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

describe('engine invariants on random ledgers', () => {
  it('finds the same items, open amounts and settled dates as a literal reading of §2', () => {
    fc.assert(fc.property(ledgerArb, asOfArb, (ledger, asOf) => {
      expect(engineItems(ledger, asOf)).toEqual(referenceItems(ledger, asOf));
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

  it('reconciles turnaround: opening + movements + fx = closing, with opening and closing the balances at the period ends', () => {
    fc.assert(fc.property(ledgerArb, periodArb, (ledger, period) => {
      const report = turnaround(ledger, period);
      const balanceAt = (day: number) => new Map(balanceList(ledger, day).map((b) => [`${b.ledger} ${b.partyId}`, b.balance]));
      const opening = balanceAt(period.from - 1);
      const closing = balanceAt(period.to);
      for (const r of report.rows) {
        expect(r.opening + r.invoiced + r.credited + r.paid + r.other + r.fxDifference).toBe(r.closing);
        expect(r.opening).toBe(opening.get(`${r.ledger} ${r.partyId}`) ?? 0);
        expect(r.closing).toBe(closing.get(`${r.ledger} ${r.partyId}`) ?? 0);
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
