// DATEV EXTF posting batches: the real demo batch with its master file imports, every party
// balance equal to the debit − credit of its postings (summed here from the raw file with a plain
// split), and generated batches for what the sample does not show: a period crossing the year,
// Gegenkonto personal accounts, a foreign-currency line with only a Kurs, Skonto, bad input.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { balanceList } from '../../../../src/core/balances';
import { formatIsoDate, parseIsoDate } from '../../../../src/core/date';
import { openItemsAsOf } from '../../../../src/core/open-items';
import type { ImportResult, Ledger } from '../../../../src/core/types';
import { importFile } from '../../../../src/import/index';

const DIR = path.resolve(import.meta.dirname, '../../../..', '../shared/formats/real-exports/datev');
const BATCH = path.join(DIR, 'EXTF_Buchungsstapel.csv');
const MASTER = path.join(DIR, 'EXTF_DebKred_Stamm.csv');
const END = parseIsoDate('2099-12-31')!;

/** `;`-separated fields, `"` quoted (a doubled quote inside). */
function split(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cur += c;
    } else if (c === '"') quoted = true;
    else if (c === ';') {
      out.push(cur);
      cur = '';
    } else cur += c;
  }
  out.push(cur);
  return out;
}

function cents(text: string): number {
  if (text.trim() === '') return 0;
  const [int = '0', frac = ''] = text.trim().split(',');
  return Number(int) * 100 + Number((frac + '00').slice(0, 2));
}

/** Per party: debit − credit (AR) or credit − debit (AP) of its postings, in the base currency. */
function expectedBalances(text: string): Map<string, number> {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  const length = Number(split(lines[0]!)[13]);
  const head = split(lines[1]!);
  const col = (name: string): number => head.indexOf(name);
  const sums = new Map<string, number>();
  for (const line of lines.slice(2)) {
    const f = split(line);
    const foreign = f[col('WKZ Umsatz')] !== '' && f[col('WKZ Umsatz')] !== 'EUR';
    const amount = foreign ? cents(f[col('Basis-Umsatz')]!) : cents(f[col('Umsatz (ohne Soll/Haben-Kz)')]!) + cents(f[col('Skonto')]!);
    const debitKonto = f[col('Soll/Haben-Kennzeichen')] === 'S';
    for (const [account, debit] of [[f[col('Konto')]!, debitKonto], [f[col('Gegenkonto (ohne BU-Schlüssel)')]!, !debitKonto]] as const) {
      if (account.length !== length + 1) continue;
      const ar = Number(account[0]) <= 6;
      const key = `${ar ? 'AR' : 'AP'}:${account}`;
      sums.set(key, (sums.get(key) ?? 0) + (debit === ar ? amount : -amount));
    }
  }
  return new Map([...sums].filter(([, v]) => v !== 0));
}

function balances(ledger: Ledger): Map<string, number> {
  return new Map(balanceList(ledger, END).filter((r) => r.balance !== 0).map((r) => [`${r.ledger}:${r.partyId}`, r.balance]));
}

function errorsOf(result: ImportResult): string[] {
  return result.issues.filter((i) => i.severity === 'error').map((i) => `${i.code} ${i.line ?? ''} ${i.field ?? ''}`.trim());
}

describe.skipIf(!existsSync(BATCH))('the real DATEV demo batch', () => {
  if (!existsSync(BATCH)) console.warn(`${BATCH} not found: the real DATEV test is skipped`);

  it('imports with its master file; every party balance is its postings’ debit − credit', async () => {
    const bytes = new Uint8Array(readFileSync(BATCH));
    const result = await importFile({ name: 'EXTF_Buchungsstapel.csv', bytes }, { parties: { name: 'EXTF_DebKred_Stamm.csv', bytes: new Uint8Array(readFileSync(MASTER)) } });
    expect(errorsOf(result)).toEqual([]);
    expect(result.report?.source).toMatchObject({ kind: 'datev', lines: 54 });
    const expected = expectedBalances(new TextDecoder('windows-1252').decode(bytes));
    expect(expected.size).toBeGreaterThan(5);
    expect(balances(result.ledger!)).toEqual(expected);
    // The master file names the parties and gives their bank details.
    const master = new TextDecoder('windows-1252').decode(readFileSync(MASTER)).split(/\r?\n/).slice(2).filter((l) => l.trim() !== '').map(split);
    const withIban = master.find((f) => f[44] !== '')!;
    const party = [...result.ledger!.parties.values()].find((p) => p.partyId === withIban[0]);
    expect(party?.iban).toBe(withIban[44]);
    expect(party?.name).toBe(withIban[1] || `${withIban[4]} ${withIban[3]}`.trim());
  });

  it('takes Skonto as part of the payment: AR-456/13 is settled in full', async () => {
    const bytes = new Uint8Array(readFileSync(BATCH));
    const result = await importFile({ name: 'batch.csv', bytes });
    expect(errorsOf(result)).toEqual([]);
    const open = openItemsAsOf(result.ledger!, END).map((i) => `${i.partyId} ${i.docNo}`);
    expect(open).not.toContain('10100 AR-456/13');
    expect(open).not.toContain('10100 AR-78/13');
  });
});

