// FEC general ledgers: the real sample imports with every party's balance equal to its debit −
// credit lines (summed here with a plain split of the raw file, not with the importer's helpers),
// and generated variants of the kind: 22 columns, `|`, CRLF, padding, DOS code page, Montant/Sens,
// partial lettering, DateLet given or empty, unrecognised accounts, bad input.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { balanceList } from '../../../../src/core/balances';
import { parseIsoDate } from '../../../../src/core/date';
import { openItemsAsOf } from '../../../../src/core/open-items';
import type { ImportResult, Ledger } from '../../../../src/core/types';
import { importFile, type ImportOptions } from '../../../../src/import/index';

const REAL = path.resolve(import.meta.dirname, '../../../..', '../shared/formats/real-exports/fec/0000000001FEC20220831.txt');
const END = parseIsoDate('2099-12-31')!;

/** "0001234,56" / "-12.5" → cents, by hand. */
function cents(text: string): number {
  const t = text.trim();
  if (t === '') return 0;
  const negative = t.startsWith('-');
  const [int = '0', frac = ''] = t.replace(/^[-+]/, '').split(/[.,]/);
  const value = Number(int) * 100 + Number((frac + '00').slice(0, 2));
  return negative ? -value : value;
}

/** Per party (AR:id / AP:id): debit − credit on 411…, credit − debit on 401…, from the raw text. */
function expectedBalances(text: string): Map<string, number> {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/).filter((l) => l.trim() !== '');
  const sep = lines[0]!.includes('\t') ? '\t' : '|';
  const head = lines[0]!.split(sep).map((h) => h.trim());
  const col = (name: string): number => head.indexOf(name);
  const sums = new Map<string, number>();
  for (const line of lines.slice(1)) {
    const f = line.split(sep).map((c) => c.trim());
    const account = f[col('CompteNum')]!;
    const party = f[col('CompAuxNum')] || account;
    const dc = cents(f[col('Debit')]!) - cents(f[col('Credit')]!);
    if (account.startsWith('411')) sums.set(`AR:${party}`, (sums.get(`AR:${party}`) ?? 0) + dc);
    else if (account.startsWith('401')) sums.set(`AP:${party}`, (sums.get(`AP:${party}`) ?? 0) - dc);
  }
  return sums;
}

function balances(ledger: Ledger, asOf = END): Map<string, number> {
  const out = new Map<string, number>();
  for (const row of balanceList(ledger, asOf)) if (row.balance !== 0) out.set(`${row.ledger}:${row.partyId}`, row.balance);
  return out;
}

function nonZero(map: Map<string, number>): Map<string, number> {
  return new Map([...map].filter(([, v]) => v !== 0));
}

function errorsOf(result: ImportResult): string[] {
  return result.issues.filter((i) => i.severity === 'error').map((i) => `${i.code} ${i.line ?? ''} ${i.field ?? ''}`.trim());
}

async function importBytes(bytes: Uint8Array, options: ImportOptions = {}, name = 'FEC.txt'): Promise<ImportResult> {
  return importFile({ name, bytes }, options);
}

describe.skipIf(!existsSync(REAL))('the real FEC sample', () => {
  if (!existsSync(REAL)) console.warn(`${REAL} not found: the real FEC test is skipped`);

  it('imports, says what it took, and every party balance is its debit − credit to the cent', async () => {
    const bytes = new Uint8Array(readFileSync(REAL));
    const result = await importBytes(bytes);
    expect(errorsOf(result)).toEqual([]);
    expect(result.report?.source).toMatchObject({ kind: 'fec', lines: 5422, taken: 1350, leftOut: { 'other-accounts': 4072 } });
    const expected = nonZero(expectedBalances(new TextDecoder().decode(bytes)));
    expect(expected.size).toBeGreaterThan(10);
    expect(balances(result.ledger!)).toEqual(expected);
  });
});

// ---- generated variants ----------------------------------------------------------------------

