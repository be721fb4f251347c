// One SheetSpec as worksheet XML: where its titles and tables go, then the XML from the sheet's
// properties through its rows to its print setup, table parts and data-bar extensions, written
// row by row into bytes handed on a chunk at a time (a 100k-row sheet is never one string).
import type { SheetSpec, TableSpec } from '../sheets/spec';
import { endRow, startRow, writeCell, type SharedStrings } from './cells-xml';
import { chartDataBars, conditionalXml, placeFormats, type PlacedFormat } from './conditional';
import { printXml, sheetViewXml } from './print';
import type { Styles } from './styles';
import { placeTable, tableRows, type TablePlacement } from './tables';
import { columnLetter } from '../sheets/columns';
import { MAIN_NS, REL_NS, XML_DECLARATION } from './xml';
import { XmlBytes } from './xml-bytes';

export interface PlacedTable {
  table: TableSpec;
  placement: TablePlacement;
}

export interface SheetLayout {
  spec: SheetSpec;
  tables: PlacedTable[];
  /** The first table's header row: frozen, and repeated on every printed page. */
  headerRow: number | null;
  lastRow: number;
}

/** Title lines from row 1, an empty row, then the tables one below the other with an empty row between. */
export function layoutSheet(spec: SheetSpec): SheetLayout {
  let row = spec.titleLines.length > 0 ? spec.titleLines.length + 2 : 1;
  const tables = spec.tables.map((table) => {
    const placement = placeTable(table, row);
    row = placement.nextRow + 1;
    return { table, placement };
  });
  const last = tables[tables.length - 1];
  return {
    spec,
    tables,
    headerRow: tables[0]?.placement.headerRow ?? null,
    lastRow: Math.max(spec.titleLines.length, last === undefined ? 0 : last.placement.nextRow - 1, 1),
  };
}

/** Each column as wide as its widest table wants it. */
function widths(tables: readonly PlacedTable[]): number[] {
  const result: number[] = [];
  for (const { table } of tables) {
    table.columns.forEach((column, j) => {
      result[j] = Math.max(result[j] ?? 0, column.width);
    });
  }
  return result;
}

function formatsOf(layout: SheetLayout): PlacedFormat[] {
  const placed = layout.tables.flatMap(({ table, placement }) => placeFormats(table, placement, table.conditionalFormats ?? []));
  for (const chart of layout.spec.charts ?? []) {
    const target = layout.tables.find(({ table }) => table.name === chart.table);
    if (target) placed.push(...placeFormats(target.table, target.placement, chartDataBars(chart)));
  }
  return placed;
}

/** The rows below which a printed page ends: above a table that starts a page (a party's card, from its caption), before a letter. */
function breaksBelow(layout: SheetLayout): number[] {
  return layout.tables.flatMap(({ table, placement }) => {
    const top = placement.headerRow - (table.caption === undefined ? 0 : 1);
    const before = table.pageBreakBefore === true && top > 1 ? [top - 1] : [];
    return [...before, ...(table.pageBreaksBefore ?? []).filter((index) => index > 0).map((index) => placement.firstDataRow + index - 1)];
  });
}

export interface SheetContext {
  styles: Styles;
  strings: SharedStrings;
  /** Numbers for the ids of data bars, unique in the workbook. */
  nextBarId: () => number;
}

/** The worksheet's XML as bytes, in chunks of about a megabyte. */
export function* worksheetXml(layout: SheetLayout, context: SheetContext, selected: boolean): Generator<Uint8Array<ArrayBuffer>> {
  const { spec } = layout;
  const { styles, strings } = context;
  const out = new XmlBytes();
  const columnWidths = widths(layout.tables);
  const lastColumn = columnLetter(Math.max(1, columnWidths.length) - 1);
  const cols = columnWidths.map((width, j) => `<col min="${j + 1}" max="${j + 1}" width="${width}" customWidth="1"/>`).join('');
  out.text(
    `${XML_DECLARATION}<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">` +
      '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>' +
      `<dimension ref="A1:${lastColumn}${layout.lastRow}"/>` +
      sheetViewXml(spec, layout.headerRow, selected) +
      '<sheetFormatPr defaultRowHeight="15"/>' +
      (cols === '' ? '' : `<cols>${cols}</cols>`) +
      '<sheetData>',
  );
  const titleStyle = styles.get('General', 'title');
  const textStyle = styles.get('@');
  for (const [i, line] of spec.titleLines.entries()) {
    startRow(out, i + 1);
    writeCell(out, 'A', i + 1, i === 0 ? titleStyle : textStyle, line, strings);
    endRow(out);
  }
  for (const { table, placement } of layout.tables) {
    for (const _ of tableRows(table, placement, styles, strings, out)) yield out.take();
  }
  const { formats, extension } = conditionalXml(formatsOf(layout), styles, context.nextBarId);
  const parts = layout.tables.map((_, i) => `<tablePart r:id="rId${i + 1}"/>`).join('');
  out.text(
    '</sheetData>' +
      formats +
      printXml(spec, breaksBelow(layout)) +
      (parts === '' ? '' : `<tableParts count="${layout.tables.length}">${parts}</tableParts>`) +
      extension +
      '</worksheet>',
  );
  yield out.take();
}
