// Dates as exports write them, into `YYYY-MM-DD`: ISO, day-first or month-first with `-` `/` `.`,
// compact `YYYYMMDD`, two-digit years, and Excel serial numbers (spreadsheet cells, or `45351` as text). Whether a
// file is day-first or month-first is decided from all its values (a first part > 12 decides);
// a genuinely ambiguous file takes the user's locale.
import { dayFromParts, formatIsoDate, fromExcelSerial } from '../core/date';
import type { Cell } from './table';

export type DateOrder = 'dmy' | 'mdy';

interface DateTriple {
  a: number;
  b: number;
  c: number;
  /** True when the first part has four digits (year first). */
  yearFirst: boolean;
}

const PARTS = /^(\d{1,4})[-/. ](\d{1,2})[-/. ](\d{1,4})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;

function triple(text: string): DateTriple | null {
  const t = text.trim();
  const compact = COMPACT.exec(t);
  if (compact) return { a: Number(compact[1]), b: Number(compact[2]), c: Number(compact[3]), yearFirst: true };
  const m = PARTS.exec(t);
  if (!m) return null;
  const first = m[1] ?? '';
  return { a: Number(first), b: Number(m[2]), c: Number(m[3]), yearFirst: first.length === 4 };
}

function fullYear(y: number): number {
  if (y >= 100) return y;
  return y < 70 ? 2000 + y : 1900 + y;
}

/** The order a locale writes dates in when the values do not decide it (US English: month first). */
export function localeDateOrder(locale?: string): DateOrder {
  return locale !== undefined && /^en-(US|PH|CA)$|^en$/i.test(locale.trim()) ? 'mdy' : 'dmy';
}

export interface DateOrderDecision {
  order: DateOrder;
  /** True when no value decided it and the locale did (and some value reads differently). */
  ambiguous: boolean;
}

/** Decides day-first vs month-first from every value of the date columns. */
export function detectDateOrder(values: Iterable<Cell>, locale?: string): DateOrderDecision {
  let dayFirst = 0;
  let monthFirst = 0;
  let differs = false;
  for (const v of values) {
    if (typeof v !== 'string') continue;
    const t = triple(v);
    if (!t || t.yearFirst) continue;
    if (t.a > 12 && t.b <= 12) dayFirst++;
    else if (t.b > 12 && t.a <= 12) monthFirst++;
    else if (t.a !== t.b) differs = true;
  }
  if (dayFirst !== monthFirst) return { order: dayFirst > monthFirst ? 'dmy' : 'mdy', ambiguous: false };
  return { order: localeDateOrder(locale), ambiguous: differs };
}

/** A cell as `YYYY-MM-DD`, or null when it is not a real date in `order`. */
export function toIsoDate(cell: Cell, order: DateOrder): string | null {
  if (typeof cell === 'number') {
    const day = cell > 20000 && cell < 110000 ? fromExcelSerial(cell) : null;
    return day === null ? null : formatIsoDate(day);
  }
  if (/^\d{5}(\.\d+)?$/.test(cell.trim())) return toIsoDate(Number(cell), order);
  const t = triple(cell);
  if (!t) return null;
  const [year, month, day] = t.yearFirst
    ? [t.a, t.b, t.c]
    : order === 'dmy'
      ? [fullYear(t.c), t.b, t.a]
      : [fullYear(t.c), t.a, t.b];
  if (!t.yearFirst && t.c >= 100 && t.c < 1000) return null;
  const d = dayFromParts(year, month, day);
  return d === null ? null : formatIsoDate(d);
}
