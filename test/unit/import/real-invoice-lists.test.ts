// The Zoho invoice export in ../shared/formats/real-exports (one row per invoice line, 83
// columns, every invoice a draft) imports: drafts left out and counted; and the same file with
// its statuses and balances changed as a controller's file would have them gives each invoice's
// open amount and each party's balance to the cent, computed here from the raw CSV (the Balance
// column of each distinct invoice), not through the importer.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseIsoDate } from '../../../src/core/date';
import { balanceList } from '../../../src/core/balances';
import { allItemsAsOf } from '../../../src/core/open-items';
import { importFile } from '../../../src/import/index';
import { describeSource } from '../../../src/import/messages';

const ZOHO = path.resolve(import.meta.dirname, '../../..', '../shared/formats/real-exports/zoho/zoho_invoices.csv');
if (!existsSync(ZOHO)) console.warn(`${ZOHO} not found: the real invoice-list tests are skipped`);

/** A plain CSV reader for this file: commas, double quotes around fields that need them. */
function parseCsv(text: string): string[][] {
  const out: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    }
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      out.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) out.push([...row, field]);
  return out;
}

function writeCsv(rows: string[][]): string {
  return rows.map((r) => r.map((f) => (/[",\n]/.test(f) ? `"${f.replace(/"/g, '""')}"` : f)).join(',')).join('\n') + '\n';
}

/** "489.75" → 48975 (cents), by the digits alone. */
function cents(text: string): number {
  const [whole, frac = ''] = text.split('.');
  return Number(whole) * 100 + Number(frac.padEnd(2, '0').slice(0, 2));
}

describe.skipIf(!existsSync(ZOHO))('Zoho invoice export', () => {
  const raw = existsSync(ZOHO) ? readFileSync(ZOHO, 'utf8') : '';
  const [header = [], ...lines] = parseCsv(raw).filter((r) => r.length > 1);
  const col = (name: string): number => header.indexOf(name);

  it('leaves out its draft invoices and says how many, importing nothing from them', async () => {
    const drafts = new Set(lines.filter((l) => l[col('Invoice Status')] === 'Draft').map((l) => l[col('Invoice Number')]));
    expect(drafts.size).toBe(3);
    const result = await importFile({ name: 'zoho_invoices.csv', bytes: new Uint8Array(readFileSync(ZOHO)) });
    expect(result.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(result.ledger?.entries).toEqual([]);
    const warning = result.issues.find((i) => i.code === 'documents-left-out');
    expect(warning?.params).toMatchObject({ drafts: drafts.size, cancelled: 0, lines: lines.length });
    expect(result.report?.source).toEqual({ kind: 'invoice-list', lines: lines.length, documents: 0, leftOut: { draft: 3, cancelled: 0 } });
    expect(describeSource(result.report?.source ?? { kind: '', lines: 0 }, 'en')).toBe('invoice list, 13 lines → 0 documents: 3 drafts left out');
  });

  it('as sent and partly paid: one item per invoice, open for its Balance, at the file’s own base currency', async () => {
    // The controller's version of the file: sent, one invoice partly paid with a payment date, one paid without.
    const changed = lines.map((l) => [...l]);
    for (const l of changed) {
      l[col('Invoice Status')] = 'Sent';
      if (l[col('Invoice Number')] === 'INV-000002') {
        l[col('Balance')] = '160.00';
        l[col('Last Payment Date')] = '2021-02-10';
      }
      if (l[col('Invoice Number')] === 'INV-000003') l[col('Balance')] = '0.00';
    }
    const bytes = new TextEncoder().encode(writeCsv([header, ...changed]));
    const result = await importFile({ name: 'zoho_sent.csv', bytes }, { baseCurrency: 'EUR' });
    expect(result.issues.filter((i) => i.severity === 'error')).toEqual([]);
    const ledger = result.ledger;
    if (!ledger) throw new Error('no ledger');
    // Exchange Rate 1.00 on every USD line: the books are kept in USD, not the EUR asked for.
    expect(ledger.baseCurrency).toBe('USD');
    expect(result.issues.map((i) => i.code)).toContain('file-base-currency');
    expect(result.issues.find((i) => i.code === 'payment-date-assumed')?.params).toMatchObject({ count: 1 });

    // Expected, from the raw rows: the Balance of each distinct invoice, summed per customer.
    const invoiceBalance = new Map<string, { party: string; balance: number; total: number }>();
    for (const l of changed) {
      invoiceBalance.set(l[col('Invoice Number')] ?? '', {
        party: l[col('Customer ID')] ?? '', balance: cents(l[col('Balance')] ?? ''), total: cents(l[col('Total')] ?? ''),
      });
    }
    const partyBalance = new Map<string, number>();
    for (const { party, balance } of invoiceBalance.values()) partyBalance.set(party, (partyBalance.get(party) ?? 0) + balance);

    const asOf = parseIsoDate('2021-12-31') ?? 0;
    const items = allItemsAsOf(ledger, asOf);
    expect(items.map((i) => [i.docNo, i.partyId, i.amount, i.open]).sort()).toEqual(
      [...invoiceBalance].map(([doc, v]) => [doc, v.party, v.total, v.balance]).sort(),
    );
    const balances = new Map(balanceList(ledger, asOf).map((b) => [b.partyId, b.balance]));
    for (const [party, balance] of partyBalance) expect(balances.get(party) ?? 0).toBe(balance);
    // The partly paid invoice was paid on the file's own last-payment date.
    const payment = ledger.entries.find((e) => e.entryType === 'payment' && e.settles === 'INV-000002');
    expect(payment?.entryDate).toBe(parseIsoDate('2021-02-10'));
  });
});
