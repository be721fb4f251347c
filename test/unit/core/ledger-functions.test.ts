// The =SUBLEDGER.… functions answer with the reports' figures: on a small ledger whose answers are
// worked out by hand, and on the demo ledger against the reports, party by party.
import { describe, expect, it } from 'vitest';
import { agingReport } from '../../../src/core/aging';
import { balanceList } from '../../../src/core/balances';
import { toExcelSerial } from '../../../src/core/date';
import { keyFigures } from '../../../src/core/key-figures';
import * as fn from '../../../src/core/ledger-functions';
import { FunctionProblem, type FunctionContext } from '../../../src/core/ledger-functions';
import { openItemsAsOf } from '../../../src/core/open-items';
import { turnaround } from '../../../src/core/turnaround';
import { demoLedger } from '../../../src/import/demo';
import { day, ledgerOf } from './fixture';

// C1 owes 1,000.00 due 03-01 and 250.50 due 07-01 (paid 100.00 of the first); S1 is owed 400.00.
const SMALL = ledgerOf(`
  ledger | party_id | entry_type | doc_no | entry_date | doc_date   | due_date   | amount  | settles
  AR     | C1       | invoice    | F1     | 2025-02-01 | 2025-02-01 | 2025-03-01 | 1000.00 |
  AR     | C1       | payment    | P1     | 2025-03-10 | 2025-03-10 |            | -100.00 | F1
  AR     | C1       | invoice    | F2     | 2025-06-01 | 2025-06-01 | 2025-07-01 | 250.50  |
  AR     | C2       | invoice    | F3     | 2025-01-05 | 2025-01-05 | 2025-02-04 | 80.00   |
  AR     | C2       | payment    | P2     | 2025-02-14 | 2025-02-14 |            | -80.00  | F3
  AP     | S1       | invoice    | A1     | 2025-05-20 | 2025-05-20 | 2025-06-20 | 400.00  |
  AP     | C1       | invoice    | A2     | 2025-05-20 | 2025-05-20 | 2025-06-19 | 10.00   |
`);
const ctx: FunctionContext = { ledger: SMALL, asOf: day('2025-06-30'), buckets: [30, 60, 90, 120] };
const serial = (iso: string) => toExcelSerial(day(iso));

function problem(run: () => unknown): FunctionProblem {
  try {
    run();
  } catch (error) {
    if (error instanceof FunctionProblem) return error;
    throw error;
  }
  throw new Error('expected a FunctionProblem');
}

