// Names of managed sheets: valid for Excel whatever the spec says, and never a name a sheet of
// the user already has.
import { describe, expect, it } from 'vitest';
import { freeSheetName, parseManaged, validSheetName } from '../../../src/excel/managed';

describe('sheet names', () => {
  it.each([
    ['Open items AR', 'Open items AR'],
    ['AR/AP: aging [EUR]?', 'AR-AP- aging -EUR--'],
    ["'quoted'", 'quoted'],
    ['A very long report name that goes on and on', 'A very long report name that go'],
    ['History', 'Subledger'],
    ['', 'Subledger'],
  ])('%j becomes %j', (name, valid) => expect(validSheetName(name)).toBe(valid));

  it('adds (2), (3)… when the name is taken, staying within 31 characters', () => {
    const taken = new Set(['open items ar', 'open items ar (2)', 'a very long report name that go']);
    expect(freeSheetName('Open items AR', taken)).toBe('Open items AR (3)');
    expect(freeSheetName('A very long report name that goes on', taken)).toBe('A very long report name tha (2)');
  });
});

describe('the managed-sheets record', () => {
  it('drops what is not a record instead of trusting it', () => {
    const good = { kind: 'dashboard', sheetId: '{1}', name: 'Dashboard', titleRows: 1, captions: [], tables: [], pivots: [], charts: [] };
    expect(parseManaged(JSON.stringify([good, { kind: 3 }, null]))).toEqual([good]);
    expect(parseManaged('not json')).toEqual([]);
    expect(parseManaged(undefined)).toEqual([]);
  });
});
