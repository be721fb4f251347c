// The "Revaluation" worksheet (ledger.md §9): every open foreign-currency item at its booking
// rate and at the closing rate, the totals per ledger and currency, the unrealised result per
// ledger (gains and losses apart) and the journal entry a bookkeeper posts for it: the debtors
// or creditors control account against unrealised exchange gain or loss.
import type { RevaluationReport } from '../core/revaluation';
import { revaluationJournal } from '../core/revaluation-journal';
import { date, money, moneyInRowCurrency, number, text } from './columns';
import { partyColumns, sheetFrame, tableSpec, type SheetContext } from './context';
import { formatDay } from './formats';
import type { ColumnSpec, SheetSpec, SpecValue, TableSpec } from './spec';

const RATE_FORMAT = '0.000000##';

/** `USD 1.0565 per EUR (3 Mar 2017), GBP 0.86355 per EUR (3 Mar 2017)`. */
export function ratesText(ctx: SheetContext, report: RevaluationReport): string {
  const parts = Object.entries(report.rates).map(([currency, r]) => {
    const rate = ctx.w.phrase('ratePer', { rate: r.rate.text, base: report.base });
    return `${currency} ${rate}${r.date === null ? '' : ` (${formatDay(r.date, ctx.lang)})`}`;
  });
  return ctx.w.phrase('closingRates', { rates: parts.length === 0 ? ctx.w.phrase('noForeignItems') : parts.join(', ') });
}

function baseMoney(ctx: SheetContext, key: 'openBase' | 'revaluedBase' | 'difference' | 'resultEffect'): ColumnSpec {
  const header = ctx.w.header(key, { base: ctx.baseCurrency });
  return money(key, header, ctx.baseExponent, { total: 'sum', width: 16 });
}

function itemsTable(ctx: SheetContext, report: RevaluationReport): TableSpec {
  const h = ctx.w.header;
  const columns = [
    ...partyColumns(ctx, true),
    text('docNo', h('docNo')),
    text('entryType', h('entryType'), { width: 12 }),
    date('dueDate', h('dueDate'), ctx.lang),
    text('currency', h('currency'), { width: 8 }),
    moneyInRowCurrency('open', h('open'), 'currency'),
    baseMoney(ctx, 'openBase'),
    number('rate', h('rate'), { numberFormat: RATE_FORMAT, width: 12 }),
    date('rateDate', h('rateDate'), ctx.lang),
    baseMoney(ctx, 'revaluedBase'),
    baseMoney(ctx, 'difference'),
    baseMoney(ctx, 'resultEffect'),
  ];
  const rows = report.rows.map((r): SpecValue[] => [
    r.ledger, r.partyId, r.partyName, r.docNo, ctx.w.entryType(r.entryType), r.dueDate, r.currency, r.open, r.openBase,
    Number(r.rate.text), r.rateDate, r.revaluedBase, r.difference, r.resultEffect,
  ]);
  return tableSpec(ctx, 'Revaluation', columns, rows, true);
}

function totalsTable(ctx: SheetContext, report: RevaluationReport): TableSpec {
  const h = ctx.w.header;
  const columns = [
    text('ledger', h('ledger'), { width: 8 }),
    text('currency', h('currency'), { width: 8 }),
    moneyInRowCurrency('open', h('open'), 'currency'),
    baseMoney(ctx, 'openBase'),
    baseMoney(ctx, 'revaluedBase'),
    baseMoney(ctx, 'difference'),
    baseMoney(ctx, 'resultEffect'),
  ];
  const rows = report.totals.map((t): SpecValue[] => [t.ledger, t.currency, t.open, t.openBase, t.revaluedBase, t.difference, t.resultEffect]);
  const table = tableSpec(ctx, 'RevaluationTotals', columns, rows, true);
  table.caption = ctx.w.phrase('revaluationTotals');
  return table;
}

function resultsTable(ctx: SheetContext, report: RevaluationReport): TableSpec {
  const h = ctx.w.header;
  const e = ctx.baseExponent;
  const columns = [
    text('ledger', h('ledger'), { width: 8 }),
    money('gains', h('gains'), e, { total: 'sum', width: 16 }),
    money('losses', h('losses'), e, { total: 'sum', width: 16 }),
    baseMoney(ctx, 'resultEffect'),
  ];
  const rows = report.results.map((r): SpecValue[] => [r.ledger, r.gains, r.losses, r.resultEffect]);
  const table = tableSpec(ctx, 'RevaluationResult', columns, rows, true);
  table.caption = ctx.w.phrase('revaluationResults');
  return table;
}

function journalTable(ctx: SheetContext, report: RevaluationReport): TableSpec {
  const h = ctx.w.header;
  const e = ctx.baseExponent;
  const columns = [
    text('ledger', h('ledger'), { width: 8 }),
    text('currency', h('currency'), { width: 8 }),
    text('account', h('account'), { width: 34 }),
    money('debit', h('debit'), e, { total: 'sum' }),
    money('credit', h('credit'), e, { total: 'sum' }),
  ];
  const rows = revaluationJournal(report.totals).map((l): SpecValue[] => [l.ledger, l.currency, ctx.w.phrase(l.account), l.debit, l.credit]);
  const table = tableSpec(ctx, 'RevaluationJournal', columns, rows, true);
  table.caption = ctx.w.phrase('revaluationJournal');
  return table;
}

export function revaluationSheet(ctx: SheetContext, report: RevaluationReport): SheetSpec {
  const tables = [itemsTable(ctx, report), totalsTable(ctx, report), resultsTable(ctx, report), journalTable(ctx, report)];
  const sheet = sheetFrame(ctx, { key: 'revaluation', when: 'asOf', wide: true }, 'revaluation', tables);
  sheet.titleLines.push(ratesText(ctx, report));
  return sheet;
}
