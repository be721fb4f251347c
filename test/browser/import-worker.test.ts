// The pane's import runs in a Web Worker: a real-shaped ledger imported through it shows the key
// figures the engine computes for the same file (computed here in Node, apart from the pane), and
// so does the pane opened again (its first screen computed by a worker from the cache);
// Cancel while the file is read terminates the worker, and a cache write that fails says so: both
// keep the previous ledger and its notes; a broken file's error names its line and field, in the
// user's words. Functional only: nothing here is timed (bench/pane-import.ts measures).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeRealShapeCsv } from '../../bench/real-shape';
import { today } from '../../src/core/date';
import { keyFigures } from '../../src/core/key-figures';
import { DEFAULT_DUE_WITHIN } from '../../src/core/report-types';
import type { Side } from '../../src/core/types';
import { importFile } from '../../src/import/index';
import { afterReload, loadDemo, noteOnFirstItem, openPane, openTab, servePane, withoutToasts } from './pane';

const pane = servePane();
const dir = mkdtempSync(path.join(tmpdir(), 'subledger-worker-'));
const SMALL = path.join(dir, 'real-shape-20k.csv');
const BIG = path.join(dir, 'real-shape-300k.csv');
const BROKEN = path.join(dir, 'broken.csv');

beforeAll(async () => {
  await writeRealShapeCsv(SMALL, { entries: 20_000, seed: 7 });
  await writeRealShapeCsv(BIG, { entries: 300_000, seed: 8 });
  writeFileSync(
    BROKEN,
    [
      'ledger,party_id,entry_type,doc_no,entry_date,amount,currency',
      'AR,C1,invoice,F1,2025-03-01,121.00,EUR',
      'AR,C1,invoice,F2,2025-03-02,80.00,EUR',
      'AR,C2,invoice,F3,2025-02-30,10.00,EUR',
    ].join('\n'),
  );
}, 300_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('import in a worker', () => {
  it('shows the key figures the engine computes for the same file, the work done by a worker', async () => {
    const { page, errors } = await openPane(pane.session, pane.served.url);
    const workers: string[] = [];
    page.on('worker', (w) => workers.push(w.url()));
    await page.getByTestId('import-input').setInputFiles(SMALL);
    await page.getByTestId('import-preview').waitFor({ timeout: 120_000 });
    await page.getByTestId('import-replace').click();
    await page.getByTestId('import-progress').waitFor({ state: 'detached', timeout: 120_000 });
    // The worker is a script of the add-in's own origin.
    expect(workers).toHaveLength(1);
    expect(new URL(workers[0] ?? '').origin).toBe(new URL(pane.served.url).origin);

    const result = await importFile({ name: 'real-shape-20k.csv', bytes: new Uint8Array(readFileSync(SMALL)) });
    if (!result.ledger) throw new Error('the generated ledger does not import');
    const figures = keyFigures(result.ledger, today(), DEFAULT_DUE_WITHIN);
    for (const side of ['AR', 'AP'] as Side[]) {
      const shown = (name: string) => page.getByTestId(`kf-${side}-${name}`).getAttribute('data-minor');
      await expect.poll(() => shown('total'), { timeout: 60_000 }).toBe(String(figures[side].total));
      expect(await shown('overdue')).toBe(String(figures[side].overdue));
      expect(await shown('notDue')).toBe(String(figures[side].notDue));
    }
    // And the pane opened again shows the ledger the worker cached: its first screen computed by a
    // worker that reads the cache (never on the pane's thread), the same figures.
    const reopened: string[] = [];
    page.on('worker', (w) => reopened.push(w.url()));
    await page.reload();
    for (const side of ['AR', 'AP'] as Side[]) {
      const shown = (name: string) => page.getByTestId(`kf-${side}-${name}`).getAttribute('data-minor');
      await expect.poll(() => shown('total'), { timeout: 60_000 }).toBe(String(figures[side].total));
      expect(await shown('overdue')).toBe(String(figures[side].overdue));
      expect(await shown('notDue')).toBe(String(figures[side].notDue));
    }
    expect(reopened.length).toBeGreaterThan(0);
    expect(new Set(reopened)).toEqual(new Set([workers[0]]));
    // and its lists once its entries are decoded on the pane's side, made by a worker too
    await page.getByTestId('ledger-opening').waitFor({ state: 'detached', timeout: 60_000 });
    const before = reopened.length;
    await openTab(page, 'openItems');
    await page.getByTestId('item-row').first().waitFor({ timeout: 60_000 });
    expect(reopened.slice(before)).toEqual([workers[0]]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a ledger whose chunks cannot be written stays kept with its file: it opens, and opened again it is read from the file', async () => {
    const { page, errors } = await openPane(pane.session, pane.served.url);
    await page.getByTestId('import-input').setInputFiles(SMALL);
    await page.getByTestId('import-preview').waitFor({ timeout: 120_000 });
    const worker = page.workers().at(-1);
    if (!worker) throw new Error('no import worker');
    // the worker's writes of chunks fail (the disk full after the ledger was kept)
    await worker.evaluate(() => {
      const { put } = Object.getOwnPropertyDescriptors(IDBObjectStore.prototype);
      IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
        if (this.name === 'ledgerChunks') throw new DOMException('The disk is full', 'QuotaExceededError');
        return (put?.value as IDBObjectStore['put']).apply(this, args);
      };
    });
    await page.getByTestId('import-replace').click();
    await page.getByTestId('import-progress').waitFor({ state: 'detached', timeout: 120_000 });
    await page.getByTestId('ledger-opening').waitFor({ state: 'detached', timeout: 60_000 });
    const result = await importFile({ name: 'real-shape-20k.csv', bytes: new Uint8Array(readFileSync(SMALL)) });
    if (!result.ledger) throw new Error('the generated ledger does not import');
    const figures = keyFigures(result.ledger, today(), DEFAULT_DUE_WITHIN);
    const shown = () => page.getByTestId('kf-AR-total').getAttribute('data-minor');
    await expect.poll(shown, { timeout: 60_000 }).toBe(String(figures.AR.total));
    await openTab(page, 'openItems');
    await page.getByTestId('item-row').first().waitFor({ timeout: 60_000 });
    // The chunks stored in the pane's database: none were written.
    const storedChunks = () =>
      page.evaluate(
        () =>
          new Promise<number>((resolve, reject) => {
            const open = indexedDB.open('subledger');
            open.onerror = () => reject(open.error ?? new Error('no database'));
            open.onsuccess = () => {
              const db = open.result;
              const counted = db.transaction('ledgerChunks').objectStore('ledgerChunks').count();
              counted.onsuccess = () => {
                db.close();
                resolve(counted.result);
              };
              counted.onerror = () => reject(counted.error ?? new Error('not counted'));
            };
          }),
      );
    expect(await storedChunks()).toBe(0);
    // opened again: read again from the kept file (by a worker that now writes its chunks)
    await page.reload();
    await expect.poll(shown, { timeout: 60_000 }).toBe(String(figures.AR.total));
    await page.getByTestId('ledger-opening').waitFor({ state: 'detached', timeout: 60_000 });
    await openTab(page, 'openItems');
    await page.getByTestId('item-row').first().waitFor({ timeout: 60_000 });
    await expect.poll(storedChunks, { timeout: 30_000 }).toBe(Math.ceil(20_000 / 5_000));
    expect(errors).toEqual([]);
    await page.close();
  });

  it('Cancel while reading stops the worker, a cache write that fails says so, and both keep the previous ledger and its notes', async () => {
    const { page } = await openPane(pane.session, pane.served.url);
    await loadDemo(page);
    const before = await page.getByTestId('kf-AR-total').getAttribute('data-minor');
    const key = await noteOnFirstItem(page, 'kept through a cancel');
    // The demo was read by a worker already; it and every later one are watched for their end.
    const closed: string[] = [];
    const watch = (w: Worker) => w.on('close', () => closed.push(w.url()));
    page.workers().forEach(watch);
    page.on('worker', watch);

    // While the file is read.
    await withoutToasts(page);
    await page.getByTestId('import-input').setInputFiles(BIG);
    await page.getByTestId('import-cancel').click();
    await page.getByTestId('import-progress').waitFor({ state: 'detached', timeout: 30_000 });
    await expect.poll(() => page.locator('.fui-Toast').allTextContents()).toContainEqual(expect.stringContaining('Import cancelled'));
    // (a terminated worker is reported closed once its thread stops: seconds on a loaded machine)
    await expect.poll(() => closed.length, { timeout: 30_000 }).toBe(1);
    expect(await page.getByTestId('import-preview').count()).toBe(0);

    // A cache write that fails (the disk full) after Replace: nothing of the new ledger is kept or
    // shown, the pane says why. (The new ledger is kept in one transaction, with its file, before
    // its chunks are written: a Cancel after Replace finds it kept whole or not at all.)
    await withoutToasts(page);
    await page.getByTestId('import-input').setInputFiles(BIG);
    await page.getByTestId('import-preview').waitFor({ timeout: 300_000 });
    const worker = page.workers().at(-1);
    if (!worker) throw new Error('no import worker');
    await worker.evaluate(() => {
      const full = () => {
        throw new DOMException('The disk is full', 'QuotaExceededError');
      };
      IDBObjectStore.prototype.put = full;
      IDBObjectStore.prototype.add = full;
    });
    await page.getByTestId('import-replace').click();
    await page.getByTestId('import-progress').waitFor({ state: 'detached', timeout: 60_000 });
    await expect.poll(() => page.locator('.fui-Toast').allTextContents()).toContainEqual(expect.stringMatching(/^Something went wrong: .*disk is full/));
    expect(await page.getByTestId('kf-AR-total').getAttribute('data-minor')).toBe(before);

    const reloaded = await afterReload(page, key);
    expect(reloaded.total).toBe(before);
    await expect.poll(reloaded.note).toBe('kept through a cancel');
    await page.close();
  }, 360_000); // two reads of the 300k file on a loaded machine: more than the file's 120 s per test

  it('names the line and the field of a broken file, in the pane’s language', async () => {
    const { page } = await openPane(pane.session, pane.served.url);
    await page.getByTestId('import-input').setInputFiles(BROKEN);
    const errors = page.getByTestId('import-error-list');
    await expect.poll(() => errors.textContent(), { timeout: 60_000 }).toMatch(/broken\.csv, line 4\b.*entry_date/);
    await openTab(page, 'settings');
    await page.getByTestId('language-picker').click();
    await page.getByTestId('language-picker-nl-NL').click();
    await page.getByRole('tab', { name: 'Overzicht', exact: true }).click();
    await page.getByTestId('import-input').setInputFiles(BROKEN);
    await expect.poll(() => page.getByTestId('import-error-list').textContent(), { timeout: 60_000 }).toMatch(/broken\.csv, regel 4\b.*entry_date/);
    // in Dutch the Settings tab may sit in the More menu (the tabs keep to one line)
    await openTab(page, 'settings');
    await page.getByTestId('language-picker').click();
    await page.getByTestId('language-picker-en-GB').click();
    await page.close();
  });
});
