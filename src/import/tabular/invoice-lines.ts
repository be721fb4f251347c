// Invoice lists write one row per invoice *line*, with the invoice's total, open balance, status
// and rate repeated on each: here the rows of one document become one entry. Drafts and
// cancelled documents are left out (counted), and the amount is the document's total where the
// amount column repeats it, else the sum of its lines.
//   INV-1 ×3 lines, Total 121.00 on each → one invoice INV-1 of 121.00
//   INV-2 ×2 lines, Amount 40.00 and 60.00 → one invoice INV-2 of 100.00
import type { CanonicalRecord, ImportIssue } from '../../core/types';
import { addDecimal, isZeroDecimal, subtractDecimal } from '../decimal';
import { importError, importWarning } from '../issues';
import { leftOutStatus, type TargetField } from './vocabulary';

/** A mapped row and the invoice-list values that are not entry fields. */
export interface ListRow {
  record: CanonicalRecord;
  open?: string;
  status?: string;
  rate?: string;
  lastPayment?: string;
  line?: string;
}

export interface ListContext {
  file: string;
  /** The header of each mapped field, for messages. */
  header: (field: TargetField) => string;
  /** True when a separate line-amount column exists (the amount column is then the total). */
  hasLineColumn: boolean;
}

export interface GroupedRows {
  rows: ListRow[];
  issues: ImportIssue[];
  /** Rows read, documents kept, and documents left out by status. */
  counts: { lines: number; documents: number; drafts: number; cancelled: number; mergedLines: number };
}

const DOCUMENT_TYPES = new Set(['invoice', 'credit_note']);
/** Values every line of one document must repeat. */
const SHARED: readonly { field: TargetField; get: (r: ListRow) => string | undefined }[] = [
  { field: 'entry_date', get: (r) => r.record.values.entry_date },
  { field: 'doc_date', get: (r) => r.record.values.doc_date },
  { field: 'due_date', get: (r) => r.record.values.due_date },
  { field: 'currency', get: (r) => r.record.values.currency },
  { field: 'open_amount', get: (r) => r.open },
  { field: 'exchange_rate', get: (r) => r.rate },
  { field: 'last_payment_date', get: (r) => r.lastPayment },
];

function documentKey(r: ListRow): string | null {
  const v = r.record.values;
  if (!DOCUMENT_TYPES.has(v.entry_type ?? '') || !v.doc_no) return null;
  return `${v.ledger ?? ''}\u0000${v.party_id ?? ''}\u0000${v.doc_no}`;
}

/** Drafts and cancelled documents out, with one warning that counts them. */
function dropLeftOut(rows: readonly ListRow[], file: string): { kept: ListRow[]; drafts: number; cancelled: number; issues: ImportIssue[] } {
  const out = { draft: new Set<string>(), cancelled: new Set<string>() };
  let lines = 0;
  const kept = rows.filter((r) => {
    const status = r.status === undefined ? null : leftOutStatus(r.status);
    if (status === null) return true;
    out[status].add(documentKey(r) ?? `${r.record.source.line ?? ''}`);
    lines++;
    return false;
  });
  const drafts = out.draft.size;
  const cancelled = out.cancelled.size;
  const issues = drafts + cancelled > 0 ? [importWarning('documents-left-out', { file }, { drafts, cancelled, lines })] : [];
  return { kept, drafts, cancelled, issues };
}

/** The amount column repeats each document's total when no document's lines differ in it. */
function amountsAreTotals(groups: Iterable<ListRow[]>, ctx: ListContext): boolean {
  if (ctx.hasLineColumn) return true;
  for (const lines of groups) {
    const first = lines[0]?.record.values.amount;
    if (lines.some((l) => l.record.values.amount !== first)) return false;
  }
  return true;
}

function disagreement(lines: readonly ListRow[], ctx: ListContext, totals: boolean): ImportIssue | null {
  const first = lines[0];
  if (!first) return null;
  const shared = totals ? [...SHARED, { field: 'amount' as const, get: (r: ListRow) => r.record.values.amount }] : SHARED;
  for (const line of lines.slice(1)) {
    for (const { field, get } of shared) {
      if ((get(line) ?? '') === (get(first) ?? '')) continue;
      return importError('invoice-lines-disagree', { file: ctx.file, line: line.record.source.line ?? 0, field: ctx.header(field) }, {
        doc: first.record.values.doc_no ?? '', value: get(line) ?? '', first: get(first) ?? '', firstLine: first.record.source.line ?? 0,
      });
    }
  }
  return null;
}

/** One row for the document: the first line's, with the total (or the sum of the lines). */
function mergeDocument(lines: readonly ListRow[], totals: boolean): ListRow {
  const first = lines[0] as ListRow;
  if (lines.length === 1 || totals) return first;
  const sum = (get: (r: ListRow) => string | undefined): string => lines.reduce((s, r) => addDecimal(s, get(r) ?? ''), '0');
  const values: CanonicalRecord['values'] = { ...first.record.values, amount: sum((r) => r.record.values.amount) };
  if (first.record.values.amount_base !== undefined) values.amount_base = sum((r) => r.record.values.amount_base);
  return { ...first, record: { ...first.record, values } };
}

/** Documents whose line amounts do not add up to the total they give (one warning for all). */
function checkLineSums(groups: Map<string, ListRow[]>, ctx: ListContext): ImportIssue[] {
  if (!ctx.hasLineColumn) return [];
  const off: { doc: string; lines: string; total: string }[] = [];
  for (const lines of groups.values()) {
    const total = lines[0]?.record.values.amount ?? '';
    const sum = lines.reduce((s, r) => addDecimal(s, r.line ?? ''), '0');
    if (!isZeroDecimal(subtractDecimal(sum, total))) off.push({ doc: lines[0]?.record.values.doc_no ?? '', lines: sum, total });
  }
  const [example] = off;
  if (!example) return [];
  return [importWarning('line-sum-differs', { file: ctx.file, field: ctx.header('line_amount') }, { count: off.length, ...example })];
}

/** One row per document; drafts and cancelled documents left out; other rows as they were. */
export function groupDocuments(rows: readonly ListRow[], ctx: ListContext): GroupedRows {
  const dropped = dropLeftOut(rows, ctx.file);
  const issues = [...dropped.issues];
  const groups = new Map<string, ListRow[]>();
  const order: (ListRow | string)[] = [];
  for (const row of dropped.kept) {
    const key = documentKey(row);
    if (key === null) order.push(row);
    else if (groups.has(key)) groups.get(key)?.push(row);
    else {
      groups.set(key, [row]);
      order.push(key);
    }
  }
  const totals = amountsAreTotals(groups.values(), ctx);
  for (const lines of groups.values()) {
    const problem = disagreement(lines, ctx, totals);
    if (problem) issues.push(problem);
  }
  issues.push(...checkLineSums(groups, ctx));
  const out = order.map((o) => (typeof o === 'string' ? mergeDocument(groups.get(o) ?? [], totals) : o));
  return {
    rows: out,
    issues,
    counts: { lines: rows.length, documents: groups.size, drafts: dropped.drafts, cancelled: dropped.cancelled, mergedLines: dropped.kept.length - out.length },
  };
}
