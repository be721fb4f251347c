// The "Turnaround" worksheet for a period (ledger.md §6): per party opening, invoiced, credited,
// paid, other, FX difference and closing with its payment figures; below it, per ledger, the
// DSO / best possible DSO / ADD / CEI block.
import { compareParties } from '../core/ledger-index';
import type { TurnaroundReport, TurnaroundRow } from '../core/report-types';
import { SIDES } from '../core/types';
import { integer, money, number, percent, text } from './columns';
import { partyColumns, sheetFrame, tableSpec, type SheetContext } from './context';
import type { SheetSpec, SpecValue, TableSpec } from './spec';

function partyRow(row: TurnaroundRow): SpecValue[] {
  return [
    row.ledger,
    row.partyId,
    row.partyName,
    row.opening,
    row.invoiced,
    row.credited,
    row.paid,
    row.other,
    row.fxDifference,
    row.closing,
    row.invoicesSettled,
    row.avgDaysToPay,
    row.weightedDaysToPay,
    row.avgDaysLate,
    row.onTimeRate,
  ];
}

function partyTable(ctx: SheetContext, report: TurnaroundReport): TableSpec {
  const h = ctx.w.header;
  const e = ctx.baseExponent;
  const sum = { total: 'sum' } as const;
  const columns = [
    ...partyColumns(ctx, true),
    money('opening', h('opening'), e, sum),
    money('invoiced', h('invoiced'), e, sum),
    money('credited', h('credited'), e, sum),
    money('paid', h('paid'), e, sum),
    money('other', h('other'), e, sum),
    money('fxDifference', h('fxDifference'), e, sum),
    money('closing', h('closing'), e, sum),
    integer('invoicesSettled', h('invoicesSettled'), sum),
    number('avgDaysToPay', h('avgDaysToPay')),
    number('weightedDaysToPay', h('weightedDaysToPay')),
    number('avgDaysLate', h('avgDaysLate')),
    percent('onTimeRate', h('onTimeRate')),
  ];
  const rows = [...report.rows]
    .sort(compareParties)
    .map(partyRow);
  return tableSpec(ctx, 'Turnaround', columns, rows, true);
}

function ledgerTable(ctx: SheetContext, report: TurnaroundReport): TableSpec {
  const h = ctx.w.header;
  const e = ctx.baseExponent;
  const columns = [
    text('ledger', h('ledger'), { width: 8 }),
    money('opening', h('opening'), e),
    money('invoiced', h('invoiced'), e),
    money('closing', h('closing'), e),
    money('notDue', h('notDue'), e),
    number('dso', h('dso')),
    number('bestPossibleDso', h('bestPossibleDso')),
    number('add', h('add')),
    number('cei', h('cei')),
  ];
  const rows = SIDES.map((side): SpecValue[] => {
    const t = report.totals[side];
    return [side, t.opening, t.invoiced, t.closing, t.notDue, t.dso, t.bestPossibleDso, t.add, t.cei];
  });
  return tableSpec(ctx, 'TurnaroundTotals', columns, rows, false);
}

export function turnaroundSheet(ctx: SheetContext, report: TurnaroundReport): SheetSpec {
  const tables = [partyTable(ctx, report), ledgerTable(ctx, report)];
  return sheetFrame(ctx, { key: 'turnaround', when: 'period', wide: true }, 'turnaround', tables);
}
