import { describe, expect, it } from 'vitest';
import { baseItemKey } from '../../../src/core/item-key';
import { partyKey } from '../../../src/core/types';
import { itemRef, refFromKey } from '../../../src/store/item-ref';

describe('item refs', () => {
  it('a key read back from the sheet finds its party again, even with "·" or "%" in the code', () => {
    const parts = { ledger: 'AP' as const, partyId: 'S·10%', docNo: 'INV·7', entryType: 'credit_note' as const };
    const item = { ...parts, key: baseItemKey(parts) };
    expect(refFromKey(item.key)).toEqual(itemRef(item));
    expect(itemRef(item).partyKey).toBe(partyKey('AP', 'S·10%'));
  });

  it('a key of a second row with the same document keeps its party', () => {
    expect(refFromKey('AR·C1·B7·payment#2')).toEqual({ itemKey: 'AR·C1·B7·payment#2', partyKey: partyKey('AR', 'C1') });
  });

  it('a cell that holds no item key gives a ref without party', () => {
    expect(refFromKey('Total')).toEqual({ itemKey: 'Total' });
  });
});
