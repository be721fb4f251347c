// One TableSpec as a real Excel table (ListObject): caption, header, data rows with per-column
// number formats, and a totals row whose cells are SUBTOTAL(109, Table[Column]) etc. (Excel and
// LibreOffice compute it, so a filter keeps totals right); the table part (xl/tables/tableN.xml)
// that makes the range a table.
import type { ColumnSpec, SpecValue, TableSpec, TotalFunction } from '../sheets/spec';
import { exponentReader, LINE_HEIGHT, wrappedLines, wrapsText } from '../sheets/formats';
import { cellValueIn } from '../sheets/cell-values';
import { endRow, RowCells, startRow, writeCell, writeFormula, type SharedStrings } from './cells-xml';
import type { Styles } from './styles';
import { columnLetter } from '../sheets/columns';
import { escapeXml, MAIN_NS, XML_DECLARATION } from './xml';
import type { XmlBytes } from './xml-bytes';

/** Where a table lands on the sheet (1-based rows). */
export interface TablePlacement {
  headerRow: number;
  firstDataRow: number;
  lastDataRow: number;
  /** The row after the table (and its totals row). */
  nextRow: number;
}

/** An Excel table needs a data row: an empty report shows one empty row. */
function dataRows(table: TableSpec): SpecValue[][] {
  return table.rows.length > 0 ? table.rows : [table.columns.map(() => null)];
}

/** The table with its top-left corner in column A of `topRow` (its caption, if any, on that row). */
export function placeTable(table: TableSpec, topRow: number): TablePlacement {
  const headerRow = table.caption === undefined ? topRow : topRow + 1;
  const lastDataRow = headerRow + Math.max(1, table.rows.length);
  return { headerRow, firstDataRow: headerRow + 1, lastDataRow, nextRow: lastDataRow + (table.totalsRow ? 2 : 1) };
}

/** SUBTOTAL's function number that ignores filtered-out rows. */
const SUBTOTAL: Record<Exclude<TotalFunction, 'none'>, number> = { sum: 109, count: 103, average: 101 };

