// The preview of a CSV/TXT file (`readTable`: its header and first rows, for the pane's preview and
// mapping step) reads only the head of a large file, and shows exactly what the whole file's table
// starts with: quoted fields over line breaks cut by the head, text that is not ASCII (decoded as
// the whole file is), a title line above the header, a file of few rows.
import { describe, expect, it } from 'vitest';
import { readTable, readTabular } from '../../../src/import/tabular/tabular';

const HEADER = 'ledger,party_id,party_name,entry_type,doc_no,entry_date,amount,currency,description';

/** `count` rows of about 100 bytes each; `cell(i)` for the description of row i. */
function rows(count: number, cell: (i: number) => string = (i) => `row ${i}`): string[] {
  return Array.from({ length: count }, (_, i) => `AR,C${i % 97},Party ${i % 97},invoice,F${i},2024-01-${String((i % 28) + 1).padStart(2, '0')},${i}.00,EUR,${cell(i)}`);
}

const utf8 = (text: string) => new TextEncoder().encode(text);

/** The header and first rows as the whole file's table has them. */
async function wholeFile(name: string, bytes: Uint8Array, count = 20) {
  const { table } = await readTabular({ name, bytes });
  return { headers: table.headers, rows: table.rows.slice(0, count) };
}

async function expectSameAsWhole(name: string, bytes: Uint8Array) {
  const preview = await readTable({ name, bytes });
  expect({ headers: preview.headers, rows: preview.rows }).toEqual(await wholeFile(name, bytes));
  return preview;
}

describe('the preview of a CSV file', () => {
  it('shows the header and the first 20 rows of a large file', async () => {
    const preview = await expectSameAsWhole('big.csv', utf8([HEADER, ...rows(5000)].join('\n')));
    expect(preview.headers).toEqual(HEADER.split(','));
    expect(preview.rows).toHaveLength(20);
    expect(preview.rows[0]).toEqual(['AR', 'C0', 'Party 0', 'invoice', 'F0', '2024-01-01', '0.00', 'EUR', 'row 0']);
    expect(preview.rows[19]?.[4]).toBe('F19');
    expect(preview.format).toBe('csv');
  });

  it('reads only the head: a ragged row far down does not stop it (the import reports that row)', async () => {
    const lines = [HEADER, ...rows(5000)];
    lines[4000] = `${lines[4000]},x,y,z`;
    const bytes = utf8(lines.join('\n'));
    await expect(readTabular({ name: 'ragged.csv', bytes })).rejects.toThrow();
    const preview = await readTable({ name: 'ragged.csv', bytes });
    expect(preview.rows[5]?.[4]).toBe('F5');
  });

  it('shows the same rows when a quoted field over several lines is cut by the head', async () => {
    // long rows with quoted descriptions over two lines: the last line break in the first 64 KB
    // is inside one of them (an odd number of quotes before it)
    const many = rows(60, (i) => `"line one of ${i}\nline two ${'note '.repeat(300)}"`);
    const bytes = utf8([HEADER, ...many].join('\r\n'));
    const cut = bytes.lastIndexOf(0x0a, 64 * 1024 - 1);
    expect(bytes.subarray(0, cut).filter((b) => b === 0x22).length % 2).toBe(1);
    const preview = await expectSameAsWhole('quoted.csv', bytes);
    expect(preview.rows[3]?.[8]).toBe(`line one of 3\nline two ${'note '.repeat(300)}`);
  });

  it('shows the same rows when the first rows alone are longer than the head', async () => {
    const bytes = utf8([HEADER, ...rows(60, (i) => `${'x'.repeat(4000)}${i}`)].join('\n'));
    const preview = await expectSameAsWhole('wide.csv', bytes);
    expect(preview.rows[19]?.[8]).toBe(`${'x'.repeat(4000)}19`);
  });

  it('decodes text that is not ASCII as the whole file is decoded', async () => {
    // UTF-8 throughout: Zoë reads as Zoë
    const valid = utf8([HEADER, ...rows(3000, (i) => (i === 2 ? 'Zoë & Co' : `row ${i}`))].join('\n'));
    expect((await expectSameAsWhole('utf8.csv', valid)).rows[2]?.[8]).toBe('Zoë & Co');
    // a byte that is no UTF-8 far down: the whole file is Windows-1252, so the head's ë is two characters
    const tail = new Uint8Array([...utf8(`\nAR,C1,P,invoice,F9,2024-01-02,1.00,EUR,caf`), 0xe9]);
    const mixed = new Uint8Array([...valid, ...tail]);
    expect((await expectSameAsWhole('mixed.csv', mixed)).rows[2]?.[8]).toBe('ZoÃ« & Co');
    // a UTF-8 byte order mark
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...valid]);
    expect((await expectSameAsWhole('bom.csv', bom)).headers[0]).toBe('ledger');
  });

  it('finds the header below a title line, in a file of semicolons', async () => {
    const lines = ['Openstaande posten per 31-01-2024', HEADER.replaceAll(',', ';'), ...rows(3000).map((r) => r.replaceAll(',', ';'))];
    const preview = await expectSameAsWhole('title.csv', utf8(lines.join('\n')));
    expect(preview.headers[0]).toBe('ledger');
  });

  it('reads a file of few rows whole', async () => {
    const preview = await expectSameAsWhole('small.csv', utf8([HEADER, ...rows(3)].join('\n')));
    expect(preview.rows).toHaveLength(3);
  });
});
