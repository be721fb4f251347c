// Range proxies: values, formulas and number formats (2D arrays of exactly the range's shape, or
// one value for every cell), formats (column width, font, fill, alignment), resizing, row
// insertion and deletion, copyFrom, and the range's conditional formats.
import { type Box, checkBox, formatBox, MAX_COLS, quoteSheet } from './address';
import { type FakeContext, FakeObject } from './context';
import { fail } from './errors';
import { evaluate } from './formulas';
import type { Scalar } from './grid';
import type { SheetModel } from './model';
import { PropsProxy } from './bag';
import { ConditionalFormatCollection } from './formats';

export interface RangeTarget {
  sheet: SheetModel;
  box: Box;
}

type Writer = (sheet: SheetModel, r: number, c: number, value: unknown) => void;

/** Calls `write` for every cell of the box with the matching array element (or the one value). */
function writeCells(target: RangeTarget, input: unknown, member: string, write: Writer): void {
  const { sheet, box } = target;
  if (!Array.isArray(input)) {
    for (let r = 0; r < box.rows; r++) for (let c = 0; c < box.cols; c++) write(sheet, box.row + r, box.col + c, input);
    return;
  }
  const rows = input as unknown[];
  const shapeOk = rows.length === box.rows && rows.every((row) => Array.isArray(row) && row.length === box.cols);
  if (!shapeOk) {
    fail(
      'InvalidArgument',
      `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${box.rows}×${box.cols}).`,
      member,
    );
  }
  for (let r = 0; r < box.rows; r++) {
    const row = rows[r] as unknown[];
    for (let c = 0; c < box.cols; c++) write(sheet, box.row + r, box.col + c, row[c]);
  }
}

function readCells<V>(target: RangeTarget, read: (sheet: SheetModel, r: number, c: number) => V): V[][] {
  const { sheet, box } = target;
  if (box.rows * box.cols > 5_000_000) fail('GeneralException', 'the range is too large to read in one request');
  return Array.from({ length: box.rows }, (_, r) => Array.from({ length: box.cols }, (_, c) => read(sheet, box.row + r, box.col + c)));
}

export function cellValue(sheet: SheetModel, r: number, c: number): Scalar {
  const formula = sheet.grid.formula(r, c);
  return formula === undefined ? sheet.grid.constant(r, c) : evaluate(sheet, r, c, formula);
}

export class Range extends FakeObject<RangeTarget> {
  protected readonly typeName = 'Range';
  protected readonly scalarProps = ['address', 'rowCount', 'columnCount', 'rowIndex', 'columnIndex', 'values', 'formulas', 'numberFormat'];

  constructor(ctx: FakeContext, path: string, locate: () => RangeTarget) {
    super(ctx, path, () => {
      const target = locate();
      checkBox(target.box);
      return target;
    });
  }

  protected override isGone(t: RangeTarget): boolean {
    return t.sheet.deleted;
  }

  protected read(prop: string, t: RangeTarget): unknown {
    switch (prop) {
      case 'address':
        return `${quoteSheet(t.sheet.name)}!${formatBox(t.box)}`;
      case 'rowCount':
        return t.box.rows;
      case 'columnCount':
        return t.box.cols;
      case 'rowIndex':
        return t.box.row;
      case 'columnIndex':
        return t.box.col;
      case 'values':
        return readCells(t, cellValue);
      case 'text':
        return readCells(t, (s, r, c) => String(cellValue(s, r, c)));
      case 'formulas':
        return readCells(t, (s, r, c) => s.grid.formula(r, c) ?? s.grid.constant(r, c));
      case 'numberFormat':
        return readCells(t, (s, r, c) => s.grid.numberFormat(r, c));
      case 'columnHidden':
        return Array.from({ length: t.box.cols }, (_, i) => t.sheet.hiddenColumns.has(t.box.col + i)).every(Boolean);
      default:
        return fail('FakeNotImplemented', `Range.${prop}`);
    }
  }

