// The cells of one fake worksheet: values, formulas and number formats, held row by row.
// Writing follows Excel's coercion: a string beginning with `=`, `+`, `-` or `@` that is not a
// plain number becomes a formula, and a numeric string becomes a number — unless the cell's
// number format is text (`@`), in which case the string lands as typed. `null` leaves a cell
// unchanged and `''` clears it, as the Range.values documentation says.

import { fail } from './errors';

export type Scalar = string | number | boolean;

interface Row {
  v: (Scalar | undefined)[];
  f: (string | undefined)[];
  nf: (string | undefined)[];
}

const NUMERIC = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

export class Grid {
  private rows: (Row | undefined)[] = [];

  private row(r: number): Row {
    let row = this.rows[r];
    if (!row) {
      row = { v: [], f: [], nf: [] };
      this.rows[r] = row;
    }
    return row;
  }

  numberFormat(r: number, c: number): string {
    return this.rows[r]?.nf[c] ?? 'General';
  }

  setNumberFormat(r: number, c: number, format: string): void {
    this.row(r).nf[c] = format;
  }

  /** The constant of a cell ('' when empty or a formula). */
  constant(r: number, c: number): Scalar {
    const row = this.rows[r];
    if (!row || row.f[c] !== undefined) return '';
    return row.v[c] ?? '';
  }

  formula(r: number, c: number): string | undefined {
    return this.rows[r]?.f[c];
  }

  isEmpty(r: number, c: number): boolean {
    const row = this.rows[r];
    return !row || (row.f[c] === undefined && (row.v[c] === undefined || row.v[c] === ''));
  }

  /** Writes through `values`: Excel's coercion, unless the cell is formatted as text. */
  writeValue(r: number, c: number, value: unknown): void {
    if (value === null || value === undefined) return;
    const row = this.row(r);
    row.f[c] = undefined;
    if (typeof value === 'number' && !Number.isFinite(value)) fail('InvalidArgument', `a cell cannot hold ${value}`, 'Range.values');
    if (typeof value === 'number' || typeof value === 'boolean') {
      row.v[c] = value;
      return;
    }
    if (typeof value !== 'string') fail('InvalidArgument', `a cell value must be a string, number or boolean: ${typeof value}`, 'Range.values');
    const text = value;
    if (row.nf[c] === '@' || text === '') {
      row.v[c] = text;
      return;
    }
    if (NUMERIC.test(text.trim())) row.v[c] = Number(text);
    else if (/^(TRUE|FALSE)$/i.test(text)) row.v[c] = text.toUpperCase() === 'TRUE';
    else if (/^[=+\-@]./s.test(text)) {
      row.f[c] = text.startsWith('=') ? text : `=${text}`;
      row.v[c] = undefined;
    } else row.v[c] = text;
  }

  /** Writes through `formulas`: like typing, so a text-formatted cell keeps `=…` as text too. */
  writeFormula(r: number, c: number, value: unknown): void {
    this.writeValue(r, c, value);
  }

  /** Copies one cell (constant or formula, and optionally its format) from another grid. */
  copyCell(from: Grid, fr: number, fc: number, r: number, c: number, what: { content: boolean; format: boolean }): void {
    const src = from.rows[fr];
    const row = this.row(r);
    if (what.format) row.nf[c] = src?.nf[fc];
    if (what.content) {
      row.f[c] = src?.f[fc];
      row.v[c] = src?.v[fc];
    }
  }

  clear(r: number, c: number): void {
    const row = this.rows[r];
    if (!row) return;
    row.v[c] = undefined;
    row.f[c] = undefined;
    row.nf[c] = undefined;
  }

  insertRows(at: number, count: number): void {
    if (at >= this.rows.length) return;
    this.rows.splice(at, 0, ...new Array<Row | undefined>(count));
  }

  deleteRows(at: number, count: number): void {
    if (at >= this.rows.length) return;
    this.rows.splice(at, count);
  }

  /** Every formula cell, for rewriting references when a table is renamed or deleted. */
  *formulaCells(): Generator<{ r: number; c: number; formula: string }> {
    for (let r = 0; r < this.rows.length; r++) {
      const row = this.rows[r];
      if (!row) continue;
      for (let c = 0; c < row.f.length; c++) {
        const formula = row.f[c];
        if (formula !== undefined) yield { r, c, formula };
      }
    }
  }

  setFormulaText(r: number, c: number, formula: string): void {
    this.row(r).f[c] = formula;
  }

  /** Last used row and column (0-based), or null for an empty sheet. */
  usedBounds(): { rows: number; cols: number } | null {
    let rows = 0;
    let cols = 0;
    for (let r = 0; r < this.rows.length; r++) {
      const row = this.rows[r];
      if (!row) continue;
      const width = Math.max(lastDefined(row.v), lastDefined(row.f));
      if (width > 0) {
        rows = r + 1;
        cols = Math.max(cols, width);
      }
    }
    return rows === 0 ? null : { rows, cols };
  }
}

function lastDefined(values: readonly unknown[]): number {
  for (let i = values.length - 1; i >= 0; i--) if (values[i] !== undefined && values[i] !== '') return i + 1;
  return 0;
}
