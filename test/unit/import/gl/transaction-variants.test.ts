// A GL transaction list whose accounts say nothing of debtors or creditors ("1300", "Bank",
// "8000"): recognised by its shape in every layout generated here, refused with the accounts it
// saw and the options to name them when nobody said which accounts hold the debtors and
// creditors, and imported once they are named, every party's balance equal to the sum computed
// here from the generated rows.
import { describe, expect, it } from 'vitest';
import { balanceList } from '../../../../src/core/balances';
import { parseIsoDate } from '../../../../src/core/date';
import type { ImportResult, Ledger } from '../../../../src/core/types';
import { importAnyTable, importFile, localizeIssue, tableFromSheetValues } from '../../../../src/import/index';
import { busiestAccounts, csvOf, expectedBalances, generatedLedger, LAYOUTS, xlsxOf } from './gl-list-gen';

const END = parseIsoDate('2099-12-31')!;
const ROWS = generatedLedger();
const ACCOUNTS = { arAccounts: ['13'], apAccounts: ['16'] };

function balances(ledger: Ledger): Map<string, number> {
  return new Map(balanceList(ledger, END).filter((r) => r.balance !== 0).map((r) => [`${r.ledger}:${r.partyId}`, r.balance]));
}

function errorsOf(result: ImportResult): string[] {
  return result.issues.filter((i) => i.severity === 'error').map((i) => `${i.code} ${i.line ?? ''} ${i.field ?? ''}`.trim());
}

const file = (name: string, text: string) => ({ name, bytes: new TextEncoder().encode(text) });
const subledgerLines = ROWS.filter((r) => r.account.startsWith('13') || r.account.startsWith('16')).length;

const cases: { name: string; bytes: () => Promise<{ name: string; bytes: Uint8Array }> }[] = [
  ...LAYOUTS.map((layout) => ({ name: layout.name, bytes: () => Promise.resolve(file('grootboek.csv', csvOf(layout, ROWS))) })),
  { name: 'an XLSX with dates, numbers and account numbers as numbers', bytes: async () => ({ name: 'gl.xlsx', bytes: await xlsxOf(ROWS) }) },
];

