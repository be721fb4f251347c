// A generator of ledgers shaped like real ones, for benchmarks (issue: speed on real-shaped
// ledgers): many parties with a few dozen entries each, rows in no particular order, about half of
// them allocated with `settles` (some naming no document), a fifth in USD, GBP or JPY with
// `amount_base`, party names on some rows only. Written as the canonical subledger CSV.
//   const file = await writeRealShapeCsv('/tmp/x/ledger.csv', { entries: 1_200_000 });
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { formatIsoDate, parseIsoDate } from '../src/core/date';
import { csvLine } from '../src/core/csv';

export interface RealShapeOptions {
  entries: number;
  /** Parties across AR and AP (default: one per 25 entries). */
  parties?: number;
  /** Share of entries in a foreign currency (default 0.2). */
  foreignShare?: number;
  /** Share of payments and credit notes that name the invoice they settle (default 0.85). */
  settlesShare?: number;
  /** Rows shuffled (default true); false keeps them by party and date. */
  shuffled?: boolean;
  seed?: number;
}

const HEADER = ['ledger', 'party_id', 'party_name', 'entry_type', 'doc_no', 'entry_date', 'doc_date', 'due_date', 'amount', 'currency', 'amount_base', 'settles', 'description', 'payment_ref'];
const FIRST_DAY = parseIsoDate('2023-01-01') as number;
const DAYS = 3 * 365;
const FOREIGN = [
  { code: 'USD', perEur: 1.08, exponent: 2 },
  { code: 'GBP', perEur: 0.86, exponent: 2 },
  { code: 'JPY', perEur: 160, exponent: 0 },
];

/** mulberry32: small, fast, seeded. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function amountText(minor: number, exponent: number): string {
  const sign = minor < 0 ? '-' : '';
  const abs = Math.abs(minor);
  if (exponent === 0) return `${sign}${abs}`;
  const unit = 10 ** exponent;
  return `${sign}${Math.floor(abs / unit)}.${String(abs % unit).padStart(exponent, '0')}`;
}

/** The rows of one party's life: invoices, payments (partial, late, on account), credit notes, journals. */
function partyRows(rnd: () => number, side: 'AR' | 'AP', id: string, name: string, count: number, options: Required<RealShapeOptions>): string[][] {
  const rows: string[][] = [];
  const foreign = rnd() < options.foreignShare ? FOREIGN[Math.floor(rnd() * FOREIGN.length)] : undefined;
  const currency = foreign?.code ?? 'EUR';
  const exponent = foreign?.exponent ?? 2;
  const rate = foreign ? foreign.perEur * (0.95 + rnd() * 0.1) : 1;
  const base = (minor: number) => (foreign ? Math.round((minor / 10 ** exponent / rate) * 100) : minor);
  const push = (type: string, doc: string, day: number, due: number, minor: number, settles: string, description: string) => {
    const named = rnd() < 0.3 ? name : '';
    rows.push([side, id, named, type, doc, formatIsoDate(day), formatIsoDate(day), formatIsoDate(due), amountText(minor, exponent), currency, amountText(base(minor), 2), settles, description, '']);
  };
  let n = 0;
  while (rows.length < count) {
    n++;
    const day = FIRST_DAY + Math.floor(rnd() * DAYS);
    const due = day + [14, 30, 30, 45, 60][Math.floor(rnd() * 5)]!;
    const invoice = `${side === 'AR' ? 'F' : 'A'}${id}-${n}`;
    const gross = Math.round((20 + rnd() * 4000) * 10 ** exponent);
    push('invoice', invoice, day, due, gross, '', `Invoice ${n}`);
    const r = rnd();
    if (r < 0.13) {
      // a credit note, half of them allocated to the invoice
      const credit = -Math.round(gross * (0.1 + rnd() * 0.9));
      push('credit_note', `CN${id}-${n}`, day + Math.floor(rnd() * 30), day + 30, credit, rnd() < 0.5 ? invoice : '', 'Credit');
    }
    if (r < 0.8) {
      // paid, in one go or in two parts, some late, some to the wrong document number
      const settles = rnd() < options.settlesShare ? invoice : rnd() < 0.5 ? '' : `X${id}-${n}`;
      const parts = rnd() < 0.2 ? 2 : 1;
      let left = gross;
      for (let p = 0; p < parts && rows.length < count; p++) {
        const paid = p === parts - 1 ? left : Math.round(left / 2);
        left -= paid;
        const when = day + Math.floor(rnd() * 90);
        push('payment', `P${id}-${n}-${p}`, when, when, -paid, settles, 'Payment');
      }
    }
    if (rnd() < 0.04) push('journal', `J${id}-${n}`, day + 100, day + 100, -Math.round(rnd() * 500 * 10 ** exponent), rnd() < 0.5 ? invoice : '', 'Write-off');
  }
  return rows.slice(0, count);
}

/** Writes the ledger to `file`; resolves with the number of entries written. */
export async function writeRealShapeCsv(file: string, given: RealShapeOptions): Promise<number> {
  const options: Required<RealShapeOptions> = {
    parties: Math.max(1, Math.round(given.entries / 25)),
    foreignShare: 0.2,
    settlesShare: 0.85,
    shuffled: true,
    seed: 7,
    ...given,
  };
  const rnd = random(options.seed);
  const perParty = options.entries / options.parties;
  const all: string[] = [];
  for (let p = 0; p < options.parties && all.length < options.entries; p++) {
    const side = p % 2 === 0 ? 'AR' : 'AP';
    const count = Math.max(1, Math.min(options.entries - all.length, Math.round(perParty * (0.3 + rnd() * 1.4))));
    const id = `${side === 'AR' ? 'D' : 'C'}${String(p).padStart(6, '0')}`;
    for (const row of partyRows(rnd, side, id, `Party ${id}`, count, options)) all.push(csvLine(row));
  }
  if (options.shuffled) {
    for (let i = all.length - 1; i > 0; i--) {
      const j = Math.floor(rnd() * (i + 1));
      [all[i], all[j]] = [all[j]!, all[i]!];
    }
  }
  const out = createWriteStream(file);
  out.write(`${csvLine(HEADER)}\n`);
  for (let i = 0; i < all.length; i += 10_000) {
    if (!out.write(`${all.slice(i, i + 10_000).join('\n')}\n`)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  return all.length;
}
