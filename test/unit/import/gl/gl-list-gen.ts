// A generated general ledger whose accounts say nothing of debtors or creditors (numbers only:
// 1300 holds the debtors, 1600 the creditors), written as the transaction lists other packages
// export: other header languages, column orders, a signed amount or debit/credit columns or an
// unsigned amount with a D/C indicator, comma or semicolon with decimal comma, and an XLSX. The
// expected balances are summed here from the generated rows, never through the importer.
import ExcelJS from 'exceljs';

export interface GlRow {
  /** `YYYY-MM-DD`. */
  date: string;
  account: string;
  doc: string;
  party: string;
  text: string;
  /** Debit − credit in cents. */
  cents: number;
}

const CUSTOMERS = ['Bakkerij Jansen', 'De Vries & Zn', 'Müller GmbH', 'Café "Le Zinc"'];
const SUPPLIERS = ['Drukkerij Peeters', 'Energie NV'];
const COSTS = ['4000', '4100', '4200', '4300', '4400', '4500', '4600', '4700', '4800'];

/** A deterministic GL of `transactions` bookings (sales, receipts, purchases, payments, a credit note). */
export function generatedLedger(transactions = 60): GlRow[] {
  const rows: GlRow[] = [];
  let seed = 7;
  const next = (n: number): number => (seed = (seed * 48271) % 2147483647) % n;
  for (let t = 0; t < transactions; t++) {
    const date = `2024-${String(1 + (t % 12)).padStart(2, '0')}-${String(1 + next(28)).padStart(2, '0')}`;
    const net = 1000 + next(2_000_000);
    const vat = Math.round(net * 0.21);
    const customer = CUSTOMERS[next(CUSTOMERS.length)]!;
    const supplier = SUPPLIERS[next(SUPPLIERS.length)]!;
    const doc = `D${t + 1}`;
    switch (t % 5) {
      case 0:
      case 1:
        rows.push({ date, account: '1300', doc, party: customer, text: `Invoice ${doc}`, cents: net + vat });
        rows.push({ date, account: '8000', doc, party: customer, text: `Invoice ${doc}`, cents: -net });
        rows.push({ date, account: '1500', doc, party: customer, text: `Invoice ${doc}`, cents: -vat });
        break;
      case 2: {
        const paid = 100 + next(500_000);
        rows.push({ date, account: '1100', doc, party: '', text: `Receipt ${customer}`, cents: paid });
        rows.push({ date, account: '1300', doc, party: customer, text: `Receipt ${doc}`, cents: -paid });
        break;
      }
      case 3:
        rows.push({ date, account: COSTS[next(COSTS.length)]!, doc, party: supplier, text: `Purchase ${doc}`, cents: net });
        rows.push({ date, account: '1510', doc, party: supplier, text: `Purchase ${doc}`, cents: vat });
        rows.push({ date, account: '1600', doc, party: supplier, text: `Purchase ${doc}`, cents: -(net + vat) });
        break;
      default: {
        const credit = t % 10 === 4;
        rows.push({ date, account: '1600', doc, party: supplier, text: credit ? `Payment ${doc}` : `Transfer ${doc}`, cents: 50_000 + next(100_000) });
        rows.push({ date, account: '1100', doc, party: '', text: `Bank ${doc}`, cents: -rows.at(-1)!.cents });
      }
    }
  }
  return rows;
}

/** Each party's balance in cents: debit − credit on 1300 (AR), credit − debit on 1600 (AP). */
export function expectedBalances(rows: readonly GlRow[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const r of rows) {
    const side = r.account.startsWith('13') ? 'AR' : r.account.startsWith('16') ? 'AP' : null;
    if (side === null) continue;
    const key = `${side}:${r.party}`;
    out.set(key, (out.get(key) ?? 0) + (side === 'AR' ? r.cents : -r.cents));
  }
  return new Map([...out].filter(([, v]) => v !== 0));
}

