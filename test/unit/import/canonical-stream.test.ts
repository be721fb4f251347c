// The canonical CSV read line by line (import/canonical-stream.ts) must read exactly what the
// table path reads: the same entries, issues, report and line numbers, for every line ending,
// blank line and encoding; and it must step aside for anything the table path has to judge.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { balanceList } from '../../../src/core/balances';
import { ledgerIndex } from '../../../src/core/ledger-index';
import type { CanonicalRecord, Entry, ImportResult, Ledger } from '../../../src/core/types';
import { asOfArb, recordsArb } from '../core/arbitraries';
import { specBalance } from '../core/spec-oracle';
import { parseIsoDate } from '../../../src/core/date';
import { canonicalCsvStream } from '../../../src/import/canonical-stream';
import { decodeCsvBytes } from '../../../src/import/csv-table';
import { importFile } from '../../../src/import/index';
import { failed, ImportAbort } from '../../../src/import/issues';
import { glTransactionList, importGlTransactions } from '../../../src/import/gl/transactions';
import { csvTabular, importTableSource } from '../../../src/import/tabular/tabular';
import { textFile } from './helpers';

/** The import through the table path alone (what every CSV took before the stream existed). */
async function throughTable(name: string, bytes: Uint8Array): Promise<ImportResult> {
  try {
    const tabular = csvTabular(name, decodeCsvBytes(name, bytes));
    const gl = glTransactionList(tabular.table, {});
    if (gl) return importGlTransactions(tabular.table, gl, {});
    return await importTableSource(tabular.table, tabular.format, tabular.issues, {});
  } catch (error) {
    if (error instanceof ImportAbort) return failed([error.issue]);
    throw error;
  }
}

/** True when the stream reads the file, false when it leaves it to the table, 'abort' when it refuses it. */
function streamed(name: string, bytes: Uint8Array): boolean | 'abort' {
  try {
    return canonicalCsvStream(name, decodeCsvBytes(name, bytes)) !== null;
  } catch (error) {
    if (error instanceof ImportAbort) return 'abort';
    throw error;
  }
}

/** Both paths give the same result, and the stream was the one importFile took (or not). */
async function expectSame(text: string | Uint8Array, takesStream: boolean | 'abort'): Promise<ImportResult> {
  const file = typeof text === 'string' ? textFile('l.csv', text) : { name: 'l.csv', bytes: text };
  expect(streamed(file.name, file.bytes)).toBe(takesStream);
  const result = await importFile(file);
  expect(result).toEqual(await throughTable(file.name, file.bytes));
  return result;
}

const HEADER = 'ledger,party_id,party_name,entry_type,doc_no,entry_date,due_date,amount,currency,amount_base,settles';

