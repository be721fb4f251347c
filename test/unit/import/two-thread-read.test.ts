// A big canonical CSV read on two threads (core/ledger.ts readRowsInParts, the CLI's worker in
// cli/part-reader.ts) must give what one thread gives: the same issues in the same order (errors
// and warnings of every block, the "… and N more" counts, the first rounded amount), the same
// report, the same index column for column and the same entries. The rows are read in blocks of
// a few lines, the part reader's blocks here by readTextPart, its input and answer passed through
// structuredClone as a worker's are, the blocks it takes chosen so that the two threads' blocks
// interleave (or it takes them all), with the split forced at a few rows so that the blocks hold
// every kind of row. The allocation too: blocks of the rows allocated by the part reader
// (ledger-index.ts allocatePart) while the first thread allocates the others, or all by the
// first thread when the reader does not.
import { describe, expect, it } from 'vitest';
import { agingReport } from '../../../src/core/aging';
import { parseIsoDate } from '../../../src/core/date';
import type { PartReader, RowsRead } from '../../../src/core/ledger';
import { allocatePart, docLookupOf, docNoOf, findDoc, KIND_SETTLING, ledgerIndex, TYPE_INVOICE, type AllocationPart, type DocLookupBuilt, type DocLookupPart, type LedgerIndex } from '../../../src/core/ledger-index';
import type { ImportResult, LinesFound, TextLines, TextPart } from '../../../src/core/types';
import type { RowColumns } from '../../../src/core/ledger-index';
import { findTextLines, readTextPart } from '../../../src/import/canonical-stream';
import { importFile } from '../../../src/import/index';

const HEADER = 'ledger,party_id,party_name,entry_type,doc_no,entry_date,due_date,amount,currency,amount_base,settles';
const ROWS = 3000;

/**
 * A ledger of ROWS rows whose halves differ: parties, a currency (JPY, the second half's first) and names that appear only
 * in the second half; settles naming nothing in both (more than the 200 listed); blank and empty
 * lines; with `errors`, a bad date in the first half, a bad amount and a doc_no of the first half
 * again in the second. `roundedFirst`: a rounded amount in the first half too (else only in the second).
 */
