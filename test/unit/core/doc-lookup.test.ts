// The document lookup (core/doc-lookup.ts): lookups made several at once (lookupDocsAt, the
// allocation's) answer as one at a time (lookupDocAt): found, absent, another party's, duplicates,
// a table renumbered since it was built, batches full and not.
import { describe, expect, it } from 'vitest';
import { buildDocLookup, lookupDocAt, lookupDocsAt, LOOKUP_BATCH } from '../../../src/core/doc-lookup';

/** 3000 doc_nos of 40 parties joined in one text, some repeated (duplicates), and their places. */
function documents(): { text: string; party: Int32Array; start: Int32Array; end: Int32Array } {
  const n = 3000;
  const party = new Int32Array(n);
  const start = new Int32Array(n);
  const end = new Int32Array(n);
  let text = '';
  for (let i = 0; i < n; i++) {
    party[i] = i % 40;
    start[i] = text.length;
    text += i % 97 === 0 ? `F${i - 40}` : `F${i}`;
    end[i] = text.length;
  }
  return { text, party, start, end };
}

describe('lookupDocsAt', () => {
  it('answers as lookupDocAt, a batch at a time', () => {
    const { text, party, start, end } = documents();
    const table = buildDocLookup(text, party.length, party, start, end, (i) => i % 5 !== 4);
    expect(table.duplicates.length).toBeGreaterThan(0);
    // Queries: every document by its own party, by the next party, and doc_nos absent (of 1 to 2 characters).
    const queries: [number, number, number][] = [];
    for (let i = 0; i < party.length; i++) queries.push([party[i] as number, start[i] as number, end[i] as number], [((party[i] as number) + 1) % 40, start[i] as number, end[i] as number], [i % 40, i % 50, (i % 50) + 1 + (i % 2)]);
    for (const ids of [null, Int32Array.from({ length: 40 }, (_, p) => 39 - p)]) {
      table.ids = ids;
      for (const n of [LOOKUP_BATCH, 7, 1]) {
        const ps = new Int32Array(LOOKUP_BATCH);
        const starts = new Int32Array(LOOKUP_BATCH);
        const ends = new Int32Array(LOOKUP_BATCH);
        const found = new Int32Array(LOOKUP_BATCH);
        for (let q = 0; q < queries.length; q += n) {
          const batch = queries.slice(q, q + n);
          batch.forEach(([p, s, e], k) => ((ps[k] = p), (starts[k] = s), (ends[k] = e)));
          lookupDocsAt(table, ps, text, starts, ends, batch.length, found);
          expect(Array.from(found.subarray(0, batch.length))).toEqual(batch.map(([p, s, e]) => lookupDocAt(table, p, text, s, e)));
        }
      }
    }
    table.ids = null;
    expect(lookupDocAt(table, 1, text, start[1] as number, end[1] as number)).toBe(1);
  });
});