describe('the canonical CSV read line by line', () => {
  it('reads CR LF, CR and LF files and names the physical line of an error after blank lines', async () => {
    const body = [HEADER, '', 'AR,C1,,invoice,F1,2024-01-05,2024-02-04,121.00,,,', '   ', 'AR,C1,Cees,payment,B1,2024-01-20,,-100.5,,,F1', ',,,,,,,,,,', 'AP,S1,,invoice,A1,2024-13-01,,10,,,'];
    for (const eol of ['\n', '\r\n', '\r']) {
      const result = await expectSame(`${body.join(eol)}${eol}`, true);
      expect(result.ledger).toBeNull();
      expect(result.issues.find((i) => i.severity === 'error')).toMatchObject({ code: 'bad-date', line: 7 });
    }
  });

  it('reads a good file the same way: entries, report, warnings for a settles naming nothing', async () => {
    const text = `\uFEFF${HEADER}\r\nAR,C1,Cees,invoice,F1,2024-01-05,,121.00,USD,110.00,\r\nAR,C1,,payment,B1,2024-01-20,,-50,USD,-46.00,F9\r\nAP,S2, Sam ,credit_note,K1,2024-02-01,,-5.5,,,`;
    const result = await expectSame(text, true);
    expect(result.ledger?.entries.map((e) => [e.partyId, e.docNo, e.amount, e.amountBase, e.source?.line])).toEqual([
      ['C1', 'F1', 12100, 11000, 2],
      ['C1', 'B1', -5000, -4600, 3],
      ['S2', 'K1', -550, -550, 4],
    ]);
    expect(result.ledger?.entries[2]?.partyName).toBe('Sam');
    expect(result.issues.map((i) => [i.code, i.line])).toEqual([['unknown-settles', 3]]);
    expect(result.report?.rowsRead).toBe(3);
  });

  it('reads semicolon and tab files, rows shorter than the header, and Windows-1252 bytes', async () => {
    await expectSame(`${HEADER.replaceAll(',', ';')}\nAR;C1;;invoice;F1;2024-01-05;;12;;\n`, true);
    await expectSame(`${HEADER.replaceAll(',', '\t')}\nAR\tC1\t\tinvoice\tF1\t2024-01-05\t\t12\n\t\t\n`, true);
    const latin = Uint8Array.from([...new TextEncoder().encode(`${HEADER},description\nAR,C1,Caf`), 0xe9, ...new TextEncoder().encode(',invoice,F1,2024-01-05,,12,,,,r\n')]);
    const result = await expectSame(latin, true);
    expect(result.ledger?.entries[0]?.partyName).toBe('Café');
    expect(result.issues.map((i) => i.code)).toContain('encoding-fallback');
  });

  it('leaves quotes, a title row, a wide row and dialect values to the table path', async () => {
    await expectSame(`${HEADER}\nAR,C1,"Cees, Ltd",invoice,F1,2024-01-05,,12,,,\n`, false);
    await expectSame(`Open items 2024\n${HEADER}\nAR,C1,,invoice,F1,2024-01-05,,12,,,\n`, false);
    const wide = await expectSame(`${HEADER}\nAR,C1,,invoice,F1,2024-01-05,,12,,,,oops\n`, false);
    expect(wide.issues.map((i) => i.code)).toEqual(['ragged-row']);
    await expectSame(`${HEADER}\nAR,C1,,invoice,F1,2024-01-05,,12,,,,\n`, false);
    await expectSame(`${HEADER.replaceAll(',', ';')}\nAR;C1;;invoice;F1;05-01-2024;;12,50;;\n`, false);
    await expectSame(`${HEADER}\n`, false);
    // A quote past the first 64 KB too (seen by the pass over the lines).
    const rows = Array.from({ length: 2000 }, (_, i) => `AR,C${i},,invoice,F${i},2024-01-05,,12,,,`);
    rows[1900] = `AR,C1900,"Cees Ltd",invoice,F1900,2024-01-05,,12,,,`;
    await expectSame(`${HEADER}\n${rows.join('\n')}\n`, false);
  });

  it('names a duplicate column as the table path does', async () => {
    const result = await expectSame(`${HEADER},Amount\nAR,C1,,invoice,F1,2024-01-05,,12,,,,13\n`, 'abort');
    expect(result.issues.map((i) => i.code)).toEqual(['duplicate-column']);
  });

  it('reads any mix of line endings, blank lines and cells exactly as the table path', async () => {
    const cell = fc.constantFrom('', ' ', 'AR', 'AP', 'C1', 'C2', 'invoice', 'payment', 'credit_note', 'F1', 'F2', '2024-01-05', '2024-1-5', '12.50', '-3', 'x', 'USD', '\u00a0');
    const line = fc.oneof(fc.array(cell, { minLength: 0, maxLength: 12 }).map((cells) => cells.join(',')), fc.constantFrom('', '  ', '\t'));
    const file = fc.tuple(fc.array(line, { maxLength: 12 }), fc.array(fc.constantFrom('\n', '\r\n', '\r'), { minLength: 13, maxLength: 13 }), fc.boolean());
    await fc.assert(
      fc.asyncProperty(file, async ([lines, eols, trailing]) => {
        const text = [HEADER, ...lines].map((l, i) => (i < lines.length || trailing ? `${l}${eols[i % eols.length]}` : l)).join('');
        const bytes = new TextEncoder().encode(text);
        expect(await importFile({ name: 'f.csv', bytes })).toEqual(await throughTable('f.csv', bytes));
      }),
      { numRuns: 300 },
    );
  });

  it('reads thousands of repeated and distinct party ids, names and descriptions as written on each line', async () => {
    // Repeated values are read once and shared (canonical-line.ts): ids that are prefixes of one
    // another, of every length, must still come back exactly as each line wrote them.
    const rows: string[][] = [];
    for (let i = 0; i < 6000; i++) {
      const p = (i * 7919) % 2300;
      const id = `P${p}`;
      const name = i % 3 === 0 ? `Party ${p}${'x'.repeat(p % 17)}` : '';
      const description = i % 5 === 0 ? `Invoice ${i}` : `Note ${p % 40}`;
      rows.push([p % 2 ? 'AR' : 'AP', id, name, 'invoice', `F${i}`, '2024-01-05', '', '1.00', '', '', '', description]);
    }
    const text = [`${HEADER},description`, ...rows.map((cells) => cells.join(','))].join('\n');
    const result = await expectSame(text, true);
    const read = (result.ledger?.entries ?? []).map((e) => [e.ledger, e.partyId, e.partyName ?? '', e.docNo, e.description]);
    expect(read).toEqual(rows.map((r) => [r[0], r[1], r[2], r[4], r[11]]));
  });

  it('reads thousands of distinct and repeated dates as written on each line, and each impossible one as an error', async () => {
    // The days of the dates read are kept by a hash of the date (canonical-line.ts): dates that
    // share a slot over thirty years, read in no order, must each come back as their own day.
    const days = 30 * 366;
    const start = Date.UTC(2000, 0, 1);
    const iso = (k: number) => new Date(start + ((k * 7919) % days) * 86_400_000).toISOString().slice(0, 10);
    const rows = Array.from({ length: 12_000 }, (_, i) => ['AR', `C${i % 50}`, '', 'invoice', `F${i}`, iso(i), iso(i + 1), '1.00', '', '', ''].join(','));
    const good = await expectSame([HEADER, ...rows].join('\n'), true);
    expect(good.ledger?.entries.map((e) => [e.entryDate, e.dueDate])).toEqual(rows.map((_, i) => [parseIsoDate(iso(i)), parseIsoDate(iso(i + 1))]));
    // The same impossible date again and again, between good ones: an error on each of its lines.
    const mixed = [HEADER, ...rows.slice(0, 6), 'AR,C1,,invoice,X1,2024-02-30,,1.00,,,', rows[6], 'AR,C1,,invoice,X2,2024-02-30,,1.00,,,'];
    const bad = await expectSame(mixed.join('\n'), true);
    expect(bad.issues.filter((i) => i.code === 'bad-date').map((i) => i.line)).toEqual([8, 10]);
  });

  it('reads every field of well-formed rows as the table path does, plain or padded, valid or not', async () => {
    // The stream reads plain dates, amounts and codes from the line in place and leaves every
    // other form to the general reader: both must give the same entries, issues and report.
    const pick = (...values: string[]) => fc.constantFrom(...values);
    const row = fc.tuple(
      pick('AR', 'AP', 'ar', ' AP', 'XX', ''),
      pick('C1', 'C2', ' C1', 'C1 ', 'Ç1', ''),
      pick('', 'Cees', ' Sam ', 'Zoë'),
      pick('invoice', 'payment', 'credit_note', 'journal', 'Credit Note', ' invoice', 'bill'),
      pick('F1', 'F2', 'B1', ' F1', ''),
      pick('2024-01-05', '2024-02-29', '2023-02-29', '2024-13-01', ' 2024-01-05', '2024-1-5', '2024/01/05', ''),
      pick('', '2024-03-01', '2024-02-30', '2024-03-01 '),
      pick('12.50', '-3', '+7', '.5', '12.505', '-0.004', '1e3', ' 12.50', '12.50 ', '1234567890123456', '-', ''),
      pick('', 'EUR', 'USD', 'usd', 'JPY', ' GBP', 'EURO', 'eur'),
      pick('', '10.00', '-2.75', '11', 'abc', ' 3.10'),
      pick('', 'F1', 'F2', ' F1', 'X9'),
      pick('', 'Invoice 1', ' padded ', 'Betaling é'),
    );
    const header = `${HEADER},description`;
    await fc.assert(
      fc.asyncProperty(fc.array(row, { minLength: 1, maxLength: 8 }), async (rows) => {
        const bytes = new TextEncoder().encode([header, ...rows.map((cells) => cells.join(','))].join('\n'));
        const streams = streamed('f.csv', bytes);
        expect(await importFile({ name: 'f.csv', bytes })).toEqual(await throughTable('f.csv', bytes));
        return streams !== 'abort';
      }),
      { numRuns: 400 },
    );
  });
});

