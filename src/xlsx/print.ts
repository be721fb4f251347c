// A SheetSpec's frozen header and print setup as worksheet XML: orientation, A4, fit to N pages
// wide, narrow margins, the header/footer (`&L…&C…&R…`, with &P / &N) and the party breaks; the
// header row repeated on every page is a defined name of the workbook (see package.ts).
import { PRINT_MARGINS, type HeaderFooter, type SheetSpec } from '../sheets/spec';
import { escapeXml } from './xml';

/** `&L…&C…&R…` from the three parts; the texts are already header code (`&&` for a literal &). */
export function headerFooterText(parts: HeaderFooter): string {
  const sections: [string, string | undefined][] = [
    ['&L', parts.left],
    ['&C', parts.center],
    ['&R', parts.right],
  ];
  return sections.map(([code, text]) => (text === undefined || text === '' ? '' : `${code}${text}`)).join('');
}

/** The sheet view: frozen below `headerRow` when the spec asks for it. */
export function sheetViewXml(spec: SheetSpec, headerRow: number | null, selected: boolean): string {
  const tab = selected ? ' tabSelected="1"' : '';
  if (!spec.freezeHeader || headerRow === null) return `<sheetViews><sheetView${tab} workbookViewId="0"/></sheetViews>`;
  const below = `A${headerRow + 1}`;
  return (
    `<sheetViews><sheetView${tab} workbookViewId="0"><pane ySplit="${headerRow}" topLeftCell="${below}" activePane="bottomLeft" state="frozen"/>` +
    `<selection pane="bottomLeft" activeCell="${below}" sqref="${below}"/></sheetView></sheetViews>`
  );
}

const A4 = 9;

/** Margins, page setup, header/footer and the manual row breaks (rows below which a page ends). */
export function printXml(spec: SheetSpec, breaksBelow: readonly number[]): string {
  const m = PRINT_MARGINS;
  const header = headerFooterText(spec.print.header);
  const footer = headerFooterText(spec.print.footer);
  const headerFooter =
    header === '' && footer === ''
      ? ''
      : `<headerFooter>${header === '' ? '' : `<oddHeader>${escapeXml(header)}</oddHeader>`}${footer === '' ? '' : `<oddFooter>${escapeXml(footer)}</oddFooter>`}</headerFooter>`;
  // A break spans columns A..XFD (the highest column index, 16383).
  const breaks = breaksBelow.map((row) => `<brk id="${row}" max="16383" man="1"/>`).join('');
  return (
    `<pageMargins left="${m.left}" right="${m.right}" top="${m.top}" bottom="${m.bottom}" header="${m.header}" footer="${m.footer}"/>` +
    `<pageSetup paperSize="${A4}" orientation="${spec.print.orientation}" fitToWidth="${spec.print.fitToPagesWide}" fitToHeight="0"/>` +
    headerFooter +
    (breaksBelow.length === 0 ? '' : `<rowBreaks count="${breaksBelow.length}" manualBreakCount="${breaksBelow.length}">${breaks}</rowBreaks>`)
  );
}
