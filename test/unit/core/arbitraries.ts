// fast-check arbitraries: random but valid ledgers, built as canonical records and passed through
// ledgerFromRecords. Documents (invoices, credit notes) in EUR or USD; payments, journals and
// credit notes that settle one of them (same party, mostly the same currency), stay unallocated,
// or name an unknown document; dates in a short span, so payments may precede their invoices.
import fc from 'fast-check';
import { formatIsoDate, parseIsoDate } from '../../../src/core/date';
import { ledgerFromRecords } from '../../../src/core/ledger';
import { formatMinor } from '../../../src/core/money';
import type { CanonicalRecord, Ledger } from '../../../src/core/types';

export const FIRST_DAY = parseIsoDate('2024-01-01') as number;
/** Days 0…SPAN: short, so that dates and as-of dates often coincide. */
export const SPAN = 90;

const dayArb = fc.integer({ min: 0, max: SPAN });
const amountArb = fc.integer({ min: -30_000, max: 200_000 });
const rateArb = fc.integer({ min: 60, max: 140 });

const docArb = fc.record({
  side: fc.constantFrom('AR', 'AP'),
  party: fc.integer({ min: 1, max: 3 }),
  type: fc.constantFrom('invoice', 'invoice', 'credit_note'),
  date: dayArb,
  docOffset: fc.integer({ min: -10, max: 0 }),
  dueOffset: fc.integer({ min: 0, max: 90 }),
  amount: amountArb,
  usd: fc.boolean(),
  rate: rateArb,
});

const moveArb = fc.record({
  side: fc.constantFrom('AR', 'AP'),
  party: fc.integer({ min: 1, max: 3 }),
  type: fc.constantFrom('payment', 'payment', 'journal', 'credit_note'),
  mode: fc.constantFrom('settle', 'settle', 'settle', 'loose', 'unknown', 'cross'),
  target: fc.nat(),
  date: dayArb,
  amount: amountArb,
  usd: fc.boolean(),
  rate: rateArb,
  docNo: fc.integer({ min: 1, max: 8 }),
});

type Values = Record<string, string>;

function row(side: string, party: number, type: string, docNo: string, date: number, amount: number, usd: boolean, rate: number): Values {
  const values: Values = {
    ledger: side, party_id: `${side === 'AR' ? 'C' : 'S'}${party}`, entry_type: type, doc_no: docNo,
    entry_date: formatIsoDate(FIRST_DAY + date), amount: formatMinor(amount, 2),
  };
  if (usd) {
    values.currency = 'USD';
    values.amount_base = formatMinor(Math.round((amount * rate) / 100), 2);
  }
  return values;
}

/** Canonical records of a random valid ledger (base currency EUR). */
export const recordsArb: fc.Arbitrary<CanonicalRecord[]> = fc
  .tuple(fc.array(docArb, { maxLength: 14 }), fc.array(moveArb, { maxLength: 18 }))
  .map(([docs, moves]) => {
    const rows: Values[] = docs.map((d, k) => {
      const r = row(d.side, d.party, d.type, `D${k}`, d.date, d.amount, d.usd, d.rate);
      r.doc_date = formatIsoDate(FIRST_DAY + d.date + d.docOffset);
      r.due_date = formatIsoDate(FIRST_DAY + d.date + d.docOffset + d.dueOffset);
      return r;
    });
    moves.forEach((m, k) => {
      const docNo = m.type === 'credit_note' ? `X${k}` : `M${m.docNo}`; // credit notes are unique per party
      const settling = m.mode === 'settle' || m.mode === 'cross';
      const target = docs.length > 0 && settling ? docs[m.target % docs.length] : undefined;
      if (target !== undefined) {
        const targetNo = `D${docs.indexOf(target)}`;
        const usd = m.mode === 'cross' ? !target.usd : target.usd; // cross: settles in another currency
        rows.push({ ...row(target.side, target.party, m.type, docNo, m.date, m.amount, usd, m.rate), settles: targetNo });
      } else {
        const r = row(m.side, m.party, m.type, docNo, m.date, m.amount, m.usd, m.rate);
        if (m.mode === 'unknown') r.settles = 'NOPE';
        rows.push(r);
      }
    });
    return rows.map((values, i) => ({ values, source: { file: 'random.csv', line: i + 2 } }));
  });

export function ledgerFrom(records: CanonicalRecord[]): Ledger {
  const result = ledgerFromRecords(records, [], { file: 'random.csv' });
  if (result.ledger === null) throw new Error(`random ledger did not validate: ${JSON.stringify(result.issues.slice(0, 3))}`);
  return result.ledger;
}

export const ledgerArb: fc.Arbitrary<Ledger> = recordsArb.map(ledgerFrom);

/** A ledger that holds only the base currency. */
export const baseOnlyLedgerArb: fc.Arbitrary<Ledger> = recordsArb.map((records) =>
  ledgerFrom(records.map((r) => ({ ...r, values: { ...r.values, currency: '', amount_base: '' } }))),
);

export const asOfArb = fc.integer({ min: -5, max: SPAN + 40 }).map((d) => FIRST_DAY + d);

export const periodArb = fc.tuple(fc.integer({ min: -5, max: SPAN }), fc.integer({ min: 0, max: 200 })).map(([from, length]) => ({
  from: FIRST_DAY + from,
  to: FIRST_DAY + from + length,
}));

export const bucketsArb = fc.uniqueArray(fc.integer({ min: 1, max: 150 }), { minLength: 1, maxLength: 5 }).map((b) => b.sort((x, y) => x - y));
export const basisArb = fc.constantFrom('due' as const, 'doc' as const, 'entry' as const);
