// The demo ledger reads like a real Belgian/Dutch company's subledgers, and is the same every
// time for the same seed.
import { isValidBIC, isValidIBAN } from 'ibantools';
import { describe, expect, it } from 'vitest';
import { formatIsoDate, parseIsoDate } from '../../../src/core/date';
import type { Entry, Ledger } from '../../../src/core/types';
import { demoLedger } from '../../../src/import/demo';

const TODAY = parseIsoDate('2025-06-30')!;
const ledger = demoLedger({ today: TODAY });
const creditors = [...ledger.parties.values()].filter((p) => p.ledger === 'AP');
const debtors = [...ledger.parties.values()].filter((p) => p.ledger === 'AR');

function key(e: Entry): string {
  return `${e.ledger}|${e.partyId}|${e.docNo}`;
}

function itemsByKey(l: Ledger): Map<string, Entry> {
  const items = new Map<string, Entry>();
  for (const e of l.entries) if (e.entryType === 'invoice' || (e.entryType === 'credit_note' && !e.settles)) items.set(key(e), e);
  return items;
}

function mod97(digits: string): number {
  return Number(BigInt(digits) % 97n);
}

describe('demoLedger (default size)', () => {
  it('has about 40 debtors, 25 creditors and 2,500 entries', () => {
    expect(debtors).toHaveLength(40);
    expect(creditors).toHaveLength(25);
    expect(ledger.entries.length).toBeGreaterThan(2_300);
    expect(ledger.entries.length).toBeLessThan(2_700);
    expect(ledger.baseCurrency).toBe('EUR');
  });

  it('is the same ledger for the same seed and another for another seed', () => {
    expect(demoLedger({ today: TODAY })).toEqual(ledger);
    expect(demoLedger({ today: TODAY, seed: 2 }).entries.slice(0, 20)).not.toEqual(ledger.entries.slice(0, 20));
  });

  it('names companies with Belgian and Dutch legal forms', () => {
    const names = [...ledger.parties.values()].map((p) => p.name ?? '');
    expect(new Set(names).size).toBe(names.length);
    for (const form of [/ (BV|NV|bvba|CommV)$/, / (SRL|SA|SPRL)$/, / (B\.V\.|N\.V\.|V\.O\.F\.)$/]) {
      expect(names.some((n) => form.test(n))).toBe(true);
    }
  });

  it('gives every creditor in Belgium or the Netherlands a valid IBAN and BIC', () => {
    const local = creditors.filter((p) => p.country === 'BE' || p.country === 'NL');
    expect(local.length).toBeGreaterThan(15);
    for (const p of local) {
      expect(isValidIBAN(p.iban ?? ''), `${p.partyId} ${p.iban}`).toBe(true);
      expect(isValidBIC(p.bic ?? ''), `${p.partyId} ${p.bic}`).toBe(true);
      expect(p.iban?.slice(0, 2)).toBe(p.country);
    }
    expect(local.some((p) => p.country === 'NL')).toBe(true);
  });

  it('uses payment terms of 14, 30 or 60 days and credit limits for most debtors', () => {
    for (const p of ledger.parties.values()) expect([14, 30, 60]).toContain(p.paymentTermsDays);
    const limited = debtors.filter((p) => p.creditLimit !== undefined);
    expect(limited.length).toBeGreaterThan(debtors.length / 2);
    expect(limited.length).toBeLessThan(debtors.length);
    for (const p of limited) expect(Number.isInteger(p.creditLimit)).toBe(true);
  });

  it('puts valid Belgian structured references (OGM) on some purchase invoices', () => {
    const refs = ledger.entries.filter((e) => e.paymentRef !== undefined);
    expect(refs.length).toBeGreaterThan(10);
    for (const e of refs) {
      expect(e.ledger).toBe('AP');
      expect(e.entryType).toBe('invoice');
      const m = /^\+\+\+(\d{3})\/(\d{4})\/(\d{5})\+\+\+$/.exec(e.paymentRef ?? '');
      expect(m, e.paymentRef).not.toBeNull();
      const digits = `${m![1]}${m![2]}${m![3]}`;
      expect(Number(digits.slice(10))).toBe(mod97(digits.slice(0, 10)) || 97);
    }
  });

  it('holds only integer minor units, and base amounts equal to amounts in euro', () => {
    for (const e of ledger.entries) {
      expect(Number.isSafeInteger(e.amount) && Number.isSafeInteger(e.amountBase)).toBe(true);
      if (e.currency === 'EUR') expect(e.amountBase).toBe(e.amount);
    }
  });

  it('has some USD and GBP entries at a plausible rate', () => {
    for (const [currency, low, high] of [['USD', 0.85, 1.0], ['GBP', 1.1, 1.25]] as const) {
      const invoices = ledger.entries.filter((e) => e.currency === currency && e.entryType === 'invoice');
      expect(invoices.length, currency).toBeGreaterThan(5);
      for (const e of invoices) {
        expect(e.amountBase / e.amount).toBeGreaterThan(low);
        expect(e.amountBase / e.amount).toBeLessThan(high);
      }
    }
  });

  it('covers two to three years ending near today, in date order, nothing after today', () => {
    const days = ledger.entries.map((e) => e.entryDate);
    expect(days).toEqual([...days].sort((a, b) => a - b));
    expect(TODAY - days[0]!).toBeGreaterThan(2 * 365);
    expect(TODAY - days[0]!).toBeLessThanOrEqual(3 * 365 + 10);
    expect(TODAY - days[days.length - 1]!).toBeLessThanOrEqual(3);
    const payments = ledger.entries.filter((e) => e.entryType === 'payment').map((e) => e.entryDate);
    expect(Math.max(...payments)).toBeLessThan(TODAY);
  });

  it('numbers invoices and credit notes uniquely per party, and every settles names one of them', () => {
    const items = itemsByKey(ledger);
    const documents = ledger.entries.filter((e) => e.entryType === 'invoice' || e.entryType === 'credit_note');
    expect(new Set(documents.map(key)).size).toBe(documents.length);
    for (const e of ledger.entries) {
      if (e.settles) expect(items.has(`${e.ledger}|${e.partyId}|${e.settles}`), `${key(e)} → ${e.settles}`).toBe(true);
    }
  });

  it('numbers invoices per type and year of booking: VF2024-00001, AF2025-00012', () => {
    const invoices = ledger.entries.filter((e) => e.entryType === 'invoice');
    for (const e of invoices) {
      const prefix = e.ledger === 'AR' ? 'VF' : 'AF';
      expect(e.docNo, formatIsoDate(e.entryDate)).toMatch(new RegExp(`^${prefix}${formatIsoDate(e.entryDate).slice(0, 4)}-\\d{5}$`));
    }
    expect(invoices.map((e) => e.docNo)).toContain('VF2023-00001');
  });
});

