// The "Open items" worksheet of one ledger (AR or AP): one row per open item as of the date, with
// its age and bucket, the open amount in its own currency and in the base currency, and the
// user's columns Handled / Note / Follow-up, filled from the store and read back by `rowKeys`
// (each item's own `key`, core/item-key.ts).
import type { Day } from '../core/date';
import { daysOverdue } from '../core/due-status';
import type { OpenItemFields, OpenItemList } from '../core/open-items';
import type { Side } from '../core/types';
import { boolean, date, integer, money, moneyInRowCurrency, text } from './columns';
import { partyColumns, sheetFrame, tableSpec, type SheetContext } from './context';
import type { ColumnSpec, SheetSpec, SpecValue } from './spec';

/** What the user added to an item, keyed by `item.key` in the map handed to the sheet. */
export interface ItemNote {
  handled?: boolean;
  note?: string;
  followUp?: Day | null;
}
export type ItemNotes = ReadonlyMap<string, ItemNote>;

/**
 * Fifteen columns printed landscape on one page wide: the widths add up to about 175 characters,
 * so that fitting them to the page keeps the text at 8 pt or more (Excel and LibreOffice scale
 * 11 pt text; 230 characters gave 6 pt). Names, notes and other text wrap instead of being cut.
 */
function openItemColumns(ctx: SheetContext): ColumnSpec[] {
  const h = ctx.w.header;
  const base = { base: ctx.baseCurrency };
  const amount = { width: 12 };
  return [
    ...partyColumns(ctx, false, { id: 8, name: 20 }),
    text('docNo', h('docNo'), { width: 12, total: 'count' }),
    text('entryType', h('entryType'), { width: 11 }),
    date('docDate', h('docDate'), ctx.lang, { width: 11 }),
    date('dueDate', h('dueDate'), ctx.lang, { width: 11 }),
    integer('daysOverdue', h('daysOverdue'), { width: 8 }),
    text('bucket', h('bucket'), { width: 9 }),
    text('currency', h('currency'), { width: 8 }),
    moneyInRowCurrency('amount', h('amount'), 'currency', amount),
    moneyInRowCurrency('open', h('open'), 'currency', amount),
    money('openBase', h('openBase', base), ctx.baseExponent, { ...amount, total: 'sum' }),
    boolean('handled', h('handled'), { width: 8, userEditable: true }),
    text('note', h('note'), { width: 14, userEditable: true }),
    date('followUp', h('followUp'), ctx.lang, { width: 11, userEditable: true }),
  ];
}

function openItemRow(ctx: SheetContext, item: OpenItemFields, labels: readonly string[], note: ItemNote | undefined): SpecValue[] {
  return [
    item.partyId,
    item.partyName,
    item.docNo,
    ctx.w.entryType(item.entryType),
    item.docDate,
    item.dueDate,
    daysOverdue(item.dueDate, ctx.asOf),
    ctx.w.bucketLabel(labels[item.bucket] ?? ''),
    item.currency,
    item.amount,
    item.open,
    item.openBase,
    note?.handled ?? false,
    note?.note ?? null,
    note?.followUp ?? null,
  ];
}

/**
 * The open items of `side`, in the engine's order (party, due date, document). `withKeys`: each
 * row's item key in `rowKeys`, for a renderer that reads the user's columns back (the add-in).
 */
export function openItemsSheet(
  ctx: SheetContext,
  side: Side,
  items: OpenItemList,
  bucketLabels: readonly string[],
  notes?: ItemNotes,
  withKeys = true,
): SheetSpec {
  const mine = items.ofParties((party) => party.ledger === side);
  const keyed = withKeys || notes !== undefined;
  const keys: string[] = [];
  const rows: SpecValue[][] = [];
  for (let n = 0; n < mine.length; n++) {
    const key = keyed ? mine.keyAt(n) : '';
    if (keyed) keys.push(key);
    rows.push(openItemRow(ctx, mine.at(n) as OpenItemFields, bucketLabels, notes?.get(key)));
  }
  const table = tableSpec(ctx, `OpenItems_${side}`, openItemColumns(ctx), rows, true);
  if (withKeys) table.rowKeys = keys;
  table.conditionalFormats = [
    { kind: 'cellValue', column: 'daysOverdue', operator: 'greaterThan', value: 60, fill: 'FFC7CE', fontColor: '9C0006' },
  ];
  return sheetFrame(ctx, { key: 'open-items', side, when: 'asOf', wide: true }, `open-items-${side}`, [table]);
}
