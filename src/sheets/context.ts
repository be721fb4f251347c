// What every worksheet module needs besides its report: language, company, base currency, the
// as-of date and period, and "payments known up to" per ledger; plus the sheet frame built from
// them (name, title lines, frozen header, print setup with header and footer).
import type { Day } from '../core/date';
import { currencyExponent } from '../core/money';
import type { Period } from '../core/report-types';
import type { Side } from '../core/types';
import { text } from './columns';
import { formatDay } from './formats';
import { words, type SheetKey, type Vocabulary } from './i18n';
import type { Lang } from '../core/words';
import type { PrintSpec, SheetSpec, TableSpec } from './spec';

export interface SheetContext {
  lang: Lang;
  w: Vocabulary;
  company: string;
  baseCurrency: string;
  /** Decimals of the base currency: every base-currency money column uses it. */
  baseExponent: number;
  asOf: Day;
  period: Period;
  /** The latest payment date per ledger (key figures' journalsUpdatedUntil). */
  paymentsKnownUpTo: Record<Side, Day | null>;
}

export function sheetContext(
  lang: Lang,
  company: string,
  baseCurrency: string,
  asOf: Day,
  period: Period,
  paymentsKnownUpTo: Record<Side, Day | null>,
): SheetContext {
  return { lang, w: words(lang), company, baseCurrency, baseExponent: currencyExponent(baseCurrency), asOf, period, paymentsKnownUpTo };
}

export interface FrameOptions {
  key: SheetKey;
  side?: Side;
  /** Whether the sheet shows a state as of a date or the movements of a period. */
  when: 'asOf' | 'period';
  /** Landscape when the table is wide. */
  wide: boolean;
}

/** Header/footer text is code: a literal `&` is written `&&`. */
export function escapeHeaderText(text: string): string {
  return text.replace(/&/g, '&&');
}

function whenLine(ctx: SheetContext, when: FrameOptions['when']): string {
  return when === 'asOf'
    ? ctx.w.phrase('asOf', { date: formatDay(ctx.asOf, ctx.lang) })
    : ctx.w.phrase('period', { from: formatDay(ctx.period.from, ctx.lang), to: formatDay(ctx.period.to, ctx.lang) });
}

/** "Payments known up to 30 Dec 2024", or per ledger "… AR 2024-12-30, AP 2024-12-28". */
export function paymentsLine(ctx: SheetContext, side?: Side): string {
  const show = (day: Day | null) => (day === null ? ctx.w.phrase('noPayments') : formatDay(day, ctx.lang));
  const date =
    side === undefined
      ? `AR ${show(ctx.paymentsKnownUpTo.AR)}, AP ${show(ctx.paymentsKnownUpTo.AP)}`
      : show(ctx.paymentsKnownUpTo[side]);
  return ctx.w.phrase('paymentsKnownUpTo', { date });
}

function printSetup(ctx: SheetContext, options: FrameOptions, title: string): PrintSpec {
  return {
    orientation: options.wide ? 'landscape' : 'portrait',
    fitToPagesWide: 1,
    repeatHeaderRow: true,
    header: { left: escapeHeaderText(ctx.company), center: escapeHeaderText(title), right: whenLine(ctx, options.when) },
    footer: { left: paymentsLine(ctx, options.side), right: ctx.w.phrase('page') },
  };
}

/** A sheet with its name, titles and print setup around the given tables. */
export function sheetFrame(ctx: SheetContext, options: FrameOptions, kind: string, tables: TableSpec[]): SheetSpec {
  const title = ctx.w.title(options.key, options.side);
  const sheet: SheetSpec = {
    name: ctx.w.sheetName(options.key, options.side),
    kind,
    titleLines: [ctx.company === '' ? title : `${ctx.company} — ${title}`, whenLine(ctx, options.when), paymentsLine(ctx, options.side)],
    tables,
    freezeHeader: true,
    print: printSetup(ctx, options, title),
  };
  if (options.when === 'asOf') sheet.asOf = ctx.asOf;
  return sheet;
}

/** A table; with `totals`, a SUBTOTAL row labelled "Total" in the language of the sheet. */
export function tableSpec(
  ctx: SheetContext,
  name: string,
  columns: TableSpec['columns'],
  rows: TableSpec['rows'],
  totals: boolean,
): TableSpec {
  const table: TableSpec = { name, columns, rows, totalsRow: totals };
  if (totals) table.totalsLabel = ctx.w.phrase('total');
  return table;
}

/** The columns that name the party: Ledger (on sheets with both ledgers), Party and Name. */
export function partyColumns(ctx: SheetContext, withLedger: boolean, widths = { id: 12, name: 26 }): TableSpec['columns'] {
  const h = ctx.w.header;
  const party = [text('partyId', h('partyId'), { width: widths.id }), text('partyName', h('partyName'), { width: widths.name })];
  return withLedger ? [text('ledger', h('ledger'), { width: 8 }), ...party] : party;
}
