// `subledger report NAME,NAME…`: the ledger read once, the reports printed as one JSON array in
// the order named (or tables one after another), each the same document a report of its own
// prints; and the JSON written a piece at a time is the text JSON.stringify would print.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  agingOutput, balancesOutput, LazyRows, Money, mutationsOutput, openItemsOutput, turnaroundOutput, writeJsonDocument,
  writeJsonDocuments, type ReportOutput,
} from '../../../src/cli/output';
import { JsonBytes, textOut } from '../../../src/cli/json-bytes';
import { agingReport, bucketLabels } from '../../../src/core/aging';
import { balanceList } from '../../../src/core/balances';
import { mutations } from '../../../src/core/mutations';
import { OpenItemList } from '../../../src/core/open-items';
import { turnaround } from '../../../src/core/turnaround';
import { asOfArb, bucketsArb, ledgerArb, periodArb } from '../core/arbitraries';
import { LEDGER, PARTIES, cli } from './run-cli';

const AS_OF = ['--as-of', '2025-03-31'];
const INPUT = ['--input', LEDGER, '--parties', PARTIES];

async function stdoutOf(...argv: string[]): Promise<string> {
  const run = await cli(...argv);
  if (run.code !== 0) throw new Error(`exit ${run.code}: ${run.stderr}`);
  return run.stdout;
}

describe('subledger report with several names', () => {
  it('prints a JSON array of the reports in the order named, each as printed alone', async () => {
    const names = ['aging', 'open-items', 'balances', 'turnaround'];
    const together = await stdoutOf('report', names.join(','), ...INPUT, ...AS_OF, '--format', 'json');
    const alone = await Promise.all(names.map(async (name) => JSON.parse(await stdoutOf('report', name, ...INPUT, ...AS_OF, '--format', 'json')) as unknown));
    const parsed = JSON.parse(together) as { report: string }[];
    expect(parsed.map((r) => r.report)).toEqual(names);
    expect(parsed).toEqual(alone);
    // Laid out as JSON.stringify lays out the array, two spaces per level.
    expect(together).toBe(`${JSON.stringify(alone, null, 2)}\n`);
  });

  it('narrows every report by --side and --party alike', async () => {
    const parsed = JSON.parse(await stdoutOf('report', 'open-items,aging', ...INPUT, ...AS_OF, '--party', 'D1', '--format', 'json')) as { rows: { partyId: string }[] }[];
    expect(parsed).toHaveLength(2);
    for (const report of parsed) expect(new Set(report.rows.map((r) => r.partyId))).toEqual(new Set(['D1']));
  });

  it('prints tables one after another, each under its name', async () => {
    const text = await stdoutOf('report', 'aging,balances', ...INPUT, ...AS_OF, '--format', 'table');
    const aging = await stdoutOf('report', 'aging', ...INPUT, ...AS_OF, '--format', 'table');
    const balances = await stdoutOf('report', 'balances', ...INPUT, ...AS_OF, '--format', 'table');
    expect(text).toBe(`aging\n\n${aging}\nbalances\n\n${balances}`);
  });

  it('refuses a name given twice, an unknown name and CSV of several reports, reading nothing', async () => {
    const twice = await cli('report', 'aging,aging', '--input', '/nonexistent.csv');
    expect(twice.code).toBe(2);
    expect(twice.stderr).toContain('aging is named twice');
    const unknown = await cli('report', 'aging,agin', '--input', '/nonexistent.csv');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('"agin" is not one of');
    const csv = await cli('report', 'aging,balances', '--input', '/nonexistent.csv', '--format', 'csv');
    expect(csv.code).toBe(2);
    expect(csv.stderr).toContain('one report at a time');
  });
});

describe('JSON written a piece at a time', () => {
  const output = (json: Record<string, unknown>): ReportOutput => ({ json, columns: [], rows: [] });
  const written = (write: (out: JsonBytes) => void): { text: string; pieces: number } => {
    const pieces: string[] = [];
    const out = new JsonBytes(textOut((t) => pieces.push(t)));
    write(out);
    out.end();
    return { text: pieces.join(''), pieces: pieces.length };
  };
  const rows = Array.from({ length: 5000 }, (_, i) => ({ id: `r${i}`, nested: { list: [i, -i, 'a\nb'], empty: [], none: null } }));
  // Rows of plain cells (written field by field) with what JSON escapes or leaves out.
  const cells = [
    { text: 'Peeters "BV"\n\t\u0001 \u2028 é 😀 \\', money: new Money(-1234, 'EUR'), yen: new Money(5, 'JPY'), zero: -0, big: 1e21, small: 1.5e-7, yes: true, no: false, none: null, gone: undefined },
    { lone: 'x\ud83dy \udc00', del: '\u007f', plain: 'INV-1 Peeters' },
    { nan: NaN, inf: -Infinity },
    { gone: undefined },
    { 2: 'two', b: 'b', 1: 'one', 'with "quote"': 0 },
    {},
    { only: new Money(10, 'EUR'), nested: [] },
  ];

  it('is the text of JSON.stringify with two spaces, rows before and after other fields, lazy or not', () => {
    for (const json of [
      { report: 'x', rows, totals: { a: 1 } },
      { report: 'x', rows: new LazyRows(rows.length, (i) => rows[i]) },
      { report: 'x', rows: [] },
      { report: 'x', rows: cells, after: 1 },
      { report: 'x', rows: new LazyRows(cells.length, (i) => cells[i]) },
      { report: 'x', asOf: '2025-01-01' },
    ]) {
      const plain = JSON.stringify(json, null, 2);
      expect(written((w) => writeJsonDocument(output(json), w)).text).toBe(plain);
      expect(written((w) => writeJsonDocuments([output(json), output(json)], w)).text).toBe(`${JSON.stringify([json, json], null, 2)}\n`);
    }
  });

  it('writes every report of a random ledger as JSON.stringify prints its document', () => {
    fc.assert(fc.property(ledgerArb, asOfArb, periodArb, bucketsArb, (ledger, asOf, period, buckets) => {
      const base = ledger.baseCurrency;
      const outputs = [
        openItemsOutput(OpenItemList.of(ledger, asOf, { buckets }), asOf, bucketLabels('due', buckets), base),
        agingOutput(agingReport(ledger, { asOf, buckets }), base),
        balancesOutput(balanceList(ledger, asOf), asOf, base),
        turnaroundOutput(turnaround(ledger, period), base),
        mutationsOutput(mutations(ledger, period), period, base),
      ];
      for (const o of outputs) expect(written((w) => writeJsonDocument(o, w)).text).toBe(JSON.stringify(o.json, null, 2));
      expect(written((w) => writeJsonDocuments(outputs, w)).text).toBe(`${JSON.stringify(outputs.map((o) => o.json), null, 2)}\n`);
    }), { numRuns: 150 });
  });

  it('hands on many rows in several pieces, not as one text', () => {
    expect(written((w) => writeJsonDocument(output({ rows }), w)).pieces).toBeGreaterThan(3);
  });
});