describe('demoLedger holds the awkward cases a controller meets', () => {
  const items = itemsByKey(ledger);
  const target = (e: Entry): Entry | undefined => items.get(`${e.ledger}|${e.partyId}|${e.settles ?? ''}`);
  const settlers = new Map<string, Entry[]>();
  for (const e of ledger.entries) {
    if (!e.settles || !target(e)) continue;
    const k = `${e.ledger}|${e.partyId}|${e.settles}`;
    settlers.set(k, [...(settlers.get(k) ?? []), e]);
  }
  const openOf = (k: string): number => (items.get(k)?.amount ?? 0) + (settlers.get(k) ?? []).reduce((s, e) => s + e.amount, 0);
  const count = (test: (e: Entry) => boolean): number => ledger.entries.filter(test).length;

  it('has credit notes that settle an invoice and standalone ones', () => {
    expect(count((e) => e.entryType === 'credit_note' && target(e)?.entryType === 'invoice')).toBeGreaterThan(5);
    expect(count((e) => e.entryType === 'credit_note' && !e.settles)).toBeGreaterThan(5);
  });

  it('has a refund: a positive payment settling a credit note', () => {
    expect(count((e) => e.entryType === 'payment' && e.amount > 0 && target(e)?.entryType === 'credit_note')).toBeGreaterThan(0);
  });

  it('has payments split over several invoices (one doc_no, several rows)', () => {
    const rows = new Map<string, Set<string>>();
    for (const e of ledger.entries.filter((x) => x.entryType === 'payment' && x.settles)) {
      const k = `${e.ledger}|${e.partyId}|${e.docNo}`;
      rows.set(k, (rows.get(k) ?? new Set()).add(e.settles!));
    }
    expect([...rows.values()].filter((s) => s.size >= 3).length).toBeGreaterThan(3);
  });

  it('has payments that deduct an earlier credit note (a positive row under the same doc_no)', () => {
    const deductions = ledger.entries.filter(
      (e) => e.entryType === 'payment' && e.amount > 0 && target(e)?.entryType === 'credit_note' &&
        ledger.entries.some((o) => o !== e && o.docNo === e.docNo && o.partyId === e.partyId && o.amount < 0),
    );
    expect(deductions.length).toBeGreaterThan(0);
  });

  it('has partial, over- and short-paid invoices, write-offs and receipts on account', () => {
    const invoices = [...items.keys()].filter((k) => items.get(k)!.entryType === 'invoice');
    const paidInParts = invoices.filter((k) => (settlers.get(k) ?? []).filter((e) => e.entryType === 'payment').length >= 2);
    expect(paidInParts.length).toBeGreaterThan(10);
    expect(invoices.filter((k) => openOf(k) < 0).length).toBeGreaterThan(5);
    expect(count((e) => e.entryType === 'journal' && target(e) !== undefined)).toBeGreaterThan(5);
    expect(count((e) => e.entryType === 'payment' && !e.settles)).toBeGreaterThanOrEqual(3);
  });

  it('has late, early and still-open invoices, and a payment booked before its invoice', () => {
    const settled = [...items.entries()].filter(([k, e]) => e.entryType === 'invoice' && openOf(k) === 0);
    const lastPay = (k: string): number => Math.max(...(settlers.get(k) ?? []).map((e) => e.entryDate));
    expect(settled.filter(([k, e]) => lastPay(k) > e.dueDate + 30).length).toBeGreaterThan(20);
    expect(settled.filter(([k, e]) => lastPay(k) < e.dueDate).length).toBeGreaterThan(20);
    const open = [...items.entries()].filter(([k, e]) => e.entryType === 'invoice' && openOf(k) > 0);
    expect(open.filter(([, e]) => e.dueDate < TODAY - 120).length).toBeGreaterThan(0);
    expect(open.filter(([, e]) => e.dueDate >= TODAY).length).toBeGreaterThan(20);
    expect(count((e) => e.entryType === 'payment' && target(e) !== undefined && e.entryDate < target(e)!.entryDate)).toBeGreaterThan(0);
  });

  it('has descriptions that start with =, + , - or @', () => {
    expect(count((e) => /^[=+\-@]/.test(e.description ?? ''))).toBeGreaterThanOrEqual(3);
  });
});

describe('demoLedger sizes', () => {
  it('grows to the asked number of entries, with the asked parties and years', () => {
    const big = demoLedger({ entries: 20_000, parties: 12, years: 2, today: TODAY });
    expect(big.entries.length).toBeGreaterThan(19_000);
    expect(big.entries.length).toBeLessThan(21_000);
    expect(big.parties.size).toBe(12);
    expect(TODAY - big.entries[0]!.entryDate).toBeLessThanOrEqual(2 * 365 + 10);
  });

  it('still makes a sensible ledger from a few hundred entries', () => {
    const small = demoLedger({ entries: 300, today: TODAY });
    expect(small.entries.length).toBeGreaterThan(250);
    expect(small.entries.length).toBeLessThan(350);
  });
});