const HEAD18 = ['JournalCode', 'JournalLib', 'EcritureNum', 'EcritureDate', 'CompteNum', 'CompteLib', 'CompAuxNum', 'CompAuxLib', 'PieceRef', 'PieceDate', 'EcritureLib', 'Debit', 'Credit', 'EcritureLet', 'DateLet', 'ValidDate', 'Montantdevise', 'Idevise'];
const HEAD22 = [...HEAD18, 'DateRglt', 'ModeRglt', 'NatOp', 'IdClient'];

type Row = Partial<Record<(typeof HEAD22)[number], string>>;

/** A sale F1 of 1200 to client C1 (411), its bank payment, and a purchase A1 of 300 from F1 (401). */
function sample(letAR: { code: string; date?: string } = { code: '' }): Row[] {
  const ar = { EcritureLet: letAR.code, DateLet: letAR.date ?? '' };
  return [
    { JournalCode: 'VT', JournalLib: 'Ventes', EcritureNum: '1', EcritureDate: '20240110', CompteNum: '411000', CompteLib: 'Clients', CompAuxNum: 'C1', CompAuxLib: 'Société Générale', PieceRef: 'F1', PieceDate: '20240110', EcritureLib: 'Facture F1', Debit: '1200,00', Credit: '0,00', ...ar },
    { JournalCode: 'VT', JournalLib: 'Ventes', EcritureNum: '1', EcritureDate: '20240110', CompteNum: '706000', CompteLib: 'Prestations', PieceRef: 'F1', PieceDate: '20240110', EcritureLib: 'Facture F1', Debit: '0,00', Credit: '1000,00' },
    { JournalCode: 'VT', JournalLib: 'Ventes', EcritureNum: '1', EcritureDate: '20240110', CompteNum: '445710', CompteLib: 'TVA collectée', PieceRef: 'F1', PieceDate: '20240110', EcritureLib: 'Facture F1', Debit: '0,00', Credit: '200,00' },
    { JournalCode: 'BQ', JournalLib: 'Banque', EcritureNum: '2', EcritureDate: '20240215', CompteNum: '411000', CompteLib: 'Clients', CompAuxNum: 'C1', CompAuxLib: 'Société Générale', PieceRef: 'VIR1', PieceDate: '20240215', EcritureLib: 'Règlement F1', Debit: '0,00', Credit: '1200,00', ...ar },
    { JournalCode: 'BQ', JournalLib: 'Banque', EcritureNum: '2', EcritureDate: '20240215', CompteNum: '512000', CompteLib: 'Banque', PieceRef: 'VIR1', PieceDate: '20240215', EcritureLib: 'Règlement F1', Debit: '1200,00', Credit: '0,00' },
    { JournalCode: 'AC', JournalLib: 'Achats', EcritureNum: '3', EcritureDate: '20240120', CompteNum: '401000', CompteLib: 'Fournisseurs', CompAuxNum: 'F1', CompAuxLib: 'Papeterie', PieceRef: 'A1', PieceDate: '20240118', EcritureLib: 'Facture A1', Debit: '0,00', Credit: '300,00' },
    { JournalCode: 'AC', JournalLib: 'Achats', EcritureNum: '3', EcritureDate: '20240120', CompteNum: '606000', CompteLib: 'Fournitures', PieceRef: 'A1', PieceDate: '20240118', EcritureLib: 'Facture A1', Debit: '300,00', Credit: '0,00' },
  ];
}

interface Layout {
  head?: readonly string[];
  sep?: string;
  eol?: string;
  pad?: boolean;
  bom?: boolean;
}

function fecText(rows: readonly Row[], layout: Layout = {}): string {
  const head = layout.head ?? HEAD18;
  const sep = layout.sep ?? '\t';
  const cell = (name: string, value: string): string => {
    if (!layout.pad) return value;
    if (name === 'Debit' || name === 'Credit') return value.padStart(15, '0');
    return value.padEnd(20, ' ');
  };
  const lines = [head.join(sep), ...rows.map((r) => head.map((h) => cell(h, (r as Record<string, string | undefined>)[h] ?? '')).join(sep))];
  return `${layout.bom ? '\uFEFF' : ''}${lines.join(layout.eol ?? '\n')}${layout.eol ?? '\n'}`;
}

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

