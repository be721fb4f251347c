// The workbook's cell formats (styles.xml): one format per number format, font and wrapping,
// shared by every cell that looks alike (100k rows need not hold 1M styles); and the
// differential formats (dxf) of the cell-value highlights.
import { cellNumberFormat, wrapsText } from '../sheets/formats';
import type { ColumnSpec, SpecValue } from '../sheets/spec';
import { escapeXml, MAIN_NS, XML_DECLARATION } from './xml';

/** Number formats every spreadsheet knows by id (ECMA-376 §18.8.30); others get ids from 164. */
const BUILT_IN_FORMATS: Readonly<Record<string, number>> = {
  General: 0,
  '0': 1,
  '0.00': 2,
  '#,##0': 3,
  '#,##0.00': 4,
  '0%': 9,
  '0.00%': 10,
  '@': 49,
};
const FIRST_CUSTOM_FORMAT = 164;

export type FontKind = 'normal' | 'bold' | 'title';
const FONTS: readonly FontKind[] = ['normal', 'bold', 'title'];

function fontXml(kind: FontKind): string {
  const bold = kind === 'normal' ? '' : '<b/>';
  const size = kind === 'title' ? 14 : 11;
  return `<font>${bold}<sz val="${size}"/><color theme="1"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font>`;
}

interface CellFormat {
  numFmtId: number;
  font: FontKind;
  wrap: boolean;
}

/** A highlight: font colour and fill, as RRGGBB. */
export interface Highlight {
  fill: string;
  fontColor?: string;
}

export function argb(color: string): string {
  const hex = color.replace(/^#/, '').toUpperCase();
  return hex.length === 6 ? `FF${hex}` : hex;
}

export class Styles {
  private readonly customFormats = new Map<string, number>();
  private readonly formats: CellFormat[] = [{ numFmtId: 0, font: 'normal', wrap: false }];
  private readonly indexes = new Map<string, number>([['normal||General', 0]]);
  private readonly highlights: Highlight[] = [];

  /** The index (`s` attribute) of the cell format with this number format, font and wrapping. */
  get(numFmt: string, font: FontKind = 'normal', wrap = false): number {
    const key = `${font}|${wrap ? 'w' : ''}|${numFmt}`;
    let index = this.indexes.get(key);
    if (index === undefined) {
      index = this.formats.length;
      this.formats.push({ numFmtId: this.numFmtId(numFmt), font, wrap });
      this.indexes.set(key, index);
    }
    return index;
  }

  /** The format of one cell of `column` in `row` (a row currency's decimals where it has one; text wraps). */
  forCell(column: ColumnSpec, row: readonly SpecValue[], columns: readonly ColumnSpec[]): number {
    return this.get(cellNumberFormat(column, row, columns), 'normal', wrapsText(column));
  }

  /** The index (`dxfId`) of a highlight. */
  highlight(highlight: Highlight): number {
    this.highlights.push(highlight);
    return this.highlights.length - 1;
  }

  private numFmtId(code: string): number {
    const builtIn = BUILT_IN_FORMATS[code];
    if (builtIn !== undefined) return builtIn;
    let id = this.customFormats.get(code);
    if (id === undefined) {
      id = FIRST_CUSTOM_FORMAT + this.customFormats.size;
      this.customFormats.set(code, id);
    }
    return id;
  }

  xml(): string {
    const numFmts = [...this.customFormats].map(([code, id]) => `<numFmt numFmtId="${id}" formatCode="${escapeXml(code)}"/>`).join('');
    const xfs = this.formats
      .map(({ numFmtId, font, wrap }) => {
        const fontId = FONTS.indexOf(font);
        const apply = `${numFmtId === 0 ? '' : ' applyNumberFormat="1"'}${fontId === 0 ? '' : ' applyFont="1"'}`;
        const start = `<xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="0" borderId="0" xfId="0"${apply}`;
        return wrap ? `${start} applyAlignment="1"><alignment wrapText="1"/></xf>` : `${start}/>`;
      })
      .join('');
    const dxfs = this.highlights
      .map(({ fill, fontColor }) => {
        const font = fontColor === undefined ? '' : `<font><color rgb="${argb(fontColor)}"/></font>`;
        return `<dxf>${font}<fill><patternFill patternType="solid"><bgColor rgb="${argb(fill)}"/></patternFill></fill></dxf>`;
      })
      .join('');
    return (
      `${XML_DECLARATION}<styleSheet xmlns="${MAIN_NS}">` +
      (this.customFormats.size > 0 ? `<numFmts count="${this.customFormats.size}">${numFmts}</numFmts>` : '') +
      `<fonts count="${FONTS.length}">${FONTS.map(fontXml).join('')}</fonts>` +
      '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
      '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      `<cellXfs count="${this.formats.length}">${xfs}</cellXfs>` +
      '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
      `<dxfs count="${this.highlights.length}">${dxfs}</dxfs>` +
      '<tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/>' +
      '</styleSheet>'
    );
  }
}
