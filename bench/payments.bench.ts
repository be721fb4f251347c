// Benchmark: a batch of 10,000 SEPA payments (500 suppliers, 10,000 open invoices, a history of
// 10,000 earlier items) planned and written as pain.001.001.03 and .09. Prints a markdown section.
//   npx tsx bench/payments.bench.ts
import { composeIBAN } from 'ibantools';
import { baseItemKey } from '../src/core/item-key';
import { formatMinor } from '../src/core/money';
import type { Item } from '../src/core/report-types';
import { partyKey, type Party } from '../src/core/types';
import { emptyHistory, withBatch, type Pain001Format } from '../src/export/history';
import { writePain001 } from '../src/export/pain001';
import { batchOf, planPayments, type PaymentPlan } from '../src/export/payment-plan';
import { makeOgm } from '../src/export/references';

const PAYMENTS = 10_000;
const SUPPLIERS = 500;

function suppliers(): Map<string, Party> {
  const parties = new Map<string, Party>();
  for (let s = 0; s < SUPPLIERS; s += 1) {
    const partyId = `S${String(s).padStart(4, '0')}`;
    const iban = composeIBAN({ countryCode: 'NL', bban: `ABNA${String(417164300 + s * 7919).padStart(10, '0')}` });
    if (iban === null) throw new Error('could not compose a test IBAN');
    parties.set(partyKey('AP', partyId), { ledger: 'AP', partyId, name: `Leverancier ${s} & Zonen Müller`, iban });
  }
  return parties;
}

function invoices(count: number, offset: number): Item[] {
  return Array.from({ length: count }, (_, i) => {
    const n = i + offset;
    const amount = 1 + ((n * 7_919) % 2_500_000); // 0.01 … 25,000.00 EUR in awkward cents
    const partyId = `S${String(n % SUPPLIERS).padStart(4, '0')}`;
    const docNo = `INV-${n}`;
    const item: Item = {
      key: baseItemKey({ ledger: 'AP', partyId, docNo, entryType: 'invoice' }),
      ledger: 'AP', partyId, partyName: '', docNo,
      entryType: 'invoice', entryDate: 20_000, docDate: 20_000, dueDate: 20_030 + (n % 20), currency: 'EUR',
      amount, amountBase: amount, open: amount, openBase: amount, settledDate: null, description: '',
    };
    if (n % 3 === 0) item.paymentRef = makeOgm(n);
    return item;
  });
}

function time<T>(work: () => T): [T, number] {
  const start = performance.now();
  const result = work();
  return [result, performance.now() - start];
}

const parties = suppliers();
const earlier = invoices(PAYMENTS, PAYMENTS);
const paidBefore = planPayments(earlier, { keys: earlier.map((i) => i.key), executionDate: 20_040 }, emptyHistory(), { parties, batchId: 'SLBENCHEARLIER' });
const history = withBatch(emptyHistory(), batchOf(paidBefore, { createdAt: '2025-01-01T00:00:00Z', fileName: 'earlier.xml', format: 'pain.001.001.03' }));
const open = [...invoices(PAYMENTS, 0), ...earlier];
const keys = open.slice(0, PAYMENTS).map((i) => i.key);
const debtor = { name: 'Brasserie Élise', iban: 'BE71096123456769', bic: 'GKCCBEBB' };

const makePlan = (): PaymentPlan => planPayments(open, { keys, executionDate: 20_050 }, history, { parties, batchId: 'SLBENCH' });
const write = (plan: PaymentPlan, format: Pain001Format) => (): string => writePain001(plan, debtor, { format });

/** The first (cold) run and the best of three warm runs, in ms. */
function measure<T>(work: () => T): { result: T; cold: number; warm: number } {
  const [result, cold] = time(work);
  const warm = Math.min(...[0, 1, 2].map(() => time(work)[1]));
  return { result, cold, warm };
}

const plan = measure(makePlan);
const v03 = measure(write(plan.result, 'pain.001.001.03'));
const v09 = measure(write(plan.result, 'pain.001.001.09'));
if (plan.result.payments.length !== PAYMENTS) throw new Error(`expected ${PAYMENTS} payments, got ${plan.result.payments.length}`);

const mb = (text: string): string => (text.length / 1e6).toFixed(1);
const row = (step: string, m: { cold: number; warm: number }): string => `| ${step} | ${m.cold.toFixed(0)} | ${m.warm.toFixed(0)} |`;
console.log(`## Payments (pain.001)

${PAYMENTS.toLocaleString('en')} payments to ${SUPPLIERS} suppliers, total ${formatMinor(plan.result.total, 2)} EUR, a third with a structured
reference; checked against a history of ${history.batches[0]?.items.length ?? 0} earlier items. Target: plan + one file well under a second.

| step | first run, ms | warm, ms |
|---|---:|---:|
${row('plan (checks, references, never-twice lookup)', plan)}
${row(`write pain.001.001.03 (${mb(v03.result)} MB)`, v03)}
${row(`write pain.001.001.09 (${mb(v09.result)} MB)`, v09)}
| **plan + one .03 file** | **${(plan.cold + v03.cold).toFixed(0)}** | **${(plan.warm + v03.warm).toFixed(0)}** |
`);
