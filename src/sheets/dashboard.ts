// The "Dashboard" worksheet: the key figures of receivables and payables as of the date (overdue,
// not yet due, total, due within N days, payments known up to; ledger.md §7) and the aging
// buckets of each ledger, with a chart for each (the .xlsx renderer shows data bars instead).
import { sideBucketTotals } from '../core/aging';
import type { AgingReport, KeyFigures } from '../core/report-types';
import { SIDES, type Side } from '../core/types';
import { date, money, text } from './columns';
import { sheetFrame, tableSpec, type SheetContext } from './context';
import type { ChartSpec, SheetSpec, SpecValue, TableSpec } from './spec';

function sideName(ctx: SheetContext, side: Side): string {
  return ctx.w.header(side === 'AR' ? 'receivables' : 'payables');
}

function keyFiguresTable(ctx: SheetContext, figures: KeyFigures, dueWithin: readonly number[]): TableSpec {
  const h = ctx.w.header;
  const e = ctx.baseExponent;
  const columns = [
    text('ledger', h('ledger'), { width: 14 }),
    money('overdue', h('overdue'), e),
    money('notDue', h('notDue'), e),
    money('total', h('total'), e),
    ...dueWithin.map((n) => money(`dueWithin${n}`, h('dueWithin', { n }), e, { width: 16 })),
    date('paymentsKnownUpTo', h('paymentsKnownUpTo'), ctx.lang, { width: 16 }),
  ];
  const rows = SIDES.map((side): SpecValue[] => {
    const f = figures[side];
    const within = dueWithin.map((n) => f.dueWithin[n] ?? 0);
    return [sideName(ctx, side), f.overdue, f.notDue, f.total, ...within, f.journalsUpdatedUntil];
  });
  return tableSpec(ctx, 'KeyFigures', columns, rows, false);
}

/** Per bucket, the open amount of AR and AP: the sum of the parties' bucket amounts. */
function agingSummaryTable(ctx: SheetContext, aging: AgingReport): TableSpec {
  const e = ctx.baseExponent;
  const columns = [
    text('bucket', ctx.w.header('bucket'), { width: 14 }),
    money('AR', sideName(ctx, 'AR'), e, { total: 'sum' }),
    money('AP', sideName(ctx, 'AP'), e, { total: 'sum' }),
  ];
  const ar = sideBucketTotals(aging, 'AR');
  const ap = sideBucketTotals(aging, 'AP');
  const rows = aging.bucketLabels.map((label, i): SpecValue[] => [ctx.w.bucketLabel(label), ar[i] ?? 0, ap[i] ?? 0]);
  return tableSpec(ctx, 'AgingSummary', columns, rows, true);
}

export function dashboardSheet(ctx: SheetContext, figures: KeyFigures, aging: AgingReport, dueWithin: readonly number[]): SheetSpec {
  const charts: ChartSpec[] = [
    { type: 'columnStacked', title: ctx.w.phrase('chartOverdue'), table: 'KeyFigures', category: 'ledger', series: ['overdue', 'notDue'] },
    { type: 'columnClustered', title: ctx.w.phrase('chartAging'), table: 'AgingSummary', category: 'bucket', series: ['AR', 'AP'] },
  ];
  const tables = [keyFiguresTable(ctx, figures, dueWithin), agingSummaryTable(ctx, aging)];
  const sheet = sheetFrame(ctx, { key: 'dashboard', when: 'asOf', wide: true }, 'dashboard', tables);
  sheet.charts = charts;
  return sheet;
}
