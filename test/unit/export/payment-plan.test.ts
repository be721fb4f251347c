import { describe, expect, it } from 'vitest';
import { baseItemKey } from '../../../src/core/item-key';
import { formatMinor } from '../../../src/core/money';
import { emptyHistory, historyFromJson, historyToJson, withBatch } from '../../../src/export/history';
import { batchOf, planPayments, type PaymentPlan, type RefusedItem } from '../../../src/export/payment-plan';
import { refusalText } from '../../../src/export/refusals';
import { day } from '../core/fixture';
import { keysOf, openPayables, payablesLedger } from './payables';

const ledger = payablesLedger();
const payables = openPayables(ledger);
const allKeys = payables.map((i) => i.key);
const execution = day('2025-04-01');

function plan(keys: string[], extra: Partial<Parameters<typeof planPayments>[1]> = {}, history = emptyHistory(), confirmRepeat = false): PaymentPlan {
  return planPayments(payables, { keys, executionDate: execution, ...extra }, history, {
    parties: ledger.parties,
    batchId: 'SL20250331T120000TEST',
    confirmRepeat,
  });
}

/** The transfers as a table a bookkeeper reads: supplier, IBAN, amount, remittance, documents. */
function transfers(p: PaymentPlan): string[][] {
  return p.payments.map((x) => [
    x.creditorName,
    x.iban,
    formatMinor(x.amount, 2),
    x.remittance.kind === 'structured' ? `${x.remittance.reference.issuer} ${x.remittance.reference.ref}` : x.remittance.text,
    x.items.map((i) => i.docNo).join(' '),
  ]);
}

function refusals(p: PaymentPlan): string[][] {
  return p.refused.map((r) => [r.partyId, r.docNo, r.code]);
}

describe('planning a batch per invoice', () => {
  const p = plan(allKeys);

  it('pays each payable invoice its open amount, with the structured reference when it has one', () => {
    expect(transfers(p)).toEqual([
      ['Bakkerij Muller + Zoon', 'BE68539007547034', '60.00', 'INV-1', 'INV-1'],
      ['Bakkerij Muller + Zoon', 'BE68539007547034', '250.10', 'BBA 010806817183', 'INV-2'],
      ['Kredietbank', 'NL91ABNA0417164300', '20.00', 'X-1', 'X-1'],
      ['Societe Generale d\'Etudes', 'FR1420041010050500013M02606', '70.00', 'ISO RF18539007547034', 'F-101'],
    ]);
    expect(p.payments.map((x) => x.endToEndId)).toEqual(['1', '2', '3', '4'].map((n) => `SL20250331T120000TEST-${n}`));
    expect(p.total).toBe(6000 + 25010 + 2000 + 7000);
  });

  it('refuses the rest, each with its reason', () => {
    expect(refusals(p).sort()).toEqual(
      [
        ['S1', 'CN-1', 'credit-balance'],
        ['S2', 'B-77', 'no-iban'],
        ['S3', '2025/4', 'invalid-iban'],
        ['S4', 'US-9', 'not-eur'],
        ['S5', 'F-100', 'bad-reference'],
        ['S6', 'X-CN', 'credit-balance'],
      ].sort(),
    );
    const byDoc = new Map(p.refused.map((r) => [r.docNo, r.message]));
    expect(byDoc.get('US-9')).toMatch(/in USD: a SEPA credit transfer pays euros only/);
    expect(byDoc.get('B-77')).toMatch(/no IBAN/);
    expect(byDoc.get('2025/4')).toMatch(/DE89370400440532013001 is not valid/);
    expect(byDoc.get('F-100')).toMatch(/RF19539007547034 fails its RF check/);
    expect(byDoc.get('CN-1')).toMatch(/-30.00 EUR: a credit/);
  });

  it('words each refusal in Dutch and French as well, the English text being the message', () => {
    const byDoc = new Map(p.refused.map((r) => [r.docNo, r]));
    const words = (doc: string, lang: 'en' | 'nl' | 'fr') => refusalText(byDoc.get(doc) as RefusedItem, lang);
    for (const r of p.refused) expect(refusalText(r, 'en')).toBe(r.message);
    expect(words('US-9', 'nl')).toBe("staat in USD: een SEPA-overschrijving betaalt alleen euro's");
    expect(words('US-9', 'fr')).toBe('est en USD : un virement SEPA ne paie que des euros');
    expect(words('CN-1', 'nl')).toBe('het openstaande bedrag is -30,00 EUR: een tegoed, er valt niets te betalen');
    expect(words('B-77', 'fr')).toBe("le fournisseur n'a pas d'IBAN dans le fichier des tiers");
    // the failed check of the account or the reference is worded in the same language
    expect(words('2025/4', 'nl')).toMatch(/^rekening van de leverancier: IBAN DE89370400440532013001 is niet geldig/);
    expect(words('F-100', 'fr')).toBe('la référence créancier RF19539007547034 échoue au contrôle RF (ISO 11649 mod 97-10) : demandez la bonne référence au fournisseur');
  });

  it('refuses a key that is no open payable: a receivable, an unknown document', () => {
    const receivable = baseItemKey({ ledger: 'AR', partyId: 'C1', docNo: 'S-1', entryType: 'invoice' });
    const unknown = baseItemKey({ ledger: 'AP', partyId: 'S1', docNo: 'NOPE', entryType: 'invoice' });
    expect(plan([receivable, unknown]).refused.map((r) => [r.key, r.code])).toEqual([
      [unknown, 'not-open'],
      [receivable, 'not-open'],
    ]);
  });
});

