// The "Party cards" worksheet: for every party, its opening balance and then each entry of the
// period with the running balance in base currency and in the entry's currency (ledger.md §5).
// One table with the party in a column (filterable), and a printed page per party. With closing
// rates (ledger.md §9), a party's card ends, per foreign currency it has open items in, with its
// balance at the closing rate: the unrealised difference as the row's base amount.
import { formatMinor } from '../core/money';
import type { PartyCard, PartyCardRow } from '../core/report-types';
import { revaluationTotals, type RevaluationReport } from '../core/revaluation';
import { date, money, moneyInRowCurrency, text } from './columns';
import { partyColumns, sheetFrame, tableSpec, type SheetContext } from './context';
import { formatDay } from './formats';
import type { ColumnSpec, SheetSpec, SpecValue } from './spec';

function cardColumns(ctx: SheetContext): ColumnSpec[] {
  const h = ctx.w.header;
  const base = { base: ctx.baseCurrency };
  return [
    ...partyColumns(ctx, true),
    date('entryDate', h('entryDate'), ctx.lang),
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

/**
 * "At closing rate USD 1.0565 (2024-12-31): difference 46.52": the balance in base currency at the
 * closing rate. The difference is not an entry, so it stays out of the amount column's total.
 */
function closingRateRows(ctx: SheetContext, card: PartyCard, report: RevaluationReport): SpecValue[][] {
  let balance = card.rows[card.rows.length - 1]?.balanceBase ?? card.opening.base;
  const mine = report.rows.filter((r) => r.ledger === card.ledger && r.partyId === card.partyId);
  return revaluationTotals(mine).map((t) => {
    const r = report.rates[t.currency];
    const words = {
      currency: t.currency, rate: r?.rate.text ?? '', date: r === undefined || r.date === null ? '' : formatDay(r.date, ctx.lang),
      difference: formatMinor(t.difference, ctx.baseExponent),
    };
    balance += t.difference;
    return [card.ledger, card.partyId, card.partyName, report.asOf, null, null, ctx.w.phrase('atClosingRate', words), t.currency, null, null, balance, t.open];
  });
}

export function partyCardsSheet(ctx: SheetContext, cards: readonly PartyCard[], revalued: RevaluationReport | null = null): SheetSpec {
  const rows: SpecValue[][] = [];
  const breaks: number[] = [];
  for (const card of cards) {
    if (rows.length > 0) breaks.push(rows.length);
    rows.push(openingRow(ctx, card), ...card.rows.map((row) => entryRow(ctx, card, row)));
    if (revalued !== null) rows.push(...closingRateRows(ctx, card, revalued));
  }
  const table = tableSpec(ctx, 'PartyCards', cardColumns(ctx), rows, true);
  table.pageBreaksBefore = breaks;
  return sheetFrame(ctx, { key: 'party-cards', when: 'period', wide: true }, 'party-cards', [table]);
}