/** A column name inside a structured reference: ' [ ] # are escaped with an apostrophe. */
function referenceName(header: string): string {
  return header.replace(/['[\]#]/g, "'$&");
}

/**
 * What every table of the same columns shares when written: the columns' letters and cells, the
 * header row's height and style, each column's style (per row exponent where money follows the
 * row's currency) and the totals row's styles. A workbook of 8,000 party cards has 8,000 tables of
 * one set of columns: made once, not per table.
 */
interface ColumnPlan {
  styles: Styles;
  strings: SharedStrings;
  letters: string[];
  cells: RowCells;
  headerStyle: number;
  headerLines: number;
  wrapping: number[];
  /** The column's style where it is the same on every row; null where it follows the row's exponent. */
  fixed: (number | null)[];
  byExponent: Map<number, number>[];
  exponents: ((row: readonly SpecValue[]) => number)[];
  totalsStyles: number[];
}

const PLANS = new WeakMap<readonly ColumnSpec[], ColumnPlan>();

function planOf(columns: readonly ColumnSpec[], styles: Styles, strings: SharedStrings): ColumnPlan {
  const known = PLANS.get(columns);
  if (known !== undefined && known.styles === styles && known.strings === strings) return known;
  const letters = columns.map((_, j) => columnLetter(j));
  const plan: ColumnPlan = {
    styles,
    strings,
    letters,
    cells: new RowCells(letters, strings),
    headerStyle: styles.get('General', 'bold', true), // bold also where the table style is not drawn (LibreOffice); wrapped
    // bold text is a little wider: a header line holds one character less
    headerLines: Math.max(...columns.map((column) => wrappedLines(column.header, column.width - 1))),
    wrapping: columns.flatMap((column, j) => (wrapsText(column) ? [j] : [])),
    // a column's format is the same on every row, but for money in each row's own currency, where
    // it follows the row's exponent alone (one format per exponent)
    fixed: columns.map((column) => (column.currencyColumn === undefined ? styles.forCell(column, [], columns) : null)),
    byExponent: columns.map(() => new Map<number, number>()),
    exponents: columns.map((column) => exponentReader(column, columns)),
    totalsStyles: [],
  };
  PLANS.set(columns, plan);
  return plan;
}

/** The styles of the totals row's cells (made at the first totals row, as they were per table). */
function totalsStylesOf(plan: ColumnPlan, columns: readonly ColumnSpec[]): number[] {
  if (plan.totalsStyles.length === 0 && columns.length > 0) {
    plan.totalsStyles = columns.map((column) => plan.styles.get(column.currencyColumn === undefined ? column.numberFormat : 'General', 'bold'));
  }
  return plan.totalsStyles;
}

/**
 * The rows of the table (caption, header, data, totals) as worksheet XML, written into `out`;
 * yields whenever `out` holds a chunk's worth, to be taken.
 */
export function* tableRows(table: TableSpec, placement: TablePlacement, styles: Styles, strings: SharedStrings, out: XmlBytes): Generator<void> {
  const { columns } = table;
  if (table.caption !== undefined) {
    const row = placement.headerRow - 1;
    startRow(out, row);
    writeCell(out, 'A', row, styles.get('@', 'bold'), table.caption, strings);
    endRow(out);
  }
  const plan = planOf(columns, styles, strings);
  const { letters, cells, wrapping, fixed, byExponent, exponents } = plan;
  const header = placement.headerRow;
  startRow(out, header, plan.headerLines, LINE_HEIGHT);
  columns.forEach((column, j) => writeCell(out, letters[j] ?? '', header, plan.headerStyle, column.header, strings));
  endRow(out);
  let r = placement.firstDataRow;
  for (const row of dataRows(table)) {
    let lines = 1;
    for (const j of wrapping) {
      const value = row[j];
      const width = columns[j]?.width ?? 0;
      if (typeof value === 'string' && value.length > width) lines = Math.max(lines, wrappedLines(value, width));
    }
    startRow(out, r, lines, LINE_HEIGHT);
    cells.row(r);
    for (let j = 0; j < columns.length; j++) {
      const column = columns[j] as ColumnSpec;
      const value = row[j] ?? null;
      const exponent = (exponents[j] as (row: readonly SpecValue[]) => number)(row);
      let style = fixed[j] ?? null;
      if (style === null) {
        const perExponent = byExponent[j] as Map<number, number>;
        style = perExponent.get(exponent) ?? null;
        if (style === null) {
          style = styles.forCell(column, row, columns);
          perExponent.set(exponent, style);
        }
      }
      cells.write(out, j, style, cellValueIn(column, value, exponent));
    }
    endRow(out);
    if (out.full) yield;
    r += 1;
  }
  if (table.totalsRow) {
    const totals = placement.lastDataRow + 1;
    const totalsStyles = totalsStylesOf(plan, columns);
    startRow(out, totals);
    columns.forEach((column, j) => {
      const letter = letters[j] ?? '';
      const style = totalsStyles[j] ?? 0;
      const total = column.total ?? 'none';
      if (j === 0) writeCell(out, letter, totals, style, table.totalsLabel ?? 'Total', strings);
      else if (total === 'none') writeCell(out, letter, totals, style, null, strings);
      else writeFormula(out, letter, totals, style, `SUBTOTAL(${SUBTOTAL[total]},${table.name}[${referenceName(column.header)}])`);
    });
    endRow(out);
  }
  if (out.full) yield;
}

/** A table part's `<tableColumns>`: the same for every table of one set of columns, totals row and label (made once for 8,000 party cards). */
const TABLE_COLUMNS = new WeakMap<readonly ColumnSpec[], Map<string, string>>();

function tableColumnsXml(table: TableSpec): string {
  const key = table.totalsRow ? `t${table.totalsLabel ?? 'Total'}` : 'n';
  let known = TABLE_COLUMNS.get(table.columns);
  const xml = known?.get(key);
  if (xml !== undefined) return xml;
  const columns = table.columns
    .map((column, j) => {
      const name = `<tableColumn id="${j + 1}" name="${escapeXml(column.header)}"`;
      if (!table.totalsRow) return `${name}/>`;
      if (j === 0) return `${name} totalsRowLabel="${escapeXml(table.totalsLabel ?? 'Total')}"/>`;
      return `${name} totalsRowFunction="${column.total ?? 'none'}"/>`;
    })
    .join('');
  const made = `<tableColumns count="${table.columns.length}">${columns}</tableColumns>`;
  if (known === undefined) TABLE_COLUMNS.set(table.columns, (known = new Map<string, string>()));
  known.set(key, made);
  return made;
}

/** The table part: its range, filter, columns with their totals functions, and style. */
export function tablePartXml(table: TableSpec, placement: TablePlacement, id: number): string {
  const lastColumn = columnLetter(table.columns.length - 1);
  const end = table.totalsRow ? placement.lastDataRow + 1 : placement.lastDataRow;
  const ref = `A${placement.headerRow}:${lastColumn}${end}`;
  const totals = table.totalsRow ? ' totalsRowCount="1"' : ' totalsRowShown="0"';
  const name = escapeXml(table.name);
  return (
    `${XML_DECLARATION}<table xmlns="${MAIN_NS}" id="${id}" name="${name}" displayName="${name}" ref="${ref}"${totals} headerRowCount="1">` +
    `<autoFilter ref="A${placement.headerRow}:${lastColumn}${placement.lastDataRow}"/>` +
    tableColumnsXml(table) +
    '<tableStyleInfo name="TableStyleMedium2" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></table>'
  );
}