/** Code page 850 bytes of a text (only the letters these tests use). */
function cp850(text: string): Uint8Array {
  const high: Record<string, number> = { é: 0x82, è: 0x8a, à: 0x85, ç: 0x87, ê: 0x88, É: 0x90 };
  return Uint8Array.from([...text].map((c) => high[c] ?? c.charCodeAt(0)));
}

function openAt(ledger: Ledger, date: string): string[] {
  return openItemsAsOf(ledger, parseIsoDate(date)!).map((i) => `${i.ledger} ${i.partyId} ${i.docNo} ${i.open}`);
}

describe('FEC layouts', () => {
  const plain = fecText(sample());
  const layouts: [string, Uint8Array][] = [
    ['tab, LF', utf8(plain)],
    ['22 columns, |, CRLF, BOM', utf8(fecText(sample(), { head: HEAD22, sep: '|', eol: '\r\n', bom: true }))],
    ['padded fields and zero-padded amounts', utf8(fecText(sample(), { pad: true }))],
    ['DOS code page 850', cp850(plain)],
  ];

  for (const [name, bytes] of layouts) {
    it(`reads ${name}: the same parties, balances and names`, async () => {
      const result = await importBytes(bytes);
      expect(errorsOf(result)).toEqual([]);
      expect(balances(result.ledger!)).toEqual(nonZero(expectedBalances(plain)));
      expect(result.ledger!.entries.find((e) => e.partyId === 'C1')?.partyName).toBe('Société Générale');
      const types = result.ledger!.entries.map((e) => `${e.ledger} ${e.partyId} ${e.entryType} ${e.docNo}`);
      expect(types).toEqual(['AR C1 invoice F1', 'AR C1 payment VIR1', 'AP F1 invoice A1']);
    });
  }

  it('reads Montant and Sens instead of Debit and Credit', async () => {
    const head = HEAD18.flatMap((h) => (h === 'Debit' ? ['Montant'] : h === 'Credit' ? ['Sens'] : [h]));
    const rows = sample().map((r) => {
      const debit = cents(r.Debit ?? '') !== 0;
      return { ...r, Montant: debit ? r.Debit : r.Credit, Sens: debit ? 'D' : 'C' };
    });
    const result = await importBytes(utf8(fecText(rows, { head })));
    expect(errorsOf(result)).toEqual([]);
    expect(balances(result.ledger!)).toEqual(new Map([['AP:F1', 30000]]));
  });
});

