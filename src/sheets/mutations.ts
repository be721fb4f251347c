// The "Mutations" worksheet: every entry booked in the period (ledger.md §5), both ledgers in one
// table with the ledger in a column, so that a filter (and SUBTOTAL) gives each ledger's figures.
import type { MutationRow } from '../core/report-types';
import { date, money, moneyInRowCurrency, text } from './columns';
import { partyColumns, sheetFrame, tableSpec, type SheetContext } from './context';
import type { SheetSpec, SpecValue } from './spec';

function mutationRow(ctx: SheetContext, row: MutationRow): SpecValue[] {
  return [
    row.ledger,
    row.partyId,
    row.partyName,
    row.entryDate,
    row.docNo,
    ctx.w.entryType(row.entryType),
    row.docDate,
    row.dueDate,
    row.currency,
    row.amount,
    row.amountBase,
    row.settles,
    row.description,
  ];
}

/** The rows in the order the engine gave them (by date or by document, as asked). */
export function mutationsSheet(ctx: SheetContext, rows: readonly MutationRow[]): SheetSpec {
  const h = ctx.w.header;
  const columns = [
    ...partyColumns(ctx, true),
    date('entryDate', h('entryDate'), ctx.lang),
    text('docNo', h('docNo'), { total: 'count' }),
    text('entryType', h('entryType'), { width: 12 }),
    date('docDate', h('docDate'), ctx.lang),
    date('dueDate', h('dueDate'), ctx.lang),
    text('currency', h('currency'), { width: 8 }),
    moneyInRowCurrency('amount', h('amount'), 'currency'),
    money('amountBase', h('amountBase', { base: ctx.baseCurrency }), ctx.baseExponent, { total: 'sum' }),
    text('settles', h('settles')),
    text('description', h('description'), { width: 36 }),
  ];
  const table = tableSpec(ctx, 'Mutations', columns, rows.map((row) => mutationRow(ctx, row)), true);
  return sheetFrame(ctx, { key: 'mutations', when: 'period', wide: true }, 'mutations', [table]);
}
