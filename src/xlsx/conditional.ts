// A table's conditional formats (cell value highlights, colour scales, data bars) as worksheet
// XML on the table's data rows; and, since the .xlsx holds no charts, the data bars that stand
// in for a sheet's charts (one per charted series column). A data bar is written twice, as
// Excel does: the 2006 rule (LibreOffice, older Excel) and its 2009 extension (solid bars from
// zero), tied by an id.
import { criterionFormula } from '../sheets/formats';
import type { ChartSpec, ConditionalFormatSpec, TableSpec } from '../sheets/spec';
import { argb, type Styles } from './styles';
import type { TablePlacement } from './tables';
import { columnLetter } from '../sheets/columns';
import { escapeXml } from './xml';

/** One conditional format placed on a range of the sheet. */
export interface PlacedFormat {
  ref: string;
  format: ConditionalFormatSpec;
}

/** The data-row range of a table column, e.g. `L6:L120`; null when the column is unknown. */
function columnRange(table: TableSpec, placement: TablePlacement, key: string): string | null {
  const index = table.columns.findIndex((c) => c.key === key);
  if (index < 0) return null;
  const letter = columnLetter(index);
  return `${letter}${placement.firstDataRow}:${letter}${placement.lastDataRow}`;
}

export function placeFormats(table: TableSpec, placement: TablePlacement, formats: readonly ConditionalFormatSpec[]): PlacedFormat[] {
  return formats.flatMap((format) => {
    const ref = columnRange(table, placement, format.column);
    return ref === null ? [] : [{ ref, format }];
  });
}

const BAR_COLORS = ['5B9BD5', 'ED7D31', 'A5A5A5', 'FFC000'];

/** The data bars that show a chart's series where the .xlsx cannot hold the chart itself. */
export function chartDataBars(chart: ChartSpec): ConditionalFormatSpec[] {
  return chart.series.map((column, i) => ({ kind: 'dataBar', column, color: BAR_COLORS[i % BAR_COLORS.length] ?? '5B9BD5' }));
}

const X14_NS = 'http://schemas.microsoft.com/office/spreadsheetml/2009/9/main';

/** A GUID-shaped id tying a data bar's 2006 rule to its 2009 extension. */
function barId(n: number): string {
  return `{6E0C4D1A-0000-4000-8000-${n.toString(16).toUpperCase().padStart(12, '0')}}`;
}

function ruleXml(format: ConditionalFormatSpec, priority: number, styles: Styles, id: string): string {
  switch (format.kind) {
    case 'dataBar':
      return (
        `<cfRule type="dataBar" priority="${priority}"><dataBar><cfvo type="min"/><cfvo type="max"/><color rgb="${argb(format.color)}"/></dataBar>` +
        `<extLst><ext uri="{B025F937-C7B1-47D3-B67F-A62EFF666E3E}" xmlns:x14="${X14_NS}"><x14:id>${id}</x14:id></ext></extLst></cfRule>`
      );
    case 'colorScale':
      return (
        `<cfRule type="colorScale" priority="${priority}"><colorScale><cfvo type="min"/><cfvo type="max"/>` +
        `<color rgb="${argb(format.minColor)}"/><color rgb="${argb(format.maxColor)}"/></colorScale></cfRule>`
      );
    case 'cellValue': {
      const dxf = styles.highlight(format.fontColor === undefined ? { fill: format.fill } : { fill: format.fill, fontColor: format.fontColor });
      return `<cfRule type="cellIs" dxfId="${dxf}" priority="${priority}" operator="${format.operator}"><formula>${escapeXml(criterionFormula(format.value))}</formula></cfRule>`;
    }
  }
}

/** The sheet's conditional formats (after sheetData) and the extension list of its data bars (last in the sheet). */
export function conditionalXml(placed: readonly PlacedFormat[], styles: Styles, nextId: () => number): { formats: string; extension: string } {
  let formats = '';
  let bars = '';
  placed.forEach(({ ref, format }, i) => {
    const id = format.kind === 'dataBar' ? barId(nextId()) : '';
    formats += `<conditionalFormatting sqref="${ref}">${ruleXml(format, i + 1, styles, id)}</conditionalFormatting>`;
    if (format.kind === 'dataBar') {
      bars +=
        '<x14:conditionalFormatting xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main">' +
        `<x14:cfRule type="dataBar" id="${id}"><x14:dataBar minLength="0" maxLength="100" gradient="0"><x14:cfvo type="min"/><x14:cfvo type="max"/></x14:dataBar></x14:cfRule>` +
        `<xm:sqref>${ref}</xm:sqref></x14:conditionalFormatting>`;
    }
  });
  const extension = bars === '' ? '' : `<extLst><ext uri="{78C0D931-6437-407d-A8EE-F0AAD7539E65}" xmlns:x14="${X14_NS}"><x14:conditionalFormattings>${bars}</x14:conditionalFormattings></ext></extLst>`;
  return { formats, extension };
}
