// An invoice list's open-amount column (`Balance`, `Openstaand`, `Solde`, `Offen`) beside the
// invoice total, with no payment lines: the invoice stays at its total and the part already paid
// becomes a payment allocated to it, dated at the list's last-payment date where it gives one,
// else at the latest date in the file (with a warning), so the item is open for the balance.
//   INV-7 Total 121.00, Balance 21.00, Last payment 2024-03-01
//   → invoice INV-7 121.00 + payment INV-7 −100.00 on 2024-03-01, settles INV-7
import { currencyExponent, formatMinor, mulDivRound, parseAmount } from '../../core/money';
import type { CanonicalRecord, ImportIssue } from '../../core/types';
import { isZeroDecimal, subtractDecimal, toNano } from '../decimal';
import { importWarning } from '../issues';
import type { ListRow } from './invoice-lines';

export interface OpenAmountResult {
  rows: ListRow[];
  issues: ImportIssue[];
  /** Payments added for the part already paid. */
  payments: number;
  /** False when the column was not read as open amounts (see `isOpenAmountColumn`). */
  used: boolean;
}

/**
 * An open amount lies between zero and the document's total, with its sign; a column that
 * breaks this anywhere (a running balance, say) is not an open-amount column.
 */
function isOpenAmountColumn(rows: readonly ListRow[]): boolean {
  return rows.every((r) => {
    if (r.open === undefined || r.open === '') return true;
    const open = toNano(r.open) ?? 0n;
    const total = toNano(r.record.values.amount ?? '') ?? 0n;
    return total >= 0n ? open >= 0n && open <= total : open <= 0n && open >= total;
  });
}

/** The latest entry or document date in the rows, for payments the file gives no date for. */
function latestDate(rows: readonly ListRow[]): string {
  let latest = '';
  for (const r of rows) {
    for (const d of [r.record.values.entry_date, r.record.values.doc_date, r.lastPayment]) if (d && d > latest) latest = d;
  }
  return latest;
}

/** The paid part in the base currency, at the invoice's own rate (its amount_base over its amount). */
function paidBase(v: CanonicalRecord['values'], paid: string, base: string): string | undefined {
  if (v.amount_base === undefined) return undefined;
  const exponent = currencyExponent(v.currency ?? base);
  const baseExponent = currencyExponent(base);
  const total = parseAmount(v.amount ?? '', exponent)?.minor;
  const totalBase = parseAmount(v.amount_base, baseExponent)?.minor;
  const part = parseAmount(paid, exponent)?.minor;
  if (total === undefined || totalBase === undefined || part === undefined || total === 0) return undefined;
  return formatMinor(-mulDivRound(totalBase, part, total), baseExponent);
}

function paymentFor(row: ListRow, paid: string, date: string, base: string): ListRow {
  const v = row.record.values;
  const values: CanonicalRecord['values'] = {
    ledger: v.ledger, party_id: v.party_id, entry_type: 'payment', doc_no: v.doc_no, entry_date: date,
    amount: subtractDecimal('0', paid), settles: v.doc_no,
  };
  if (v.party_name !== undefined) values.party_name = v.party_name;
  if (v.currency !== undefined) values.currency = v.currency;
  const amountBase = paidBase(v, paid, base);
  if (amountBase !== undefined) values.amount_base = amountBase;
  return { record: { values, source: row.record.source } };
}

/** Each invoice with a paid part followed by the payment of that part (amount_base at the invoice's rate). */
export function paymentsFromOpenAmounts(rows: readonly ListRow[], place: { file: string; field: string }, base: string): OpenAmountResult {
  const { file, field } = place;
  if (!rows.some((r) => r.open !== undefined && r.open !== '')) return { rows: [...rows], issues: [], payments: 0, used: false };
  if (!isOpenAmountColumn(rows)) {
    return { rows: [...rows], issues: [importWarning('open-amount-ignored', { file, field })], payments: 0, used: false };
  }
  const fallback = latestDate(rows);
  const out: ListRow[] = [];
  let payments = 0;
  let undated = 0;
  for (const row of rows) {
    out.push(row);
    if (row.open === undefined || row.open === '' || row.record.values.entry_type === 'payment') continue;
    const paid = subtractDecimal(row.record.values.amount ?? '0', row.open);
    if (isZeroDecimal(paid)) continue;
    if (!row.lastPayment) undated++;
    out.push(paymentFor(row, paid, row.lastPayment || fallback, base));
    payments++;
  }
  const issues = undated > 0 ? [importWarning('payment-date-assumed', { file, field }, { count: undated, date: fallback })] : [];
  return { rows: out, issues, payments, used: true };
}
