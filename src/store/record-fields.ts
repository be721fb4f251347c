// The kinds of field a stored record is made of (records.ts builds every record from them), each
// a valibot schema whose problem code says what was expected (record-problems.ts words the code
// in the user's language):
//   time  → "expected a time in milliseconds since 1970, got "yesterday""
//   day   → "expected a whole number of days since 1970-01-01, got 1.5"
import * as v from 'valibot';
import { isCurrencyCode } from '../core/money';

/** What a field should have held, as a code with words in every language (record-problems.ts). */
export type FieldCode =
  | 'text'
  | 'time'
  | 'day'
  | 'minor'
  | 'count'
  | 'number'
  | 'boolean'
  | 'currency'
  | 'history'
  | 'prepared'
  | 'object'
  | 'list'
  | 'choice'
  | 'texts'
  | 'numbers'
  | 'column';

/** A record (or a part of one) with these fields; unknown fields are left out of what it reads. */
export function record<E extends v.ObjectEntries>(entries: E, code: FieldCode = 'object') {
  return v.object(entries, code);
}

export function list<S extends v.GenericSchema>(item: S, code: FieldCode = 'list') {
  return v.array(item, code);
}

/** Whole numbers only: a float or NaN in a date or an amount is damage, never rounded. */
function whole(code: FieldCode, min?: number) {
  return min === undefined
    ? v.pipe(v.number(code), v.safeInteger(code))
    : v.pipe(v.number(code), v.safeInteger(code), v.minValue(min, code));
}

export const text = v.string('text');
/** Milliseconds since 1970-01-01T00:00Z: when something was written. */
export const time = whole('time', 0);
/** A calendar date (core/date.ts Day): days since 1970-01-01. */
export const day = whole('day');
/** An amount in minor units (core/money.ts Minor). */
export const minor = whole('minor');
export const count = whole('count', 0);
export const number = v.pipe(v.number('number'), v.finite('number'));
export const boolean = v.boolean('boolean');
export const currency = v.pipe(v.string('currency'), v.check(isCurrencyCode, 'currency'));
export const texts = v.array(v.string('texts'), 'texts');
export const numbers = v.array(number, 'numbers');
/** One of a fixed list of words or numbers; the problem shows the list. */
export function oneOf<const T extends readonly (string | number)[]>(options: T) {
  return v.picklist(options, 'choice');
}

/** A table of texts by name (a column mapping, reading options). */
export const textTable = v.record(v.string('texts'), v.string('texts'), 'texts');
/** A table of numbers by name (counts of a sync). */
export const numberTable = v.record(v.string('numbers'), number, 'numbers');
/** Typed columns of a cached ledger part, over any buffer (as the DOM types them). */
export const int32Column = v.custom<Int32Array>((x) => x instanceof Int32Array, 'column');
export const float64Column = v.custom<Float64Array>((x) => x instanceof Float64Array, 'column');
export const uint8Column = v.custom<Uint8Array>((x) => x instanceof Uint8Array, 'column');
/** A file kept as the browser keeps it (a Blob: its bytes outside the page's memory). */
export const blob = v.custom<Blob>((x) => typeof Blob === 'function' && x instanceof Blob, 'object');
/** A column of references into a table: 32-bit, or 16-bit where the table is small enough (absent: outside the table). */
export const refColumn = v.custom<Int32Array | Uint16Array>((x) => x instanceof Int32Array || x instanceof Uint16Array, 'column');