describe('FEC lettering', () => {
  it('without DateLet, a matched group is settled on its latest line', async () => {
    const result = await importBytes(utf8(fecText(sample({ code: 'AA' }))));
    expect(errorsOf(result)).toEqual([]);
    expect(openAt(result.ledger!, '2024-02-14')).toContain('AR C1 F1 120000');
    expect(openAt(result.ledger!, '2024-02-15')).toEqual(['AP F1 A1 30000']);
  });

  it('with DateLet, the lines stay open on their own until that day', async () => {
    const result = await importBytes(utf8(fecText(sample({ code: 'AA', date: '20240331' }))));
    expect(errorsOf(result)).toEqual([]);
    const before = openAt(result.ledger!, '2024-03-30');
    expect(before).toContain('AR C1 F1 120000');
    expect(before).toContain('AR C1 VIR1 -120000');
    expect(openAt(result.ledger!, '2024-03-31')).toEqual(['AP F1 A1 30000']);
    // The balance is the plain sum of the lines on every day.
    for (const day of ['2024-01-31', '2024-02-20', '2024-04-30']) {
      const sum = balanceList(result.ledger!, parseIsoDate(day)!).filter((r) => r.ledger === 'AR').reduce((s, r) => s + r.balance, 0);
      expect(sum).toBe(day === '2024-01-31' ? 120000 : 0);
    }
  });

  it('a partly matched group stays open for its remainder, on the invoice', async () => {
    const rows = sample({ code: 'BB', date: '20240301' });
    rows[3] = { ...rows[3], Credit: '1000,00' };
    rows[4] = { ...rows[4], Debit: '1000,00' };
    const result = await importBytes(utf8(fecText(rows)));
    expect(errorsOf(result)).toEqual([]);
    expect(openAt(result.ledger!, '2024-03-01')).toEqual(['AR C1 F1 20000', 'AP F1 A1 30000']);
  });

  it('two invoices matched with one payment are both closed', async () => {
    const rows = sample({ code: 'CC' });
    const second: Row = { ...rows[0], EcritureNum: '4', EcritureDate: '20240112', PieceRef: 'F2', Debit: '300,00' };
    rows.push(second, { ...rows[2], EcritureNum: '4', Credit: '300,00' });
    rows[3] = { ...rows[3], Credit: '1500,00' };
    rows[4] = { ...rows[4], Debit: '1500,00' };
    const result = await importBytes(utf8(fecText(rows)));
    expect(errorsOf(result)).toEqual([]);
    expect(openAt(result.ledger!, '2024-02-14')).toEqual(['AR C1 F1 120000', 'AR C1 F2 30000', 'AP F1 A1 30000']);
    expect(openAt(result.ledger!, '2024-02-15')).toEqual(['AP F1 A1 30000']);
  });
});

describe('FEC accounts and bad input', () => {
  const dutchish = sample().map((r) => ({ ...r, CompteNum: r.CompteNum === '411000' ? '140000' : r.CompteNum === '401000' ? '160000' : r.CompteNum, CompAuxNum: '', CompteLib: r.CompteNum === '411000' ? 'Vorderingen' : r.CompteLib }));

  it('a GL with no recognisable debtors or creditors account says so and lists its largest accounts', async () => {
    const result = await importBytes(utf8(fecText(dutchish)));
    expect(result.ledger).toBeNull();
    expect(errorsOf(result)).toEqual(['gl-no-subledger-accounts']);
    expect(result.issues[0]!.message).toMatch(/140000 Vorderingen \(2\)/);
    expect(result.issues[0]!.message).not.toMatch(/no column was found/);
  });

  it('takes the accounts the user names', async () => {
    const result = await importBytes(utf8(fecText(dutchish)), { arAccounts: ['14'], apAccounts: ['16'] });
    expect(errorsOf(result)).toEqual([]);
    expect(balances(result.ledger!)).toEqual(new Map([['AP:160000', 30000]]));
    expect(result.report?.source).toMatchObject({ taken: 3, accounts: ['140000', '160000'] });
  });

  it('refuses a bad amount or date with file, line and field, and imports nothing', async () => {
    const rows = sample();
    rows[3] = { ...rows[3], Credit: '12x0,00' };
    rows[5] = { ...rows[5], EcritureDate: '20241345' };
    const result = await importBytes(utf8(fecText(rows)), {}, 'bad.txt');
    expect(result.ledger).toBeNull();
    expect(errorsOf(result)).toEqual(['bad-amount 5 Credit', 'bad-date 7 EcritureDate']);
    expect(result.issues[0]!.file).toBe('bad.txt');
  });
});

