// Test helpers for the store: a fresh SubledgerDb on fake-indexeddb per test, and a few ledger
// lines written the way the domain reads them.
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { parseIsoDate, type Day } from '../../../src/core/date';
import { partyKey, type Entry, type EntryType, type Ledger, type Party, type Side } from '../../../src/core/types';
import { SubledgerDb, type SubledgerDbOptions } from '../../../src/store/db';

let counter = 0;

/** A database name no other test uses. */
export function freshName(): string {
  counter += 1;
  return `subledger-test-${process.pid}-${counter}`;
}

export function openDb(name = freshName(), options: SubledgerDbOptions = {}): SubledgerDb {
  return new SubledgerDb(name, { indexedDB, IDBKeyRange, ...options });
}

export function day(iso: string): Day {
  const d = parseIsoDate(iso);
  if (d === null) throw new Error(`bad test date ${iso}`);
  return d;
}

/** `line('AR C1 invoice F1 2024-01-10 121.00')` plus optional fields. */
export function line(text: string, extra: Partial<Entry> = {}): Entry {
  const [ledger, partyId, entryType, docNo, date, amount] = text.split(' ');
  const minor = Math.round(Number(amount) * 100);
  const d = day(date!);
  return {
    ledger: ledger as Side,
    partyId: partyId!,
    entryType: entryType as EntryType,
    docNo: docNo!,
    entryDate: d,
    docDate: d,
    dueDate: d + 30,
    amount: minor,
    currency: 'EUR',
    amountBase: minor,
    ...extra,
  };
}

export function ledgerOf(entries: Entry[], parties: Party[] = []): Ledger {
  return { baseCurrency: 'EUR', entries, parties: new Map(parties.map((p) => [partyKey(p.ledger, p.partyId), p])) };
}

const opened: SubledgerDb[] = [];

/** Remembers a database for `closeTracked` (call it in afterEach). */
export function track(db: SubledgerDb): SubledgerDb {
  opened.push(db);
  return db;
}

export function closeTracked(): void {
  for (const db of opened.splice(0)) db.close();
}
