// The "Payment behaviour" worksheet: one row per positive invoice settled in the period, with
// days to pay and days late (ledger.md §6) — the fact table for ad-hoc pivoting, with a ready
// PivotTable by ledger and party where the renderer can make one.
import { compareParties } from '../core/ledger-index';
import type { SettledInvoice } from '../core/report-types';
import { date, integer, money, text } from './columns';
import { partyColumns, sheetFrame, tableSpec, type SheetContext } from './context';
import type { PivotSpec, SheetSpec, SpecValue } from './spec';

function settledRow(row: SettledInvoice): SpecValue[] {
  return [
    row.ledger,
    row.partyId,
    row.partyName,
    row.docNo,
    row.docDate,
    row.dueDate,
    row.settledDate,
    row.daysToPay,
    row.daysLate,
    row.amountBase,
  ];
}

export function paymentBehaviourSheet(ctx: SheetContext, settled: readonly SettledInvoice[]): SheetSpec {
  const h = ctx.w.header;
  const columns = [
    ...partyColumns(ctx, true),
    text('docNo', h('invoice'), { total: 'count' }),
    date('docDate', h('docDate'), ctx.lang),
    date('dueDate', h('dueDate'), ctx.lang),
    date('settledDate', h('settledDate'), ctx.lang),
    integer('daysToPay', h('daysToPay'), { total: 'average' }),
    integer('daysLate', h('daysLate'), { total: 'average' }),
    money('amountBase', h('amountBase', { base: ctx.baseCurrency }), ctx.baseExponent, { total: 'sum' }),
  ];
  const rows = [...settled]
    .sort((a, b) => compareParties(a, b) || a.settledDate - b.settledDate)
    .map(settledRow);
  const pivot: PivotSpec = {
    name: 'PaymentBehaviourPivot',
    table: 'PaymentBehaviour',
    rows: ['ledger', 'partyName'],
    values: [
      { column: 'amountBase', summarizeBy: 'sum' },
      { column: 'daysToPay', summarizeBy: 'average' },
      { column: 'daysLate', summarizeBy: 'average' },
    ],
  };
  const sheet = sheetFrame(ctx, { key: 'payment-behaviour', when: 'period', wide: true }, 'payment-behaviour', [
    tableSpec(ctx, 'PaymentBehaviour', columns, rows, true),
  ]);
  sheet.pivots = [pivot];
  return sheet;
}
