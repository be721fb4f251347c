// What the pane remembers per administration (model/view-memory.ts): the Open items filters and the
// payment selection survive a new page on the same storage, each administration its own; a stored
// value that does not read right gives the defaults back.
import { describe, expect, it } from 'vitest';
import { DEFAULT_FILTER, type ItemFilter } from '../../../src/taskpane/model/open-items-filter';
import { pageMemory, readFilter, storageMemory } from '../../../src/taskpane/model/view-memory';

function storage() {
  const map = new Map<string, string>();
  return { map, getItem: (k: string) => map.get(k) ?? null, setItem: (k: string, v: string) => void map.set(k, v), removeItem: (k: string) => void map.delete(k) };
}

const CHOSEN: ItemFilter = { ...DEFAULT_FILTER, side: 'AP', status: 'all', search: 'müller', groupByParty: true, sort: { column: 'open', descending: true } };

describe('view memory', () => {
  it('gives back the filters and payment selection of each administration after a reload', () => {
    const store = storage();
    const before = storageMemory(store);
    before.putFilter('a', CHOSEN);
    before.putPaymentSelection('a', new Set(['AP·S1·INV-1·invoice']));
    const after = storageMemory(store);
    expect(after.filter('a')).toEqual(CHOSEN);
    expect([...after.paymentSelection('a')]).toEqual(['AP·S1·INV-1·invoice']);
    expect(after.filter('b')).toEqual(DEFAULT_FILTER);
    expect(after.paymentSelection('b').size).toBe(0);
    after.putPaymentSelection('a', new Set());
    expect(store.map.size).toBe(1);
  });

  it('ignores a stored filter that does not read right, and fills fields an older version did not store', () => {
    expect(readFilter({ ...CHOSEN, side: 'XX' })).toBeNull();
    expect(readFilter({ ...CHOSEN, sort: { column: 'colour', descending: true } })).toBeNull();
    expect(readFilter('nonsense')).toBeNull();
    const { sort: _sort, groupByParty: _group, ...older } = CHOSEN;
    expect(readFilter(older)).toEqual({ ...CHOSEN, sort: null, groupByParty: false });
    const store = storage();
    store.setItem('subledger.view.filter:a', '{not json');
    expect(storageMemory(store).filter('a')).toEqual(DEFAULT_FILTER);
  });

  it('tells the caller when the storage refuses the payment selection', () => {
    const full = { ...storage(), setItem: () => { throw new DOMException('full', 'QuotaExceededError'); } };
    expect(() => storageMemory(full).putPaymentSelection('a', new Set(['k']))).toThrow('full');
    expect(() => storageMemory(full).putFilter('a', CHOSEN)).not.toThrow();
    const page = pageMemory();
    page.putFilter('a', CHOSEN);
    expect(page.filter('a')).toEqual(CHOSEN);
  });
});
