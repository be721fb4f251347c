// The "Balances" worksheet (saldilijst) of one ledger: balance, overdue and not yet due per party,
// with the credit limit and the headroom; a party over its limit is highlighted.
import { compareParties } from '../core/ledger-index';
import type { BalanceRow } from '../core/report-types';
import type { Side } from '../core/types';
import { boolean, date, integer, money } from './columns';
import { partyColumns, sheetFrame, tableSpec, type SheetContext } from './context';
import type { SheetSpec, SpecValue } from './spec';

function balanceRow(row: BalanceRow): SpecValue[] {
  return [
    row.partyId,
    row.partyName,
    row.balance,
    row.overdue,
    row.notDue,
    row.openItems,
    row.creditLimit,
    row.headroom,
    row.overLimit,
    row.oldestOverdueDays,
    row.lastPaymentDate,
  ];
}

export function balancesSheet(ctx: SheetContext, side: Side, balances: readonly BalanceRow[]): SheetSpec {
  const h = ctx.w.header;
  const e = ctx.baseExponent;
  const columns = [
    ...partyColumns(ctx, false),
    money('balance', h('balance'), e, { total: 'sum' }),
    money('overdue', h('overdue'), e, { total: 'sum' }),
    money('notDue', h('notDue'), e, { total: 'sum' }),
    integer('openItems', h('openItems'), { total: 'sum' }),
    money('creditLimit', h('creditLimit'), e),
    money('headroom', h('headroom'), e),
    boolean('overLimit', h('overLimit')),
    integer('oldestOverdueDays', h('oldestOverdueDays')),
    date('lastPaymentDate', h('lastPaymentDate'), ctx.lang),
  ];
  const rows = balances
    .filter((row) => row.ledger === side)
    .sort(compareParties)
    .map(balanceRow);
  const table = tableSpec(ctx, `Balances_${side}`, columns, rows, true);
  // Over the limit ⇔ headroom < 0: the headroom cell is what turns red. (A rule on the boolean
  // Over limit column itself makes LibreOffice 7.4 fail to print the sheet unless it recalculates.)
  table.conditionalFormats = [
    { kind: 'cellValue', column: 'headroom', operator: 'lessThan', value: 0, fill: 'FFC7CE', fontColor: '9C0006' },
  ];
  return sheetFrame(ctx, { key: 'balances', side, when: 'asOf', wide: true }, `balances-${side}`, [table]);
}
