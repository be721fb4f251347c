// The little formula evaluation the fake needs to check totals: SUBTOTAL and SUM over a table
// column by structured reference (`=SUBTOTAL(109,[Open])`, `=SUM(OpenItems[[Open (EUR)]])`).
// A reference to a deleted table reads #REF!; any other formula reads #FAKE? (not evaluated).
import type { Scalar } from './grid';
import { type SheetModel, type TableModel, tableBox, tableHeaders } from './model';

const CALL = /^=\s*(SUBTOTAL|SUM)\(\s*(?:(\d+)\s*,\s*)?([A-Za-z_\\][A-Za-z0-9_.\\]*)?\[(.*)\]\s*\)$/i;

export function evaluate(sheet: SheetModel, r: number, c: number, formula: string): Scalar {
  if (formula.includes('#REF!')) return '#REF!';
  const m = CALL.exec(formula);
  if (!m) return '#FAKE?';
  const table = m[3] ? sheet.workbook.tableByName(m[3]) : tableAt(sheet, r, c);
  if (!table) return '#REF!';
  const column = columnName(m[4] ?? '');
  const index = tableHeaders(table).findIndex((h) => h.toLowerCase() === column.toLowerCase());
  if (index < 0) return '#REF!';
  const values = columnValues(table, index);
  const fn = m[1]!.toUpperCase() === 'SUM' ? 9 : Number(m[2]) % 100;
  return aggregate(fn, values);
}

function tableAt(sheet: SheetModel, r: number, c: number): TableModel | null {
  return (
    sheet.tables().find((t) => {
      const b = tableBox(t);
      return r >= b.row && r < b.row + b.rows && c >= b.col && c < b.col + b.cols;
    }) ?? null
  );
}

/** `[Open]` → Open; `[[Open (EUR)]]` → Open (EUR); `'` escapes `[ ] # '`. */
function columnName(inner: string): string {
  const bare = inner.startsWith('[') && inner.endsWith(']') ? inner.slice(1, -1) : inner;
  return bare.replace(/'(.)/g, '$1');
}

function columnValues(table: TableModel, index: number): Scalar[] {
  const values: Scalar[] = [];
  for (let i = 0; i < table.bodyRows; i++) {
    const r = table.row + 1 + i;
    const c = table.col + index;
    const formula = table.sheet.grid.formula(r, c);
    values.push(formula === undefined ? table.sheet.grid.constant(r, c) : evaluate(table.sheet, r, c, formula));
  }
  return values;
}

function aggregate(fn: number, values: Scalar[]): Scalar {
  const numbers = values.filter((v): v is number => typeof v === 'number');
  const sum = numbers.reduce((a, b) => a + b, 0);
  switch (fn) {
    case 9:
      return sum;
    case 1:
      return numbers.length ? sum / numbers.length : '#DIV/0!';
    case 2:
      return numbers.length;
    case 3:
      return values.filter((v) => v !== '').length;
    default:
      return '#FAKE?';
  }
}
