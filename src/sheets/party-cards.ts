// The "Party cards" worksheet: for every party, its opening balance and then each entry of the
// period with the running balance in base currency and in the entry's currency (ledger.md §5).
// One table with the party in a column (filterable), and a printed page per party.
import type { PartyCard, PartyCardRow } from '../core/report-types';
import { date, money, moneyInRowCurrency, text } from './columns';
import { partyColumns, sheetFrame, tableSpec, type SheetContext } from './context';
import type { ColumnSpec, SheetSpec, SpecValue } from './spec';

function cardColumns(ctx: SheetContext): ColumnSpec[] {
  const h = ctx.w.header;
  const base = { base: ctx.baseCurrency };
  return [
    ...partyColumns(ctx, true),
    date('entryDate', h('entryDate')),
    text('docNo', h('docNo')),
    text('entryType', h('entryType'), { width: 14 }),
    text('description', h('description'), { width: 30 }),
    text('currency', h('currency'), { width: 8 }),
    moneyInRowCurrency('amount', h('amount'), 'currency'),
    money('amountBase', h('amountBase', base), ctx.baseExponent, { total: 'sum' }),
    money('balanceBase', h('balanceBase', base), ctx.baseExponent),
    moneyInRowCurrency('balanceInCurrency', h('balanceInCurrency'), 'currency'),
  ];
}

function openingRow(ctx: SheetContext, card: PartyCard): SpecValue[] {
  const opening = ctx.w.phrase('openingBalance');
  return [card.ledger, card.partyId, card.partyName, null, null, opening, null, ctx.baseCurrency, null, null, card.opening.base, null];
}

function entryRow(ctx: SheetContext, card: PartyCard, row: PartyCardRow): SpecValue[] {
  return [
    card.ledger,
    card.partyId,
    card.partyName,
    row.entryDate,
    row.docNo,
    ctx.w.entryType(row.entryType),
    row.description,
    row.currency,
    row.amount,
    row.amountBase,
    row.balanceBase,
    row.balanceInCurrency,
  ];
}

export function partyCardsSheet(ctx: SheetContext, cards: readonly PartyCard[]): SheetSpec {
  const rows: SpecValue[][] = [];
  const breaks: number[] = [];
  for (const card of cards) {
    if (rows.length > 0) breaks.push(rows.length);
    rows.push(openingRow(ctx, card), ...card.rows.map((row) => entryRow(ctx, card, row)));
  }
  const table = tableSpec(ctx, 'PartyCards', cardColumns(ctx), rows, true);
  table.pageBreaksBefore = breaks;
  return sheetFrame(ctx, { key: 'party-cards', when: 'period', wide: true }, 'party-cards', [table]);
}
