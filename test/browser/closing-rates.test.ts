// Closing rates in the built pane (400 px wide): a rate typed in Settings (a wrong one refused in
// place, in the rates readers' words), the party view of a USD debtor at the booking and at the
// closing rate, and the ECB's history file dropped on Settings (as of a Sunday: Friday's rates),
// a broken rates file named by line and field. The party figures are worked out here from the
// open items with the rule of ledger.md §9 (open / rate, half away from zero per item).
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { formatIsoDate, today } from '../../src/core/date';
import { openItemsAsOf } from '../../src/core/open-items';
import { demoLedger } from '../../src/import/demo';
import { DEMO_SEED } from '../../src/taskpane/actions/import';
import { ROOT } from './harness';
import { loadDemo, openPane, servePane } from './pane';

const ECB = path.resolve(ROOT, '../shared/formats/ecb-rates/eurofxref-hist-90d.xml');
const haveEcb = existsSync(ECB);
if (!haveEcb) console.warn(`${ECB} is absent: dropping the ECB history file is not tested`);

const pane = servePane();

/** `open × 10000 / rate×10000`, rounded half away from zero: USD cents to EUR cents at a 4-decimal rate. */
function atRate(openCents: number, rate4: number): number {
  const n = BigInt(openCents) * 10000n;
  const d = BigInt(rate4);
  const q = n / d;
  const r = n % d;
  const up = (r < 0n ? -r : r) * 2n >= d;
  return Number(up ? q + (n < 0n ? -1n : 1n) : q);
}

async function drop(page: Page, testId: string, name: string, text: string): Promise<void> {
  const transfer = await page.evaluateHandle(
    ([fileName, content]) => {
      const dt = new DataTransfer();
      dt.items.add(new File([content as string], fileName as string, { type: 'text/plain' }));
      return dt;
    },
    [name, text],
  );
  await page.getByTestId(testId).dispatchEvent('drop', { dataTransfer: transfer });
}

describe('closing rates in the pane', () => {
  it('takes a typed rate, refuses a wrong one in place, and shows a USD debtor at both rates', async () => {
    const { page, errors } = await openPane(pane.session, pane.served.url);
    await page.setViewportSize({ width: 400, height: 900 });
    await loadDemo(page);
    await page.getByTestId('tab-settings').click();
    await page.getByTestId('rate-currency').fill('USD');
    await page.getByTestId('rate-value').fill('0');
    await expect.poll(() => page.getByTestId('closing-rates').textContent()).toContain('the rate 0 is not above zero');
    expect(await page.getByTestId('rate-add').isDisabled()).toBe(true);
    await page.getByTestId('rate-value').fill('1.0812');
    await page.getByTestId('rate-add').click();
    await page.getByTestId('closing-rate-USD').waitFor();
    expect(await page.getByTestId('closing-rate-USD').getAttribute('data-rate')).toBe('1.0812');
    expect(await page.getByTestId('closing-rate-USD').getAttribute('data-date')).toBe(formatIsoDate(today()));

    const ledger = demoLedger({ seed: DEMO_SEED });
    const open = openItemsAsOf(ledger, today()).filter((i) => i.ledger === 'AR' && i.currency === 'USD' && i.open !== 0);
    const partyId = open[0]?.partyId;
    if (partyId === undefined) throw new Error('the demo has no open USD receivable');
    const mine = open.filter((i) => i.partyId === partyId);
    const booked = mine.reduce((s, i) => s + i.openBase, 0);
    const closing = mine.reduce((s, i) => s + atRate(i.open, 10812), 0);
    await page.getByTestId('tab-parties').click();
    await page.getByTestId('party-search').pressSequentially(partyId);
    await page.getByRole('option', { name: new RegExp(partyId) }).click();
    await page.getByTestId('party-fx-USD').waitFor();
    const minor = async (id: string) => Number(await page.getByTestId(`party-fx-USD-${id}`).getAttribute('data-minor'));
    expect(await minor('open')).toBe(mine.reduce((s, i) => s + i.open, 0));
    expect(await minor('booking')).toBe(booked);
    expect(await minor('closing')).toBe(closing);
    expect(await minor('difference')).toBe(closing - booked);
    expect(await page.getByTestId('party-fx-USD').textContent()).toContain('1.0812');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(400);
    expect(errors).toEqual([]);
    await page.close();
  });

  it.skipIf(!haveEcb)('reads the ECB history dropped on Settings as of a Sunday, and names a broken file’s line and field', async () => {
    const { page, errors } = await openPane(pane.session, pane.served.url);
    await page.setViewportSize({ width: 400, height: 900 });
    await page.getByTestId('tab-settings').click();
    await page.getByTestId('rates-as-of').fill('2017-01-08');
    await drop(page, 'closing-rates', 'eurofxref-hist-90d.xml', readFileSync(ECB, 'utf8'));
    await expect.poll(() => page.getByTestId('closing-rate-GBP').getAttribute('data-rate'), { timeout: 30_000 }).toBe('0.85648');
    expect(await page.getByTestId('closing-rate-USD').getAttribute('data-rate')).toBe('1.0589');
    expect(await page.getByTestId('closing-rate-USD').getAttribute('data-date')).toBe('2017-01-06');
    expect(await page.getByTestId('closing-rates').textContent()).toContain('per 1 EUR');
    expect(await page.getByTestId('closing-rates').textContent()).toContain('eurofxref-hist-90d.xml');
    await drop(page, 'closing-rates', 'rates.csv', 'currency,rate,date\nUSD,-1.08,2024-12-31\n');
    await expect.poll(() => page.getByTestId('rates-issues').textContent()).toContain('rates.csv, line 2, field rate: the rate -1.08 is not above zero');
    expect(await page.getByTestId('closing-rate-USD').getAttribute('data-rate')).toBe('1.0589'); // nothing of the broken file kept
    expect(errors).toEqual([]);
    await page.close();
  });
});
