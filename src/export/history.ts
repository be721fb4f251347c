// The payment history as plain data: every batch of prepared transfers (id, creation time,
// execution date, file name, the items paid by their `itemKey`, amounts, total), so that an item
// is never paid twice without the user saying so. The task pane keeps it in Dexie; the command
// line keeps it in a JSON file (`historyToJson` / `historyFromJson`).
import { csvLine, spreadsheetText } from '../core/csv';
import { formatIsoDate, parseIsoDate, type Day } from '../core/date';
import { formatMinor, parseAmount, type Minor } from '../core/money';

export type Pain001Format = 'pain.001.001.03' | 'pain.001.001.09';
export const PAIN001_FORMATS: readonly Pain001Format[] = ['pain.001.001.03', 'pain.001.001.09'];

/** One open payable as it went into a batch. */
export interface PaidItem {
  /** `itemKey` of the item (ledger·party·doc·type). */
  key: string;
  partyId: string;
  docNo: string;
  /** EUR cents paid for this item (negative for a credit note netted in). */
  amount: Minor;
  endToEndId: string;
  executionDate: Day;
}

export interface PaymentBatch {
  /** Also the file's `MsgId`. */
  id: string;
  /** ISO date-time of creation. */
  createdAt: string;
  executionDate: Day;
  fileName: string;
  format: Pain001Format;
  /** EUR cents: the file's `CtrlSum`. */
  total: Minor;
  items: PaidItem[];
}

export interface PaymentHistory {
  batches: PaymentBatch[];
}

export function emptyHistory(): PaymentHistory {
  return { batches: [] };
}

/** The batches that already hold each item key. */
export function batchesByItem(history: PaymentHistory): Map<string, PaymentBatch[]> {
  const byKey = new Map<string, PaymentBatch[]>();
  for (const batch of history.batches) {
    for (const item of batch.items) {
      const list = byKey.get(item.key);
      if (list === undefined) byKey.set(item.key, [batch]);
      else if (!list.includes(batch)) list.push(batch);
    }
  }
  return byKey;
}

/** A new history with the batch added (the given one is not changed). */
export function withBatch(history: PaymentHistory, batch: PaymentBatch): PaymentHistory {
  if (history.batches.some((b) => b.id === batch.id)) throw new Error(`payment batch ${batch.id} is already recorded`);
  return { batches: [...history.batches, batch] };
}

const safe = spreadsheetText;

const CSV_HEADER = 'batch_id,created_at,execution_date,file_name,format,party_id,doc_no,amount,currency,end_to_end_id';

/** The history for a spreadsheet or an auditor: one row per paid item, amounts as exact decimals. */
export function historyToCsv(history: PaymentHistory): string {
  const rows = history.batches.flatMap((b) =>
    b.items.map((i) =>
      csvLine([
        safe(b.id), b.createdAt, formatIsoDate(i.executionDate), safe(b.fileName), b.format,
        safe(i.partyId), safe(i.docNo), formatMinor(i.amount, 2), 'EUR', safe(i.endToEndId),
      ]),
    ),
  );
  return `${[CSV_HEADER, ...rows].join('\r\n')}\r\n`;
}

/** Bad content in a history file: names the file, the place and the field. */
export class HistoryError extends Error {}

/** The history as JSON text: dates as `YYYY-MM-DD`, amounts as exact decimal text in EUR. */
export function historyToJson(history: PaymentHistory): string {
  const batches = history.batches.map((b) => ({
    id: b.id,
    createdAt: b.createdAt,
    executionDate: formatIsoDate(b.executionDate),
    fileName: b.fileName,
    format: b.format,
    currency: 'EUR',
    total: formatMinor(b.total, 2),
    items: b.items.map((i) => ({
      key: i.key,
      partyId: i.partyId,
      docNo: i.docNo,
      amount: formatMinor(i.amount, 2),
      endToEndId: i.endToEndId,
      executionDate: formatIsoDate(i.executionDate),
    })),
  }));
  return `${JSON.stringify({ kind: 'subledger-payment-history', version: 1, batches }, null, 2)}\n`;
}

/** Reads `historyToJson` output back; throws HistoryError naming the file and element on bad content. */
export function historyFromJson(text: string, file: string): PaymentHistory {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new HistoryError(`${file}: not a JSON payment history (${(error as Error).message})`);
  }
  const root = new Reader(file, data, '$');
  if (root.str('kind') !== 'subledger-payment-history') throw root.fail('kind', 'is not "subledger-payment-history"');
  return { batches: root.list('batches').map(readBatch) };
}

function readBatch(b: Reader): PaymentBatch {
  const head = { id: b.str('id'), createdAt: b.str('createdAt'), executionDate: b.day('executionDate'), fileName: b.str('fileName') };
  const format = b.str('format');
  if (!(PAIN001_FORMATS as readonly string[]).includes(format)) throw b.fail('format', `"${format}" is not a pain.001 version`);
  return {
    ...head,
    format: format as Pain001Format,
    total: b.cents('total'),
    items: b.list('items').map((i) => ({
      key: i.str('key'),
      partyId: i.str('partyId'),
      docNo: i.str('docNo'),
      amount: i.cents('amount'),
      endToEndId: i.str('endToEndId'),
      executionDate: i.day('executionDate'),
    })),
  };
}

/** Typed access to one JSON object, with errors that say where. */
class Reader {
  constructor(
    private readonly file: string,
    private readonly value: unknown,
    private readonly path: string,
  ) {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) throw this.fail('', 'is not an object');
  }

  fail(field: string, why: string): HistoryError {
    return new HistoryError(`${this.file}: ${this.path}${field ? `.${field}` : ''} ${why}`);
  }

  private get(field: string): unknown {
    return (this.value as Record<string, unknown>)[field];
  }

  str(field: string): string {
    const v = this.get(field);
    if (typeof v !== 'string') throw this.fail(field, 'is missing or not text');
    return v;
  }

  day(field: string): Day {
    const d = parseIsoDate(this.str(field));
    if (d === null) throw this.fail(field, 'is not a date YYYY-MM-DD');
    return d;
  }

  cents(field: string): Minor {
    const parsed = parseAmount(this.str(field), 2);
    if (parsed === null || parsed.rounded) throw this.fail(field, 'is not an amount with at most two decimals');
    return parsed.minor;
  }

  list(field: string): Reader[] {
    const v = this.get(field);
    if (!Array.isArray(v)) throw this.fail(field, 'is missing or not a list');
    return v.map((x, i) => new Reader(this.file, x, `${this.path}.${field}[${i}]`));
  }
}