describe('the functions on a ledger worked out by hand', () => {
  it('BALANCE, OVERDUE and NOTDUE of a party and of a side', () => {
    expect(fn.balanceFigure(ctx, 'balance', 'C1', null, 'AR')).toBe(1150.5);
    expect(fn.balanceFigure(ctx, 'overdue', 'C1', null, 'AR')).toBe(900);
    expect(fn.balanceFigure(ctx, 'notDue', 'C1', null, 'AR')).toBe(250.5);
    expect(fn.balanceFigure(ctx, 'balance', '*', null, null)).toBe(1150.5);
    expect(fn.balanceFigure(ctx, 'balance', '*', null, 'AP')).toBe(410);
    expect(fn.balanceFigure(ctx, 'balance', 'S1', null, null)).toBe(400);
  });

  it('answers as of a past date, as the ledger stood then (serial or ISO text)', () => {
    expect(fn.balanceFigure(ctx, 'balance', 'C1', serial('2025-03-05'), 'AR')).toBe(1000);
    expect(fn.balanceFigure(ctx, 'balance', 'C2', '2025-02-01', 'AR')).toBe(80);
    expect(fn.balanceFigure(ctx, 'overdue', 'C1', '2025-03-01', 'AR')).toBe(0);
  });

  it('a known party with nothing open has 0; an unknown party is #N/A; one on both sides needs the side', () => {
    expect(fn.balanceFigure(ctx, 'balance', 'C2', null, null)).toBe(0);
    expect(problem(() => fn.balanceFigure(ctx, 'balance', 'NOPE', null, null)).kind).toBe('notAvailable');
    expect(problem(() => fn.balanceFigure(ctx, 'balance', 'S1', null, 'AR')).kind).toBe('notAvailable');
    const both = problem(() => fn.balanceFigure(ctx, 'balance', 'C1', null, null));
    expect(both.kind).toBe('value');
    expect(both.message).toContain('give the side');
  });

  it('wrong argument types are #VALUE! with the reason', () => {
    expect(problem(() => fn.balanceFigure(ctx, 'balance', 'S1', 'yesterday', null)).message).toContain('not a date');
    expect(problem(() => fn.balanceFigure(ctx, 'balance', 'S1', true, null)).kind).toBe('value');
    expect(problem(() => fn.balanceFigure(ctx, 'balance', 'S1', null, 'XX')).message).toContain('not AR or AP');
    expect(problem(() => fn.argOf([[1, 2]], 'asOf')).message).toContain('not a range');
    expect(problem(() => fn.dueWithin(ctx, 2.5, null, null)).kind).toBe('value');
  });

  it('AGING by bucket number and by label; a wrong bucket is #VALUE!', () => {
    // F1 open 900.00, due 03-01: 121 days late on 06-30 → ">120"; F2 not yet due.
    expect(fn.agingBucket(ctx, 'C1', 6, null, null, 'AR')).toBe(900);
    expect(fn.agingBucket(ctx, 'C1', '>120', null, null, 'AR')).toBe(900);
    expect(fn.agingBucket(ctx, 'C1', 'not due', null, null, 'AR')).toBe(250.5);
    expect(fn.agingBucket(ctx, 'C1', 2, null, null, 'AR')).toBe(0);
    // by document date F2 (06-01) is 29 days old → "0-30"; F1 (02-01) 149 days → ">120".
    expect(fn.agingBucket(ctx, 'C1', '0-30', null, 'doc', 'AR')).toBe(250.5);
    expect(problem(() => fn.agingBucket(ctx, 'C1', 7, null, null, 'AR')).message).toContain('1…6');
    expect(problem(() => fn.agingBucket(ctx, 'C1', '31-45', null, null, 'AR')).kind).toBe('value');
    expect(problem(() => fn.agingBucket(ctx, 'C1', 1, null, 'weekly', 'AR')).kind).toBe('value');
  });

  it('DUEWITHIN and KNOWNUPTO of a side', () => {
    expect(fn.dueWithin(ctx, 1, '2025-06-30', null)).toBe(250.5); // F2 due 07-01
    expect(fn.dueWithin(ctx, 0, '2025-06-30', null)).toBe(0);
    expect(fn.knownUpTo(ctx, 'AR')).toBe(serial('2025-03-10'));
    expect(problem(() => fn.knownUpTo(ctx, 'AP')).kind).toBe('notAvailable');
  });

  it('OPEN spills a header and one row per open item', () => {
    const table = fn.openItemsTable(ctx, 'C1', null, 'AR');
    expect(table[0]).toEqual(fn.OPEN_HEADER);
    expect(table.slice(1)).toEqual([
      ['AR', 'C1', 'F1', 'invoice', serial('2025-02-01'), serial('2025-03-01'), 121, 900, 'EUR', 900],
      ['AR', 'C1', 'F2', 'invoice', serial('2025-06-01'), serial('2025-07-01'), 0, 250.5, 'EUR', 250.5],
    ]);
    expect(fn.openItemsTable(ctx, 'C2', null, 'AR')).toEqual([fn.OPEN_HEADER]);
  });

  it('DAYSTOPAY of a party; DSO is #N/A when nothing was invoiced; a reversed period is #VALUE!', () => {
    expect(fn.daysToPay(ctx, 'C2', '2025-01-01', '2025-12-31', null)).toBe(40); // 01-05 → 02-14
    expect(problem(() => fn.daysToPay(ctx, 'C1', '2025-01-01', '2025-12-31', 'AR')).kind).toBe('notAvailable');
    expect(problem(() => fn.turnaroundFigure(ctx, 'dso', '2024-01-01', '2024-12-31', null)).kind).toBe('notAvailable');
    expect(problem(() => fn.turnaroundFigure(ctx, 'dso', '2025-12-31', '2025-01-01', null)).message).toContain('after');
  });
});

