// Turnaround and payment behaviour for a period (ledger.md §6). Per party: opening (balance the
// day before `from`) + invoiced + credited + paid + other + fx_difference = closing (balance at
// `to`), and days to pay / days late of the positive invoices settled in the period. Per side:
//   DSO = closing / invoiced × days;  best possible DSO = not due at `to` / invoiced × days;
//   ADD = DSO − best possible DSO;   CEI = (opening + invoiced − closing) / (opening + invoiced − not due) × 100
import type { Day } from './date';
import { itemTable, partyDayKey, type ItemTable } from './item-table';
import { docNoOf, ledgerIndex, TYPE_INVOICE, type LedgerIndex, type PartyInfo } from './ledger-index';
import { partyTotals } from './party-totals';
import type { Period, SettledInvoice, TurnaroundReport, TurnaroundRow, TurnaroundTotals } from './report-types';
import type { Ledger, Side } from './types';

/** Per party: amount_base booked in the period by entry type (invoice, credit, payment, journal). */
interface Movements {
  byType: Float64Array;
  moved: Uint8Array;
}

function periodMovements(x: LedgerIndex, period: Period): Movements {
  const m: Movements = { byType: new Float64Array(x.parties.length * 4), moved: new Uint8Array(x.parties.length) };
  for (let i = 0; i < x.size; i++) {
    const d = x.entryDate[i] as number;
    if (d < period.from || d > period.to) continue;
    const p = x.party[i] as number;
    const slot = p * 4 + (x.type[i] as number);
    m.byType[slot] = (m.byType[slot] as number) + (x.amountBase[i] as number);
    m.moved[p] = 1;
  }
  return m;
}

/** Per party: count, Σ days to pay, Σ days × amount_base, Σ amount_base, Σ days late, on time. */
const B = 6;

function settledRow(x: LedgerIndex, i: number, settled: Day): SettledInvoice {
  const e = x.entry(i);
  return {
    ledger: e.ledger, partyId: e.partyId, partyName: (x.parties[x.party[i] as number] as PartyInfo).name, docNo: e.docNo,
    docDate: e.docDate, dueDate: e.dueDate, settledDate: settled, daysToPay: settled - e.docDate,
    daysLate: Math.max(0, settled - e.dueDate), amountBase: e.amountBase,
  };
}

/** Table positions of the positive invoices settled within the period (as of its end). */
function settledPositions(x: LedgerIndex, t: ItemTable, period: Period): number[] {
  const found: number[] = [];
  for (let k = 0; k < t.count; k++) {
    const i = t.entry[k] as number;
    const settled = t.settled[k] as number;
    if (x.type[i] === TYPE_INVOICE && (x.amount[i] as number) > 0 && settled >= period.from && settled <= period.to) found.push(k);
  }
  return found;
}

/** Per party: the sums of days to pay and days late of its invoices settled in the period. */
function settledSums(x: LedgerIndex, t: ItemTable, found: readonly number[]): Float64Array {
  const byParty = new Float64Array(x.parties.length * B);
  for (const k of found) {
    const i = t.entry[k] as number;
    const settled = t.settled[k] as number;
    const days = settled - (x.docDate[i] as number);
    const late = Math.max(0, settled - (x.dueDate[i] as number));
    const weight = x.amountBase[i] as number;
    const at = (x.party[i] as number) * B;
    byParty[at] = (byParty[at] as number) + 1;
    byParty[at + 1] = (byParty[at + 1] as number) + days;
    byParty[at + 2] = (byParty[at + 2] as number) + days * weight;
    byParty[at + 3] = (byParty[at + 3] as number) + weight;
    byParty[at + 4] = (byParty[at + 4] as number) + late;
    if (late === 0) byParty[at + 5] = (byParty[at + 5] as number) + 1;
  }
  return byParty;
}

/** The fact rows of the settled invoices, by party and settled date, then doc_no. */
function settledRows(x: LedgerIndex, t: ItemTable, found: readonly number[]): SettledInvoice[] {
  const order = found.map((k) => {
    const i = t.entry[k] as number;
    const settled = t.settled[k] as number;
    return { key: partyDayKey(x.party[i] as number, settled), docNo: docNoOf(x, i), i, settled };
  });
  order.sort((a, b) => a.key - b.key || (a.docNo < b.docNo ? -1 : a.docNo > b.docNo ? 1 : 0));
  return order.map((o) => settledRow(x, o.i, o.settled));
}