  get address(): string { return this.loaded('address'); }
  get rowCount(): number { return this.loaded('rowCount'); }
  get columnCount(): number { return this.loaded('columnCount'); }
  get rowIndex(): number { return this.loaded('rowIndex'); }
  get columnIndex(): number { return this.loaded('columnIndex'); }
  get text(): string[][] { return this.loaded('text'); }
  get columnHidden(): boolean { return this.loaded('columnHidden'); }

  get values(): Scalar[][] { return this.loaded('values'); }
  set values(input: unknown) {
    this.command('values', input, (t) => writeCells(t, input, 'Range.values', (s, r, c, v) => s.grid.writeValue(r, c, v)));
  }

  get formulas(): Scalar[][] { return this.loaded('formulas'); }
  set formulas(input: unknown) {
    this.command('formulas', input, (t) => writeCells(t, input, 'Range.formulas', (s, r, c, v) => s.grid.writeFormula(r, c, v)));
  }

  get numberFormat(): string[][] { return this.loaded('numberFormat'); }
  set numberFormat(input: unknown) {
    this.command('numberFormat', input, (t) =>
      writeCells(t, input, 'Range.numberFormat', (s, r, c, v) => {
        if (typeof v === 'string') s.grid.setNumberFormat(r, c, v);
        else if (v !== null && v !== undefined) fail('InvalidArgument', 'a number format must be a string', 'Range.numberFormat');
      }),
    );
  }

  set columnHidden(hidden: boolean) {
    this.command('columnHidden', hidden, (t) => {
      for (let i = 0; i < t.box.cols; i++) {
        if (hidden) t.sheet.hiddenColumns.add(t.box.col + i);
        else t.sheet.hiddenColumns.delete(t.box.col + i);
      }
    });
  }

  get format(): RangeFormat {
    this.touch('format');
    return new RangeFormat(this.ctx, `${this.path}.format`, () => this.$model());
  }

  get conditionalFormats(): ConditionalFormatCollection {
    this.touch('conditionalFormats');
    return new ConditionalFormatCollection(this.ctx, `${this.path}.conditionalFormats`, () => this.$model());
  }

  private derived(member: string, args: unknown[], box: (t: RangeTarget) => Box): Range {
    this.touch(member);
    return new Range(this.ctx, `${this.path}.${member}(${args.join(',')})`, () => {
      const t = this.$model();
      return { sheet: t.sheet, box: box(t) };
    });
  }

  getCell(row: number, column: number): Range {
    return this.derived('getCell', [row, column], (t) => ({ row: t.box.row + row, col: t.box.col + column, rows: 1, cols: 1 }));
  }

  getResizedRange(deltaRows: number, deltaColumns: number): Range {
    return this.derived('getResizedRange', [deltaRows, deltaColumns], (t) => ({
      ...t.box,
      rows: t.box.rows + deltaRows,
      cols: t.box.cols + deltaColumns,
    }));
  }

  getOffsetRange(rowOffset: number, columnOffset: number): Range {
    return this.derived('getOffsetRange', [rowOffset, columnOffset], (t) => ({
      ...t.box,
      row: t.box.row + rowOffset,
      col: t.box.col + columnOffset,
    }));
  }

  getEntireRow(): Range {
    return this.derived('getEntireRow', [], (t) => ({ row: t.box.row, rows: t.box.rows, col: 0, cols: MAX_COLS }));
  }

  /** Only whole rows shift in the fake (what the renderer uses to grow and shrink tables). */
  insert(shift: string): Range {
    this.command('insert', shift, (t) => {
      if (shift !== 'Down' || t.box.cols !== MAX_COLS) fail('FakeNotImplemented', 'the fake inserts whole rows only', 'Range.insert');
      t.sheet.insertRows(t.box.row, t.box.rows);
    });
    return this;
  }

  delete(shift: string): void {
    this.command('delete', shift, (t) => {
      if (shift !== 'Up' || t.box.cols !== MAX_COLS) fail('FakeNotImplemented', 'the fake deletes whole rows only', 'Range.delete');
      t.sheet.deleteRows(t.box.row, t.box.rows);
    });
  }

