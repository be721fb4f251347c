// The =SUBLEDGER.… functions as Excel sees them: the metadata Microsoft's generator makes from the
// JSDoc (what functions.json will say), the Dutch and French names, and the streaming calls against
// a fake CustomFunctions namespace — they answer from the ledger the pane publishes, again on every
// change, and with #N/A or #VALUE! and a reason where they cannot.
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { generateCustomFunctionsMetadata } from 'custom-functions-metadata';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFakeCustomFunctions, FakeFunctionError, type FakeCustomFunctions } from '../../fake-excel/custom-functions';
import { publishLedger, watcherCount } from '../../../src/excel/functions/ledger-source';
import { day, ledgerOf } from '../core/fixture';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const SOURCE = path.join(ROOT, 'src/excel/functions/declarations.ts');

interface Metadata {
  functions: {
    id: string;
    name: string;
    options?: { stream?: boolean };
    parameters: { name: string; optional?: boolean; type?: string }[];
    result: { type?: string; dimensionality?: string };
  }[];
}

const EXPECTED: Record<string, string[]> = {
  BALANCE: ['party', 'asOf?', 'side?'],
  OVERDUE: ['party', 'asOf?', 'side?'],
  NOTDUE: ['party', 'asOf?', 'side?'],
  DUEWITHIN: ['days', 'asOf?', 'side?'],
  AGING: ['party', 'bucket', 'asOf?', 'basis?', 'side?'],
  OPEN: ['party', 'asOf?', 'side?'],
  DSO: ['from', 'to', 'side?'],
  CEI: ['from', 'to', 'side?'],
  ADD: ['from', 'to', 'side?'],
  DAYSTOPAY: ['party', 'from', 'to', 'side?'],
  KNOWNUPTO: ['side?'],
};

let generated: { metadata: Metadata; associate: { functionName: string; id: string }[] };

beforeAll(async () => {
  const result = await generateCustomFunctionsMetadata([SOURCE], true);
  expect(result.errors).toEqual([]);
  generated = { metadata: JSON.parse(result.metadataJson) as Metadata, associate: result.associate };
}, 60_000);

describe('functions.json as generated from the JSDoc', () => {
  it('lists every function with its id, name, parameters (optional ones marked) and result', () => {
    const functions = generated.metadata.functions;
    expect(functions.map((f) => f.id).sort()).toEqual(Object.keys(EXPECTED).sort());
    for (const f of functions) {
      expect(f.name).toBe(f.id);
      expect(f.parameters.map((p) => p.name + (p.optional ? '?' : ''))).toEqual(EXPECTED[f.id]);
      expect(f.options?.stream).toBe(true);
      if (f.id === 'OPEN') expect(f.result.dimensionality).toBe('matrix');
      else expect(f.result.type).toBe('number');
    }
  });

  it('has a Dutch and a French name for every function, valid and unique per language', () => {
    const names = JSON.parse(readFileSync(path.join(ROOT, 'src/sheets/function-names.json'), 'utf8')) as Record<string, Record<string, string>>;
    expect(Object.keys(names).sort()).toEqual(['fr', 'nl']);
    for (const byId of Object.values(names)) {
      expect(Object.keys(byId).sort()).toEqual(Object.keys(EXPECTED).sort());
      const values = Object.values(byId);
      for (const name of values) expect(name).toMatch(/^[A-Z][A-Z0-9._]{2,}$/);
      expect(new Set(values).size).toBe(values.length);
    }
  });
});

describe('the functions in a fake Excel', () => {
  let cf: FakeCustomFunctions;
  const first = ledgerOf(`
    ledger | party_id | entry_type | doc_no | entry_date | due_date   | amount
    AR     | C1       | invoice    | F1     | 2025-02-01 | 2025-03-01 | 100.00
  `);
  const second = ledgerOf(`
    ledger | party_id | entry_type | doc_no | entry_date | due_date   | amount | settles
    AR     | C1       | invoice    | F1     | 2025-02-01 | 2025-03-01 | 100.00 |
    AR     | C1       | invoice    | F2     | 2025-02-03 | 2025-03-03 | 30.25  |
    AR     | C1       | payment    | P1     | 2025-02-20 |            | -100.00| F1
  `);
  const asOf = day('2025-06-30');

  beforeAll(async () => {
    cf = createFakeCustomFunctions(generated.metadata.functions.map((f) => f.id)).install();
    const module = (await import('../../../src/excel/functions/declarations')) as unknown as Record<string, (...a: unknown[]) => unknown>;
    // What the webpack plugin's loader appends to the file: one associate per generated function.
    for (const { id, functionName } of generated.associate) cf.associate(id, module[functionName]!);
  });
  afterAll(() => {
    publishLedger(null);
    delete (globalThis as Record<string, unknown>).CustomFunctions;
  });

  it('answers #N/A with a reason while no ledger is loaded, then the figure, then the new figure', () => {
    publishLedger(null);
    const cell = cf.call('BALANCE', 'C1');
    expect(cell.latest).toBeInstanceOf(FakeFunctionError);
    expect((cell.latest as FakeFunctionError).code).toBe('#N/A');
    expect((cell.latest as FakeFunctionError).message).toMatch(/No ledger is loaded/);
    publishLedger({ ledger: first, asOf, buckets: [30, 60, 90, 120] });
    expect(cell.latest).toBe(100);
    publishLedger({ ledger: second, asOf, buckets: [30, 60, 90, 120] });
    expect(cell.latest).toBe(30.25);
    expect(cell.results).toHaveLength(3);
    cell.cancel();
  });

  it('stops listening when the cell is cleared', () => {
    const before = watcherCount();
    const cell = cf.call('OVERDUE', '*');
    expect(watcherCount()).toBe(before + 1);
    cell.cancel();
    expect(watcherCount()).toBe(before);
  });

  it('gives #VALUE! with the reason for a wrong argument and #N/A for an unknown party', () => {
    publishLedger({ ledger: second, asOf, buckets: [30, 60, 90, 120] });
    const wrongDate = cf.call('BALANCE', 'C1', 'last friday');
    expect(wrongDate.latest).toEqual(new FakeFunctionError('#VALUE!', 'asOf: last friday is not a date'));
    const unknown = cf.call('BALANCE', 'ZZ9');
    expect((unknown.latest as FakeFunctionError).code).toBe('#N/A');
    const wrongBucket = cf.call('AGING', 'C1', 9);
    expect((wrongBucket.latest as FakeFunctionError).code).toBe('#VALUE!');
    for (const cell of [wrongDate, unknown, wrongBucket]) cell.cancel();
  });

  it('spills OPEN as a table with its header', () => {
    const cell = cf.call('OPEN', 'C1', null, 'AR');
    const table = cell.latest as unknown[][];
    expect(table[0]?.[2]).toBe('Document');
    expect(table.slice(1).map((r) => [r[2], r[7]])).toEqual([['F2', 30.25]]);
    cell.cancel();
  });
});