describe('FEC in foreign currencies (Montantdevise, Idevise)', () => {
  /** A USD invoice of C2 booked at 900.00 EUR, paid USD 1,000.00 = 880.00 EUR, the 20.00 difference written off on 411 in EUR. */
  function usd(letter: string, extra: Row[] = []): Row[] {
    const c2 = { CompteNum: '411000', CompteLib: 'Clients', CompAuxNum: 'C2', CompAuxLib: 'Acme Inc', EcritureLet: letter };
    return [
      { JournalCode: 'VT', EcritureNum: '10', EcritureDate: '20240105', PieceRef: 'F7', PieceDate: '20240105', EcritureLib: 'Invoice F7', Debit: '900,00', Credit: '0,00', Montantdevise: '1000,00', Idevise: 'USD', ...c2 },
      { JournalCode: 'VT', EcritureNum: '10', EcritureDate: '20240105', CompteNum: '706000', CompteLib: 'Prestations', PieceRef: 'F7', Debit: '0,00', Credit: '900,00' },
      { JournalCode: 'BQ', EcritureNum: '11', EcritureDate: '20240301', PieceRef: 'W7', EcritureLib: 'Payment F7', Debit: '0,00', Credit: '880,00', Montantdevise: '1000,00', Idevise: 'USD', ...c2 },
      { JournalCode: 'BQ', EcritureNum: '11', EcritureDate: '20240301', CompteNum: '512000', CompteLib: 'Banque', PieceRef: 'W7', Debit: '880,00', Credit: '0,00' },
      { JournalCode: 'OD', EcritureNum: '12', EcritureDate: '20240301', PieceRef: 'X7', EcritureLib: 'Ecart de change', Debit: '0,00', Credit: '20,00', ...c2 },
      { JournalCode: 'OD', EcritureNum: '12', EcritureDate: '20240301', CompteNum: '666000', CompteLib: 'Pertes de change', PieceRef: 'X7', Debit: '20,00', Credit: '0,00' },
      ...extra,
    ];
  }

  function openBase(ledger: Ledger, date: string): string[] {
    return openItemsAsOf(ledger, parseIsoDate(date)!).map((i) => `${i.partyId} ${i.docNo} ${i.open} ${i.currency} ${i.openBase}`);
  }

  it('books a foreign-currency line in its currency with the euro amount as its base', async () => {
    const result = await importBytes(utf8(fecText(usd(''))));
    expect(errorsOf(result)).toEqual([]);
    const invoice = result.ledger!.entries.find((e) => e.docNo === 'F7')!;
    expect([invoice.entryType, invoice.currency, invoice.amount, invoice.amountBase]).toEqual(['invoice', 'USD', 100000, 90000]);
    // Not lettered: the invoice, the payment and the write-off are each open on their own.
    expect(openBase(result.ledger!, '2024-12-31')).toEqual(['C2 F7 100000 USD 90000', 'C2 W7 -100000 USD -88000', 'C2 X7 -2000 EUR -2000']);
  });

  it('a lettered group closes the invoice, the exchange difference included, and the base balance is the lines’ sum', async () => {
    const result = await importBytes(utf8(fecText(usd('AB'))));
    expect(errorsOf(result)).toEqual([]);
    expect(openBase(result.ledger!, '2024-02-29')).toEqual(['C2 F7 100000 USD 90000']);
    expect(openBase(result.ledger!, '2024-03-01')).toEqual([]);
    // 900.00 − 880.00 − 20.00, from the EUR columns by hand.
    expect(balances(result.ledger!, parseIsoDate('2024-03-01')!).get('AR:C2') ?? 0).toBe(0);
  });

  it('a group mixing two foreign currencies is read in euros', async () => {
    const gbp: Row = { JournalCode: 'BQ', EcritureNum: '13', EcritureDate: '20240302', CompteNum: '411000', CompAuxNum: 'C2', CompAuxLib: 'Acme Inc', PieceRef: 'W8', Debit: '0,00', Credit: '0,00', Montantdevise: '0,00', Idevise: 'GBP', EcritureLet: 'AB' };
    const rows = usd('AB', [{ ...gbp, Credit: '10,00', Montantdevise: '8,50' }, { ...gbp, CompteNum: '512000', CompAuxNum: '', Debit: '10,00' }]);
    rows[0] = { ...rows[0], Debit: '910,00' };
    rows[1] = { ...rows[1], Credit: '910,00' };
    const result = await importBytes(utf8(fecText(rows)));
    expect(errorsOf(result)).toEqual([]);
    expect(result.ledger!.entries.filter((e) => e.partyId === 'C2').map((e) => e.currency)).not.toContain('USD');
    expect(openBase(result.ledger!, '2024-03-02')).toEqual([]);
  });
});