  clear(): void {
    this.command('clear', null, (t) => {
      for (let r = 0; r < t.box.rows; r++) for (let c = 0; c < t.box.cols; c++) t.sheet.grid.clear(t.box.row + r, t.box.col + c);
    });
  }

  /** Copies cells (and/or formats) from a range of any sheet; the source is tiled over a larger target. */
  copyFrom(source: Range | string, copyType = 'All'): void {
    if (typeof source === 'string') fail('FakeNotImplemented', 'copyFrom with an address string', 'Range.copyFrom');
    this.command('copyFrom', { source: source.path, copyType }, (t) => {
      const s = source.$model();
      const content = copyType === 'All' || copyType === 'Formulas' || copyType === 'Values';
      const format = copyType === 'All' || copyType === 'Formats';
      const single = t.box.rows === 1 && t.box.cols === 1;
      const rows = single ? s.box.rows : t.box.rows;
      const cols = single ? s.box.cols : t.box.cols;
      if (rows % s.box.rows !== 0 || cols % s.box.cols !== 0) fail('InvalidArgument', 'the target is not a multiple of the source', 'Range.copyFrom');
      for (let r = 0; r < rows; r++) {
        for (let c = 0; c < cols; c++) {
          t.sheet.grid.copyCell(s.sheet.grid, s.box.row + (r % s.box.rows), s.box.col + (c % s.box.cols), t.box.row + r, t.box.col + c, { content, format });
        }
      }
    });
  }
}

/** Widths and styles; kept per range in the sheet's style list. */
export class RangeFormat extends FakeObject<RangeTarget> {
  protected readonly typeName = 'RangeFormat';
  protected readonly scalarProps = ['columnWidth', 'horizontalAlignment', 'wrapText'];

  protected read(prop: string, t: RangeTarget): unknown {
    if (prop === 'columnWidth') return t.sheet.columnWidths.get(t.box.col) ?? 48;
    return styleOf(t, `format.${prop}`);
  }

  get columnWidth(): number { return this.loaded('columnWidth'); }
  set columnWidth(points: number) {
    this.command('columnWidth', points, (t) => {
      for (let i = 0; i < t.box.cols; i++) t.sheet.columnWidths.set(t.box.col + i, points);
    });
  }

  set horizontalAlignment(value: string) {
    this.style('horizontalAlignment', value);
  }

  set wrapText(value: boolean) {
    this.style('wrapText', value);
  }

  private style(prop: string, value: unknown): void {
    this.command(prop, value, (t) => t.sheet.styles.push({ box: { ...t.box }, property: `format.${prop}`, value }));
  }

  get font(): StyleProxy {
    this.touch('font');
    return styleProxy(this.ctx, `${this.path}.font`, () => this.$model(), 'RangeFont', 'font', ['bold', 'size', 'color', 'italic']);
  }

  get fill(): StyleProxy {
    this.touch('fill');
    return styleProxy(this.ctx, `${this.path}.fill`, () => this.$model(), 'RangeFill', 'fill', ['color']);
  }
}

function styleOf(t: RangeTarget, property: string): unknown {
  for (let i = t.sheet.styles.length - 1; i >= 0; i--) {
    const s = t.sheet.styles[i]!;
    if (s.property === property && s.box.row <= t.box.row && s.box.col <= t.box.col &&
      s.box.row + s.box.rows > t.box.row && s.box.col + s.box.cols > t.box.col) return s.value;
  }
  return null;
}

/** Font and fill: a few settable style properties recorded on the range. */
function styleProxy(ctx: FakeContext, path: string, locate: () => RangeTarget, typeName: string, group: string, props: string[]): StyleProxy {
  return new PropsProxy(ctx, path, locate, typeName, props, {
    read: (prop, t) => styleOf(t, `${group}.${prop}`),
    write: (prop, value, t) => t.sheet.styles.push({ box: { ...t.box }, property: `${group}.${prop}`, value }),
  }) as StyleProxy;
}

export type StyleProxy = PropsProxy<RangeTarget> & Record<string, unknown>;
