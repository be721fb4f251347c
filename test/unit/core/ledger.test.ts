// Validation of canonical records (ledger.md §1): defaults, errors naming file, line and field,
// warnings that still load the ledger, and the import report.
import { describe, expect, it } from 'vitest';
import { formatIssue } from '../../../src/core/issues';
import { partyDisplayName } from '../../../src/core/ledger-index';
import { cents, day, importTables, ledgerOf } from './fixture';

describe('ledgerFromRecords', () => {
  it('fills in doc date, due date, currency and base amount from the contract defaults', () => {
    const ledger = ledgerOf(`
      ledger | party_id | entry_type | doc_no | entry_date | doc_date   | amount
      ar     | C1       | Invoice    | INV-1  | 2024-01-10 |            | 12.50
      AR     | C1       | invoice    | INV-2  | 2024-01-10 | 2024-01-08 | 7
    `);
    const [a, b] = ledger.entries;
    expect(a).toMatchObject({ ledger: 'AR', entryType: 'invoice', docDate: day('2024-01-10'), dueDate: day('2024-01-10'), currency: 'EUR', amount: 1250, amountBase: 1250 });
    expect(b).toMatchObject({ docDate: day('2024-01-08'), dueDate: day('2024-01-08'), amount: 700 });
  });

  it('names a party after its latest named entry whatever the order of the rows: latest date, then highest doc_no, then highest name', () => {
    const rows = [
      'AR | C1 | Newest    | invoice | INV-1 | 2024-03-01',
      'AR | C1 | Older     | invoice | INV-9 | 2024-02-01',
      'AR | C1 | Same day  | invoice | INV-0 | 2024-03-01',
      'AR | C1 |           | invoice | INV-5 | 2024-04-01',
      'AR | C2 | Bert      | invoice | B-1   | 2024-01-01',
      'AR | C2 | Anna      | invoice | B-1X  | 2024-01-01',
      'AR | C3 | Zed       | payment | P-1   | 2024-01-01',
      'AR | C3 | Ann       | payment | P-1   | 2024-01-01',
    ];
    for (const order of [rows, [...rows].reverse(), [rows[3], rows[2], rows[0], rows[1], rows[7], rows[6], rows[5], rows[4]]]) {
      const ledger = ledgerOf(`ledger | party_id | party_name | entry_type | doc_no | entry_date\n${order.map((r) => `${r} | 1.00`).join('\n')}`.replace('entry_date\n', 'entry_date | amount\n'));
      expect(['C1', 'C2', 'C3'].map((p) => partyDisplayName(ledger, 'AR', p))).toEqual(['Newest', 'Anna', 'Zed']);
    }
  });

  it('rejects the whole file with an error naming line and field for each bad value', () => {
    const result = importTables(`
      ledger | party_id | entry_type | doc_no | entry_date | amount | currency | amount_base
      AR     | C1       | invoice    | INV-1  | 2024-01-10 | 10.00  |          |
      AR     | C1       | invoice    | INV-2  | 2024-02-30 | 10.00  |          |
      XX     | C1       | invoice    | INV-3  | 2024-01-10 | 10,00  |          |
      AR     | C1       | refund     | INV-4  | 2024-01-10 | 10.00  |          |
      AR     |          | invoice    | INV-5  | 2024-01-10 | 10.00  |          |
      AR     | C1       | invoice    | INV-6  | 2024-01-10 | 10.00  | USD      |
    `);
    expect(result.ledger).toBeNull();
    const errors = result.issues.filter((i) => i.severity === 'error').map((i) => [i.line, i.field, i.code]);
    expect(errors).toEqual([
      [3, 'entry_date', 'bad-date'],
      [4, 'ledger', 'bad-side'],
      [4, 'amount', 'bad-amount'],
      [5, 'entry_type', 'bad-entry-type'],
      [6, 'party_id', 'missing-value'],
      [7, 'amount_base', 'missing-amount-base'],
    ]);
    const lines = result.issues.map(formatIssue);
    expect(lines).toContain('ledger.csv, line 3, field entry_date: 2024-02-30 is not a valid date (expected YYYY-MM-DD)');
    expect(lines).toContain('ledger.csv, line 5, field entry_type: refund is not an entry type: use invoice, credit_note, payment or journal');
  });

  it('rejects a second invoice with the same doc_no for the same party, not for another party', () => {
    const result = importTables(`
      ledger | party_id | entry_type  | doc_no | entry_date | amount
      AR     | C1       | invoice     | INV-1  | 2024-01-10 | 10.00
      AR     | C2       | invoice     | INV-1  | 2024-01-10 | 10.00
      AR     | C1       | credit_note | INV-1  | 2024-01-11 | -10.00
    `);
    expect(result.ledger).toBeNull();
    expect(result.issues.map((i) => [i.severity, i.line, i.field, i.code])).toEqual([['error', 4, 'doc_no', 'duplicate-doc']]);
    expect(result.issues[0]?.message).toContain('(line 2)');
  });

  it('warns about a settles naming no document and still loads the ledger', () => {
    const result = importTables(`
      ledger | party_id | entry_type | doc_no | entry_date | amount | settles
      AR     | C1       | invoice    | INV-1  | 2024-01-10 | 10.00  |
      AR     | C1       | payment    | PAY-1  | 2024-01-20 | -10.00 | INV-404
    `);
    expect(result.ledger).not.toBeNull();
    expect(result.issues.map((i) => [i.severity, i.line, i.field, i.code])).toEqual([['warning', 3, 'settles', 'unknown-settles']]);
  });

  it('rounds amounts half away from zero to the currency and counts them in the report', () => {
    const result = importTables(`
      ledger | party_id | entry_type | doc_no | entry_date | amount   | currency | amount_base
      AR     | C1       | invoice    | INV-1  | 2024-01-10 | 10.005   |          |
      AR     | C1       | invoice    | INV-2  | 2024-01-10 | -10.005  |          |
      AR     | C1       | invoice    | INV-3  | 2024-01-11 | 1234.5   | JPY      | 7.5
      AR     | C1       | invoice    | INV-4  | 2024-01-12 | 1.2345   | KWD      | 3.7
    `);
    expect(result.ledger?.entries.map((e) => [e.amount, e.amountBase])).toEqual([
      [1001, 1001],
      [-1001, -1001],
      [1235, 750],
      [1235, 370],
    ]);
    expect(result.report).toMatchObject({ roundedAmounts: 4, rowsRead: 4, currencies: ['EUR', 'JPY', 'KWD'], parties: 1 });
    expect(result.report?.entriesByType).toEqual({ invoice: 4, credit_note: 0, payment: 0, journal: 0 });
    expect(result.report?.dateRange).toEqual({ from: day('2024-01-10'), to: day('2024-01-12') });
    expect(result.issues.map((i) => [i.severity, i.line, i.field, i.code])).toEqual([['warning', 2, 'amount', 'rounded-amount']]);
  });

  it('reads parties with credit limits in base currency, and rejects a bad one naming parties.csv', () => {
    const ok = ledgerOf(
      `
      ledger | party_id | entry_type | doc_no | entry_date | amount
      AR     | C1       | invoice    | INV-1  | 2024-01-10 | 10.00
    `,
      `
      ledger | party_id | name      | credit_limit | payment_terms_days | iban
      AR     | C1       | Acme NV   | 5000         | 30                 | BE68539007547034
    `,
    );
    expect(ok.parties.get('AR\u0000C1')).toEqual({ ledger: 'AR', partyId: 'C1', name: 'Acme NV', creditLimit: cents('5000'), paymentTermsDays: 30, iban: 'BE68539007547034' });
    const bad = importTables(
      `
      ledger | party_id | entry_type | doc_no | entry_date | amount
      AR     | C1       | invoice    | INV-1  | 2024-01-10 | 10.00
    `,
      `
      ledger | party_id | credit_limit
      AR     | C1       | lots
    `,
    );
    expect(bad.ledger).toBeNull();
    expect(bad.issues.map((i) => [i.file, i.line, i.field, i.code])).toEqual([['parties.csv', 2, 'credit_limit', 'bad-amount']]);
  });

  it('warns about a settles in another currency than its invoice, and an invoice that settles something', () => {
    const result = importTables(`
      ledger | party_id | entry_type | doc_no | entry_date | amount | currency | amount_base | settles
      AR     | C1       | invoice    | INV-1  | 2024-01-10 | 10.00  | USD      | 9.00        |
      AR     | C1       | payment    | PAY-1  | 2024-01-20 | -9.00  |          |             | INV-1
      AR     | C1       | invoice    | INV-2  | 2024-01-21 | -1.00  |          |             | INV-1
    `);
    expect(result.ledger).not.toBeNull();
    expect(result.issues.map((i) => [i.line, i.code, i.params])).toEqual([
      [3, 'settles-other-currency', { settles: 'INV-1', currency: 'EUR', itemCurrency: 'USD' }],
      [4, 'invoice-settles-ignored', { settles: 'INV-1' }],
    ]);
  });

  it('lists at most 200 issues of one kind and sums up the rest', () => {
    const rows = Array.from({ length: 250 }, (_, n) => `AR | C1 | invoice | INV-${n} | 2024-13-01 | 1.00`).join('\n');
    const result = importTables(`ledger | party_id | entry_type | doc_no | entry_date | amount\n${rows}`);
    expect(result.issues).toHaveLength(201);
    expect(result.issues[0]).toMatchObject({ line: 2, field: 'entry_date', code: 'bad-date' });
    expect(result.issues[200]).toMatchObject({ code: 'bad-date', message: 'and 50 more of the same kind' });
  });

  it('lists the first 200 settles naming nothing in file order and counts the rest, other settles warnings listed beside them', () => {
    // 230 payments naming no invoice; after the 210th, one naming a USD invoice in euros and an invoice with a settles.
    const loose = Array.from({ length: 230 }, (_, n) => `AR | C${n % 7} | payment | P-${n} | 2024-02-01 | -1.00 | | | NONE-${n}`);
    loose.splice(210, 0, 'AR | C1 | payment | PAY-X | 2024-02-02 | -9.00 | | | INV-1', 'AR | C2 | invoice | INV-9 | 2024-02-03 | 5.00 | | | INV-1');
    const result = importTables(`ledger | party_id | entry_type | doc_no | entry_date | amount | currency | amount_base | settles
      AR | C1 | invoice | INV-1 | 2024-01-10 | 10.00 | USD | 9.00 |
      ${loose.join('\n')}`);
    expect(result.ledger).not.toBeNull();
    const unknown = result.issues.filter((i) => i.code === 'unknown-settles');
    expect(unknown).toHaveLength(201);
    expect(unknown.slice(0, 200).map((i) => i.params?.settles)).toEqual(Array.from({ length: 200 }, (_, n) => `NONE-${n}`));
    expect(unknown[200]).toMatchObject({ file: 'ledger.csv', message: 'and 30 more of the same kind', params: { more: 30 } });
    expect(result.issues.filter((i) => i.code !== 'unknown-settles').map((i) => [i.line, i.code, i.params])).toEqual([
      [213, 'settles-other-currency', { settles: 'INV-1', currency: 'EUR', itemCurrency: 'USD' }],
      [214, 'invoice-settles-ignored', { settles: 'INV-1' }],
    ]);
    expect(result.issues.at(-1)).toBe(unknown[200]);
  });

  it('refuses a ledger whose amounts of one currency, or in the base currency, add up past the exact range', () => {
    const head = 'ledger | party_id | entry_type | doc_no | entry_date | amount | currency | amount_base';
    const usd = (n: number, amount: string, base: string) => Array.from({ length: n }, (_, k) => `AR | C1 | invoice | U-${k} | 2024-01-10 | ${amount} | USD | ${base}`).join('\n');
    const codes = (rows: string) => importTables(`${head}\n${rows}`).issues.map((i) => [i.code, i.params?.currency]);
    // 9 × 999,999,999,999,999 cents stays below 2^53 − 1; a tenth passes it.
    expect(codes(usd(9, '9999999999999.99', '1.00'))).toEqual([]);
    expect(codes(usd(10, '9999999999999.99', '1.00'))).toEqual([['totals-out-of-range', 'USD']]);
    expect(codes(usd(10, '1.00', '9999999999999.99'))).toEqual([['totals-out-of-range', 'EUR']]);
    expect(codes(`${usd(9, '1.00', '9999999999999.99')}\nAR | C2 | invoice | E-1 | 2024-01-10 | -9999999999999.99 | |`)).toEqual([['totals-out-of-range', 'EUR']]);
  });

  it('refuses a base currency that is not an ISO 4217 code', () => {
    const result = importTables(`
      ledger | party_id | entry_type | doc_no | entry_date | amount
      AR     | C1       | invoice    | INV-1  | 2024-01-10 | 1.00
    `, '', 'EURO');
    expect(result.ledger).toBeNull();
    expect(result.issues.map((i) => [i.file, i.code])).toEqual([['ledger.csv', 'bad-base-currency']]);
  });

  it('keeps a description that starts with = or @ as plain text', () => {
    const ledger = ledgerOf(`
      ledger | party_id | entry_type | doc_no | entry_date | amount | description
      AR     | C1       | invoice    | INV-1  | 2024-01-10 | 1.00   | =SUM(A1:A9)
    `);
    expect(ledger.entries[0]?.description).toBe('=SUM(A1:A9)');
  });
});
