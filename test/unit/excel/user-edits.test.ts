// Reading the user's Handled / Note / Follow-up columns back by row key, and watching them.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseIsoDate, toExcelSerial } from '../../../src/core/date';
import { syncSheets } from '../../../src/excel/render';
import { readUserEdits, rowsOf, watchUserEdits, type UserEdit } from '../../../src/excel/user-edits';
import { createFakeExcel, type FakeExcel } from '../../fake-excel';
import { LINES, manyLines, openItemsSpec } from './specs';

let fake: FakeExcel;
beforeEach(() => {
  fake = createFakeExcel().install();
});
afterEach(() => fake.uninstall());

const SHEET = 'Open items AR';
const byKey = (edits: UserEdit[]) => Object.fromEntries(edits.map((e) => [e.rowKey, e]));

describe('readUserEdits', () => {
  it('reads the values the sheet was given, keyed by item', async () => {
    await syncSheets([openItemsSpec(LINES)]);
    const edits = byKey(await readUserEdits());
    expect(Object.keys(edits)).toEqual(LINES.map((l) => l.key));
    expect(edits['AR·C003·F-1003·invoice']).toEqual({ rowKey: 'AR·C003·F-1003·invoice', handled: false, note: '@call Monday', followUp: null });
  });

  it('writes Handled as 1 shown ✓ (empty when not handled) and reads 1, ✓ and x back as handled', async () => {
    await syncSheets([openItemsSpec([{ ...LINES[0]!, handled: true }, LINES[1]!, LINES[2]!])]);
    expect(fake.values(SHEET, 'H6:H8').flat()).toEqual([1, '', '']);
    expect(fake.cell(SHEET, 'H6').numberFormat).toBe('"✓";"✓";""');
    await fake.userEdit(SHEET, 'H7:H8', [['✓'], ['x']]);
    const edits = byKey(await readUserEdits());
    expect(LINES.map((l) => edits[l.key]?.handled)).toEqual([true, true, true]);
  });

  it('finds each edit by its key after the user re-sorted the rows', async () => {
    await syncSheets([openItemsSpec(LINES)]);
    await fake.userEdit(SHEET, 'H6:J6', [[true, 'Called, pays Friday', toExcelSerial(parseIsoDate('2025-01-17')!)]]);
    await fake.userEdit(SHEET, 'H8:J8', [['x', '=not a formula?', '2025-02-01']]);
    const rows = fake.values(SHEET, 'A6:K8');
    const reversed = [...rows].reverse();
    for (const [i, row] of reversed.entries()) await fake.userEdit(SHEET, `A${6 + i}:K${6 + i}`, [row]);
    expect(fake.values(SHEET, 'K6:K6')[0]![0]).toBe('AR·C003·F-1003·invoice');
    const edits = byKey(await readUserEdits());
    expect(edits['AR·C001·F-1001·invoice']).toEqual({ rowKey: 'AR·C001·F-1001·invoice', handled: true, note: 'Called, pays Friday', followUp: parseIsoDate('2025-01-17') });
    expect(edits['AR·C003·F-1003·invoice']).toMatchObject({ handled: true, followUp: parseIsoDate('2025-02-01') });
    expect(edits['AR·C002·F-1002·invoice']).toMatchObject({ handled: false, note: '' });
  });

  it('reads 30,000 rows back in responses well under 5 MB', async () => {
    await syncSheets([openItemsSpec(manyLines(30_000))]);
    const edits = await readUserEdits();
    expect(edits).toHaveLength(30_000);
    expect(edits[29_999]!.rowKey).toBe(manyLines(30_000)[29_999]!.key);
    expect(fake.stats.largestResponse).toBeGreaterThan(100_000);
    expect(fake.stats.largestResponse).toBeLessThan(2 * 1024 * 1024);
  });

  it('reads nothing from a workbook without managed sheets', async () => {
    expect(await readUserEdits()).toEqual([]);
  });
});

describe('watchUserEdits', () => {
  it('calls back with the edits of the rows the user changed, until stopped', async () => {
    await syncSheets([openItemsSpec(LINES)]);
    const seen: UserEdit[][] = [];
    const stop = await watchUserEdits((edits) => seen.push(edits));
    await fake.userEdit(SHEET, 'I7', [['Dispute: price']]);
    expect(seen).toEqual([[{ rowKey: 'AR·C002·F-1002·invoice', handled: false, note: 'Dispute: price', followUp: null }]]);
    await fake.userEdit(SHEET, 'H6:H8', [[true], ['yes'], [false]]);
    expect(seen[1]!.map((e) => [e.rowKey, e.handled])).toEqual([
      ['AR·C001·F-1001·invoice', true],
      ['AR·C002·F-1002·invoice', true],
      ['AR·C003·F-1003·invoice', false],
    ]);
    await stop();
    await fake.userEdit(SHEET, 'I7', [['later']]);
    expect(seen).toHaveLength(2);
  });
});

describe('rowsOf', () => {
  it.each([
    ['I7', { row: 6, rows: 1 }],
    ["'Open items AR'!H6:J8", { row: 5, rows: 3 }],
    ['$A$10:$B$12', { row: 9, rows: 3 }],
    ['not an address', null],
  ])('%s', (address, rows) => expect(rowsOf(address)).toEqual(rows));
});
