// The parts around the worksheets that make the zip an .xlsx: content types, relationships, the
// workbook (sheets, print titles, recalculation on opening), document properties and theme.
import theme from 'exceljs/lib/xlsx/xml/theme1.js';
import { escapeXml, MAIN_NS, REL_NS, XML_DECLARATION } from './xml';

const PACKAGE_RELS_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const DOC_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const TYPE = 'application/vnd.openxmlformats-officedocument';

export const THEME_XML: string = theme;

export function contentTypesXml(sheets: number, tables: number): string {
  const override = (part: string, type: string) => `<Override PartName="${part}" ContentType="${type}"/>`;
  const sheetParts = Array.from({ length: sheets }, (_, i) => override(`/xl/worksheets/sheet${i + 1}.xml`, `${TYPE}.spreadsheetml.worksheet+xml`));
  const tableParts = Array.from({ length: tables }, (_, i) => override(`/xl/tables/table${i + 1}.xml`, `${TYPE}.spreadsheetml.table+xml`));
  return (
    `${XML_DECLARATION}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    override('/xl/workbook.xml', `${TYPE}.spreadsheetml.sheet.main+xml`) +
    sheetParts.join('') +
    override('/xl/theme/theme1.xml', `${TYPE}.theme+xml`) +
    override('/xl/styles.xml', `${TYPE}.spreadsheetml.styles+xml`) +
    override('/xl/sharedStrings.xml', `${TYPE}.spreadsheetml.sharedStrings+xml`) +
    tableParts.join('') +
    override('/docProps/core.xml', 'application/vnd.openxmlformats-package.core-properties+xml') +
    override('/docProps/app.xml', `${TYPE}.extended-properties+xml`) +
    '</Types>'
  );
}

function relationships(targets: readonly { type: string; target: string }[]): string {
  const rels = targets.map(({ type, target }, i) => `<Relationship Id="rId${i + 1}" Type="${type}" Target="${target}"/>`).join('');
  return `${XML_DECLARATION}<Relationships xmlns="${PACKAGE_RELS_NS}">${rels}</Relationships>`;
}

export function rootRelsXml(): string {
  return relationships([
    { type: `${DOC_REL}/officeDocument`, target: 'xl/workbook.xml' },
    { type: 'http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties', target: 'docProps/core.xml' },
    { type: `${DOC_REL}/extended-properties`, target: 'docProps/app.xml' },
  ]);
}

/** The workbook's relationships: the sheets first (rId1…rIdN, as workbook.xml names them), then the rest. */
export function workbookRelsXml(sheets: number): string {
  return relationships([
    ...Array.from({ length: sheets }, (_, i) => ({ type: `${DOC_REL}/worksheet`, target: `worksheets/sheet${i + 1}.xml` })),
    { type: `${DOC_REL}/styles`, target: 'styles.xml' },
    { type: `${DOC_REL}/theme`, target: 'theme/theme1.xml' },
    { type: `${DOC_REL}/sharedStrings`, target: 'sharedStrings.xml' },
  ]);
}

/** A sheet's relationships: its tables, rId1…rIdN in the order of its tableParts. */
export function sheetRelsXml(tableIds: readonly number[]): string {
  return relationships(tableIds.map((id) => ({ type: `${DOC_REL}/table`, target: `../tables/table${id}.xml` })));
}

export interface WorkbookSheet {
  name: string;
  /** The row repeated at the top of every printed page, if any. */
  printTitlesRow: number | null;
}

export function workbookXml(sheets: readonly WorkbookSheet[]): string {
  const list = sheets.map((sheet, i) => `<sheet name="${escapeXml(sheet.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('');
  const names = sheets
    .flatMap((sheet, i) => {
      if (sheet.printTitlesRow === null) return [];
      const row = `$${sheet.printTitlesRow}:$${sheet.printTitlesRow}`;
      return [`<definedName name="_xlnm.Print_Titles" localSheetId="${i}">${escapeXml(`'${sheet.name.replace(/'/g, "''")}'!${row}`)}</definedName>`];
    })
    .join('');
  return (
    `${XML_DECLARATION}<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">` +
    '<workbookPr defaultThemeVersion="164011"/>' +
    '<bookViews><workbookView activeTab="0"/></bookViews>' +
    `<sheets>${list}</sheets>` +
    (names === '' ? '' : `<definedNames>${names}</definedNames>`) +
    '<calcPr calcId="191029" fullCalcOnLoad="1"/>' + // the totals rows are computed on opening
    '</workbook>'
  );
}

/** `2026-06-30T12:00:00Z`: W3CDTF to the second. */
function w3cdtf(date: Date): string {
  return `${date.toISOString().slice(0, 19)}Z`;
}

export function coreXml(author: string, created: Date): string {
  const stamp = w3cdtf(created);
  return (
    `${XML_DECLARATION}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ` +
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" ' +
    'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:creator>${escapeXml(author)}</dc:creator><cp:lastModifiedBy>${escapeXml(author)}</cp:lastModifiedBy>` +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${stamp}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${stamp}</dcterms:modified>` +
    '</cp:coreProperties>'
  );
}

export function appXml(application: string): string {
  return (
    `${XML_DECLARATION}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" ` +
    `xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><Application>${escapeXml(application)}</Application></Properties>`
  );
}
