// GL transaction lists (Wave "Account Transactions"): the real export imports (every GL line of
// an invoice no longer becomes an invoice of its own), each customer's balance equal to the
// debit − credit of its Accounts Receivable lines summed here from the raw file; and a generated
// list with payables, a BOM and decimal commas.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { balanceList } from '../../../../src/core/balances';
import { parseIsoDate } from '../../../../src/core/date';
import type { ImportResult, Ledger } from '../../../../src/core/types';
import { importFile } from '../../../../src/import/index';

const WAVE = path.resolve(import.meta.dirname, '../../../..', '../shared/formats/real-exports/wave/wave_invoices.csv');
const END = parseIsoDate('2099-12-31')!;

function split(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (const c of line) {
    if (c === '"') quoted = !quoted;
    else if (c === ',' && !quoted) {
      out.push(cur);
      cur = '';
    } else cur += c;
  }
  out.push(cur);
  return out;
}

const cents = (t: string): number => (t.trim() === '' ? 0 : Math.round(Number(t) * 100));

function balances(ledger: Ledger): Map<string, number> {
  return new Map(balanceList(ledger, END).filter((r) => r.balance !== 0).map((r) => [`${r.ledger}:${r.partyId}`, r.balance]));
}

function errorsOf(result: ImportResult): string[] {
  return result.issues.filter((i) => i.severity === 'error').map((i) => `${i.code} ${i.line ?? ''} ${i.field ?? ''}`.trim());
}

describe.skipIf(!existsSync(WAVE))('the real Wave export', () => {
  if (!existsSync(WAVE)) console.warn(`${WAVE} not found: the real Wave test is skipped`);

  it('imports one invoice per invoice number, and each customer balance is its AR debit − credit', async () => {
    const text = readFileSync(WAVE, 'utf8');
    const result = await importFile({ name: 'wave.csv', bytes: new TextEncoder().encode(text) });
    expect(errorsOf(result)).toEqual([]);
    const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
    const head = split(lines[0]!);
    const expected = new Map<string, number>();
    let arLines = 0;
    for (const f of lines.slice(1).map(split)) {
      if (f[head.indexOf('Account Name')] !== 'Accounts Receivable') continue;
      arLines++;
      const key = `AR:${f[head.indexOf('Customer')]}`;
      expected.set(key, (expected.get(key) ?? 0) + cents(f[head.indexOf('Debit Amount (Two Column Approach)')]!) - cents(f[head.indexOf('Credit Amount (Two Column Approach)')]!));
    }
    expect(balances(result.ledger!)).toEqual(new Map([...expected].filter(([, v]) => v !== 0)));
    expect(result.report?.source).toMatchObject({ kind: 'gl-transactions', lines: lines.length - 1, taken: arLines, accounts: ['Accounts Receivable'] });
    const invoices = result.ledger!.entries.filter((e) => e.entryType === 'invoice').map((e) => e.docNo);
    expect(new Set(invoices).size).toBe(invoices.length);
  });
});

describe('a generated GL transaction list', () => {
  it('takes receivables and payables by account name, signs them per side and ties payments to their document', async () => {
    const text = '\uFEFFDatum;Rekening;Omschrijving;Debet;Credit;Klant;Leverancier;Factuurnummer\n'
      + '05-01-2024;Debiteuren;Factuur 1;121,00;;Bakkerij Jansen;;F1\n'
      + '05-01-2024;Omzet;Factuur 1;;100,00;Bakkerij Jansen;;F1\n'
      + '05-01-2024;Te betalen btw;Factuur 1;;21,00;Bakkerij Jansen;;F1\n'
      + '06-01-2024;Crediteuren;Inkoop 7;;50,00;;Drukkerij;I7\n'
      + '06-01-2024;Kosten;Inkoop 7;50,00;;;Drukkerij;I7\n'
      + '20-01-2024;Debiteuren;Betaling F1;;21,00;Bakkerij Jansen;;F1\n'
      + '20-01-2024;Bank;Betaling F1;21,00;;;;\n';
    const result = await importFile({ name: 'gl.csv', bytes: new TextEncoder().encode(text) });
    expect(errorsOf(result)).toEqual([]);
    expect(balances(result.ledger!)).toEqual(new Map([['AR:Bakkerij Jansen', 10000], ['AP:Drukkerij', 5000]]));
    const payment = result.ledger!.entries.find((e) => e.entryType === 'payment')!;
    expect([payment.amount, payment.settles]).toEqual([-2100, 'F1']);
    expect(result.report?.source).toMatchObject({ lines: 7, taken: 3, leftOut: { 'other-accounts': 4 } });
  });
});
