// The rows of a mapped table, read as an invoice list where they are one: one entry per document
// (`invoice-lines.ts`), amount_base from an exchange-rate column (`exchange-rates.ts`) and a
// payment for the part an open-amount column says is paid (`open-amounts.ts`). A table with none
// of these traits passes through unchanged.
import type { CanonicalRecord, ImportIssue } from '../../core/types';
import { importWarning } from '../issues';
import { applyRates, fileBaseCurrency } from './exchange-rates';
import { groupDocuments, type ListContext, type ListRow } from './invoice-lines';
import { paymentsFromOpenAmounts } from './open-amounts';

/** What the rows turned out to be, for the import report's description of the source. */
export interface ListSummary {
  lines: number;
  documents: number;
  drafts: number;
  cancelled: number;
  /** Lines merged into the document they belong to (0: one row per document). */
  mergedLines: number;
  /** Payments made from an open-amount column. */
  payments: number;
  rateDirection: 'multiply' | 'divide' | null;
}

export interface ListRecords {
  records: CanonicalRecord[];
  issues: ImportIssue[];
  /** The base currency the file itself states (by a rate of 1), when it does. */
  baseCurrency?: string;
  summary: ListSummary;
}

export interface ListOptions extends ListContext {
  /** The base currency the user gave, if any. */
  baseCurrency?: string;
}

/** The entries of the rows, as one per document with base amounts and paid parts. */
export function invoiceListRecords(rows: readonly ListRow[], options: ListOptions): ListRecords {
  const grouped = groupDocuments(rows, options);
  const issues = [...grouped.issues];
  const asked = options.baseCurrency?.toUpperCase();
  const stated = fileBaseCurrency(grouped.rows);
  if (stated !== null && asked !== undefined && stated !== asked) {
    issues.push(importWarning('file-base-currency', { file: options.file, field: options.header('exchange_rate') }, { currency: stated, asked }));
  }
  const base = stated ?? asked ?? 'EUR';
  const rated = applyRates(grouped.rows, base, { file: options.file, field: options.header('exchange_rate') });
  const paid = paymentsFromOpenAmounts(rated.rows, { file: options.file, field: options.header('open_amount') }, base);
  issues.push(...rated.issues, ...paid.issues);
  const result: ListRecords = {
    records: paid.rows.map((r) => r.record),
    issues,
    summary: { ...grouped.counts, payments: paid.payments, rateDirection: rated.direction },
  };
  if (stated !== null) result.baseCurrency = stated;
  return result;
}
