// Rows and cells of a worksheet as XML, and the workbook's shared strings: every text cell
// (ledger text included, whatever it starts with) is a shared string, never a formula; a formula
// is written only where the writer asks for one (the totals rows' SUBTOTALs).
import type { CellValue } from '../sheets/cell-values';
import { encodeXstring } from '../core/spreadsheet-text';
import { escapeXml, MAIN_NS, XML_DECLARATION } from './xml';
import { XmlBytes } from './xml-bytes';

/** Each distinct text once, in the order first written; cells refer to it by index. */
export class SharedStrings {
  private readonly indexes = new Map<string, number>();
  private count = 0;
  /** Per table column (0, 1, …): the text last written there and its index. */
  private readonly lastText: (string | undefined)[] = [];
  private readonly lastIndex: number[] = [];

  /**
   * `column`: the table column the text is written in, if any: a text equal to the one written
   * there last (the row above's party, type, currency…) is not looked up again.
   */
  index(text: string, column = -1): number {
    this.count += 1;
    if (column >= 0 && this.lastText[column] === text) return this.lastIndex[column] as number;
    let index = this.indexes.get(text);
    if (index === undefined) {
      index = this.indexes.size;
      this.indexes.set(text, index);
    }
    if (column >= 0) {
      this.lastText[column] = text;
      this.lastIndex[column] = index;
    }
    return index;
  }

  /** sharedStrings.xml as UTF-8, in chunks of about a megabyte. */
  *xml(): Generator<Uint8Array<ArrayBuffer>> {
    const out = new XmlBytes();
    out.text(`${XML_DECLARATION}<sst xmlns="${MAIN_NS}" count="${this.count}" uniqueCount="${this.indexes.size}">`);
    for (const text of this.indexes.keys()) {
      out.ascii(/^\s|\s$/.test(text) ? '<si><t xml:space="preserve">' : '<si><t>');
      out.text(escapeXml(encodeXstring(text)));
      out.ascii('</t></si>');
      if (out.full) yield out.take();
    }
    out.ascii('</sst>');
    yield out.take();
  }
}

/**
 * A cell: empty, a number, or a shared string (`column` its letters, `row` its 1-based number;
 * `slot`: its column in a table, see SharedStrings.index).
 */
export function writeCell(out: XmlBytes, column: string, row: number, style: number, value: CellValue, strings: SharedStrings, slot = -1): void {
  out.ascii('<c r="');
  out.ascii(column);
  out.number(row);
  out.ascii('" s="');
  out.number(style);
  if (value === null || (typeof value === 'number' && !Number.isFinite(value))) {
    out.ascii('"/>');
  } else if (typeof value === 'number') {
    out.ascii('"><v>');
    out.number(value);
    out.ascii('</v></c>');
  } else {
    out.ascii('" t="s"><v>');
    out.number(strings.index(value, slot));
    out.ascii('</v></c>');
  }
}

const ascii = (text: string): Uint8Array => Uint8Array.from(text, (c) => c.charCodeAt(0));
const CELL_END = ascii('</v></c>');

/** The attributes after a cell's reference for one style: of an empty, a number and a text cell. */
interface StyleTails {
  empty: Uint8Array;
  number: Uint8Array;
  text: Uint8Array;
}

/**
 * The markup of every RowCells, made into bytes once per process: a column's `<c r="` and letters,
 * a style's tails (a workbook of 8,000 party cards has 8,000 tables of the same columns and styles).
 */
const STARTS = new Map<string, Uint8Array>();
const TAILS: (StyleTails | undefined)[] = [];

function startOf(letters: string): Uint8Array {
  let start = STARTS.get(letters);
  if (start === undefined) {
    start = ascii(`<c r="${letters}`);
    STARTS.set(letters, start);
  }
  return start;
}

function tailsOf(style: number): StyleTails {
  let tails = TAILS[style];
  if (tails === undefined) {
    tails = { empty: ascii(`" s="${style}"/>`), number: ascii(`" s="${style}"><v>`), text: ascii(`" s="${style}" t="s"><v>`) };
    TAILS[style] = tails;
  }
  return tails;
}

/**
 * The cells of a table's data rows, as `writeCell` writes them, from markup made into bytes once:
 * each column's `<c r="` and letters, the row's number (`row`), each style's attributes.
 */
export class RowCells {
  private readonly starts: Uint8Array[];
  private rowText = '';

  constructor(
    letters: readonly string[],
    private readonly strings: SharedStrings,
  ) {
    this.starts = letters.map(startOf);
  }

  /** The row the next cells are in. */
  row(row: number): void {
    this.rowText = String(row);
  }

  /** The cell of table column `j` (its letters given to the constructor). */
  write(out: XmlBytes, j: number, style: number, value: CellValue): void {
    out.bytes(this.starts[j] as Uint8Array);
    out.ascii(this.rowText);
    const tails = TAILS[style] ?? tailsOf(style);
    if (value === null || (typeof value === 'number' && !Number.isFinite(value))) {
      out.bytes(tails.empty);
    } else if (typeof value === 'number') {
      out.bytes(tails.number);
      out.number(value);
      out.bytes(CELL_END);
    } else {
      out.bytes(tails.text);
      out.number(this.strings.index(value, j));
      out.bytes(CELL_END);
    }
  }
}

export function writeFormula(out: XmlBytes, column: string, row: number, style: number, formula: string): void {
  out.ascii('<c r="');
  out.ascii(column);
  out.number(row);
  out.ascii('" s="');
  out.number(style);
  out.ascii('"><f>');
  out.text(escapeXml(formula));
  out.ascii('</f></c>');
}

/** Excel's highest row, in points. */
const MAX_ROW_HEIGHT = 409;

/** A row's start; one whose text wraps onto more lines is made that many lines high (a file holds its row heights). End it with `endRow`. */
export function startRow(out: XmlBytes, row: number, lines = 1, lineHeight = 15): void {
  out.ascii('<row r="');
  out.number(row);
  if (lines > 1) {
    out.ascii('" ht="');
    out.number(Math.min(MAX_ROW_HEIGHT, lines * lineHeight));
    out.ascii('" customHeight="1');
  }
  out.ascii('">');
}

export function endRow(out: XmlBytes): void {
  out.ascii('</row>');
}