describe('paying a supplier\'s items together', () => {
  it('nets its credit notes into one transfer that names every document', () => {
    const p = plan(keysOf(payables, 'INV-1', 'INV-2', 'CN-1'), { together: ['S1'] });
    expect(transfers(p)).toEqual([['Bakkerij Muller + Zoon', 'BE68539007547034', '280.10', 'CN-1, INV-1, INV-2', 'CN-1 INV-1 INV-2']]);
    expect(p.refused).toEqual([]);
  });

  it('refuses every item of a supplier whose chosen items net to zero or less', () => {
    const p = plan(keysOf(payables, 'X-1', 'X-CN', 'INV-1'), { together: true });
    expect(transfers(p).map((t) => t[4])).toEqual(['INV-1']);
    expect(p.refused.map((r) => [r.docNo, r.code, r.message])).toEqual([
      ['X-1', 'credit-balance', expect.stringMatching(/net to -30.00 EUR/)],
      ['X-CN', 'credit-balance', expect.stringMatching(/net to -30.00 EUR/)],
    ]);
  });

  it('keeps one transfer per execution date', () => {
    const [inv1, inv2] = keysOf(payables, 'INV-1', 'INV-2');
    const p = plan([inv1 ?? '', inv2 ?? ''], { together: true, executionDates: new Map([[inv2 ?? '', day('2025-04-15')]]) });
    expect(p.payments.map((x) => [x.executionDate, formatMinor(x.amount, 2)])).toEqual([
      [day('2025-04-01'), '60.00'],
      [day('2025-04-15'), '250.10'],
    ]);
  });

  it('cuts a long list of documents to 140 characters and counts the rest', () => {
    const lines = Array.from({ length: 30 }, (_, i) => `AP | S1 | invoice | LONG-INVOICE-${i} | 2025-03-01 | 2025-03-10 | 1.00`);
    const big = payablesLedger(`ledger | party_id | entry_type | doc_no | entry_date | due_date | amount\n${lines.join('\n')}`);
    const items = openPayables(big);
    const p = planPayments(items, { keys: items.map((i) => i.key), executionDate: execution, together: true }, emptyHistory(), { parties: big.parties });
    const text = p.payments[0]?.remittance.text ?? '';
    expect(text.length).toBeLessThanOrEqual(140);
    const shown = text.split(', ').length;
    expect(text).toMatch(new RegExp(`LONG-INVOICE-\\d+ \\+${30 - shown}$`));
    expect(p.payments[0]?.amount).toBe(3000);
  });
});

describe('never twice', () => {
  const first = plan(keysOf(payables, 'INV-1', 'INV-2'));
  const history = withBatch(emptyHistory(), batchOf(first, { createdAt: '2025-03-31T12:00:00+02:00', fileName: 'batch-1.xml', format: 'pain.001.001.03' }));

  it('refuses, in a second batch, the items of the first and pays the others', () => {
    const second = plan(keysOf(payables, 'INV-1', 'INV-2', 'X-1'), {}, history);
    expect(second.payments.map((x) => x.items.map((i) => i.docNo).join())).toEqual(['X-1']);
    expect(second.refused.map((r) => [r.docNo, r.code])).toEqual([
      ['INV-1', 'already-paid'],
      ['INV-2', 'already-paid'],
    ]);
    expect(second.refused[0]?.message).toMatch(/batch SL20250331T120000TEST of 2025-03-31 \(file batch-1.xml\)/);
  });

  it('pays them again only when the repeat is confirmed, and says which batch held them', () => {
    const again = plan(keysOf(payables, 'INV-1'), {}, history, true);
    expect(again.payments.map((x) => x.items.map((i) => [i.docNo, i.repeatOf]))).toEqual([[['INV-1', ['SL20250331T120000TEST']]]]);
  });

  it('keeps the history exactly through its JSON file', () => {
    const back = historyFromJson(historyToJson(history), 'history.json');
    expect(back).toEqual(history);
    expect(back.batches[0]?.total).toBe(6000 + 25010);
    expect(plan(keysOf(payables, 'INV-2'), {}, back).refused.map((r) => r.code)).toEqual(['already-paid']);
  });

  it('says where a history file is broken', () => {
    expect(() => historyFromJson('{', 'h.json')).toThrow(/h.json: not a JSON payment history/);
    const json = historyToJson(history).replace('"60.00"', '"60.001"');
    expect(() => historyFromJson(json, 'h.json')).toThrow(/h.json: \$.batches\[0\].items\[0\].amount is not an amount/);
  });
});