// ---- generated batches -------------------------------------------------------------------------

const COLUMNS = ['Umsatz (ohne Soll/Haben-Kz)', 'Soll/Haben-Kennzeichen', 'WKZ Umsatz', 'Kurs', 'Basis-Umsatz', 'WKZ Basis-Umsatz', 'Konto', 'Gegenkonto (ohne BU-Schlüssel)', 'BU-Schlüssel', 'Belegdatum', 'Belegfeld 1', 'Belegfeld 2', 'Skonto', 'Buchungstext'];

function batch(rows: string[][], period: { fiscal: string; from: string; to: string }): Uint8Array {
  const header = `"EXTF";700;21;"Buchungsstapel";13;20250130140440439;;"RE";"";"";29098;55003;${period.fiscal};4;${period.from};${period.to};"Stapel";"WD";1;0;0;"EUR";;"";;;"03";;;"";""`;
  const text = [header, COLUMNS.join(';'), ...rows.map((r) => r.join(';'))].join('\r\n');
  return Uint8Array.from([...text].map((c) => (c === 'ü' ? 0xfc : c.charCodeAt(0))));
}

const row = (amount: string, sh: string, konto: string, gegen: string, date: string, beleg: string, extra: { wkz?: string; kurs?: string; skonto?: string; text?: string } = {}): string[] =>
  [amount, `"${sh}"`, `"${extra.wkz ?? ''}"`, extra.kurs ?? '', '', '""', konto, gegen, '""', date, `"${beleg}"`, '""', extra.skonto ?? '', `"${extra.text ?? ''}"`];

describe('DATEV postings', () => {
  const crossing = { fiscal: '20240701', from: '20241201', to: '20250131' };

  it('dates DDMM inside a period that crosses the year, from Konto or Gegenkonto', async () => {
    const result = await importFile({ name: 'b.csv', bytes: batch([
      row('119,00', 'S', '10000', '8400', '1512', 'R1'),
      row('119,00', 'H', '8400', '10001', '1501', 'R2'),
      row('200,00', 'S', '3400', '70000', '0201', 'E1'),
      row('119,00', 'S', '1200', '10000', '2001', 'R1', { text: 'Zahlung' }),
    ], crossing) }, {});
    expect(errorsOf(result)).toEqual([]);
    const entries = result.ledger!.entries.map((e) => `${e.ledger} ${e.partyId} ${e.entryType} ${e.docNo} ${formatIsoDate(e.entryDate)} ${e.amount}${e.settles ? ` settles ${e.settles}` : ''}`);
    expect(entries).toEqual([
      'AR 10000 invoice R1 2024-12-15 11900',
      'AR 10001 invoice R2 2025-01-15 11900',
      'AP 70000 invoice E1 2025-01-02 20000',
      'AR 10000 payment R1 2025-01-20 -11900 settles R1',
    ]);
  });

  it('reads a foreign-currency line at its Kurs, and Skonto with the payment', async () => {
    const result = await importFile({ name: 'b.csv', bytes: batch([
      row('1100,00', 'S', '10000', '8120', '0503', 'R9', { wkz: 'USD', kurs: '1,1' }),
      row('98,00', 'S', '1200', '10002', '0603', 'R7', { skonto: '2,00' }),
      row('100,00', 'S', '10002', '8400', '0103', 'R7'),
    ], { fiscal: '20250101', from: '20250101', to: '20251231' }) }, {});
    expect(errorsOf(result)).toEqual([]);
    const usd = result.ledger!.entries.find((e) => e.docNo === 'R9')!;
    expect([usd.currency, usd.amount, usd.amountBase]).toEqual(['USD', 110000, 100000]);
    expect(openItemsAsOf(result.ledger!, END).map((i) => i.docNo)).toEqual(['R9']);
  });

  it('refuses a Belegdatum that is no date, with line and field, importing nothing', async () => {
    const result = await importFile({ name: 'b.csv', bytes: batch([row('10,00', 'S', '10000', '8400', '3102', 'R1'), row('10,00', 'X', '10000', '8400', '0102', 'R2')], crossing) });
    expect(result.ledger).toBeNull();
    expect(errorsOf(result)).toEqual(['bad-date 3 Belegdatum', 'bad-value 4 Soll/Haben-Kennzeichen']);
  });

  it('names the largest accounts of a batch without personal accounts', async () => {
    const result = await importFile({ name: 'b.csv', bytes: batch([row('10,00', 'S', '1200', '8400', '0102', 'X'), row('10,00', 'S', '1200', '8400', '0202', 'Y')], crossing) });
    expect(errorsOf(result)).toEqual(['gl-no-subledger-accounts']);
    expect(result.issues[0]!.message).toContain('1200 (2)');
  });
});
