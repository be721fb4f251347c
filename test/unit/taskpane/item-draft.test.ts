// The item dialog's draft: what counts as unsaved, what one saved part leaves, and drafts kept in
// a Web Storage per administration and item (garbage in the storage is no draft).
import { describe, expect, it } from 'vitest';
import { EMPTY_DRAFT, isDirty, memoryShelf, storageShelf, withoutPart, type ItemDraft } from '../../../src/taskpane/model/item-draft';

const typed: ItemDraft = { handled: true, note: 'call back', agreementDate: '2026-12-01', agreementAmount: '100', followUpDate: '', followUpText: '' };

describe('item draft', () => {
  it('is dirty only when something was typed or changed', () => {
    expect(isDirty(EMPTY_DRAFT)).toBe(false);
    expect(isDirty({ ...EMPTY_DRAFT, followUpText: '   ' })).toBe(false);
    expect(isDirty({ ...EMPTY_DRAFT, note: '' })).toBe(true); // clearing a note is a change
    expect(isDirty({ ...EMPTY_DRAFT, handled: false })).toBe(true);
  });

  it('drops only the part that was saved', () => {
    const left = withoutPart(withoutPart(typed, 'handled'), 'agreement');
    expect(left).toEqual({ ...EMPTY_DRAFT, note: 'call back' });
  });

  it('keeps drafts per administration and item, and forgets them when dropped or emptied', () => {
    const map = new Map<string, string>();
    const storage = { getItem: (k: string) => map.get(k) ?? null, setItem: (k: string, v: string) => void map.set(k, v), removeItem: (k: string) => void map.delete(k) };
    const shelf = storageShelf(storage);
    shelf.put('a1', 'AR·C1·F1', typed);
    expect(storageShelf(storage).get('a1', 'AR·C1·F1')).toEqual(typed);
    expect(shelf.get('a2', 'AR·C1·F1')).toBeNull();
    shelf.put('a1', 'AR·C1·F1', EMPTY_DRAFT);
    expect(map.size).toBe(0);
    shelf.put('a1', 'AR·C1·F1', typed);
    shelf.drop('a1', 'AR·C1·F1');
    expect(shelf.get('a1', 'AR·C1·F1')).toBeNull();
  });

  it('reads no draft from what is not one', () => {
    const map = new Map([['subledger.itemDraft:a1:k', '{"note": 5}'], ['subledger.itemDraft:a1:j', 'not json']]);
    const shelf = storageShelf({ getItem: (k) => map.get(k) ?? null, setItem: () => undefined, removeItem: () => undefined });
    expect(shelf.get('a1', 'k')).toBeNull();
    expect(shelf.get('a1', 'j')).toBeNull();
    const memory = memoryShelf();
    memory.put('a1', 'k', typed);
    expect(memory.get('a1', 'k')).toEqual(typed);
  });
});
