// Every sheet lists parties in one order, the engine's (core/ledger-index compareParties: AR before
// AP, then the party code by code points), whatever the user's locale would sort: 'C2' before 'b1'.
import { describe, expect, it } from 'vitest';
import { balanceList } from '../../../src/core/balances';
import { buildWorkbookSpecs } from '../../../src/sheets/workbook';
import { day, fixtureOptions } from '../../fixtures/sheets/ledger';
import { ledgerOf } from '../core/fixture';

const ledger = ledgerOf(`
  ledger | party_id | entry_type | doc_no | entry_date | due_date   | amount  | settles
  AR     | b1       | invoice    | F1     | 2024-03-01 | 2024-03-31 | 100.00  |
  AR     | C2       | invoice    | F2     | 2024-03-02 | 2024-04-01 | 200.00  |
  AR     | b1       | payment    | P1     | 2024-05-01 |            | -60.00  | F1
  AR     | C2       | payment    | P2     | 2024-05-02 |            | -50.00  | F2
  AR     | b1       | invoice    | F3     | 2024-03-05 | 2024-04-04 | 10.00   |
  AR     | C2       | invoice    | F4     | 2024-03-06 | 2024-04-05 | 20.00   |
  AR     | b1       | payment    | P3     | 2024-05-03 |            | -10.00  | F3
  AR     | C2       | payment    | P4     | 2024-05-04 |            | -20.00  | F4
`);

describe('party order on the sheets', () => {
  it('is the engine order on open items, aging, balances, turnaround, payment behaviour and party cards', () => {
    const asOf = day('2024-06-30');
    const engine = balanceList(ledger, asOf).map((r) => r.partyId);
    expect(engine).toEqual(['C2', 'b1']);
    const specs = buildWorkbookSpecs(ledger, fixtureOptions({ asOf, period: { from: day('2024-01-01'), to: asOf } }));
    const parties = (tableName: string): string[] => {
      const table = specs.flatMap((s) => s.tables).find((t) => t.name.startsWith(tableName));
      if (!table) throw new Error(`no table ${tableName}`);
      const column = table.columns.findIndex((c) => c.key === 'partyId');
      return [...new Set(table.rows.map((row) => String(row[column])))];
    };
    for (const name of ['OpenItems_AR', 'Aging_AR', 'Balances_AR', 'Turnaround', 'PaymentBehaviour']) {
      expect(parties(name), name).toEqual(engine);
    }
    // a card per party, each its own table named after the party
    const cards = specs.find((s) => s.kind === 'party-cards')?.tables.map((t) => t.name);
    expect(cards).toEqual(engine.map((id) => `Card_AR_${id}`));
  });
});
