// subledger build never writes over what it reads, and replaces an existing file only when it
// is a workbook it wrote that nobody saved since, or with --force.
import { copyFileSync, linkSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LEDGER, PARTIES, cli } from './run-cli';

let dir = '';
let ledger = '';
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'subledger-build-out-'));
  ledger = path.join(dir, 'ledger.csv');
  copyFileSync(LEDGER, ledger);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const build = (...args: string[]) => cli('build', '--input', ledger, '--as-of', '2025-03-31', ...args);

describe('subledger build --out', () => {
  it.each([
    ['the input itself', () => ledger],
    ['the input by another path', () => path.join(dir, '.', 'sub', '..', 'ledger.csv')],
    ['a symlink to the input', () => {
      symlinkSync(ledger, path.join(dir, 'link.xlsx'));
      return path.join(dir, 'link.xlsx');
    }],
    ['a hard link to the input', () => {
      linkSync(ledger, path.join(dir, 'hard.xlsx'));
      return path.join(dir, 'hard.xlsx');
    }],
  ])('refuses %s (exit 2) and leaves the ledger as it was', async (_, out) => {
    const before = readFileSync(ledger);
    const run = await build('--out', out(), '--force');
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--out .* is the same file as --input .*: an output never replaces a file the command reads/);
    expect(readFileSync(ledger)).toEqual(before);
  });

  it('refuses the parties file as --out', async () => {
    const parties = path.join(dir, 'parties.csv');
    copyFileSync(PARTIES, parties);
    const run = await build('--parties', parties, '--out', parties);
    expect(run.code).toBe(2);
    expect(readFileSync(parties)).toEqual(readFileSync(PARTIES));
  });

  it('replaces a workbook it wrote itself, and leaves no temporary file', async () => {
    const out = path.join(dir, 'book.xlsx');
    expect((await build('--out', out)).code).toBe(0);
    expect((await build('--out', out, '--company', 'Second')).code).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['book.xlsx', 'ledger.csv']);
  });

  it('does not replace a file it did not write (or one saved since) without --force', async () => {
    const notes = path.join(dir, 'notes.xlsx');
    writeFileSync(notes, 'my own notes');
    const run = await build('--out', notes);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('exists and is not a workbook written by subledger build');
    expect(readFileSync(notes, 'utf8')).toBe('my own notes');

    const saved = path.join(dir, 'saved.xlsx');
    const workbook = new ExcelJS.Workbook();
    workbook.creator = 'Subledger';
    workbook.lastModifiedBy = 'A. Controller';
    workbook.addWorksheet('Open items AR');
    await workbook.xlsx.writeFile(saved);
    expect((await build('--out', saved)).code).toBe(2);

    expect((await build('--out', notes, '--force')).code).toBe(0);
    expect(readFileSync(notes).subarray(0, 2).toString()).toBe('PK');
  });
});
