// A big canonical CSV read on two threads (core/ledger.ts readRowsInParts, the CLI's worker in
// cli/part-reader.ts) must give what one thread gives: the same issues in the same order (errors
// and warnings of both halves, the "… and N more" counts, the first rounded amount), the same
// report, the same index column for column and the same entries. The second half is read here by
// readTextPart, its input and answer passed through structuredClone as a worker's are, with the
// split forced at a few rows so that both halves hold every kind of row. The allocation too: the
// second half of the rows allocated by the part reader (ledger-index.ts allocatePart) while the
// first thread allocates the first, or by the first thread when the reader does not.
import { describe, expect, it } from 'vitest';
import { agingReport } from '../../../src/core/aging';
import { parseIsoDate } from '../../../src/core/date';
import type { PartReader, RowsRead } from '../../../src/core/ledger';
import { allocatePart, docLookupOf, docNoOf, findDoc, KIND_SETTLING, ledgerIndex, TYPE_INVOICE, type AllocationPart, type DocLookupBuilt, type DocLookupPart, type LedgerIndex } from '../../../src/core/ledger-index';
import type { ImportResult, LinesFound, TextLines, TextPart } from '../../../src/core/types';
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

/**
 * Passes the lines and reads the part here, as the worker would (its input and answer cloned);
 * `parts` records what it was given; `answer` false: it answers nothing (no lines, no rows).
 * `helper`: what it does with the index's work it is given (the part cloned, the answer too):
 * the document lookup it gives back, and whether it says the rows it was given are allocated
 * (absent: it is not asked).
 */
function readerHere(parts: TextPart[], answer = true, passes: TextLines[] = [], helper?: Helper): PartReader {
  return {
    ...(helper
      ? {
          lookup: (part: DocLookupPart) => { const built = structuredClone(helper.lookup(structuredClone(part))); return () => built; },
          allocate: (part: AllocationPart) => { const done = helper.allocate(structuredClone(part)); return () => done; },
        }
      : {}),
    minRows: 10,
    findLines(lines) {
      passes.push(lines);
      const found: LinesFound | null = answer ? structuredClone(findTextLines(structuredClone(lines))) : null;
      return () => found;
    },
    start(part, baseCurrency, into) {
      parts.push(part);
      const read: RowsRead | null = answer ? structuredClone(readTextPart(structuredClone(part), baseCurrency, structuredClone(into))) : null;
      return () => read;
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

async function bothReads(text: string, answer = true, helper?: Helper): Promise<{ one: ImportResult; two: ImportResult; parts: TextPart[]; passes: TextLines[] }> {
  const one = await importFile({ name: 'big.csv', bytes: new TextEncoder().encode(text) });
  const parts: TextPart[] = [];
  const passes: TextLines[] = [];
  const two = await importFile(sharedFile(text), { partReader: readerHere(parts, answer, passes, helper) });
  return { one, two, parts, passes };
}

describe('a canonical CSV read on two threads', () => {
  it('gives the ledger, index, issues and report of one thread', async () => {
    const { one, two, parts, passes } = await bothReads(ledgerText(false, false));
    // Split once, near the middle: the second half's lines passed and its rows read by the part reader.
    expect(passes).toHaveLength(1);
    expect(parts).toHaveLength(1);
    expect(parts[0]?.firstLine).toBeGreaterThan(ROWS / 3);
    expect(parts[0]?.firstLine).toBeLessThan(ROWS);
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

  it('reads the second half itself when the part reader gives nothing back', async () => {
    const { one, two, parts } = await bothReads(ledgerText(false, false), false);
    expect(parts).toHaveLength(1);
    expect(two.issues).toEqual(one.issues);
    expectSameIndex(ledgerIndex(two.ledger!), ledgerIndex(one.ledger!));
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
    expect(asked.map(({ from, to }) => [from, to])).toEqual([[ROWS / 2, ROWS]]);
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

  it('allocates the rows itself when the part reader says it did not (after writing rubbish in some)', async () => {
    let asked = 0;
    const { one, two } = await bothReads(allocationText(), true, {
      lookup: docLookupOf,
      allocate: (part) => {
        asked++;
        const { type, hasSettles, kind, target } = part.columns;
        allocatePart({ ...part, to: part.from + 100 });
        for (let i = part.from + 100; i < part.to; i++) {
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
