// Exit status of `subledger report`: 0 on success, 1 on bad input (the importer's message on
// stderr, naming file, line and field), 2 on bad usage; and the CSV format.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, LEDGER, PARTIES, cli } from './run-cli';

/** 20,000 bucket limits (ExcelJS crashed on them: column out of bounds). */
const MANY_BUCKETS = Array.from({ length: 20_000 }, (_, i) => i + 1).join(',');

describe('subledger report: bad usage exits 2', () => {
  it.each([
    [['report'], /missing NAME\[,NAME…\]: open-items \| aging/],
    [['report', 'ageing', '--input', LEDGER], /"ageing" is not one of open-items, aging/],
    [['report', 'aging'], /--input is required/],
    [['report', 'aging', '--input', LEDGER, '--as-of', '31/03/2025'], /--as-of: "31\/03\/2025" is not a date/],
    [['report', 'aging', '--input', LEDGER, '--buckets', '60,30'], /ascending/],
    [['report', 'aging', '--input', LEDGER, '--buckets', '30,x'], /"x" is not a whole number/],
    [['report', 'aging', '--input', LEDGER, '--buckets', MANY_BUCKETS], /^subledger report: --buckets: give at most 20 day limits, not 20000, got 1,2,3,.{0,60}\n$/],
    [['build', '--input', LEDGER, '--out', 'never-written.xlsx', '--buckets', MANY_BUCKETS], /--buckets: give at most 20 day limits, not 20000/],
    [['report', 'aging', '--input', LEDGER, '--buckets', '30,99999'], /--buckets: 99999 days is more than 36600/],
    [['report', 'aging', '--input', LEDGER, '--basis', 'invoice'], /--basis/],
    [['report', 'aging', '--input', LEDGER, '--format', 'xml'], /--format/],
    [['report', 'aging', '--input', LEDGER, '--colour', 'red'], /colour/],
    [['report', 'mutations', '--input', LEDGER, '--from', '2025-04-01', '--to', '2025-03-01'], /lies after/],
    [['report', 'card', '--input', LEDGER], /card needs --party/],
    [['report', 'card', '--input', LEDGER, '--party', 'NOBODY'], /no such party/],
    [['report', 'aging', '--input', LEDGER, '--base', 'euro'], /--base: "euro" is not an ISO 4217/],
  ])('%j', async (argv, message) => {
    const run = await cli(...argv);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stdout).toBe('');
  });
});

describe('subledger report: bad input exits 1', () => {
  it('names the missing file', async () => {
    const run = await cli('report', 'aging', '--input', path.join(FIXTURES, 'no-such.csv'));
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/no-such\.csv: no such file/);
  });

  it('gives the importer message with file, line and field, and prints no report', async () => {
    const run = await cli('report', 'aging', '--input', path.join(FIXTURES, 'bad-date.csv'));
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('bad-date.csv');
    expect(run.stderr).toMatch(/3/);
    expect(run.stderr).toContain('entry_date');
    expect(run.stdout).toBe('');
  });
});

describe('subledger report --format csv', () => {
  it('aging: a column per bucket label, amounts as exact decimals', async () => {
    const run = await cli('report', 'aging', '--input', LEDGER, '--as-of', '2025-03-31', '--side', 'AR', '--format', 'csv');
    expect(run.code).toBe(0);
    const lines = run.stdout.trimEnd().split('\r\n');
    expect(lines[0]).toBe('ledger,partyId,partyName,total,not due,1-30,31-60,61-90,91-120,>120');
    expect(lines).toContain('AR,D1,Peeters BV,850.50,250.50,0.00,600.00,0.00,0.00,0.00');
    expect(lines).toContain('AR,D2,Dubois SRL,46.00,0.00,0.00,0.00,0.00,0.00,46.00');
    expect(lines).toHaveLength(3);
  });

  it('balances: empty fields where a value does not exist', async () => {
    const run = await cli('report', 'balances', '--input', LEDGER, '--parties', PARTIES, '--as-of', '2025-03-31', '--party', 'D2', '--format', 'csv');
    expect(run.stdout).toBe(
      'ledger,partyId,partyName,balance,overdue,notDue,openItems,creditLimit,headroom,overLimit,oldestOverdueDays,lastPaymentDate\r\n' +
        'AR,D2,Dubois SRL,46.00,46.00,0.00,1,,,,151,2025-03-15\r\n',
    );
  });

  it('key-figures: a row per ledger', async () => {
    const run = await cli('report', 'key-figures', '--input', LEDGER, '--as-of', '2025-03-31', '--format', 'csv');
    const lines = run.stdout.trimEnd().split('\r\n');
    expect(lines[0]).toBe('ledger,overdue,notDue,total,dueWithin3,dueWithin5,journalsUpdatedUntil');
    expect(lines[1]).toBe('AR,646.00,250.50,896.50,250.50,250.50,2025-03-15');
  });

  it('card: the opening balance as the first row', async () => {
    const run = await cli('report', 'card', '--input', LEDGER, '--party', 'D1', '--from', '2025-02-01', '--to', '2025-03-31', '--format', 'csv');
    expect(run.stdout.trimEnd().split('\r\n')).toEqual([
      'entryDate,docNo,entryType,currency,amount,amountBase,balanceBase,balanceInCurrency',
      '2025-01-31,,opening,EUR,,,1000.00,',
      '2025-02-20,B1,payment,EUR,-400.00,-400.00,600.00,600.00',
      '2025-03-01,F2,invoice,EUR,250.50,250.50,850.50,850.50',
    ]);
  });

  it('mutations: a description a spreadsheet would take for a formula gets a leading quote', async () => {
    const run = await cli('report', 'mutations', '--input', LEDGER, '--from', '2025-03-01', '--to', '2025-03-01', '--format', 'csv');
    expect(run.stdout.trimEnd().split('\r\n')[1]).toBe("AR,D1,2025-03-01,F2,invoice,2025-03-01,2025-03-31,EUR,250.50,250.50,,'=SUM(A1:A2)");
  });

  it('mutations: negative amounts stay numbers (only ledger text is guarded)', async () => {
    const run = await cli('report', 'mutations', '--input', LEDGER, '--from', '2025-01-01', '--to', '2025-12-31', '--format', 'csv');
    const lines = run.stdout.trimEnd().split('\r\n').slice(1);
    expect(lines.some((l) => /,-\d+\.\d\d,-\d+\.\d\d,/.test(l))).toBe(true);
    expect(lines.some((l) => l.includes(",'-"))).toBe(false);
  });
});
