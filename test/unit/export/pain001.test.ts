import { describe, expect, it } from 'vitest';
import { emptyHistory, type Pain001Format } from '../../../src/export/history';
import { PaymentFileError, writePain001, type Debtor } from '../../../src/export/pain001';
import { planPayments, type PaymentPlan } from '../../../src/export/payment-plan';
import { day } from '../core/fixture';
import { openPayables, payablesLedger } from './payables';
import { all, cents, haveSchemas, parseXml, schemaErrors, text, type XmlNode } from './xml-check';

const DEBTOR: Debtor = { name: 'Brasserie Élise & Fils', iban: 'BE71 0961 2345 6769', bic: 'GKCCBEBB' };
const CREATED = new Date(2025, 2, 31, 12, 30, 5);
const FORMATS: Pain001Format[] = ['pain.001.001.03', 'pain.001.001.09'];

/** A batch for one supplier's invoices of these amounts (all payable). */
function planOf(amounts: string[], executionDates: string[] = []): PaymentPlan {
  const rows = amounts.map((a, i) => `AP | S1 | invoice | INV-${i + 1} | 2025-03-01 | 2025-03-10 | ${a}`);
  const ledger = payablesLedger(
    `ledger | party_id | entry_type | doc_no | entry_date | due_date | amount\n${rows.join('\n')}`,
    `ledger | party_id | name | iban\nAP | S1 | Café Müller & Söhne =SUM(A1) | DE89 3704 0044 0532 0130 00`,
  );
  const items = openPayables(ledger);
  const keys = items.map((i) => i.key);
  const dates = new Map(executionDates.map((d, i) => [keys[i] ?? '', day(d)]));
  return planPayments(items, { keys, executionDate: day('2025-04-01'), executionDates: dates }, emptyHistory(), {
    parties: ledger.parties,
    batchId: 'SL20250331T123005ABCD',
  });
}

const TX = 'Document/CstmrCdtTrfInitn/PmtInf/CdtTrfTxInf';

function read(xml: string): XmlNode {
  return parseXml(xml);
}

