// The "Aging" worksheet of one ledger: one row per party with open items, the open amount per
// age bucket (ledger.md §3) and the total; the older buckets are heat-coloured.
import { compareParties } from '../core/ledger-index';
import type { AgingReport, AgingRow } from '../core/report-types';
import type { Side } from '../core/types';
import { money } from './columns';
import { partyColumns, sheetFrame, tableSpec, type SheetContext } from './context';
import type { ConditionalFormatSpec, SheetSpec, SpecValue } from './spec';

/** Buckets past the first overdue one are "older": 31-60 and up with basis due, 31-60 and up otherwise. */
function olderBuckets(report: AgingReport): number[] {
  const firstOlder = report.basis === 'due' ? 2 : 1;
  return report.bucketLabels.map((_, i) => i).filter((i) => i >= firstOlder);
}

function agingRow(row: AgingRow): SpecValue[] {
  return [row.partyId, row.partyName, ...row.buckets, row.total];
}

export function agingSheet(ctx: SheetContext, side: Side, report: AgingReport): SheetSpec {
  const h = ctx.w.header;
  const columns = [
    ...partyColumns(ctx, false),
    ...report.bucketLabels.map((label, i) => money(`bucket${i}`, ctx.w.bucketLabel(label), ctx.baseExponent, { total: 'sum' })),
    money('total', h('total'), ctx.baseExponent, { total: 'sum' }),
  ];
  const rows = report.rows
    .filter((row) => row.ledger === side)
    .sort(compareParties)
    .map(agingRow);
  const table = tableSpec(ctx, `Aging_${side}`, columns, rows, true);
  table.conditionalFormats = olderBuckets(report).map(
    (i): ConditionalFormatSpec => ({ kind: 'colorScale', column: `bucket${i}`, minColor: 'FFFFFF', maxColor: 'F8696B' }),
  );
  return sheetFrame(ctx, { key: 'aging', side, when: 'asOf', wide: report.bucketLabels.length > 5 }, `aging-${side}`, [table]);
}