type Behaviour = Pick<TurnaroundRow, 'invoicesSettled' | 'avgDaysToPay' | 'weightedDaysToPay' | 'avgDaysLate' | 'onTimeRate'>;

/** Party p's payment behaviour into its row (read from the sums without copying them). */
function setBehaviour(row: Behaviour, sums: Float64Array, p: number): void {
  const at = p * B;
  const n = sums[at] as number;
  row.invoicesSettled = n;
  if (n === 0) {
    row.avgDaysToPay = row.weightedDaysToPay = row.avgDaysLate = row.onTimeRate = null;
    return;
  }
  const weights = sums[at + 3] as number;
  row.avgDaysToPay = (sums[at + 1] as number) / n;
  row.weightedDaysToPay = weights === 0 ? null : (sums[at + 2] as number) / weights;
  row.avgDaysLate = (sums[at + 4] as number) / n;
  row.onTimeRate = (sums[at + 5] as number) / n;
}

function sideTotals(rows: TurnaroundRow[], notDue: number, side: Side, days: number): TurnaroundTotals {
  let opening = 0, invoiced = 0, closing = 0;
  for (const r of rows) {
    if (r.ledger !== side) continue;
    opening += r.opening;
    invoiced += r.invoiced;
    closing += r.closing;
  }
  const dso = invoiced === 0 ? null : (closing / invoiced) * days;
  const bestPossibleDso = invoiced === 0 ? null : (notDue / invoiced) * days;
  const ceiBase = opening + invoiced - notDue;
  return {
    opening, invoiced, closing, notDue, dso, bestPossibleDso,
    add: dso === null || bestPossibleDso === null ? null : dso - bestPossibleDso,
    cei: ceiBase === 0 ? null : ((opening + invoiced - closing) / ceiBase) * 100,
  };
}

/** Turnaround per party with a balance or a movement in the period, with totals per side. */
export function turnaround(ledger: Ledger, period: Period): TurnaroundReport {
  const x = ledgerIndex(ledger);
  const before: Day = period.from - 1;
  const open = partyTotals(x, before);
  const close = partyTotals(x, period.to);
  const moves = periodMovements(x, period);
  const items = itemTable(x, period.to);
  const found = settledPositions(x, items, period);
  const sums = settledSums(x, items, found);
  const rows: TurnaroundRow[] = [];
  const notDue: Record<Side, number> = { AR: 0, AP: 0 };
  x.parties.forEach((info, p) => {
    notDue[info.ledger] += close.notDue[p] as number;
    const opening = open.balance[p] as number;
    const closing = close.balance[p] as number;
    if (opening === 0 && closing === 0 && moves.moved[p] !== 1) return;
    const invoiced = moves.byType[p * 4] as number;
    const credited = moves.byType[p * 4 + 1] as number;
    const paid = moves.byType[p * 4 + 2] as number;
    const other = moves.byType[p * 4 + 3] as number;
    const row: TurnaroundRow = {
      ledger: info.ledger, partyId: info.partyId, partyName: info.name,
      opening, invoiced, credited, paid, other,
      fxDifference: closing - opening - invoiced - credited - paid - other,
      closing,
      invoicesSettled: 0, avgDaysToPay: null, weightedDaysToPay: null, avgDaysLate: null, onTimeRate: null,
    };
    setBehaviour(row, sums, p);
    rows.push(row);
  });
  const days = period.to - period.from + 1;
  let settled: SettledInvoice[] | undefined;
  return {
    period, rows, totals: { AR: sideTotals(rows, notDue.AR, 'AR', days), AP: sideTotals(rows, notDue.AP, 'AP', days) },
    /** Made when first read (the payment behaviour sheet reads it; the command line does not). */
    get settled(): SettledInvoice[] {
      return (settled ??= settledRows(x, items, found));
    },
  };
}