/** True while the ledger's entries are not made (a columnar read that nothing asked for them yet). */
function entriesUnmade(ledger: Ledger): boolean {
  return Object.getOwnPropertyDescriptor(ledger, 'entries')?.get !== undefined;
}

/** A canonical CSV of the records, each text cell padded with `pad` where `padded` says so. */
function csvOf(records: CanonicalRecord[], names: readonly string[], padded: readonly boolean[], pad: string): string {
  const fields = ['ledger', 'party_id', 'party_name', 'entry_type', 'doc_no', 'entry_date', 'doc_date', 'due_date', 'amount', 'currency', 'amount_base', 'settles'];
  const lines = records.map((r, k) => {
    const values: Record<string, string | undefined> = { ...r.values, party_name: names[k % names.length] };
    return fields.map((f) => {
      const v = values[f] ?? '';
      return v !== '' && padded[k % padded.length] === true && (f === 'doc_no' || f === 'settles' || f === 'party_name') ? `${pad}${v}${pad}` : v;
    }).join(',');
  });
  return [fields.join(','), ...lines].join('\n');
}

describe('the canonical CSV read into columns (no entry per row)', () => {
  it('gives the balances and party names of ledger.md without making the entries', async () => {
    const names = fc.array(fc.constantFrom('', 'Acme', 'Bolt', 'Acme NV', 'Zoë'), { minLength: 1, maxLength: 5 });
    const padded = fc.array(fc.boolean(), { minLength: 1, maxLength: 4 });
    await fc.assert(
      fc.asyncProperty(recordsArb, names, padded, fc.constantFrom(' ', '\u00a0'), asOfArb, async (records, partyNames, pads, pad, asOf) => {
        fc.pre(records.length > 0);
        const text = csvOf(records, partyNames, pads, pad);
        const stream = (await importFile(textFile('r.csv', text))).ledger as Ledger;
        const table = (await throughTable('r.csv', new TextEncoder().encode(text))).ledger as Ledger;
        expect(entriesUnmade(stream)).toBe(true);
        // Independently: each party's balance by the spec, its name from its latest named entry.
        const latest = new Map<string, Entry>();
        const order = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
        for (const e of table.entries) {
          if (e.partyName === undefined) continue;
          const key = `${e.ledger} ${e.partyId}`;
          const best = latest.get(key);
          // The latest entry_date, then the highest doc_no, then the highest name.
          if (best === undefined || (e.entryDate - best.entryDate || order(e.docNo, best.docNo) || order(e.partyName, best.partyName ?? '')) > 0) latest.set(key, e);
        }
        for (const row of balanceList(stream, asOf)) {
          const balance = specBalance(table, row.ledger, row.partyId, asOf);
          // null: an item the spec gives no open_base (a foreign item whose own amount is 0).
          if (balance !== null) expect(row.balance).toBe(balance);
          expect(row.partyName).toBe(latest.get(`${row.ledger} ${row.partyId}`)?.partyName ?? row.partyId);
        }
        expect(entriesUnmade(stream)).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it('makes each entry on demand as readEntry reads it, and keeps the index once the entries are made', async () => {
    await fc.assert(
      fc.asyncProperty(recordsArb, async (records) => {
        fc.pre(records.length > 0);
        const text = csvOf(records, ['', 'Acme'], [false, true], ' ');
        const stream = (await importFile(textFile('r.csv', text))).ledger as Ledger;
        const table = (await throughTable('r.csv', new TextEncoder().encode(text))).ledger as Ledger;
        const x = ledgerIndex(stream);
        const one = table.entries.map((_, i) => x.entry(i));
        expect(entriesUnmade(stream)).toBe(true);
        expect(one).toEqual(table.entries);
        expect(stream.entries).toEqual(table.entries);
        expect(entriesUnmade(stream)).toBe(false);
        expect(ledgerIndex(stream)).toBe(x);
        expect(x.entry(0)).toBe(stream.entries[0]);
      }),
      { numRuns: 60 },
    );
  });

  it('names the line and field of duplicate documents and of settles that allocate nothing', async () => {
    const text = [
      HEADER,
      'AR,C1,,invoice, F1 ,2024-01-05,,100.00,,,',
      'AR,C1,,payment,B1,2024-01-06,,-10.00,,,F9',
      'AR,C1,,invoice,F1,2024-01-07,,5.00,,,',
      'AR,C1,,payment,B2,2024-01-08,,-10.00,USD,-9.00,\u00a0F1',
      'AR,C1,,invoice,F2,2024-01-09,,7.00,,, F1',
      'AR,C2,,credit_note,F1,2024-01-10,,-7.00,,,',
    ].join('\n');
    const result = await expectSame(text, true);
    expect(result.issues.map((i) => [i.severity, i.code, i.line, i.field])).toEqual([
      ['warning', 'unknown-settles', 3, 'settles'],
      ['error', 'duplicate-doc', 4, 'doc_no'],
      ['warning', 'settles-other-currency', 5, 'settles'],
      ['warning', 'invoice-settles-ignored', 6, 'settles'],
    ]);
    expect(result.issues[1]?.params).toMatchObject({ doc: 'F1', party: 'C1', firstLine: 2 });
  });
});
