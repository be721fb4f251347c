// The canonical subledger CSV (ledger.md §1.3) and its parties file: a table whose header names
// the canonical fields (case-insensitive) becomes canonical records, one per row, as given.
import type { CanonicalRecord } from '../core/types';
import { cellText, isBlankRow, type Table } from './table';

export const ENTRY_FIELDS = [
  'ledger', 'party_id', 'party_name', 'entry_type', 'doc_no', 'entry_date', 'doc_date',
  'due_date', 'amount', 'currency', 'amount_base', 'settles', 'description', 'payment_ref',
] as const;
export const REQUIRED_ENTRY_FIELDS = ['ledger', 'party_id', 'entry_type', 'doc_no', 'entry_date', 'amount'] as const;

export const PARTY_FIELDS = [
  'ledger', 'party_id', 'name', 'credit_limit', 'payment_terms_days', 'iban', 'bic', 'email',
  'phone', 'country', 'vat_no',
] as const;
export const REQUIRED_PARTY_FIELDS = ['ledger', 'party_id'] as const;

function normalizedHeaders(headers: readonly string[]): string[] {
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

/** Every non-blank row as a record keyed by the lower-cased header; empty cells are left out. */
export function canonicalRecords(table: Table, onRow?: (index: number) => void): CanonicalRecord[] {
  const names = normalizedHeaders(table.headers);
  const records: CanonicalRecord[] = [];
  for (let i = 0; i < table.rows.length; i++) {
    const row = table.rows[i] ?? [];
    onRow?.(i);
    const values: Partial<Record<string, string>> = {};
    let filled = false;
    for (let c = 0; c < names.length; c++) {
      const name = names[c];
      const text = cellText(row[c]);
      if (name && text !== '') {
        values[name] = text;
        filled = true;
      }
    }
    if (filled || !isBlankRow(row)) records.push({ values, source: { file: table.file, line: table.lines[i] ?? i + 2 } });
  }
  return records;
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
