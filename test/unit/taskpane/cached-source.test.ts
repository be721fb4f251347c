// Replace keeps a file's ledger with the file first (one short transaction) and writes its chunks
// after: the ledger the pane opens from the cache — before the chunks are written (read again
// from the kept file) and after (decoded from them) — holds the very entries the importer reads
// from the file (importFile, as the command line reads it), on the real-shaped ledger and on every
// real export in ../shared/formats/real-exports; the chunks written, the file is let go.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { writeRealShapeCsv } from '../../../bench/real-shape';
import type { Entry } from '../../../src/core/types';
import { importFile } from '../../../src/import/index';
import type { SubledgerDb } from '../../../src/store/db';
import { loadLedgerChunks, saveLedger } from '../../../src/store/ledger-cache';
import { openCachedLedger } from '../../../src/taskpane/actions/entry-assembly';
import { readCachedLedger } from '../../../src/taskpane/actions/cached-source';
import type { ImportChoice } from '../../../src/taskpane/actions/import';
import { UnderstoodHolder } from '../../../src/taskpane/actions/import-holder';
import type { FirstScreenParams } from '../../../src/taskpane/model/first-screen';
import { day, openDb } from '../store/helpers';

const EXPORTS = path.resolve(import.meta.dirname, '../../..', '../shared/formats/real-exports');
const present = existsSync(EXPORTS);
if (!present) console.warn(`${EXPORTS} not found: the real exports are skipped here`);
const ADMIN = 'adm1';
const screen: FirstScreenParams = { asOf: day('2025-06-30'), dueSoonDays: [7], basis: 'due', buckets: [30, 60, 90] };
const run = { signal: new AbortController().signal, onProgress: () => undefined, settings: { locale: 'en-GB', baseCurrency: 'EUR' } };

let db: SubledgerDb | null = null;
afterEach(() => db?.close());

/** The ledger files of the real exports (parties files and notes left out). */
function realExports(): string[] {
  if (!present) return [];
  return readdirSync(EXPORTS, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .flatMap((d) => readdirSync(path.join(EXPORTS, d.name)).map((f) => path.join(EXPORTS, d.name, f)))
    .filter((f) => !/README|DebKred/i.test(f));
}

/** Reads `file` through the pane's import steps (a side asked for is answered AR) and keeps it with its file; its chunks not written yet. */
async function keepWithFile(cache: SubledgerDb, file: string) {
  const holder = new UnderstoodHolder();
  const input = { kind: 'file' as const, name: path.basename(file), file: new Blob([readFileSync(file)]) };
  let choice: ImportChoice = {};
  let outcome = await holder.read(cache, 1, input, run, choice);
  if (outcome.kind === 'side') {
    choice = { answers: { side: 'AR' } };
    outcome = await holder.read(cache, 1, input, run, choice);
  }
  if (outcome.kind !== 'understood') throw new Error(`${file}: expected the preview, got ${outcome.kind}`);
  const kept = await holder.keep(cache, 1, ADMIN, screen, run);
  // what the command line reads from the same file with the same answer (no pane code)
  const expected = await importFile({ name: input.name, bytes: new Uint8Array(readFileSync(file)) }, { locale: 'en-GB', baseCurrency: 'EUR', ...(choice.answers?.side ? { side: choice.answers.side } : {}) });
  if (!expected.ledger) throw new Error(`${file} does not import`);
  return { kept, expected: expected.ledger.entries };
}

async function opened(cache: SubledgerDb): Promise<Entry[] | undefined> {
  return (await openCachedLedger(cache, ADMIN))?.ledger.entries;
}

async function checkFile(file: string): Promise<Entry[]> {
  db = openDb();
  const cache = db;
  // a previous ledger, replaced
  await saveLedger(cache, ADMIN, { baseCurrency: 'EUR', entries: [], parties: new Map() });
  const { kept, expected } = await keepWithFile(cache, file);
  // kept with its file, no chunk written yet: read again from it (a ledger of no entries has no chunk to wait for)
  if (expected.length > 0) expect((await loadLedgerChunks(cache, ADMIN))?.source?.name).toBe(path.basename(file));
  expect(await opened(cache)).toEqual(expected);
  expect((await readCachedLedger(cache, ADMIN))?.ledger.entries).toEqual(expected);
  // the chunks written: decoded from them, the file let go
  expect(await kept.writeChunks()).toBe(true);
  const stored = await loadLedgerChunks(cache, ADMIN);
  expect(stored?.source).toBeUndefined();
  expect(stored?.chunks).toHaveLength(Math.ceil(expected.length / 5000));
  expect(stored?.generation).toBe(kept.generation);
  expect(await opened(cache)).toEqual(expected);
  return expected;
}

describe('a ledger kept with its file', () => {
  it.each(realExports())('opens with the entries the importer reads: %s', async (file) => {
    await checkFile(file);
  }, 60_000);

  it('opens with the entries the importer reads: the real shape at 100,000 entries', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'subledger-source-'));
    try {
      const file = path.join(dir, 'real-shape-100k.csv');
      await writeRealShapeCsv(file, { entries: 100_000, seed: 5 });
      expect(await checkFile(file)).toHaveLength(100_000);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 300_000);
});
