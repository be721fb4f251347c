// A SheetSpec's frozen header and print setup in ExcelJS: orientation, fit to N pages wide,
// narrow margins, the header row repeated on every page, and the header/footer (`&L…&C…&R…`, with &P / &N).
import type ExcelJS from 'exceljs';
import { PRINT_MARGINS, type HeaderFooter, type SheetSpec } from '../sheets/spec';

/** `&L…&C…&R…` from the three parts; the texts are already header code (`&&` for a literal &). */
export function headerFooterText(parts: HeaderFooter): string {
  const sections: [string, string | undefined][] = [
    ['&L', parts.left],
    ['&C', parts.center],
    ['&R', parts.right],
  ];
  return sections.map(([code, text]) => (text === undefined || text === '' ? '' : `${code}${text}`)).join('');
}

export function applyPrintSetup(ws: ExcelJS.Worksheet, spec: SheetSpec, headerRow: number | null): void {
  ws.pageSetup.orientation = spec.print.orientation;
  ws.pageSetup.paperSize = 9; // A4
  ws.pageSetup.margins = { ...PRINT_MARGINS };
  ws.pageSetup.fitToPage = true;
  ws.pageSetup.fitToWidth = spec.print.fitToPagesWide;
  ws.pageSetup.fitToHeight = 0; // as many pages down as needed
  if (spec.print.repeatHeaderRow && headerRow !== null) ws.pageSetup.printTitlesRow = `${headerRow}:${headerRow}`;
  ws.headerFooter.oddHeader = headerFooterText(spec.print.header);
  ws.headerFooter.oddFooter = headerFooterText(spec.print.footer);
}

export function freezeHeader(ws: ExcelJS.Worksheet, spec: SheetSpec, headerRow: number | null): void {
  if (!spec.freezeHeader || headerRow === null) return;
  ws.views = [{ state: 'frozen', xSplit: 0, ySplit: headerRow, topLeftCell: `A${headerRow + 1}`, activeCell: `A${headerRow + 1}` }];
}
