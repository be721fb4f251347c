// A table's conditional formats (cell value highlights, colour scales, data bars) as ExcelJS
// rules on the table's data rows; and, since ExcelJS cannot write charts, the data bars that
// stand in for a sheet's charts (one per charted series column).
import type ExcelJS from 'exceljs';
import { criterionFormula } from '../sheets/formats';
import type { ChartSpec, ConditionalFormatSpec, TableSpec } from '../sheets/spec';
import type { TablePlacement } from './tables';

function argb(color: string): { argb: string } {
  const hex = color.replace(/^#/, '').toUpperCase();
  return { argb: hex.length === 6 ? `FF${hex}` : hex };
}

function columnLetter(index: number): string {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    const rest = (n - 1) % 26;
    letters = String.fromCharCode(65 + rest) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

function rule(format: ConditionalFormatSpec, priority: number): ExcelJS.ConditionalFormattingRule {
  switch (format.kind) {
    case 'dataBar': {
      // ExcelJS's DataBarRuleType omits the bar colour its writer reads from `color`.
      const bar: ExcelJS.DataBarRuleType & { color: { argb: string } } = {
        type: 'dataBar',
        priority,
        gradient: false, // the x14 data bar: ExcelJS then writes the ext its cfRule refers to
        cfvo: [{ type: 'min' }, { type: 'max' }],
        color: argb(format.color),
      };
      return bar;
    }
    case 'colorScale':
      return {
        type: 'colorScale',
        priority,
        cfvo: [{ type: 'min' }, { type: 'max' }],
        color: [argb(format.minColor), argb(format.maxColor)],
      };
    case 'cellValue': {
      const style: Partial<ExcelJS.Style> = { fill: { type: 'pattern', pattern: 'solid', bgColor: argb(format.fill) } };
      if (format.fontColor !== undefined) style.font = { color: argb(format.fontColor) };
      // OOXML knows greaterThanOrEqual / lessThanOrEqual too; ExcelJS writes the operator as given.
      const operator = format.operator as ExcelJS.CellIsOperators;
      return { type: 'cellIs', priority, operator, formulae: [criterionFormula(format.value)], style };
    }
  }
}

/** The data-row range of a table column, e.g. `L6:L120`; null when the column is unknown. */
function columnRange(table: TableSpec, placement: TablePlacement, key: string): string | null {
  const index = table.columns.findIndex((c) => c.key === key);
  if (index < 0) return null;
  const letter = columnLetter(index);
  return `${letter}${placement.firstDataRow}:${letter}${placement.lastDataRow}`;
}

export function addConditionalFormats(
  ws: ExcelJS.Worksheet,
  table: TableSpec,
  placement: TablePlacement,
  formats: readonly ConditionalFormatSpec[],
  nextPriority: () => number,
): void {
  for (const format of formats) {
    const ref = columnRange(table, placement, format.column);
    if (ref !== null) ws.addConditionalFormatting({ ref, rules: [rule(format, nextPriority())] });
  }
}

const BAR_COLORS = ['5B9BD5', 'ED7D31', 'A5A5A5', 'FFC000'];

/** The data bars that show a chart's series where the .xlsx cannot hold the chart itself. */
export function chartDataBars(chart: ChartSpec): ConditionalFormatSpec[] {
  return chart.series.map((column, i) => ({ kind: 'dataBar', column, color: BAR_COLORS[i % BAR_COLORS.length] ?? '5B9BD5' }));
}