describe.each(cases)('a GL transaction list: $name', ({ bytes }) => {
  it('without named accounts: refused, naming the ten accounts with most lines and the options', async () => {
    const result = await importFile(await bytes());
    expect(result.ledger).toBeNull();
    const issue = result.issues.find((i) => i.code === 'gl-no-subledger-accounts');
    expect(errorsOf(result)).toEqual(['gl-no-subledger-accounts']);
    const listed = String(issue?.params?.accounts).split(', ').map((a) => a.replace(/ .*\(/, ' ('));
    expect(listed).toEqual(busiestAccounts(ROWS));
    expect(issue?.params?.lines).toBe(ROWS.length);
    expect(localizeIssue(issue!, 'en')).toMatch(/--ar-accounts \/ --ap-accounts/);
  });

  it('with --ar-accounts 13 --ap-accounts 16: each party balance to the cent, the rest left out', async () => {
    const result = await importFile(await bytes(), ACCOUNTS);
    expect(errorsOf(result)).toEqual([]);
    expect(balances(result.ledger!)).toEqual(expectedBalances(ROWS));
    expect(result.report?.source).toMatchObject({
      kind: 'gl-transactions', lines: ROWS.length, taken: subledgerLines, leftOut: { 'other-accounts': ROWS.length - subledgerLines }, accounts: ['1300', '1600'],
    });
  });
});

describe('what is not a GL transaction list', () => {
  it('a customer statement with an Account column of customer numbers whose debits and credits do not balance goes to the mapping', async () => {
    const text = 'Account,Name,Date,Invoice,Debit,Credit\n10001,Jansen,2024-01-05,F1,121.00,\n10002,Peeters,2024-01-06,F2,80.00,\n10001,Jansen,2024-01-20,C1,,21.00\n';
    const result = await importFile(file('statement.csv', text), { side: 'AR' });
    expect(errorsOf(result)).toEqual([]);
    expect(result.report?.source?.kind).not.toBe('gl-transactions');
    expect(balances(result.ledger!)).toEqual(new Map([['AR:10001', 10000], ['AR:10002', 8000]]));
  });

  it('a debtor list with a column of customer numbers whose amounts net to zero, but not day by day, goes to the mapping', async () => {
    const text = 'Nr;Naam;Factuur;Datum;Bedrag\n1001;Jansen;F1;05-01-2024;100,00\n1001;Jansen;B1;20-01-2024;-100,00\n'
      + '1002;Peeters;F2;06-01-2024;60,00\n1003;Smet;C3;07-01-2024;-60,00\n';
    const result = await importFile(file('debiteuren.csv', text), { side: 'AR' });
    expect(errorsOf(result)).toEqual([]);
    expect(balances(result.ledger!)).toEqual(new Map([['AR:Peeters', 6000], ['AR:Smet', -6000]]));
  });

  it('a GL whose named accounts match no line of the list is refused with the accounts it saw', async () => {
    const result = await importFile(file('gl.csv', csvOf(LAYOUTS[0]!, ROWS)), { arAccounts: ['99'] });
    expect(errorsOf(result)).toEqual(['gl-no-subledger-accounts']);
  });

  it('an account written with its name ("1300 - Debiteuren") is recognised by the name', async () => {
    const named = ROWS.map((r) => ({ ...r, account: r.account === '1300' ? '1300 - Debiteuren' : r.account === '1600' ? '1600 Crediteuren' : r.account }));
    const result = await importFile(file('gl.csv', csvOf(LAYOUTS[0]!, named)));
    expect(errorsOf(result)).toEqual([]);
    expect(balances(result.ledger!)).toEqual(expectedBalances(ROWS));
  });
});

describe('a GL transaction list pasted into the workbook ("Use a table in this workbook")', () => {
  // An Excel date serial: days since 1899-12-30 (1970-01-01 is 25569).
  const serial = (iso: string): number => Date.parse(`${iso}T00:00:00Z`) / 86_400_000 + 25_569;
  const values = [['Date', 'GL account', 'Party', 'Doc', 'Amount'], ...ROWS.map((r) => [serial(r.date), Number(r.account), r.party, r.doc, r.cents / 100])];
  const table = tableFromSheetValues({ name: 'Sheet1', values, numberFormat: values.map((row) => row.map((_, c) => (c === 0 ? 'dd-mm-yyyy' : 'General'))), rowIndex: 0 });

  it('is asked for its accounts, and with them each party balance is the sum of its rows', async () => {
    expect(errorsOf(await importAnyTable(table, 'table', [], {}))).toEqual(['gl-no-subledger-accounts']);
    const result = await importAnyTable(table, 'table', [], ACCOUNTS);
    expect(errorsOf(result)).toEqual([]);
    expect(balances(result.ledger!)).toEqual(expectedBalances(ROWS));
  });
});

describe('the canonical subledger CSV read as a table', () => {
  it('stays the canonical ledger when its numeric settles column looks like an account and its amounts net to zero', async () => {
    // Quoted cells keep it off the line-by-line path, so it is read as a table first; every invoice is paid.
    const text = 'ledger,party_id,entry_type,doc_no,entry_date,amount,settles\n'
      + '"AR","K1","invoice","1001","2024-01-05","100.00",""\n"AR","K1","payment","P1","2024-01-20","-100.00","1001"\n'
      + '"AR","K2","invoice","1002","2024-01-07","50.00",""\n"AR","K2","payment","P2","2024-01-21","-50.00","1002"\n';
    const result = await importFile(file('ledger.csv', text));
    expect(errorsOf(result)).toEqual([]);
    expect(result.ledger!.entries).toHaveLength(4);
    expect(result.report?.source?.kind).toBe('subledger-csv');
  });
});