/** The accounts by number of lines, most first (ties by number): what the importer should name. */
export function busiestAccounts(rows: readonly GlRow[], count = 10): string[] {
  const lines = new Map<string, number>();
  for (const r of rows) lines.set(r.account, (lines.get(r.account) ?? 0) + 1);
  return [...lines].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, count).map(([a, n]) => `${a} (${n})`);
}

const abs = (cents: number): number => Math.abs(cents);
const point = (cents: number): string => (cents / 100).toFixed(2);
/** 1234567 → `12.345,67` (Dutch/German/French grouping with a decimal comma). */
const comma = (cents: number): string => {
  const [int, frac] = (Math.abs(cents) / 100).toFixed(2).split('.');
  return `${cents < 0 ? '-' : ''}${int!.replace(/\B(?=(\d{3})+(?!\d))/g, '.')},${frac}`;
};
const dmy = (iso: string, sep: string): string => iso.split('-').reverse().join(sep);
const quoted = (text: string, sep: string): string => (text.includes(sep) || text.includes('"') ? `"${text.replaceAll('"', '""')}"` : text);

interface Layout {
  name: string;
  sep: string;
  headers: string[];
  cells: (r: GlRow) => string[];
}

export const LAYOUTS: Layout[] = [
  {
    name: 'English, debit and credit columns, comma, ISO dates',
    sep: ',',
    headers: ['Date', 'Account', 'Description', 'Debit', 'Credit', 'Contact', 'Reference'],
    cells: (r) => [r.date, r.account, r.text, r.cents > 0 ? point(r.cents) : '', r.cents < 0 ? point(-r.cents) : '', r.party, r.doc],
  },
  {
    name: 'Dutch, signed amount, semicolon and decimal comma, other order',
    sep: ';',
    headers: ['Boekstuk', 'Relatie', 'Boekdatum', 'Bedrag', 'Grootboekrekening', 'Omschrijving'],
    cells: (r) => [r.doc, r.party, dmy(r.date, '-'), comma(r.cents), r.account, r.text],
  },
  {
    name: 'French, Débit/Crédit with decimal comma, tiers and pièce',
    sep: ';',
    headers: ['N° compte', 'Date', 'Pièce', 'Libellé', 'Tiers', 'Débit', 'Crédit'],
    cells: (r) => [r.account, dmy(r.date, '/'), r.doc, r.text, r.party, r.cents > 0 ? comma(r.cents) : '', r.cents < 0 ? comma(-r.cents) : ''],
  },
  {
    name: 'German, unsigned amount with an S/H indicator',
    sep: ';',
    headers: ['Buchungsdatum', 'Belegnummer', 'Kontonummer', 'Buchungstext', 'Geschäftspartner', 'Betrag', 'Soll/Haben'],
    cells: (r) => [dmy(r.date, '.'), r.doc, r.account, r.text, r.party, comma(abs(r.cents)), r.cents < 0 ? 'H' : 'S'],
  },
  {
    name: 'headers that name no account, date or amount: found by their content',
    sep: ';',
    headers: ['Dag', 'Rek.', 'Stuk', 'Relatie', 'Tekst', 'EUR'],
    cells: (r) => [dmy(r.date, '-'), r.account, r.doc, r.party, r.text, comma(r.cents)],
  },
];

export function csvOf(layout: Layout, rows: readonly GlRow[]): string {
  const line = (cells: string[]): string => cells.map((c) => quoted(c, layout.sep)).join(layout.sep);
  return [line(layout.headers), ...rows.map((r) => line(layout.cells(r)))].join('\r\n') + '\r\n';
}

/** An English workbook: real dates, numbers as numbers, the account number as a number. */
export async function xlsxOf(rows: readonly GlRow[]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('General ledger');
  ws.addRow(['Transaction date', 'Account number', 'Account name', 'Document', 'Customer/Supplier', 'Amount']);
  for (const r of rows) {
    const [y, m, d] = r.date.split('-').map(Number);
    ws.addRow([new Date(Date.UTC(y!, m! - 1, d)), Number(r.account), r.account === '1100' ? 'Bank' : `Account ${r.account}`, r.doc, r.party, r.cents / 100]);
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
