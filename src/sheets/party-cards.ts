// The "Party cards" worksheet: for every party a card of its own, on a printed page of its own: a
// heading (customer or supplier, code, name, the currencies of the card), the opening balance and
// each entry of the period with the running balance in base currency and in the entry's currency
// (ledger.md §5), and a subtotal row, "Closing balance", that adds the card up (opening + entries).
// With closing rates (ledger.md §9), a card ends, per foreign currency it has open items in, with
// its balance at the closing rate: the unrealised difference as the row's balance, not an amount.
//
// Each card is a real Excel table (filter and sort within the card; the subtotal is the table's
// totals row, a SUBTOTAL that follows a filter), its heading the caption above it, a page break
// before it. A table cannot hold a heading or subtotal between its rows, and a pivot table over
// rows with subtotals in them would count twice: the flat list of the same entries over every
// party, for pivots and filters, is the Mutations sheet.
//   Customer C1 — Alpha NV · EUR
//   Date | Document | Type | Description | Currency | Amount | Amount (EUR) | Balance (EUR) | Balance in currency
//        |          |      | Opening balance | EUR |      |       0.00 |   0.00 |
//   …
//   Closing balance                                  |      |     952.00 |        |
import { formatMinor } from '../core/money';
import type { PartyCard, PartyCardRow } from '../core/report-types';
import { revaluationTotals, type RevaluationReport } from '../core/revaluation';
import { date, money, moneyInRowCurrency, text } from './columns';
import { sheetFrame, tableSpec, type SheetContext } from './context';
import { formatDay } from './formats';
import { uniqueTableName } from './names';
import type { ColumnSpec, SheetSpec, SpecValue, TableSpec } from './spec';

function cardColumns(ctx: SheetContext): ColumnSpec[] {
  const h = ctx.w.header;
  const base = { base: ctx.baseCurrency };
  return [
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

/** The opening balance also in the amount column, so that the card's subtotal is its closing balance. */
function openingRow(ctx: SheetContext, card: PartyCard): SpecValue[] {
  return [null, null, ctx.w.phrase('openingBalance'), null, ctx.baseCurrency, null, card.opening.base, card.opening.base, null];
}

function entryRow(ctx: SheetContext, row: PartyCardRow): SpecValue[] {
  return [row.entryDate, row.docNo, ctx.w.entryType(row.entryType), row.description, row.currency, row.amount, row.amountBase, row.balanceBase, row.balanceInCurrency];
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
    return [report.asOf, null, null, ctx.w.phrase('atClosingRate', words), t.currency, null, null, balance, t.open];
  });
}

/** "Customer C1 — Alpha NV · EUR, USD": the side, the party and the currencies on its card. */
function heading(ctx: SheetContext, card: PartyCard): string {
  const currencies = new Set([...Object.keys(card.opening.byCurrency), ...card.rows.map((r) => r.currency)]);
  return ctx.w.phrase('partyHeading', {
    side: ctx.w.phrase(card.ledger === 'AR' ? 'customer' : 'supplier'),
    id: card.partyId,
    name: card.partyName,
    currencies: (currencies.size > 0 ? [...currencies].sort() : [ctx.baseCurrency]).join(', '),
  });
}

export function partyCardsSheet(ctx: SheetContext, cards: readonly PartyCard[], revalued: RevaluationReport | null = null): SheetSpec {
  const columns = cardColumns(ctx);
  const names = new Set<string>();
  const tables = cards.map((card, i): TableSpec => {
    const rows = [openingRow(ctx, card), ...card.rows.map((row) => entryRow(ctx, row))];
    if (revalued !== null) rows.push(...closingRateRows(ctx, card, revalued));
    const table = tableSpec(ctx, uniqueTableName(['Card', card.ledger, card.partyId], names), columns, rows, true);
    table.totalsLabel = ctx.w.phrase('closingBalance');
    table.caption = heading(ctx, card);
    if (i > 0) table.pageBreakBefore = true;
    return table;
  });
  // no party: one empty card, so that the sheet still shows its columns
  if (tables.length === 0) tables.push(tableSpec(ctx, 'Card', columns, [], true));
  const sheet = sheetFrame(ctx, { key: 'party-cards', when: 'period', wide: true }, 'party-cards', tables);
  // every card has its header at the top of its own page: no one header row to freeze or repeat
  sheet.freezeHeader = false;
  sheet.print.repeatHeaderRow = false;
  return sheet;
}