function ledgerText(errors: boolean, roundedFirst: boolean, breaks: (n: number) => string = () => '\r\n', size = ROWS): string {
  const lines = [HEADER];
  const half = ROWS / 2;
  for (let n = 0; n < size; n++) {
    const second = n >= half;
    const side = n % 3 === 0 ? 'AP' : 'AR';
    const party = `${side === 'AR' ? 'D' : 'C'}${second && n % 5 === 0 ? 500 + (n % 11) : n % 37}`;
    const day = 1 + (n % 28);
    const month = 1 + (n % 12);
    const date = `2024-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    const name = n % 7 === 0 ? `Name ${party} ${second ? 'late' : 'early'} ${n % 4}` : '';
    const currency = second && (n % 13 === 0 || n === half) ? 'JPY' : n % 10 === 0 ? 'USD' : 'EUR';
    const base = currency === 'EUR' ? '' : currency === 'JPY' ? '6.21' : '91.10';
    const amount = currency === 'JPY' ? '1000' : (n === 2500 || (roundedFirst && n === 700)) ? '12.345' : `${100 + (n % 50)}.25`;
    const kind = n % 4;
    if (kind === 0) lines.push(`${side},${party},${name},invoice,F${n},${date},${date},${amount},${currency},${base},`);
    else if (kind === 1) lines.push(`${side},${party},${name},payment,P${n},${date},,-${amount},${currency},${base ? `-${base}` : ''},F${n - 1}`);
    else if (kind === 2) lines.push(`${side},${party},,payment,P${n},${date},,-5,EUR,,X${n}`);
    else lines.push(`${side},${party},${name},credit_note,K${n},${date},,-3.50,EUR,,`);
    if (n % 401 === 0) lines.push('');
    if (n % 577 === 0) lines.push(',,,,,,,,,,');
  }
  if (errors) {
    lines[300] = 'AR,D1,,invoice,E300,2024-02-30,,10,EUR,,';
    lines[2700] = 'AR,D2,,invoice,E2700,2024-02-03,,ten,EUR,,';
    lines[2800] = 'AR,D4,,invoice,F4,2024-02-03,,10,EUR,,';
  }
  return lines.map((line, n) => `${line}${breaks(n)}`).join('');
}

/** The file's bytes on a SharedArrayBuffer, as the CLI reads a big input. */
function sharedFile(text: string): { name: string; bytes: Uint8Array } {
  const plain = new TextEncoder().encode(text);
  const bytes = new Uint8Array(new SharedArrayBuffer(plain.length));
  bytes.set(plain);
  return { name: 'big.csv', bytes };
}

interface Helper {
  lookup: (part: DocLookupPart) => DocLookupBuilt | null;
  allocate: (part: AllocationPart) => boolean;
}

/** Lines per block the part readers here ask for: some 35 blocks of the ledgers below. */
const BLOCK_LINES = 97;

/**
 * Which blocks the part readers here take, of `count`: as it starts, before the first thread
 * takes any; every third one from the second on and the last (the rest are the first thread's).
 */
type Takes = (count: number) => number[];
const everyThird: Takes = (count) => Array.from({ length: count }, (_, b) => b).filter((b) => b % 3 === 1 || b === count - 1);

/** Every column of `into` filled with rubbish in the rows of the blocks `blocks` of `part`. */
function scribble(part: TextPart, into: RowColumns, blocks: number[]): void {
  for (const b of blocks) {
    const [from, to] = [part.rooms[b] as number, part.rooms[b + 1] ?? into.index.party.length];
    for (const columns of [into.index, into.texts, into.lines ?? {}]) for (const column of Object.values<Int32Array>(columns)) column.fill(7, from, to);
  }
}

/**
 * Passes the lines and reads the blocks it takes here, as the worker would (its input and answer
 * cloned): the blocks `takes` chooses, taken as it starts and read once the first thread has read
 * the others (all those not taken, at once, without `takes`). `parts` records what it was given;
 * `reads` what it answered; `answer` false: it answers nothing (no lines, no rows: its blocks
 * taken and filled with rubbish). `helper`: what it does with the index's work it is given (the
 * part cloned, the answer too): the document lookup it gives back, and whether it says the rows
 * it was given are allocated (absent: it is not asked).
 */
function readerHere(parts: TextPart[], answer = true, passes: TextLines[] = [], helper?: Helper, takes: Takes | null = everyThird, reads: RowsRead[] = []): PartReader {
  return {
    ...(helper
      ? {
          lookup: (part: DocLookupPart) => { const built = structuredClone(helper.lookup(structuredClone(part))); return () => built; },
          allocate: (part: AllocationPart) => { const done = helper.allocate(structuredClone(part)); return () => done; },
        }
      : {}),
    minRows: 10,
    blockLines: BLOCK_LINES,
    findLines(lines) {
      passes.push(lines);
      const found: LinesFound | null = answer ? structuredClone(findTextLines(structuredClone(lines))) : null;
      return () => found;
    },
    start(part, baseCurrency, into) {
      parts.push(part);
      const read = (blocks?: number[]) => {
        const rows = readTextPart(structuredClone(part), baseCurrency, structuredClone(into), blocks);
        reads.push(rows);
        return structuredClone(rows);
      };
      if (takes === null) {
        const all = answer ? read() : null;
        return () => all;
      }
      const taken = takes(part.rooms.length).sort((a, b) => a - b).filter((b) => Atomics.compareExchange(part.taken, b, 0, 1) === 0);
      return () => {
        if (answer) return read(taken);
        scribble(part, into, taken);
        return null;
      };
    },
  };
}

const COLUMNS = ['party', 'type', 'kind', 'hasSettles', 'target', 'entryDate', 'docDate', 'dueDate', 'amount', 'amountBase', 'isBase', 'currency', 'docStart', 'docEnd'] as const;

function expectSameIndex(two: LedgerIndex, one: LedgerIndex): void {
  expect(two.size).toBe(one.size);
  for (const column of COLUMNS) expect(Array.from(two[column]), column).toEqual(Array.from(one[column]));
  expect(two.currencyCodes).toEqual(one.currencyCodes);
  expect(two.parties).toEqual(one.parties);
}

async function bothReads(text: string, answer = true, helper?: Helper, takes: Takes | null = everyThird): Promise<{ one: ImportResult; two: ImportResult; parts: TextPart[]; passes: TextLines[]; reads: RowsRead[] }> {
  const one = await importFile({ name: 'big.csv', bytes: new TextEncoder().encode(text) });
  const parts: TextPart[] = [];
  const passes: TextLines[] = [];
  const reads: RowsRead[] = [];
  const two = await importFile(sharedFile(text), { partReader: readerHere(parts, answer, passes, helper, takes, reads) });
  return { one, two, parts, passes, reads };
}

describe('a canonical CSV read on two threads', () => {
  it('gives the ledger, index, issues and report of one thread', async () => {
    const { one, two, parts, passes, reads } = await bothReads(ledgerText(false, false));
    // Split once: the second half's lines passed, a third of the blocks read by the part reader.
    expect(passes).toHaveLength(1);
    expect(parts).toHaveLength(1);
    expect(parts[0]?.firstLine).toBe(2);
    expect(parts[0]?.rooms.length).toBe(Math.ceil((parts[0]?.ends.length ?? 0) / BLOCK_LINES));
    expect(reads.map((r) => r.blocks.map((b) => b.block))).toEqual([everyThird(parts[0]?.rooms.length ?? 0)]);
    expect(one.ledger).not.toBeNull();
    const warnings = one.issues.map((i) => i.code);
    expect(warnings).toContain('rounded-amount');
    expect(one.issues.at(-1)?.params).toEqual({ more: expect.any(Number) as number });
    expect(two.issues).toEqual(one.issues);
    expect(two.report).toEqual(one.report);
    const [x1, x2] = [ledgerIndex(one.ledger!), ledgerIndex(two.ledger!)];
    expectSameIndex(x2, x1);
    expect(x1.currencyCodes).toContain('JPY');
    const asOf = parseIsoDate('2024-12-31')!;
    expect(agingReport(two.ledger!, { asOf })).toEqual(agingReport(one.ledger!, { asOf }));
    expect(two.ledger!.entries).toEqual(one.ledger!.entries);
  });

  it('counts the rounded amounts of both halves and names the first', async () => {
    const { one, two } = await bothReads(ledgerText(false, true));
    const rounded = one.issues.find((i) => i.code === 'rounded-amount');
    expect(rounded?.params?.count).toBe(2);
    expect(two.issues).toEqual(one.issues);
  });

  it('gives the errors of both halves, in order, and no ledger', async () => {
    const { one, two, parts } = await bothReads(ledgerText(true, false));
    expect(parts).toHaveLength(1);
    const errors = one.issues.filter((i) => i.severity === 'error').map((i) => `${i.code} ${i.line ?? ''}`);
    expect(errors).toEqual(['bad-date 301', 'bad-amount 2701', 'duplicate-doc 2801']);
    expect(two.ledger).toBeNull();
    expect(two.issues).toEqual(one.issues);
    expect(two.report).toEqual(one.report);
  });

  it('reads the blocks the part reader took itself when it gives nothing back (after writing rubbish in their rows)', async () => {
    const { one, two, parts } = await bothReads(ledgerText(false, true), false);
    expect(parts).toHaveLength(1);
    expect(two.issues).toEqual(one.issues);
    expect(two.report).toEqual(one.report);
    expectSameIndex(ledgerIndex(two.ledger!), ledgerIndex(one.ledger!));
    expect(two.ledger!.entries).toEqual(one.ledger!.entries);
  });

  it('reads all the blocks itself when the part reader gives nothing back and took none', async () => {
    const { one, two, parts } = await bothReads(ledgerText(false, true), false, undefined, () => []);
    expect(parts).toHaveLength(1);
    expect(two.issues).toEqual(one.issues);
    expectSameIndex(ledgerIndex(two.ledger!), ledgerIndex(one.ledger!));
  });

  it('gives the ledger of one thread when the part reader takes every block as it starts', async () => {
    const { one, two, parts, reads } = await bothReads(ledgerText(true, true), true, undefined, null);
    expect(reads.map((r) => r.blocks.length)).toEqual([parts[0]?.rooms.length]);
    expect(two.issues).toEqual(one.issues);
    expect(two.report).toEqual(one.report);
  });

  it('splits the lines at a line start whatever the line breaks and where the middle falls', async () => {
    const mixes: ((n: number) => string)[] = [() => '\n', () => '\r', (n) => ['\r\n', '\n', '\r'][n % 3] ?? '', (n) => (n % 2 === 0 ? '\r\n' : '\r')];
    /** Where the middle of the text falls: between CR and LF, after LF, after a lone CR, within a line. */
    const places: ((before: string, at: string) => boolean)[] = [
      (before, at) => before === '\r' && at === '\n',
      (before) => before === '\n',
      (before, at) => before === '\r' && at !== '\n',
      (before, at) => !'\r\n'.includes(before) && !'\r\n'.includes(at),
    ];
    let tried = 0;
    for (const breaks of mixes) {
      const text = ledgerText(false, false, breaks);
      for (const place of places) {
        // A line of blanks above the header (the table skips it) moves the middle.
        const padded = Array.from({ length: 400 }, (_, k) => `${' '.repeat(k)}\n${text}`).find((t) => place(t[(t.length >> 1) - 1] ?? '', t[t.length >> 1] ?? ''));
        if (padded === undefined) continue;
        tried++;
        const { one, two, parts } = await bothReads(padded);
        expect(parts).toHaveLength(1);
        expect(two.issues).toEqual(one.issues);
        expect(two.report).toEqual(one.report);
        expectSameIndex(ledgerIndex(two.ledger!), ledgerIndex(one.ledger!));
        expect(two.ledger!.entries).toEqual(one.ledger!.entries);
      }
    }
    // Each place in each text where it can be: two in the LF and the CR files, four in the mixed ones.
    expect(tried).toBe(12);
  });

  it('leaves to the table a text whose second half has a line wider than the header', async () => {
    const lines = ledgerText(false, false).split('\r\n');
    lines[2900] = `${lines[2900] ?? ''},extra`;
    const { one, two, parts } = await bothReads(lines.join('\r\n'));
    expect(parts).toHaveLength(0);
    expect(one.issues.some((i) => i.severity === 'error')).toBe(true);
    expect(two.issues).toEqual(one.issues);
  });

  it('leaves to the table a text whose second half alone has a quoted cell', async () => {
    const lines = ledgerText(false, false).split('\r\n');
    const cells = (lines[2900] ?? '').split(',');
    cells[1] = `"${cells[1] ?? ''}"`;
    lines[2900] = cells.join(',');
    const { one, two, parts, passes } = await bothReads(lines.join('\r\n'));
    expect(passes).toHaveLength(1);
    expect(parts).toHaveLength(0);
    expect(two.issues).toEqual(one.issues);
    expect(two.ledger!.entries).toEqual(one.ledger!.entries);
  });

  it('reads on one thread a text that cannot be shared', async () => {
    const parts: TextPart[] = [];
    const text = ledgerText(false, false);
    const result = await importFile({ name: 'big.csv', bytes: new TextEncoder().encode(text) }, { partReader: readerHere(parts) });
    expect(parts).toHaveLength(0);
    expect(result.ledger?.entries.length).toBeGreaterThan(ROWS / 2);
  });
});

/**
 * ledgerText with issues in many blocks: with `errors`, a bad amount in every eleventh row (more
 * than the 200 listed); rounded amounts from row 400 on (the first in the fifth block, one the
 * part readers here take).
 */
function issuesText(errors: boolean): string {
  const lines = ledgerText(false, false).split('\r\n');
  let n = 0;
  return lines
    .map((line, k) => {
      if (k === 0 || line === '' || line.startsWith(',')) return line;
      const cells = line.split(',');
      if (errors && n % 11 === 4) cells[7] = 'ten';
      else if (n >= 400 && n % 17 === 0 && cells[8] !== 'JPY') cells[7] = '12.345';
      n++;
      return cells.join(',');
    })
    .join('\r\n');
}

/** How the blocks can fall to the part reader: its blocks among the first thread's, first, last, none. */
const TAKES: [string, Takes][] = [
  ['every third', everyThird],
  ['a few here and there', (count) => [1, 2, 3, 8, 13, 14, count - 2]],
  ['the first half', (count) => Array.from({ length: count >> 1 }, (_, b) => b)],
  ['the last half', (count) => Array.from({ length: count >> 1 }, (_, b) => count - 1 - b)],
  ['the last only', (count) => [count - 1]],
  ['none', () => []],
];

describe('the rows read in blocks by two threads', () => {
  for (const [name, takes] of TAKES) {
    it(`give the index, issues and entries of one thread when the part reader takes ${name}`, async () => {
      const { one, two, parts, reads } = await bothReads(issuesText(false), true, undefined, takes);
      const count = parts[0]?.rooms.length ?? 0;
      expect(count).toBeGreaterThan(30);
      // Every block read once: the part reader's by it, the others here.
      expect(reads.map((r) => r.blocks.map((b) => b.block))).toEqual([takes(count).sort((a, b) => a - b)]);
      const rounded = one.issues.find((i) => i.code === 'rounded-amount');
      expect(rounded?.line).toBeGreaterThan(4 * BLOCK_LINES);
      expect(rounded?.line).toBeLessThan(5 * BLOCK_LINES);
      expect(two.issues).toEqual(one.issues);
      expect(two.report).toEqual(one.report);
      expectSameIndex(ledgerIndex(two.ledger!), ledgerIndex(one.ledger!));
      expect(two.ledger!.entries).toEqual(one.ledger!.entries);
    });

    it(`give the issues of one thread, in line order, when the part reader takes ${name} and rows have errors`, async () => {
      const { one, two } = await bothReads(issuesText(true), true, undefined, takes);
      const bad = one.issues.filter((i) => i.code === 'bad-amount' && i.line !== undefined);
      // The first 200 listed, the rest counted: those of the first blocks.
      expect(bad).toHaveLength(200);
      expect(bad.at(-1)?.line).toBeLessThan(ROWS);
      expect(one.issues.at(-1)?.params).toEqual({ more: expect.any(Number) as number });
      expect(two.ledger).toBeNull();
      expect(two.issues).toEqual(one.issues);
      expect(two.report).toEqual(one.report);
    });
  }
});

/**
 * A ledger of ROWS rows in groups of five of one party: an invoice (USD in every fourth group), a
 * payment settling the invoice of a group 280 further on (of the same party, in the other half
 * for most), a credit note settling its group's invoice (in another currency in every fourth), a
 * payment settling that credit note (no item: loose) or naming nothing, a credit note without
 * settles; `duplicate`: the last row's doc_no that of a row of its party in the first half.
 */
function allocationText(duplicate = false): string {
  const lines = [HEADER];
  const groups = ROWS / 5;
  for (let g = 0; g < groups; g++) {
    const party = `D${g % 40}`;
    const date = `2024-${String(1 + (g % 12)).padStart(2, '0')}-${String(1 + (g % 28)).padStart(2, '0')}`;
    const usd = g % 4 === 0;
    lines.push(`AR,${party},,invoice,F${5 * g},${date},${date},${100 + g}.50,${usd ? 'USD' : 'EUR'},${usd ? `${90 + g}.10` : ''},`);
    lines.push(`AR,${party},,payment,P${5 * g + 1},${date},,-${10 + g}.25,EUR,,F${5 * ((g + 280) % groups)}`);
    lines.push(`AR,${party},,credit_note,K${5 * g + 2},${date},,-3.50,EUR,,F${5 * g}`);
    lines.push(`AR,${party},,payment,P${5 * g + 3},${date},,-1.00,EUR,,${g % 3 === 0 ? `X${g}` : `K${5 * g + 2}`}`);
    lines.push(`AR,${party},,credit_note,K${5 * (duplicate && g === groups - 1 ? g - 320 : g) + 4},${date},,-2.00,EUR,,`);
  }
  return lines.join('\n');
}

/** The worker's index work, done here (the allocation asked recorded). */
function helperHere(asked: AllocationPart[] = [], lookups: DocLookupPart[] = []): Helper {
  return {
    lookup: (part) => {
      lookups.push(part);
      return docLookupOf(part);
    },
    allocate: (part) => {
      asked.push(part);
      allocatePart(part);
      return true;
    },
  };
}

describe('the document lookup and the allocation on two threads', () => {
  it('give the index, issues and reports of one thread: the lookup and the second half of the rows by the part reader', async () => {
    const asked: AllocationPart[] = [];
    const lookups: DocLookupPart[] = [];
    const { one, two } = await bothReads(allocationText(), true, helperHere(asked, lookups));
    expect(lookups.map((part) => part.size)).toEqual([ROWS]);
    // Three blocks, all taken by the part reader (it takes them as it is asked, before this thread).
    expect(asked.map(({ size, blockRows }) => [size, blockRows])).toEqual([[ROWS, 1024]]);
    const [x1, x2] = [ledgerIndex(one.ledger!), ledgerIndex(two.ledger!)];
    expectSameIndex(x2, x1);
    // Both halves settle items of the other half.
    const settling = Array.from(x1.kind.keys()).filter((i) => x1.kind[i] === KIND_SETTLING);
    expect(settling.some((i) => i < ROWS / 2 && (x1.target[i] as number) >= ROWS / 2)).toBe(true);
    expect(settling.some((i) => i >= ROWS / 2 && (x1.target[i] as number) < ROWS / 2)).toBe(true);
    expect(new Set(one.issues.map((i) => i.code))).toEqual(new Set(['unknown-settles', 'settles-other-currency']));
    expect(two.issues).toEqual(one.issues);
    expect(two.report).toEqual(one.report);
    const asOf = parseIsoDate('2024-12-31')!;
    expect(agingReport(two.ledger!, { asOf })).toEqual(agingReport(one.ledger!, { asOf }));
    // Documents found by party and doc_no as on one thread (the parties numbered again since the lookup was built).
    for (const i of [0, 5, ROWS / 2, ROWS - 5, ROWS - 1]) expect(findDoc(x2, x2.party[i] as number, docNoOf(x2, i))).toBe(findDoc(x1, x1.party[i] as number, docNoOf(x1, i)));
  });

  it('allocates the other blocks itself when the part reader takes one', async () => {
    const taken: number[] = [];
    const { one, two } = await bothReads(allocationText(), true, {
      lookup: docLookupOf,
      allocate: (part) => {
        // The first block, on a counter of its own: the others are this thread's.
        const b = Atomics.add(part.next, 0, 1);
        taken.push(allocatePart({ ...part, next: new Int32Array([b]), size: Math.min(part.size, (b + 1) * part.blockRows) }));
        return true;
      },
    });
    expect(taken).toEqual([1024]);
    expect(two.issues).toEqual(one.issues);
    expectSameIndex(ledgerIndex(two.ledger!), ledgerIndex(one.ledger!));
  });

  it('allocates the rows itself when the part reader says it did not (after writing rubbish in the block it took)', async () => {
    let asked = 0;
    const { one, two } = await bothReads(allocationText(), true, {
      lookup: docLookupOf,
      allocate: (part) => {
        asked++;
        const { type, hasSettles, kind, target } = part.columns;
        const from = Atomics.add(part.next, 0, 1) * part.blockRows;
        for (let i = from; i < from + part.blockRows; i++) {
          if (hasSettles[i] === 0 || type[i] === TYPE_INVOICE) continue;
          kind[i] = KIND_SETTLING;
          target[i] = 0;
        }
        return false;
      },
    });
    expect(asked).toBe(1);
    expect(two.issues).toEqual(one.issues);
    expectSameIndex(ledgerIndex(two.ledger!), ledgerIndex(one.ledger!));
  });

  it('builds the lookup itself when the part reader gives none', async () => {
    const asked: AllocationPart[] = [];
    const { one, two } = await bothReads(allocationText(), true, { ...helperHere(asked), lookup: () => null });
    expect(asked).toHaveLength(1);
    expect(two.issues).toEqual(one.issues);
    expectSameIndex(ledgerIndex(two.ledger!), ledgerIndex(one.ledger!));
  });

  it('gives the duplicates of one thread, and no ledger', async () => {
    const { one, two } = await bothReads(allocationText(true), true, helperHere());
    expect(one.issues.filter((i) => i.severity === 'error').map((i) => `${i.code} ${i.line ?? ''}`)).toEqual([`duplicate-doc ${ROWS + 1}`]);
    expect(two.ledger).toBeNull();
    expect(two.issues).toEqual(one.issues);
  });
});
