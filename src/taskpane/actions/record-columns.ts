// Lists of flat records (items, settling entries) sent from a worker to the pane as a few typed
// arrays instead of a million cloned objects: texts interned into one table per batch, numbers in
// one Float64Array, row by row. The arrays are transferred, and the pane makes the objects a slice
// at a time (entry-assembly.ts), so neither the message nor the decoding is a long task.
//   encodeRecords([{ key: 'k1', amount: 12100, settledDate: null }], { texts: ['key'], numbers: ['amount', 'settledDate'] })
//     → { count: 1, table: ['k1'], texts: Int32Array[0], numbers: Float64Array[12100, NaN] }
import { StringTable } from '../../store/entry-chunks';

/** Which fields of a record are texts and which numbers; a missing text is left out, a null number is null. */
export interface RecordShape {
  texts: readonly string[];
  numbers: readonly string[];
}

export interface EncodedRecords {
  count: number;
  table: string[];
  /** count × texts.length references into `table`, -1 where the field is absent. */
  texts: Int32Array;
  /** count × numbers.length values, NaN where the field is null. */
  numbers: Float64Array;
}

type Flat = Record<string, unknown>;

export function encodeRecords(records: readonly object[], shape: RecordShape): EncodedRecords {
  const { texts: textFields, numbers: numberFields } = shape;
  const table = new StringTable();
  const texts = new Int32Array(records.length * textFields.length);
  const numbers = new Float64Array(records.length * numberFields.length);
  records.forEach((record, r) => {
    const flat = record as Flat;
    textFields.forEach((field, c) => {
      const value = flat[field];
      texts[r * textFields.length + c] = table.ref(typeof value === 'string' ? value : undefined);
    });
    numberFields.forEach((field, c) => {
      const value = flat[field];
      numbers[r * numberFields.length + c] = typeof value === 'number' ? value : NaN;
    });
  });
  return { count: records.length, table: table.strings, texts, numbers };
}

/** Appends records `from` (inclusive) to `to` (exclusive) of `encoded` to `into`, each a plain object of the shape's fields. */
export function decodeRecords<T>(encoded: EncodedRecords, shape: RecordShape, from: number, to: number, into: T[]): void {
  const { texts: textFields, numbers: numberFields } = shape;
  const end = Math.min(to, encoded.count);
  for (let r = from; r < end; r++) {
    const record: Flat = {};
    for (let c = 0; c < textFields.length; c++) {
      const ref = encoded.texts[r * textFields.length + c] as number;
      if (ref >= 0) record[textFields[c] as string] = encoded.table[ref];
    }
    for (let c = 0; c < numberFields.length; c++) {
      const value = encoded.numbers[r * numberFields.length + c] as number;
      record[numberFields[c] as string] = Number.isNaN(value) ? null : value;
    }
    into.push(record as T);
  }
}

/** The buffers of an encoded batch, to transfer rather than copy. */
export function recordBuffers(encoded: EncodedRecords): ArrayBuffer[] {
  return [encoded.texts.buffer as ArrayBuffer, encoded.numbers.buffer as ArrayBuffer];
}
