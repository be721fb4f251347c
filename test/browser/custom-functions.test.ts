// The =SUBLEDGER.… functions in a simulated Excel host: the test build's page (the shared runtime
// of pane and functions) registers them with a fake CustomFunctions namespace; the test calls them
// as cells would and checks that they answer #N/A before a ledger is loaded and then, without
// being called again, the engine's figures for the ledger the pane loaded.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { today, toExcelSerial } from '../../src/core/date';
import { keyFigures } from '../../src/core/key-figures';
import { openItemsAsOf } from '../../src/core/open-items';
import { demoLedger } from '../../src/import/demo';
import { DEMO_SEED } from '../../src/taskpane/actions/import';
import { buildFakeExcelPane, FAKE_DIST } from './fake-excel-build';
import { loadDemo, openPane, servePane } from './pane';

const pane = servePane(FAKE_DIST, buildFakeExcelPane);

interface CellView {
  latest: unknown;
  results: unknown[];
}

describe('custom functions sharing the pane’s runtime', () => {
  it('are registered under the ids of functions.json and answer from the ledger the pane loads', async () => {
    const { page, errors } = await openPane(pane.session, pane.served.url);
    const metadata = JSON.parse(readFileSync(path.join(FAKE_DIST, 'functions.json'), 'utf8')) as { functions: { id: string }[] };
    const ids = metadata.functions.map((f) => f.id).sort();
    expect(ids).toContain('BALANCE');
    await expect.poll(() => page.evaluate(() => (window as never as { fakeCustomFunctions: { ids(): string[] } }).fakeCustomFunctions.ids().sort())).toEqual(ids);

    const ledger = demoLedger({ seed: DEMO_SEED });
    const asOf = today();
    const party = openItemsAsOf(ledger, asOf).find((i) => i.ledger === 'AR')!.partyId;
    await page.evaluate((p) => {
      const w = window as never as { fakeCustomFunctions: { call(id: string, ...a: unknown[]): unknown }; cells: Record<string, unknown> };
      w.cells = {
        total: w.fakeCustomFunctions.call('BALANCE', '*', null, 'AR'),
        known: w.fakeCustomFunctions.call('KNOWNUPTO', 'AP'),
        open: w.fakeCustomFunctions.call('OPEN', p, null, 'AR'),
      };
    }, party);
    const cell = (name: string) =>
      page.evaluate((n) => {
        const c = (window as never as { cells: Record<string, CellView> }).cells[n]!;
        return { latest: c.latest, results: c.results.length };
      }, name);
    expect((await cell('total')).latest).toMatchObject({ code: '#N/A' });

    await loadDemo(page);
    const figures = keyFigures(ledger, asOf);
    await expect.poll(async () => (await cell('total')).latest).toBeCloseTo(figures.AR.total / 100, 6);
    expect((await cell('known')).latest).toBe(toExcelSerial(figures.AP.journalsUpdatedUntil!));
    const table = (await cell('open')).latest as unknown[][];
    const expected = openItemsAsOf(ledger, asOf).filter((i) => i.ledger === 'AR' && i.partyId === party);
    expect(table.slice(1).map((r) => r[2])).toEqual(expected.map((i) => i.docNo));
    expect(errors).toEqual([]);
    await page.close();
  });
});
