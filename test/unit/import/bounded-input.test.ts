// Inputs that must be refused with a message saying what they are, in bounded memory (issue 16):
// hostile workbooks, compound files, files past the size limit, huge values in messages.
import { describe, expect, it } from 'vitest';
import type { ImportResult } from '../../../src/core/types';
import { importFile } from '../../../src/import/index';
import { localizeIssue } from '../../../src/import/messages';
import { canonicalSheetRows, compoundFile, sheetXml, textCell, xlsxBytes } from '../../fixtures/hostile/zip-writer';
import { importText, rows } from './helpers';

function firstError(result: ImportResult) {
  return result.issues.find((i) => i.severity === 'error');
}

describe('hostile XLSX workbooks', () => {
  it('reads a hand-made workbook of inline strings (the writer is sound)', async () => {
    const result = await importFile({ name: 'ok.xlsx', bytes: xlsxBytes(sheetXml(canonicalSheetRows(2))) });
    expect(rows(result)).toEqual(['AR C1 invoice F1 2024-01-05 2024-01-05 100 EUR', 'AR C2 invoice F2 2024-01-05 2024-01-05 200 EUR']);
  });

  it('refuses a cell reference beyond column XFD before any row grows', async () => {
    const sheet = sheetXml(`<row r="1">${textCell('A1', 'ledger')}${textCell('ZZZZZZ1', 'x')}</row>`);
    const result = await importFile({ name: 'wide.xlsx', bytes: xlsxBytes(sheet) });
    expect(result.ledger).toBeNull();
    expect(localizeIssue(firstError(result)!, 'en')).toBe('wide.xlsx, line 1: the cell reference ZZZZZZ1 lies outside a worksheet (columns A to XFD, rows 1 to 1048576); the workbook is damaged');
  });

  it('refuses a row number beyond the last row of a worksheet', async () => {
    const sheet = sheetXml(`<row r="99999999">${textCell('A99999999', 'x')}</row>`);
    expect(firstError(await importFile({ name: 'tall.xlsx', bytes: xlsxBytes(sheet) }))?.code).toBe('xlsx-bad-cell-ref');
  });

  it('stops inflating a sheet at the size its zip directory declares', async () => {
    const sheet = sheetXml(canonicalSheetRows(3) + ' '.repeat(2_000_000));
    const result = await importFile({ name: 'liar.xlsx', bytes: xlsxBytes(sheet, [], { claimedSize: 5_000 }) });
    expect(result.ledger).toBeNull();
    expect(firstError(result)?.params?.reason).toBe('entry xl/worksheets/sheet1.xml inflates to more than the 5000 bytes its directory declares');
  });

  it('refuses a sheet whose directory claims more than 256 MB before inflating it', async () => {
    const result = await importFile({ name: 'big.xlsx', bytes: xlsxBytes(sheetXml(''), [], { claimedSize: 300 * 2 ** 20 }) });
    expect(String(firstError(result)?.params?.reason)).toMatch(/^entry xl\/worksheets\/sheet1\.xml is too large/);
  });

  it('refuses a sheet that fills more than ten million cells (a sparse row at XFD costs 16,384)', async () => {
    const rowsXml = Array.from({ length: 700 }, (_, i) => `<row r="${i + 1}">${textCell(`XFD${i + 1}`, 'x')}</row>`).join('');
    const result = await importFile({ name: 'sparse.xlsx', bytes: xlsxBytes(sheetXml(rowsXml)) });
    expect(firstError(result)).toMatchObject({ code: 'xlsx-too-many-cells', line: 611 });
  });

  it('says a missing shared-strings part is missing, not that the file is empty', async () => {
    const sheet = sheetXml('<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>');
    const result = await importFile({ name: 'nostrings.xlsx', bytes: xlsxBytes(sheet) });
    expect(localizeIssue(firstError(result)!, 'en')).toBe('nostrings.xlsx, line 1: cell A1 refers to shared text number 0, but the workbook holds 0 shared texts (xl/sharedStrings.xml is missing or damaged)');
  });

  it('refuses a header naming amount twice in a workbook too', async () => {
    const sheet = sheetXml(`<row r="1">${['ledger', 'party_id', 'entry_type', 'doc_no', 'entry_date', 'amount', 'amount'].map((h, i) => textCell(`${'ABCDEFG'[i]}1`, h)).join('')}</row>`);
    expect(firstError(await importFile({ name: 'dup.xlsx', bytes: xlsxBytes(sheet) }))).toMatchObject({ code: 'duplicate-column', params: { first: 6, second: 7 } });
  });
});

describe('files that are no export at all', () => {
  it('names an encrypted workbook and a legacy .xls for what they are', async () => {
    const encrypted = await importFile({ name: 'secret.xlsx', bytes: compoundFile('EncryptedPackage') });
    expect(localizeIssue(firstError(encrypted)!, 'en')).toBe('secret.xlsx: this is an encrypted workbook: open it in Excel and save it without a password (or as CSV) to import it');
    const legacy = await importFile({ name: 'old.xls', bytes: compoundFile('Workbook') });
    expect(localizeIssue(firstError(legacy)!, 'fr')).toBe('old.xls: ceci est un ancien classeur .xls : enregistrez-le en .xlsx ou en CSV pour l’importer');
    expect(firstError(await importFile({ name: 'x.doc', bytes: compoundFile('WordDocument') }))?.code).toBe('ole-document');
  });
});

describe('size limits and long values', () => {
  const csv = 'ledger,party_id,entry_type,doc_no,entry_date,amount\nAR,C1,invoice,F1,2024-01-05,10\n';

  it('refuses a file larger than maxInputSize, and a parties file too', async () => {
    const result = await importText('l.csv', csv, { maxInputSize: 50 });
    expect(localizeIssue(firstError(result)!, 'nl')).toBe('l.csv: het bestand is groter dan de 50 bytes die voor een CSV/TXT-bestand aanvaard wordt; verhoog de grens als het een echte export is');
    const parties = { name: 'p.csv', bytes: new TextEncoder().encode(`ledger,party_id,name\n${'AR,C1,Acme\n'.repeat(20)}`) };
    expect(firstError(await importText('l.csv', csv, { maxInputSize: 150, parties }))).toMatchObject({ code: 'too-large', file: 'p.csv' });
  });

  it('cuts a huge bad value to 60 characters in the message', async () => {
    const huge = '9'.repeat(50_000) + 'x';
    const result = await importText('v.csv', `ledger,party_id,entry_type,doc_no,entry_date,amount\nAR,C1,invoice,F1,2024-01-05,${huge}\n`);
    const text = localizeIssue(firstError(result)!, 'en');
    expect(text).toBe(`v.csv, line 2, field amount: ${'9'.repeat(59)}… is not an amount (expected a form like -1234.56)`);
  });
});
