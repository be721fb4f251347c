// Rows and cells of a worksheet as XML, and the workbook's shared strings: every text cell
// (ledger text included, whatever it starts with) is a shared string, never a formula; a formula
// is written only where the writer asks for one (the totals rows' SUBTOTALs).
import type { CellValue } from '../sheets/cell-values';
import { encodeXstring } from '../core/spreadsheet-text';
import { escapeXml, MAIN_NS, XML_DECLARATION } from './xml';

/** Each distinct text once, in the order first written; cells refer to it by index. */
export class SharedStrings {
  private readonly indexes = new Map<string, number>();
  private count = 0;

  index(text: string): number {
    this.count += 1;
    let index = this.indexes.get(text);
    if (index === undefined) {
      index = this.indexes.size;
      this.indexes.set(text, index);
    }
    return index;
  }

  /** sharedStrings.xml, in pieces of about `chunk` characters. */
  *xml(chunk: number): Generator<string> {
    let out = `${XML_DECLARATION}<sst xmlns="${MAIN_NS}" count="${this.count}" uniqueCount="${this.indexes.size}">`;
    for (const text of this.indexes.keys()) {
      const space = /^\s|\s$/.test(text) ? ' xml:space="preserve"' : '';
      out += `<si><t${space}>${escapeXml(encodeXstring(text))}</t></si>`;
      if (out.length >= chunk) {
        yield out;
        out = '';
      }
    }
    yield `${out}</sst>`;
  }
}

export function cellXml(ref: string, style: number, value: CellValue, strings: SharedStrings): string {
  if (value === null || (typeof value === 'number' && !Number.isFinite(value))) return `<c r="${ref}" s="${style}"/>`;
  if (typeof value === 'number') return `<c r="${ref}" s="${style}"><v>${value}</v></c>`;
  return `<c r="${ref}" s="${style}" t="s"><v>${strings.index(value)}</v></c>`;
}

export function formulaXml(ref: string, style: number, formula: string): string {
  return `<c r="${ref}" s="${style}"><f>${escapeXml(formula)}</f></c>`;
}

/** Excel's highest row, in points. */
const MAX_ROW_HEIGHT = 409;

/** A row; one whose text wraps onto more lines is made that many lines high (a file holds its row heights). */
export function rowXml(row: number, cells: string, lines = 1, lineHeight = 15): string {
  const height = lines > 1 ? ` ht="${Math.min(MAX_ROW_HEIGHT, lines * lineHeight)}" customHeight="1"` : '';
  return `<row r="${row}"${height}>${cells}</row>`;
}
