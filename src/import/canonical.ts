// The canonical subledger CSV (ledger.md §1.3) and its parties file: a table whose header names
// the canonical fields (case-insensitive) becomes canonical records, one per row, as given.
import type { CanonicalRecord, RecordSource } from '../core/types';
import { cellText, isBlankRow, type Cell, type Table } from './table';

export const ENTRY_FIELDS = [
  'ledger', 'party_id', 'party_name', 'entry_type', 'doc_no', 'entry_date', 'doc_date',
  'due_date', 'amount', 'currency', 'amount_base', 'settles', 'description', 'payment_ref',
] as const;
export const REQUIRED_ENTRY_FIELDS = ['ledger', 'party_id', 'entry_type', 'doc_no', 'entry_date', 'amount'] as const;

export const PARTY_FIELDS = [
  'ledger', 'party_id', 'name', 'credit_limit', 'payment_terms_days', 'iban', 'bic', 'email',
  'phone', 'country', 'vat_no', 'address', 'postcode', 'city', 'language',
] as const;
export const REQUIRED_PARTY_FIELDS = ['ledger', 'party_id'] as const;

export function normalizedHeaders(headers: readonly string[]): string[] {
  return headers.map((h) => h.trim().toLowerCase());
}

/** True when the header names every required field of `required` (case-insensitive). */
export function hasCanonicalHeader(headers: readonly string[], required: readonly string[]): boolean {
  const names = new Set(normalizedHeaders(headers));
  return required.every((f) => names.has(f));
}

export function isCanonicalLedger(headers: readonly string[]): boolean {
  return hasCanonicalHeader(headers, REQUIRED_ENTRY_FIELDS);
}

export function isCanonicalParties(headers: readonly string[]): boolean {
  return hasCanonicalHeader(headers, REQUIRED_PARTY_FIELDS) && !isCanonicalLedger(headers);
}

/** The record of one row, keyed by the lower-cased header; empty cells are left out. */
export function rowRecord(row: readonly Cell[], names: readonly string[], file: string, line: number): CanonicalRecord {
  const values: Partial<Record<string, string>> = {};
  for (let c = 0; c < names.length; c++) {
    const name = names[c];
    const text = cellText(row[c]);
    if (name && text !== '') values[name] = text;
  }
  return { values, source: { file, line } };
}

/** Every non-blank row as a record keyed by the lower-cased header; empty cells are left out. */
export function canonicalRecords(table: Table, onRow?: (index: number) => void): CanonicalRecord[] {
  const source = canonicalRecordSource(table, onRow);
  const records: CanonicalRecord[] = [];
  source.each((record) => records.push(record));
  return records;
}

/**
 * The same records one at a time, so a million rows never hold a million records at once (for
 * speed and memory): `onRow` runs over every row first, as the full read would.
 */
export function canonicalRecordSource(table: Table, onRow?: (index: number) => void): RecordSource {
  const names = normalizedHeaders(table.headers);
  let count = 0;
  for (let i = 0; i < table.rows.length; i++) {
    onRow?.(i);
    if (!isBlankRow(table.rows[i] ?? [])) count++;
  }
  return {
    count,
    each(visit) {
      for (let i = 0; i < table.rows.length; i++) {
        const row = table.rows[i] ?? [];
        if (!isBlankRow(row)) visit(rowRecord(row, names, table.file, table.lines[i] ?? i + 2));
      }
    },
  };
}

const DIALECT_AMOUNT = /^[+-]?[\d. ]*\d,\d+-?$|^\([\d., ]+\)$/;
const DIALECT_DATE = /^\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}$/;
const AMOUNT_FIELDS = new Set(['amount', 'amount_base']);
const DATE_FIELDS = new Set(['entry_date', 'doc_date', 'due_date']);

/**
 * True when the first rows write an amount with a decimal comma or a date day- or month-first: a
 * canonical header saved by a Dutch or French spreadsheet, read through the mapping instead.
 */
export function hasDialectValues(table: Table, sample = 200): boolean {
  const names = normalizedHeaders(table.headers);
  for (const row of table.rows.slice(0, sample)) {
    for (let c = 0; c < names.length; c++) {
      const cell = row[c];
      if (typeof cell !== 'string') continue;
      const name = names[c] ?? '';
      if (AMOUNT_FIELDS.has(name) && DIALECT_AMOUNT.test(cell.trim())) return true;
      if (DATE_FIELDS.has(name) && DIALECT_DATE.test(cell.trim())) return true;
    }
  }
  return false;
}
