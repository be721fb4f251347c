// CSV reading that cannot swallow, merge, move or drop rows (issue 16): every expectation is
// written out by hand from the text of the file.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { linesFit } from '../../../src/import/csv-records';
import { localizeIssue } from '../../../src/import/messages';
import { errors, importText, rows } from './helpers';

const HEADER = 'ledger,party_id,entry_type,doc_no,entry_date,amount,description';

function invoices(n: number, newline = '\n'): string[] {
  return Array.from({ length: n }, (_, i) => `AR,C${i + 1},invoice,F${i + 1},2024-01-0${i + 1},${(i + 1) * 1000}.00,invoice ${i + 1}`).map((l) => l + newline);
}

function firstError(result: Awaited<ReturnType<typeof importText>>) {
  return result.issues.find((i) => i.severity === 'error');
}

describe('CSV quotes', () => {
  it('refuses a quote opened on line 3 that never closes, naming line 3, and imports nothing', async () => {
    const lines = invoices(5);
    lines[1] = 'AR,C2,invoice,F2,2024-01-02,2000.00,"starts a quote,\n';
    const result = await importText('q.csv', `${HEADER}\n${lines.join('')}`);
    expect(result.ledger).toBeNull();
    expect(firstError(result)).toMatchObject({ code: 'csv-open-quote', file: 'q.csv', line: 3 });
    expect(localizeIssue(firstError(result)!, 'nl')).toBe('q.csv, regel 3: op deze regel begint een veld tussen aanhalingstekens waarvan het sluitende aanhalingsteken ontbreekt');
  });

  it('refuses a quoted field followed by more text, naming the line where it began', async () => {
    const text = `${HEADER}\nAR,C1,invoice,F1,2024-01-01,10.00,ok\nAR,C2,invoice,F2,2024-01-02,20.00,"Peeters" BV\n`;
    expect(firstError(await importText('s.csv', text))).toMatchObject({ code: 'csv-stray-quote', line: 3 });
  });

  it('refuses a quote that closes lines later, swallowing whole rows into one description', async () => {
    // The quote opened on line 3 is closed at the end of line 5: valid CSV of 7 fields, 2 rows lost.
    const text = `${HEADER}\nAR,C1,invoice,F1,2024-01-01,10.00,one\nAR,C2,invoice,F2,2024-01-02,20.00,"two\nAR,C3,invoice,F3,2024-01-03,30.00,three\nAR,C4,invoice,F4,2024-01-04,40.00,four"\n`;
    const result = await importText('m.csv', text);
    expect(result.ledger).toBeNull();
    expect(firstError(result)).toMatchObject({ code: 'quote-spans-lines', line: 3, params: { lines: 3 } });
  });

  it('keeps a quoted description over two lines, and counts lines after it right', async () => {
    const text = `${HEADER}\nAR,C1,invoice,F1,2024-01-01,10.00,"first line\nsecond line"\nAR,C2,invoice,F2,2024-01-02,twenty,x\n`;
    const result = await importText('d.csv', text);
    expect(firstError(result)).toMatchObject({ code: 'bad-amount', line: 4 });
    const ok = await importText('d.csv', `${HEADER}\nAR,C1,invoice,F1,2024-01-01,10.00,"first line\nsecond, ""quoted"""\n`);
    expect(ok.ledger?.entries[0]?.description).toBe('first line\nsecond, "quoted"');
  });

  it('refuses a quoted field spanning lines that leaves its row another width than the header', async () => {
    const text = `${HEADER}\nAR,C1,invoice,F1,2024-01-01,"10.00\nb"\n`;
    expect(firstError(await importText('w.csv', text))).toMatchObject({ code: 'quote-spans-lines', line: 2, params: { lines: 2 } });
  });

  it('reads a quote inside an unquoted field as text (15" monitor), as a spreadsheet does', async () => {
    const text = `${HEADER}\nAR,C1,invoice,F1,2024-01-01,10.00,15" monitor\nAR,C2,invoice,F2,2024-01-02,20.00,"Peeters, BV"\n`;
    const result = await importText('i.csv', text);
    expect(errors(result)).toEqual([]);
    expect(result.ledger?.entries.map((e) => e.description)).toEqual(['15" monitor', 'Peeters, BV']);
  });
});

