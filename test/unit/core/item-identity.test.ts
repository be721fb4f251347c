// One identity per item (core/item-key.ts): the pane's list, the open-items sheet, the payment
// plan and `subledger pay` all name an item by the key the engine gave it, whatever list or as-of
// date shows it. Twins — rows sharing ledger·party·doc·type — are the hard case.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../../src/cli/main';
import { ledgerFromRecords } from '../../../src/core/ledger';
import { allItemsAsOf, openItemsAsOf } from '../../../src/core/open-items';
import { emptyHistory } from '../../../src/export/history';
import { planPayments } from '../../../src/export/payment-plan';
import { buildWorkbookSpecs } from '../../../src/sheets/workbook';
import { itemRows } from '../../../src/taskpane/model/open-items-filter';
import { fixtureOptions } from '../../fixtures/sheets/ledger';
import { day, ledgerOf, records } from './fixture';

// PAY-1 is one payment in two rows: 30.00 allocated to INV-9 (booked only on 02-01, so until then
// the row is an item of its own) and 20.00 on account.
const SPLIT_PAYMENT = `
  ledger | party_id | entry_type | doc_no | entry_date | amount  | settles
  AR     | C1       | payment    | PAY-1  | 2024-01-20 | -30.00  | INV-9
  AR     | C1       | payment    | PAY-1  | 2024-01-20 | -20.00  |
  AR     | C1       | invoice    | INV-9  | 2024-02-01 | 100.00  |
`;

function keyOf(items: readonly { key: string; amount: number }[], amount: number): string | undefined {
  return items.find((i) => i.amount === amount)?.key;
}

describe('the key of an item', () => {
  it('is the same on the open-items sheet as of one date and in the pane as of a later one', () => {
    const ledger = ledgerOf(SPLIT_PAYMENT);
    const specs = buildWorkbookSpecs(ledger, fixtureOptions({ asOf: day('2024-01-31'), sheets: ['open-items-AR'] }));
    const table = specs[0]?.tables[0];
    const rowKeys = table?.rowKeys ?? [];
    const onAccountRow = table?.rows.findIndex((row) => row.includes(-2000)) ?? -1;
    const sheetKey = rowKeys[onAccountRow];
    const pane = itemRows(allItemsAsOf(ledger, day('2024-02-15')));
    const paneKey = pane.find((r) => r.item.amount === -2000)?.key;
    expect(sheetKey).toBeDefined();
    expect(paneKey).toBe(sheetKey);
  });

  it('gives twins distinct keys that do not move with the as-of date or the row order of the file', () => {
    const keysAt = (asOf: string, reverse = false) => {
      const rows = records(SPLIT_PAYMENT);
      const ledger = ledgerFromRecords(reverse ? rows.reverse() : rows, [], { file: 'a.csv' }).ledger;
      if (ledger === null) throw new Error('did not import');
      return allItemsAsOf(ledger, day(asOf));
    };
    const early = keysAt('2024-01-31');
    expect(new Set(early.map((i) => i.key)).size).toBe(2);
    expect(keyOf(keysAt('2024-02-15'), -2000)).toBe(keyOf(early, -2000));
    expect(keysAt('2024-01-31', true).map((i) => [i.amount, i.key]).sort()).toEqual(early.map((i) => [i.amount, i.key]).sort());
  });

  it('of a twin chosen in the pane is the one the payment plan pays', () => {
    const ledger = ledgerOf(`
      ledger | party_id | entry_type | doc_no | entry_date | amount
      AP     | S1       | journal    | J-7    | 2025-03-01 | 100.00
      AP     | S1       | journal    | J-7    | 2025-03-01 | 200.00
      AP     | S1       | invoice    | J-7    | 2025-03-01 | 5.00
    `, `
      ledger | party_id | name     | iban
      AP     | S1       | Supplier | BE68539007547034
    `);
    const asOf = day('2025-03-31');
    const chosen = itemRows(allItemsAsOf(ledger, asOf)).find((r) => r.item.amount === 20000);
    const payables = openItemsAsOf(ledger, asOf).filter((i) => i.ledger === 'AP');
    const plan = planPayments(payables, { keys: [chosen?.key ?? ''], executionDate: day('2025-04-01') }, emptyHistory(), { parties: ledger.parties });
    expect(plan.payments.map((p) => p.amount)).toEqual([20000]);
    expect(plan.refused).toEqual([]);
  });
});

describe('subledger pay --docs naming two open journals of one supplier with the same number', () => {
  it('pays both (100.00 and 200.00), not one of them silently', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'twins-'));
    try {
      writeFileSync(path.join(dir, 'ledger.csv'), 'ledger,party_id,entry_type,doc_no,entry_date,amount\nAP,S1,journal,J-7,2025-03-01,100.00\nAP,S1,journal,J-7,2025-03-02,200.00\n');
      writeFileSync(path.join(dir, 'parties.csv'), 'ledger,party_id,name,iban\nAP,S1,Supplier,BE68539007547034\n');
      let stdout = '';
      let stderr = '';
      const out = path.join(dir, 'batch.xml');
      const code = await main(
        ['pay', '--input', path.join(dir, 'ledger.csv'), '--parties', path.join(dir, 'parties.csv'), '--debtor-name', 'Brasserie',
          '--debtor-iban', 'BE71096123456769', '--out', out, '--execution-date', '2025-04-01', '--docs', 'J-7'],
        { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), now: () => new Date(2025, 2, 31, 9, 0, 0) },
      );
      // stderr says where the history is and what is paid; nothing is refused
      expect(stderr).toContain('paying 2 item(s), 300.00 EUR');
      expect(stderr).not.toMatch(/refus/i);
      expect(code).toBe(0);
      expect(stdout).toMatch(/2 payment\(s\), 300.00 EUR/);
      expect(existsSync(out)).toBe(true);
      const amounts = [...readFileSync(out, 'utf8').matchAll(/<InstdAmt[^>]*>([\d.]+)</g)].map((m) => m[1]);
      expect(amounts.sort()).toEqual(['100.00', '200.00']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
