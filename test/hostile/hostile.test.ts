// The hostile-input suite (issue 16): crafted files and command lines run through the real
// `subledger` command as child processes under a memory cap. Each must end with the expected exit
// status, a one-line message naming the file (never a stack trace), no output at all on failure,
// and a peak memory under the 500 MB target. Big inputs are made lazily in a temp directory.
import { execFileSync, spawn } from 'node:child_process';
import { closeSync, existsSync, ftruncateSync, mkdirSync, openSync, writeFileSync, writeSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { canonicalSheetRows, compoundFile, sheetXml, textCell, xlsxBytes } from '../fixtures/hostile/zip-writer';
import { MEMORY_TARGET, subledger, tempDir, type Run } from './run';

const tmp = tempDir();
afterAll(() => tmp.remove());

const HEADER = 'ledger,party_id,entry_type,doc_no,entry_date,amount,description';
const invoice = (i: number): string => `AR,C${i},invoice,F${i},2024-01-0${(i % 9) + 1},${i * 1000}.00,invoice ${i}`;

function file(name: string, content: string | Uint8Array): string {
  const target = tmp.file(name);
  writeFileSync(target, content);
  return target;
}

/** `report open-items` on one input (stdout is the report: empty when the input is refused). */
function report(input: string, ...extra: string[]): Promise<Run> {
  return subledger(['report', 'open-items', '--input', input, '--as-of', '2024-12-31', '--format', 'json', ...extra], { cwd: tmp.dir });
}

/** Refused as bad input: status 1, one line naming the file, no report, bounded memory. */
function expectRefused(run: Run, name: string, says: RegExp): void {
  expect({ status: run.status, signal: run.signal, stdout: run.stdout }).toEqual({ status: 1, signal: null, stdout: '' });
  const message = run.stderr.replace(/\n$/, '');
  expect(message.split('\n')).toHaveLength(1);
  expect(message).toContain(name);
  expect(message).toMatch(says);
  expect(message).not.toMatch(/^\s+at /m);
  expect(run.peak).toBeGreaterThan(0);
  expect(run.peak).toBeLessThan(MEMORY_TARGET);
}

function openItems(run: Run): string[] {
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  return (JSON.parse(run.stdout) as { rows: { doc_no?: string; docNo?: string }[] }).rows.map((r) => String(r.doc_no ?? r.docNo));
}

describe('CSV that must not lose rows', () => {
  it('an unterminated quote on line 3 of five invoices is refused, naming line 3', async () => {
    const lines = [1, 2, 3, 4, 5].map(invoice);
    lines[1] = 'AR,C2,invoice,F2,2024-01-02,2000.00,"starts a quote,';
    expectRefused(await report(file('quote.csv', `${HEADER}\n${lines.join('\n')}\n`)), 'quote.csv, line 3', /closing quote is missing/);
  });

  it('a lone LF inside a CR LF file keeps all six invoices', async () => {
    const text = `${HEADER}\r\n${[1, 2, 3].map(invoice).join('\r\n')}\n${[4, 5, 6].map(invoice).join('\r\n')}\r\n`;
    expect(openItems(await report(file('mixed.csv', text))).sort()).toEqual(['F1', 'F2', 'F3', 'F4', 'F5', 'F6']);
  });

  it('a header naming amount twice is refused, naming both columns', async () => {
    const text = 'ledger,party_id,entry_type,doc_no,entry_date,amount,amount\nAR,C1,invoice,F1,2024-01-05,10.00,99.00\n';
    expectRefused(await report(file('twice.csv', text)), 'twice.csv', /amount twice \(columns 6 and 7\)/);
  });

  it('filled cells beyond the header are refused, naming the line', async () => {
    const text = `${HEADER}\n${invoice(1)}\n${invoice(2)},Peeters, BV\n`;
    expectRefused(await report(file('ragged.csv', text)), 'ragged.csv, line 3', /9 fields where the header has 7/);
  });

  it('one 200 MB line is refused in bounded memory', async () => {
    const target = tmp.file('line.csv');
    const fd = openSync(target, 'w');
    writeSync(fd, `${HEADER}\nAR,C1,invoice,F1,2024-01-05,1.00,`);
    const block = Buffer.alloc(8 * 2 ** 20, 'x');
    for (let i = 0; i < 25; i++) writeSync(fd, block);
    closeSync(fd);
    expectRefused(await report(target), 'line.csv, line 2', /longer than 1048576 characters/);
  });

  it('a huge bad value is cut in the message', async () => {
    const text = `ledger,party_id,entry_type,doc_no,entry_date,amount\nAR,C1,invoice,F1,2024-01-05,${'9'.repeat(500_000)}x\n`;
    const run = await report(file('value.csv', text));
    expectRefused(run, 'value.csv, line 2, field amount', /9…/);
    expect(run.stderr.length).toBeLessThan(300);
  });

  it('a text full of NUL bytes is refused as no export', async () => {
    expectRefused(await report(file('nul.csv', new Uint8Array(100_000))), 'nul.csv', /not a subledger CSV/);
  });
});

describe('XLSX that must not blow up', () => {
  it('a 4 KB workbook with a cell at column ZZZZZZ is refused, not a V8 crash', async () => {
    const bytes = xlsxBytes(sheetXml(`<row r="1">${textCell('A1', 'ledger')}${textCell('ZZZZZZ1', 'x')}</row>`));
    expect(bytes.length).toBeLessThan(4096);
    expectRefused(await report(file('wide.xlsx', bytes)), 'wide.xlsx, line 1', /ZZZZZZ1 lies outside a worksheet/);
  });

  it('a sheet whose directory understates its size stops at the declared size', async () => {
    const bytes = xlsxBytes(sheetXml(canonicalSheetRows(2) + ' '.repeat(20 * 2 ** 20)), [], { claimedSize: 10_000 });
    expect(bytes.length).toBeLessThan(2 ** 20 / 10);
    expectRefused(await report(file('liar.xlsx', bytes)), 'liar.xlsx', /inflates to more than the 10000 bytes its directory declares/);
  });

  it('a zip bomb claiming 1 GB is refused before inflating', async () => {
    const bytes = xlsxBytes(sheetXml(''), [], { claimedSize: 2 ** 30 });
    expectRefused(await report(file('bomb.xlsx', bytes)), 'bomb.xlsx', /is too large/);
  });

  it('a sparse sheet of ten million cells in a small file is refused in bounded memory', async () => {
    const rows = Array.from({ length: 1000 }, (_, i) => `<row r="${i + 1}">${textCell(`XFD${i + 1}`, 'x')}</row>`).join('');
    expectRefused(await report(file('sparse.xlsx', xlsxBytes(sheetXml(rows)))), 'sparse.xlsx', /more than 10000000 cells/);
  });

  it('a workbook cut in half is refused as damaged', async () => {
    const whole = xlsxBytes(sheetXml(canonicalSheetRows(50)));
    expectRefused(await report(file('cut.xlsx', whole.subarray(0, whole.length >> 1))), 'cut.xlsx', /XLSX workbook could not be read/);
  });

  it('a workbook without its shared strings says so', async () => {
    const bytes = xlsxBytes(sheetXml('<row r="1"><c r="A1" t="s"><v>0</v></c></row>'));
    expectRefused(await report(file('strings.xlsx', bytes)), 'strings.xlsx, line 1', /sharedStrings\.xml is missing/);
  });

  it('an encrypted workbook and a legacy .xls are named for what they are', async () => {
    expectRefused(await report(file('secret.xlsx', compoundFile('EncryptedPackage'))), 'secret.xlsx', /encrypted workbook: .* without a password/);
    expectRefused(await report(file('old.xls', compoundFile('Workbook'))), 'old.xls', /legacy \.xls workbook: save it as \.xlsx or CSV/);
  });
});

describe('XML that must stay small', () => {
  it('billion laughs is refused', async () => {
    const laughs = '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>'
      + '<auditfile xmlns="http://www.auditfiles.nl/XAF/3.2"><header>&lol2;</header></auditfile>';
    expectRefused(await report(file('laughs.xaf', laughs)), 'laughs.xaf', /entities in a DOCTYPE/);
  });

  it('a file of 600 MB (sparse) after an XML head is refused without being read', async () => {
    const target = tmp.file('blank.xml');
    const fd = openSync(target, 'w');
    writeSync(fd, `<?xml version="1.0"?><auditfile xmlns="http://www.auditfiles.nl/XAF/3.2">${' '.repeat(70_000)}`);
    ftruncateSync(fd, 600 * 2 ** 20);
    closeSync(fd);
    expectRefused(await report(target), 'blank.xml', /larger than the 512 MB accepted for a XML file/);
  });

  it('deep nesting ends without a crash or a stack overflow', async () => {
    const depth = 200_000;
    const xml = `<?xml version="1.0"?><auditfile xmlns="http://www.auditfiles.nl/XAF/3.2">${'<a>'.repeat(depth)}${'</a>'.repeat(depth)}</auditfile>`;
    const run = await report(file('deep.xaf', xml));
    // An auditfile with no header and no data holds no entries: an empty report (or, should the
    // importer come to require its header, a refusal naming the file), never a crash.
    expect(run.signal).toBeNull();
    if (run.status === 0) expect(JSON.parse(run.stdout)).toMatchObject({ rows: [] });
    else expectRefused(run, 'deep.xaf', /./);
    expect(run.stderr).not.toMatch(/^\s+at /m);
    expect(run.peak).toBeLessThan(MEMORY_TARGET);
  });
});

describe('inputs that are no file', () => {
  it('/dev/zero and /dev/urandom are refused after their first bytes', async () => {
    expectRefused(await report('/dev/zero'), 'zero', /not a subledger CSV/);
    expectRefused(await report('/dev/urandom'), 'urandom', /not a subledger CSV/);
  });

  it('an endless FIFO is read only up to the limit', async () => {
    const fifo = tmp.file('endless.csv');
    execFileSync('mkfifo', [fifo]);
    const writer = spawn('sh', ['-c', `{ echo '${HEADER}'; yes '${invoice(1)}'; } > "$0" 2>/dev/null`, fifo], { stdio: 'ignore' });
    const run = await report(fifo, '--max-input-size', '5MB');
    writer.kill();
    expectRefused(run, 'endless.csv', /larger than the 5 MB accepted for a CSV\/TXT file/);
  });

  it('a directory is refused', async () => {
    const dir = tmp.file('folder.csv');
    mkdirSync(dir);
    expectRefused(await report(dir), 'folder.csv', /is a directory/);
  });

  it('a missing file and an empty file are refused', async () => {
    expectRefused(await report(tmp.file('missing.csv')), 'missing.csv', /no such file/);
    expectRefused(await report(file('empty.csv', '')), 'empty.csv', /the file is empty/);
  });

  it('--max-input-size refuses a file past it and is a usage error when it is no size', async () => {
    const text = `${HEADER}\n${[1, 2, 3].map(invoice).join('\n')}\n`;
    expectRefused(await report(file('small.csv', text), '--max-input-size', '100'), 'small.csv', /larger than the 100 bytes/);
    const bad = await report(file('small2.csv', text), '--max-input-size', 'lots');
    expect({ status: bad.status, stdout: bad.stdout }).toEqual({ status: 2, stdout: '' });
  });
});

describe('build writes nothing for a refused input', () => {
  it('leaves no workbook behind', async () => {
    const out = tmp.file('out.xlsx');
    const run = await subledger(['build', '--input', file('bad.csv', `${HEADER}\n${invoice(1)}\nAR,C2,invoice,F2,2024-01-02,"open\n`), '--out', out], { cwd: tmp.dir });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/bad\.csv, line 3: .*closing quote is missing/);
    expect(existsSync(out)).toBe(false);
  });
});
