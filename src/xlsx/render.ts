// SheetSpecs into an .xlsx file (used by `subledger build` and the task pane's "Download
// workbook"): title lines, real tables with SUBTOTAL totals rows, number formats, frozen header,
// conditional formats, print setup and page breaks. The SpreadsheetML is written here directly,
// sheet by sheet and row by row into a zip deflated as it goes (see README.md for why not ExcelJS);
// charts and pivot tables are not written: a chart's series get data bars instead.
import type { SheetSpec } from '../sheets/spec';
import { SharedStrings } from './cells-xml';
import { appXml, contentTypesXml, coreXml, rootRelsXml, sheetRelsXml, THEME_XML, workbookRelsXml, workbookXml, type WorkbookSheet } from './package';
import { layoutSheet, worksheetXml } from './sheet';
import { Styles } from './styles';
import { tablePartXml } from './tables';
import { concat, ZipWriter, type EntryDeflater } from './zip';

export interface RenderOptions {
  /** Called after each sheet with the number of sheets done and the total. */
  onProgress?: (done: number, total: number, sheet: string) => void;
  /** Makes each zip entry's deflater (default: the platform's CompressionStream). */
  deflater?: () => EntryDeflater;
  /** Zip entries that may still be deflating while the next are written (see ZipWriter; default 1). */
  deflatingAhead?: number;
}

/**
 * The author written into a workbook's document properties (creator and last modified by).
 * `subledger build` replaces an existing file only when both still say this and it has not been
 * modified since it was created: a workbook it wrote that nobody saved since.
 */
export const WORKBOOK_AUTHOR = 'Subledger';

/** A sheet to write: its spec, or what makes it (called just before the sheet is written). */
export type SheetSource = SheetSpec | (() => SheetSpec);

/**
 * Writes the sheets in order. A sheet given as a function is made just before it is written, so
 * that the previous sheet deflates meanwhile (with a deflater working elsewhere) and no sheet is
 * held after it is written; the parts that list every sheet (content types, workbook) keep their
 * place at the front of the archive and are filled at the end.
 */
export async function renderXlsx(sources: readonly SheetSource[], options: RenderOptions = {}): Promise<Uint8Array> {
  return concat(await renderXlsxPieces(sources, options));
}

/** `renderXlsx`'s file in pieces, one after the other (a writer may write them as they are, without a copy made whole). */
export async function renderXlsxPieces(sources: readonly SheetSource[], options: RenderOptions = {}): Promise<Uint8Array[]> {
  const now = new Date();
  const zip = new ZipWriter(now, options.deflater, options.deflatingAhead);
  const contentTypes = zip.reserve('[Content_Types].xml');
  await zip.add('_rels/.rels', [rootRelsXml()]);
  await zip.add('docProps/core.xml', [coreXml(WORKBOOK_AUTHOR, now)]);
  await zip.add('docProps/app.xml', [appXml(WORKBOOK_AUTHOR)]);
  const workbook = zip.reserve('xl/workbook.xml');
  await zip.add('xl/_rels/workbook.xml.rels', [workbookRelsXml(sources.length)]);
  await zip.add('xl/theme/theme1.xml', [THEME_XML]);
  const styles = new Styles();
  const strings = new SharedStrings();
  let bars = 0;
  const context = { styles, strings, nextBarId: () => ++bars };
  let tableId = 0;
  const sheets: WorkbookSheet[] = [];
  for (const [i, source] of sources.entries()) {
    const layout = layoutSheet(typeof source === 'function' ? source() : source);
    sheets.push({ name: layout.spec.name, printTitlesRow: layout.spec.print.repeatHeaderRow ? layout.headerRow : null });
    await zip.add(`xl/worksheets/sheet${i + 1}.xml`, worksheetXml(layout, context, i === 0));
    const ids = layout.tables.map(() => ++tableId);
    if (ids.length > 0) await zip.add(`xl/worksheets/_rels/sheet${i + 1}.xml.rels`, [sheetRelsXml(ids)]);
    for (const [j, { table, placement }] of layout.tables.entries()) await zip.add(`xl/tables/table${ids[j] ?? 0}.xml`, [tablePartXml(table, placement, ids[j] ?? 0)]);
    options.onProgress?.(i + 1, sources.length, layout.spec.name);
  }
  await contentTypes([contentTypesXml(sources.length, tableId)]);
  await workbook([workbookXml(sheets)]);
  await zip.add('xl/sharedStrings.xml', strings.xml());
  await zip.add('xl/styles.xml', [styles.xml()]);
  return zip.finishPieces();
}
