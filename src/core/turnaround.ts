// Turnaround and payment behaviour for a period (ledger.md §6). Per party: opening (balance the
// day before `from`) + invoiced + credited + paid + other + fx_difference = closing (balance at
// `to`), and days to pay / days late of the positive invoices settled in the period. Per side:
//   DSO = closing / invoiced × days;  best possible DSO = not due at `to` / invoiced × days;
//   ADD = DSO − best possible DSO;   CEI = (opening + invoiced − closing) / (opening + invoiced − not due) × 100
import type { Day } from './date';
import { itemTable } from './item-table';
import { ledgerIndex, TYPE_INVOICE, type LedgerIndex } from './ledger-index';
import { partyTotals } from './party-totals';
import type { Period, SettledInvoice, TurnaroundReport, TurnaroundRow, TurnaroundTotals } from './report-types';
import type { Entry, Ledger, Side } from './types';

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

/** Positive invoices settled within the period (as of its end), ordered by party and settled date. */
function settledInvoices(x: LedgerIndex, period: Period): SettledInvoice[] {
  const t = itemTable(x, period.to);
  const rows: { p: number; row: SettledInvoice }[] = [];
  for (let k = 0; k < t.count; k++) {
    const i = t.entry[k] as number;
    const settled = t.settled[k] as number;
    if (x.type[i] !== TYPE_INVOICE || (x.amount[i] as number) <= 0 || settled < period.from || settled > period.to) continue;
    const e = x.ledger.entries[i] as Entry;
    const p = x.party[i] as number;
    const name = (x.parties[p] as { name: string }).name;
    rows.push({ p, row: {
      ledger: e.ledger, partyId: e.partyId, partyName: name, docNo: e.docNo, docDate: e.docDate, dueDate: e.dueDate,
      settledDate: settled, daysToPay: settled - e.docDate, daysLate: Math.max(0, settled - e.dueDate), amountBase: e.amountBase,
    } });
  }
  rows.sort((a, b) => a.p - b.p || a.row.settledDate - b.row.settledDate || (a.row.docNo < b.row.docNo ? -1 : a.row.docNo > b.row.docNo ? 1 : 0));
  return rows.map((r) => r.row);
}

type Behaviour = Pick<TurnaroundRow, 'invoicesSettled' | 'avgDaysToPay' | 'weightedDaysToPay' | 'avgDaysLate' | 'onTimeRate'>;

function behaviourOf(settled: SettledInvoice[]): Behaviour {
  const n = settled.length;
  if (n === 0) return { invoicesSettled: 0, avgDaysToPay: null, weightedDaysToPay: null, avgDaysLate: null, onTimeRate: null };
  let days = 0, late = 0, onTime = 0, weighted = 0, weights = 0;
  for (const s of settled) {
    days += s.daysToPay;
    late += s.daysLate;
    if (s.daysLate === 0) onTime += 1;
    weighted += s.daysToPay * s.amountBase;
    weights += s.amountBase;
  }
  return { invoicesSettled: n, avgDaysToPay: days / n, weightedDaysToPay: weights === 0 ? null : weighted / weights, avgDaysLate: late / n, onTimeRate: onTime / n };
}

function groupByParty(settled: SettledInvoice[]): Map<string, SettledInvoice[]> {
  const groups = new Map<string, SettledInvoice[]>();
  for (const s of settled) {
    const key = `${s.ledger}\u0000${s.partyId}`;
    const list = groups.get(key);
    if (list) list.push(s);
    else groups.set(key, [s]);
  }
  return groups;
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
  const settled = settledInvoices(x, period);
  const byParty = groupByParty(settled);
  const rows: TurnaroundRow[] = [];
  const notDue: Record<Side, number> = { AR: 0, AP: 0 };
  x.parties.forEach((info, p) => {
    notDue[info.ledger] += close.notDue[p] as number;
    const opening = open.balance[p] as number;
    const closing = close.balance[p] as number;
    if (opening === 0 && closing === 0 && moves.moved[p] !== 1) return;
    const [invoiced, credited, paid, other] = Array.from(moves.byType.subarray(p * 4, p * 4 + 4)) as [number, number, number, number];
    rows.push({
      ledger: info.ledger, partyId: info.partyId, partyName: info.name,
      opening, invoiced, credited, paid, other,
      fxDifference: closing - opening - invoiced - credited - paid - other,
      closing,
      ...behaviourOf(byParty.get(`${info.ledger}\u0000${info.partyId}`) ?? []),
    });
  });
  const days = period.to - period.from + 1;
  return { period, rows, totals: { AR: sideTotals(rows, notDue.AR, 'AR', days), AP: sideTotals(rows, notDue.AP, 'AP', days) }, settled };
}