describe.each(FORMATS)('%s', (format) => {
  const mixed = planPayments(
    openPayables(payablesLedger()),
    { keys: openPayables(payablesLedger()).map((i) => i.key), executionDate: day('2025-04-01') },
    emptyHistory(),
    { parties: payablesLedger().parties, batchId: 'SL20250331T123005MIXD' },
  );
  const xml = writePain001(mixed, DEBTOR, { format, createdAt: CREATED });
  const doc = read(xml);

  it.skipIf(!haveSchemas)('validates against the ISO schema of its version', () => {
    expect(schemaErrors(xml, format)).toBe('');
  });

  it.skipIf(!haveSchemas)('is checked by a validator that does catch a broken file', () => {
    expect(schemaErrors(xml.replace('<PmtMtd>TRF</PmtMtd>', ''), format)).toMatch(/PmtMtd/);
  });

  it('has the group header a bank checks: id, time, count, control sum, initiating party', () => {
    const head = 'Document/CstmrCdtTrfInitn/GrpHdr';
    expect(all(doc, 'Document')[0]?.attributes.xmlns).toBe(`urn:iso:std:iso:20022:tech:xsd:${format}`);
    expect(text(doc, `${head}/MsgId`)).toBe('SL20250331T123005MIXD');
    expect(text(doc, `${head}/CreDtTm`)).toMatch(/^2025-03-31T12:30:05[+-]\d\d:\d\d$/);
    expect(text(doc, `${head}/NbOfTxs`)).toBe('4');
    expect(text(doc, `${head}/CtrlSum`)).toBe('400.10');
    expect(text(doc, `${head}/InitgPty/Nm`)).toBe('Brasserie Elise + Fils');
  });

  it('pays SEPA, shared charges, from the debtor account', () => {
    const info = 'Document/CstmrCdtTrfInitn/PmtInf';
    expect(text(doc, `${info}/PmtMtd`)).toBe('TRF');
    expect(text(doc, `${info}/PmtTpInf/SvcLvl/Cd`)).toBe('SEPA');
    expect(text(doc, `${info}/ChrgBr`)).toBe('SLEV');
    expect(text(doc, format.endsWith('09') ? `${info}/ReqdExctnDt/Dt` : `${info}/ReqdExctnDt`)).toBe('2025-04-01');
    expect(text(doc, `${info}/DbtrAcct/Id/IBAN`)).toBe('BE71096123456769');
    expect(text(doc, `${info}/DbtrAgt/FinInstnId/${format.endsWith('09') ? 'BICFI' : 'BIC'}`)).toBe('GKCCBEBB');
  });

  it('carries each transfer with amount, creditor, account and remittance', () => {
    const txs = all(doc, TX).map((t) => [
      text(t, 'PmtId/EndToEndId'),
      text(t, 'Amt/InstdAmt'),
      all(t, 'Amt/InstdAmt')[0]?.attributes.Ccy,
      text(t, 'Cdtr/Nm'),
      text(t, 'CdtrAcct/Id/IBAN'),
      text(t, 'RmtInf/Ustrd') || `${text(t, 'RmtInf/Strd/CdtrRefInf/Tp/Issr')} ${text(t, 'RmtInf/Strd/CdtrRefInf/Ref')}`,
    ]);
    expect(txs).toEqual([
      ['SL20250331T123005MIXD-1', '60.00', 'EUR', 'Bakkerij Muller + Zoon', 'BE68539007547034', 'INV-1'],
      ['SL20250331T123005MIXD-2', '250.10', 'EUR', 'Bakkerij Muller + Zoon', 'BE68539007547034', 'BBA 010806817183'],
      ['SL20250331T123005MIXD-3', '20.00', 'EUR', 'Kredietbank', 'NL91ABNA0417164300', 'X-1'],
      ['SL20250331T123005MIXD-4', '70.00', 'EUR', "Societe Generale d'Etudes", 'FR1420041010050500013M02606', 'ISO RF18539007547034'],
    ]);
    const structured = all(doc, `${TX}/RmtInf/Strd/CdtrRefInf/Tp/CdOrPrtry/Cd`).map((n) => n.text);
    expect(structured).toEqual(['SCOR', 'SCOR']);
    expect(all(doc, `${TX}/CdtrAgt/FinInstnId`)).toHaveLength(2); // only S1 (two transfers) gave a BIC
  });

  it('holds only SEPA characters in its texts', () => {
    const texts = xml.replace(/<[^>]+>/g, '\n').split('\n').filter((t) => t.trim() !== '');
    for (const t of texts) expect(t.replace(/&apos;/g, "'")).toMatch(/^[a-zA-Z0-9/\-?:().,'+ ]+$/);
    expect(xml).not.toMatch(/[^\x20-\x7e\n]/);
  });
});

describe('control sums on awkward cents', () => {
  const amounts = ['0.10', '0.20', '0.01', '0.01', '0.01', '1234567.89', '999999999.99', '33.33', '33.33', '33.34', '0.07'];
  const plan = planOf(amounts, ['2025-04-01', '2025-04-02', '2025-04-01']);

  it.each(FORMATS)('%s: CtrlSum is exactly the sum of the transactions, per file and per execution date', (format) => {
    const xml = writePain001(plan, DEBTOR, { format, createdAt: CREATED });
    const doc = read(xml);
    const txAmounts = all(doc, `${TX}/Amt/InstdAmt`).map((n) => cents(n.text));
    expect(txAmounts).toHaveLength(amounts.length);
    const total = txAmounts.reduce((a, b) => a + b, 0);
    expect(total).toBe(100123466828); // 1,001,234,668.28 EUR, added in cents
    expect(text(doc, 'Document/CstmrCdtTrfInitn/GrpHdr/CtrlSum')).toBe('1001234668.28');
    const infos = all(doc, 'Document/CstmrCdtTrfInitn/PmtInf');
    expect(infos).toHaveLength(2);
    for (const info of infos) {
      const sum = all(info, 'CdtTrfTxInf/Amt/InstdAmt').reduce((a, n) => a + cents(n.text), 0);
      expect(cents(text(info, 'CtrlSum'))).toBe(sum);
      expect(Number(text(info, 'NbOfTxs'))).toBe(all(info, 'CdtTrfTxInf').length);
    }
    if (haveSchemas) expect(schemaErrors(xml, format)).toBe('');
  });

  it('writes a creditor name that looks like a formula as plain SEPA text', () => {
    const doc = read(writePain001(plan, DEBTOR, { createdAt: CREATED }));
    expect(text(doc, `${TX}/Cdtr/Nm`)).toBe('Cafe Muller + Sohne SUM(A1)');
  });
});

describe('refusing to write a bad file', () => {
  const plan = planOf(['12.50']);

  it('refuses a debtor account that fails its check', () => {
    expect(() => writePain001(plan, { ...DEBTOR, iban: 'BE71096123456760' })).toThrow(PaymentFileError);
    expect(() => writePain001(plan, { ...DEBTOR, iban: 'BE71096123456760' })).toThrow(/debtor account: IBAN BE71096123456760 is not valid/);
    expect(() => writePain001(plan, { ...DEBTOR, bic: 'GKCC' })).toThrow(/debtor account: BIC GKCC/);
  });

  it('words the refusal in the pane\'s language: the paying account and a plan with nothing to pay', () => {
    const refusal = (run: () => unknown): PaymentFileError => {
      try {
        run();
      } catch (error) {
        if (error instanceof PaymentFileError) return error;
      }
      throw new Error('expected a PaymentFileError');
    };
    const account = refusal(() => writePain001(plan, { ...DEBTOR, iban: 'BE71096123456760' }));
    expect(account.field).toBe('debtor-iban');
    expect(account.messageIn('nl')).toMatch(/^rekening van de opdrachtgever: .*BE71096123456760/);
    expect(account.messageIn('fr')).toMatch(/^compte du donneur d’ordre : .*BE71096123456760/);
    const empty = refusal(() => writePain001({ ...plan, payments: [], total: 0 }, DEBTOR));
    expect(empty.messageIn('nl')).toContain('er valt niets te betalen');
    expect(empty.messageIn('fr')).toContain('il n’y a rien à payer');
    for (const lang of ['nl', 'fr'] as const) {
      expect(account.messageIn(lang)).not.toMatch(/\b(debtor|account|is not)\b/);
      expect(empty.messageIn(lang)).not.toMatch(/\b(nothing|batch)\b/);
    }
  });

  it('refuses a plan whose control sum is not the sum of its transfers, or that pays nothing', () => {
    expect(() => writePain001({ ...plan, total: plan.total + 1 }, DEBTOR)).toThrow(/CtrlSum 12.51 is not the sum of the transfers \(12.50\)/);
    expect(() => writePain001({ ...plan, payments: [], total: 0 }, DEBTOR)).toThrow(/nothing to pay/);
  });

  it.each(FORMATS)('%s: without a debtor BIC says NOTPROVIDED and still validates', (format) => {
    const xml = writePain001(plan, { name: DEBTOR.name, iban: DEBTOR.iban }, { format, createdAt: CREATED });
    expect(text(read(xml), 'Document/CstmrCdtTrfInitn/PmtInf/DbtrAgt/FinInstnId/Othr/Id')).toBe('NOTPROVIDED');
    if (haveSchemas) expect(schemaErrors(xml, format)).toBe('');
  });
});