describe('the functions on the demo ledger agree with the reports', () => {
  const asOf = day('2025-06-30');
  const demo: FunctionContext = { ledger: demoLedger({ today: asOf }), asOf, buckets: [30, 60, 90, 120] };
  const past = day('2024-12-31');

  it('BALANCE, OVERDUE, NOTDUE of every party, today and at a past date, equal the balance list', () => {
    for (const when of [asOf, past]) {
      const rows = balanceList(demo.ledger, when);
      expect(rows.length).toBeGreaterThan(20);
      for (const row of rows) {
        const at = toExcelSerial(when);
        expect(fn.balanceFigure(demo, 'balance', row.partyId, at, row.ledger)).toBeCloseTo(row.balance / 100, 9);
        expect(fn.balanceFigure(demo, 'overdue', row.partyId, at, row.ledger)).toBeCloseTo(row.overdue / 100, 9);
        expect(fn.balanceFigure(demo, 'notDue', row.partyId, at, row.ledger)).toBeCloseTo(row.notDue / 100, 9);
      }
    }
  });

  it('"*" and DUEWITHIN equal the key figures of each side', () => {
    const figures = keyFigures(demo.ledger, asOf, [3, 5]);
    for (const side of ['AR', 'AP'] as const) {
      expect(fn.balanceFigure(demo, 'balance', '*', null, side)).toBeCloseTo(figures[side].total / 100, 9);
      expect(fn.balanceFigure(demo, 'overdue', '*', null, side)).toBeCloseTo(figures[side].overdue / 100, 9);
      expect(fn.dueWithin(demo, 5, null, side)).toBeCloseTo((figures[side].dueWithin[5] ?? 0) / 100, 9);
      expect(fn.knownUpTo(demo, side)).toBe(toExcelSerial(figures[side].journalsUpdatedUntil!));
    }
  });

  it('AGING of every party and bucket equals the aging report', () => {
    const report = agingReport(demo.ledger, { asOf, basis: 'due', buckets: [30, 60, 90, 120] });
    for (const row of report.rows) {
      row.buckets.forEach((amount, b) => {
        expect(fn.agingBucket(demo, row.partyId, b + 1, null, 'due', row.ledger)).toBeCloseTo(amount / 100, 9);
      });
    }
  });

  it('OPEN("*") spills exactly the open-items report of the side', () => {
    for (const side of ['AR', 'AP'] as const) {
      const report = openItemsAsOf(demo.ledger, past).filter((i) => i.ledger === side);
      const table = fn.openItemsTable(demo, '*', toExcelSerial(past), side).slice(1);
      expect(table).toHaveLength(report.length);
      table.forEach((row, i) => {
        const item = report[i]!;
        expect(row.slice(0, 4)).toEqual([item.ledger, item.partyId, item.docNo, item.entryType]);
        expect(row[9]).toBeCloseTo(item.openBase / 100, 9);
      });
    }
  });

  it('DSO, CEI, ADD and DAYSTOPAY equal the turnaround report', () => {
    const period = { from: day('2025-01-01'), to: asOf };
    const report = turnaround(demo.ledger, period);
    for (const side of ['AR', 'AP'] as const) {
      expect(fn.turnaroundFigure(demo, 'dso', '2025-01-01', '2025-06-30', side)).toBe(report.totals[side].dso);
      expect(fn.turnaroundFigure(demo, 'cei', '2025-01-01', '2025-06-30', side)).toBe(report.totals[side].cei);
      expect(fn.turnaroundFigure(demo, 'add', '2025-01-01', '2025-06-30', side)).toBe(report.totals[side].add);
    }
    const payer = report.rows.find((r) => r.avgDaysToPay !== null)!;
    expect(fn.daysToPay(demo, payer.partyId, '2025-01-01', '2025-06-30', payer.ledger)).toBe(payer.avgDaysToPay);
  });
});
