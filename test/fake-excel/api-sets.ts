// The requirement set of every API member the fake implements, copied from the Office.js
// reference ("[Api set: ExcelApi 1.x]"). A member above the configured set is rejected, as a host
// that only supports that set would (the manifest asks for ExcelApi 1.9).
import { fail } from './errors';

/** Member → minor version of ExcelApi 1.x (`13` is ExcelApi 1.13). */
export const EXCEL_API: Readonly<Record<string, number>> = {
  'Application.suspendApiCalculationUntilNextSync': 6,
  'Workbook.worksheets': 1,
  'Workbook.tables': 1,
  'Workbook.settings': 4,
  'Workbook.customXmlParts': 5,
  'WorksheetCollection.add': 1,
  'WorksheetCollection.getItem': 1,
  'WorksheetCollection.getItemOrNullObject': 4,
  'WorksheetCollection.items': 1,
  'WorksheetCollection.getActiveWorksheet': 1,
  'Worksheet.activate': 1,
  'Worksheet.name': 1,
  'Worksheet.id': 1,
  'Worksheet.position': 1,
  'Worksheet.visibility': 1,
  'Worksheet.visibility.set': 2,
  'Worksheet.delete': 1,
  'Worksheet.getRange': 1,
  'Worksheet.getRangeByIndexes': 7,
  'Worksheet.getCell': 1,
  'Worksheet.getUsedRange': 1,
  'Worksheet.tables': 1,
  'Worksheet.charts': 1,
  'Worksheet.pivotTables': 3,
  'Worksheet.freezePanes': 7,
  'Worksheet.pageLayout': 9,
  'Worksheet.horizontalPageBreaks': 9,
  'Range.address': 1,
  'Range.rowCount': 1,
  'Range.columnCount': 1,
  'Range.rowIndex': 1,
  'Range.columnIndex': 1,
  'Range.values': 1,
  'Range.text': 1,
  'Range.formulas': 1,
  'Range.numberFormat': 1,
  'Range.columnHidden': 2,
  'Range.format': 1,
  'Range.getCell': 1,
  'Range.getResizedRange': 2,
  'Range.getOffsetRange': 1,
  'Range.getEntireRow': 1,
  'Range.insert': 1,
  'Range.delete': 1,
  'Range.clear': 1,
  'Range.copyFrom': 9,
  'Range.conditionalFormats': 6,
  'RangeFormat.columnWidth': 2,
  'RangeFormat.horizontalAlignment': 1,
  'RangeFormat.font': 1,
  'RangeFormat.fill': 1,
  'RangeFormat.wrapText': 1,
  'RangeFont.bold': 1,
  'RangeFont.size': 1,
  'RangeFont.color': 1,
  'RangeFill.color': 1,
  'TableCollection.add': 1,
  'TableCollection.getItem': 1,
  'TableCollection.getItemOrNullObject': 4,
  'TableCollection.items': 1,
  'Table.name': 1,
  'Table.style': 1,
  'Table.showTotals': 1,
  'Table.showHeaders': 1,
  'Table.delete': 1,
  'Table.getRange': 1,
  'Table.getHeaderRowRange': 1,
  'Table.getDataBodyRange': 1,
  'Table.getTotalRowRange': 1,
  'Table.rows': 1,
  'Table.columns': 1,
  'Table.worksheet': 2,
  'Table.onChanged': 7,
  'Table.onChanged.add': 7,
  'Table.onChanged.remove': 7,
  'Table.resize': 13,
  'TableRowCollection.count': 1,
  'TableRowCollection.deleteRows': 99, // ExcelApiOnline only: never on a desktop host
  'TableColumnCollection.count': 1,
  'TableColumnCollection.getItemAt': 1,
  'TableColumnCollection.items': 1,
  'TableColumn.name': 1,
  'TableColumn.getDataBodyRange': 1,
  'TableColumn.getTotalRowRange': 1,
  'ConditionalFormatCollection.add': 6,
  'ConditionalFormatCollection.clearAll': 6,
  'ConditionalFormatCollection.getCount': 6,
  'ChartCollection.add': 1,
  'ChartCollection.count': 1,
  'Chart.title': 1,
  'Chart.name': 1,
  'Chart.delete': 1,
  'Chart.setPosition': 1,
  'Chart.series': 1,
  'ChartSeriesCollection.add': 7,
  'ChartSeriesCollection.getItemAt': 1,
  'ChartSeriesCollection.count': 1,
  'ChartSeries.name': 1,
  'ChartSeries.setValues': 7,
  'ChartSeries.setXAxisValues': 7,
  'PivotTableCollection.add': 8,
  'PivotTableCollection.getCount': 4,
  'PivotTable.name': 3,
  'PivotTable.delete': 8,
  'PivotTable.rowHierarchies': 8,
  'PivotTable.dataHierarchies': 8,
  'PivotTable.hierarchies': 8,
  'DataPivotHierarchy.summarizeBy': 8,
  'WorksheetFreezePanes.freezeRows': 7,
  'WorksheetFreezePanes.getLocationOrNullObject': 7,
  'PageLayout.orientation': 9,
  'PageLayout.zoom': 9,
  'PageLayout.leftMargin': 9,
  'PageLayout.rightMargin': 9,
  'PageLayout.topMargin': 9,
  'PageLayout.bottomMargin': 9,
  'PageLayout.headerMargin': 9,
  'PageLayout.footerMargin': 9,
  'PageLayout.setPrintTitleRows': 9,
  'PageLayout.headersFooters': 9,
  'PageBreakCollection.add': 9,
  'PageBreakCollection.removePageBreaks': 9,
  'PageBreakCollection.getCount': 9,
  'SettingCollection.add': 4,
  'SettingCollection.getItemOrNullObject': 4,
  'Setting.value': 4,
  'Setting.delete': 4,
  'CustomXmlPartCollection.add': 5,
  'CustomXmlPartCollection.getByNamespace': 5,
  'CustomXmlPartScopedCollection.getOnlyItemOrNullObject': 5,
  'CustomXmlPart.getXml': 5,
  'CustomXmlPart.setXml': 5,
  'CustomXmlPart.delete': 5,
  'CustomXmlPart.id': 5,
  'PivotTable.rowHierarchies.add': 8,
  'PivotTable.dataHierarchies.add': 8,
  'HeaderFooterGroup.defaultForAllPages': 9,
  'HeaderFooter.leftHeader': 9,
  'HeaderFooter.centerHeader': 9,
  'HeaderFooter.rightHeader': 9,
  'HeaderFooter.leftFooter': 9,
  'HeaderFooter.centerFooter': 9,
  'HeaderFooter.rightFooter': 9,
  'ConditionalFormat.type': 6,
  'ConditionalFormat.dataBar': 6,
  'ConditionalFormat.colorScale': 6,
  'ConditionalFormat.cellValue': 6,
  'DataBarConditionalFormat.barDirection': 6,
  'DataBarConditionalFormat.showDataBarOnly': 6,
  'DataBarConditionalFormat.positiveFormat': 6,
  'ConditionalDataBarPositiveFormat.fillColor': 6,
  'ConditionalDataBarPositiveFormat.gradientFill': 6,
  'ConditionalDataBarPositiveFormat.borderColor': 6,
  'ColorScaleConditionalFormat.criteria': 6,
  'CellValueConditionalFormat.rule': 6,
  'CellValueConditionalFormat.format': 6,
  'ConditionalRangeFormat.fill': 6,
  'ConditionalRangeFormat.font': 6,
  'ConditionalRangeFill.color': 6,
  'ConditionalRangeFont.color': 6,
  'ConditionalRangeFont.bold': 6,
  'RangeFont.italic': 1,
  'ChartCollection.items': 1,
  'ChartCollection.getItem': 1,
  'PivotTableCollection.items': 3,
  'PivotTableCollection.getItem': 3,
  'TableCollection.count': 1,
  'TableColumn.index': 1,
  'Setting.key': 4,
  'CustomXmlPart.namespaceUri': 5,
  'ChartTitle.text': 1,
  'WorksheetFreezePanes.unfreeze': 7,
  'Range.valueTypes': 1,
  'Worksheet.onChanged': 7,
};

/** Records which members were used and refuses those above the supported set. */
export class ApiRecorder {
  /** Member → the requirement set it needs, as text (`1.13`). */
  readonly used = new Map<string, string>();
  /** Members called although the host's requirement set is too low. */
  readonly rejected = new Set<string>();
  private readonly supportedMinor: number;

  constructor(readonly supported: string) {
    this.supportedMinor = minorOf(supported);
  }

  touch(member: string): void {
    const needs = EXCEL_API[member];
    if (needs === undefined) fail('FakeNotImplemented', `the fake has no requirement set for ${member}`, member);
    if (needs > this.supportedMinor) {
      this.rejected.add(member);
      fail('ApiNotFound', `${member} needs ExcelApi 1.${needs}; this host supports ${this.supported}`, member);
    }
    this.used.set(member, `1.${needs}`);
  }

  /** The highest requirement set among the members used. */
  highestUsed(): string {
    return `1.${Math.max(1, ...[...this.used.values()].map(minorOf))}`;
  }
}

/** `1.13` → 13. */
export function minorOf(version: string): number {
  const m = /^1\.(\d+)$/.exec(version);
  if (!m) fail('InvalidArgument', `not an ExcelApi version: ${version}`);
  return Number(m[1]);
}