describe('CSV line ends', () => {
  it('ends a line at a lone LF in a CR LF file: six invoices in, six out', async () => {
    const lines = invoices(6, '\r\n');
    lines[2] = lines[2]!.replace('\r\n', '\n');
    const result = await importText('mixed.csv', `${HEADER}\r\n${lines.join('')}`);
    expect(errors(result)).toEqual([]);
    expect(rows(result).map((r) => r.split(' ')[3])).toEqual(['F1', 'F2', 'F3', 'F4', 'F5', 'F6']);
    expect(result.ledger?.entries.reduce((sum, e) => sum + e.amount, 0)).toBe(2_100_000);
  });

  it('names the physical line of an error after a lone LF and after a lone CR', async () => {
    const text = `${HEADER}\r\nAR,C1,invoice,F1,2024-01-01,10.00,a\nAR,C2,invoice,F2,2024-01-02,20.00,b\rAR,C3,invoice,F3,2024-01-03,bad,c\r\n`;
    expect(firstError(await importText('l.csv', text))).toMatchObject({ code: 'bad-amount', line: 4 });
  });

  it('refuses a line longer than a megabyte, naming it', async () => {
    const text = `${HEADER}\nAR,C1,invoice,F1,2024-01-01,10.00,${'x'.repeat(1_100_000)}\n`;
    const result = await importText('long.csv', text);
    expect(firstError(result)).toMatchObject({ code: 'line-too-long', line: 2 });
    const quoted = await importText('long.csv', `${HEADER}\nAR,C1,invoice,F1,2024-01-01,10.00,"${'y'.repeat(1_100_000)}"\n`);
    expect(firstError(quoted)).toMatchObject({ code: 'line-too-long', line: 2 });
  });

  it('finds a line over the limit by jumps exactly when one line is longer, whatever the line endings', () => {
    // Lines are measured by hand here: split on CR LF, CR or LF, the longest compared with the limit.
    const text = fc.array(fc.constantFrom('a', 'b', '\n', '\r', '\r\n'), { maxLength: 60 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(text, fc.integer({ min: 1, max: 8 }), (t, max) => {
        const longest = Math.max(...t.split(/\r\n|\r|\n/).map((line) => line.length));
        const findLast = (code: number, from: number, at: number) => {
          const k = t.lastIndexOf(String.fromCharCode(code), at);
          return k >= from ? k : -1;
        };
        expect(linesFit(t.length, findLast, max)).toBe(longest <= max);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('CSV columns', () => {
  it('refuses a header naming amount twice, naming both columns', async () => {
    const text = 'ledger,party_id,entry_type,doc_no,entry_date,amount,Amount\nAR,C1,invoice,F1,2024-01-01,10.00,99.00\n';
    const result = await importText('dup.csv', text);
    expect(result.ledger).toBeNull();
    expect(localizeIssue(firstError(result)!, 'en')).toBe('dup.csv: the header names Amount twice (columns 6 and 7); which one is meant?');
  });

  it('lets columns nobody reads repeat (DATEV writes Leerfeld many times)', async () => {
    const text = `${HEADER},Leerfeld,Leerfeld\nAR,C1,invoice,F1,2024-01-01,10.00,x,,1\n`;
    expect(errors(await importText('leer.csv', text))).toEqual([]);
  });

  it('refuses filled cells beyond the header, naming the line', async () => {
    const text = `${HEADER}\nAR,C1,invoice,F1,2024-01-01,10.00,ok\nAR,C2,invoice,F2,2024-01-02,1,250.00,Peeters, BV\n`;
    const result = await importText('r.csv', text);
    expect(result.ledger).toBeNull();
    expect(firstError(result)).toMatchObject({ code: 'ragged-row', line: 3, params: { found: 9, expected: 7 } });
  });

  it('accepts empty cells beyond the header (a trailing delimiter)', async () => {
    const text = `${HEADER}\nAR,C1,invoice,F1,2024-01-01,10.00,ok,,\n`;
    expect(errors(await importText('t.csv', text))).toEqual([]);
  });
});
