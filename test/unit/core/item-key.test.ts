// Item keys (stable across re-imports) and the ledger index cache (rebuilt when a ledger changes).
import { describe, expect, it } from 'vitest';
import { balanceList } from '../../../src/core/balances';
import { isPartyNoteKey, baseItemKey, partyNoteKey, partyOfNoteKey } from '../../../src/core/item-key';
import { openItemsAsOf } from '../../../src/core/open-items';
import { cents, day, ledgerOf, records } from './fixture';
import { ledgerFromRecords } from '../../../src/core/ledger';

describe('item keys', () => {
  it('a party note key is never an item key and gives its party back, the id as written', () => {
    expect(partyNoteKey('AR', 'C001')).toBe('party·AR·C001');
    expect(partyOfNoteKey(partyNoteKey('AP', 'S·10%'))).toEqual({ side: 'AP', partyId: 'S·10%' });
    expect(isPartyNoteKey(baseItemKey({ ledger: 'AR', partyId: 'party', docNo: 'X', entryType: 'invoice' }))).toBe(false);
    expect(partyOfNoteKey('AR·C001·INV-7·invoice')).toBeNull();
    expect(partyOfNoteKey('party·XX·C1')).toBeNull();
  });

  it('reads ledger·party·doc·type and escapes the separator inside a part', () => {
    expect(baseItemKey({ ledger: 'AR', partyId: 'C001', docNo: 'INV-7', entryType: 'invoice' })).toBe('AR·C001·INV-7·invoice');
    expect(baseItemKey({ ledger: 'AP', partyId: 'A·B', docNo: '50%', entryType: 'payment' })).toBe('AP·A%C2%B7B·50%25·payment');
    // two different items never share a key because of the separator
    expect(baseItemKey({ ledger: 'AR', partyId: 'A·B', docNo: 'C', entryType: 'invoice' }))
      .not.toBe(baseItemKey({ ledger: 'AR', partyId: 'A', docNo: 'B·C', entryType: 'invoice' }));
  });

  it('keeps the keys of the open items when the same file is imported again in another row order', () => {
    const table = `
      ledger | party_id | entry_type | doc_no | entry_date | amount  | settles
      AR     | C1       | invoice    | INV-1  | 2024-01-10 | 100.00  |
      AR     | C1       | payment    | PAY-1  | 2024-01-20 | -30.00  |
      AR     | C1       | payment    | PAY-1  | 2024-01-20 | -20.00  |
      AR     | C2       | invoice    | INV-1  | 2024-01-11 | 50.00   |
    `;
    const rows = records(table);
    const keysOf = (rs: typeof rows) => {
      const ledger = ledgerFromRecords(rs, [], { file: 'a.csv' }).ledger;
      if (ledger === null) throw new Error('did not import');
      return openItemsAsOf(ledger, day('2024-01-31')).map((i) => i.key).sort();
    };
    expect(keysOf(rows)).toEqual(['AR·C1·INV-1·invoice', 'AR·C1·PAY-1·payment', 'AR·C1·PAY-1·payment#2', 'AR·C2·INV-1·invoice']);
    expect(keysOf([...rows].reverse())).toEqual(keysOf(rows));
  });
});

describe('the ledger index', () => {
  it('is rebuilt when entries are added to a ledger after a report', () => {
    const ledger = ledgerOf(`
      ledger | party_id | entry_type | doc_no | entry_date | amount
      AR     | C1       | invoice    | INV-1  | 2024-01-10 | 100.00
    `);
    const asOf = day('2024-01-31');
    expect(balanceList(ledger, asOf).map((r) => r.balance)).toEqual([cents('100')]);
    const more = ledgerOf(`
      ledger | party_id | entry_type | doc_no | entry_date | amount  | settles
      AR     | C1       | payment    | PAY-1  | 2024-01-15 | -40.00  | INV-1
    `);
    ledger.entries.push(...more.entries);
    expect(balanceList(ledger, asOf).map((r) => r.balance)).toEqual([cents('60')]);
  });
});
