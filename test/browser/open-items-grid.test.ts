// The Open items grid in the built pane with the demo ledger, at 400 and 320 px: no cell text is
// cut, the columns that do not fit are in the row's detail; ordering by open amount, the subtotals
// per party and the selection's total agree with the engine's items read here (not through the
// grid's code); a "handled" on several rows and the filters survive a reload; a paid invoice shows
// its paid date and the payment that settled it, and that payment is listed itself.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { today } from '../../src/core/date';
import { allItemsAsOf, openItemsAsOf } from '../../src/core/open-items';
import type { Item } from '../../src/core/report-types';
import { demoLedger } from '../../src/import/demo';
import { DEMO_SEED } from '../../src/taskpane/actions/import';
import { loadDemo, openPane, servePane } from './pane';

const pane = servePane();
const LEDGER = demoLedger({ seed: DEMO_SEED });
const ASOF = today();
const OPEN = openItemsAsOf(LEDGER, ASOF);
const BY_KEY = new Map(allItemsAsOf(LEDGER, ASOF).map((i) => [i.key, i]));

/** "EUR:123;USD:5" of a list of items: each currency's open amount summed on its own. */
function perCurrency(items: readonly Item[]): string {
  const sums = new Map<string, number>();
  for (const i of items) sums.set(i.currency, (sums.get(i.currency) ?? 0) + i.open);
  return [...sums.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([c, v]) => `${c}:${v}`)
    .join(';');
}

async function openGrid(width: number): Promise<Page> {
  const { page } = await openPane(pane.session, pane.served.url);
  await page.setViewportSize({ width, height: 900 });
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await page.getByTestId('tab-overview').waitFor({ timeout: 30_000 });
  if ((await page.getByTestId('kf-AR-total').count()) === 0) await loadDemo(page);
  await page.getByTestId('tab-openItems').click();
  await page.getByTestId('item-row').first().waitFor();
  return page;
}

/** The cells whose text does not fit their box (a cut "due 1…"), as "column: text". */
async function cutCells(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('[data-testid="item-row"] [role="cell"], [data-testid="grid-head"] [role="columnheader"]')]
      .filter((c) => c.scrollWidth > c.clientWidth + 1)
      .map((c) => `${c.dataset.col ?? '?'}: ${c.textContent ?? ''}`),
  );
}

const keysShown = (page: Page) => page.getByTestId('item-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-key') ?? ''));

describe.each([400, 320])('open items grid at %i px', (width) => {
  it('cuts no text, keeps the other columns in the detail, and orders by open amount', async () => {
    const page = await openGrid(width);
    if (process.env.GRID_SHOTS) await page.getByTestId('item-grid').screenshot({ path: `${process.env.GRID_SHOTS}/grid-${width}.png` });
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    expect(await cutCells(page)).toEqual([]);
    const columns = ((await page.getByTestId('item-grid').getAttribute('data-columns')) ?? '').split(' ');
    expect(columns).toContain('party');
    expect(columns).toContain('open');
    // every column is on screen: in the grid, or in the first row's detail
    const first = page.getByTestId('item-row').first();
    const item = BY_KEY.get((await first.getAttribute('data-key')) ?? '');
    if (!item) throw new Error('the first row is no item of the engine');
    const detail = (await first.getByTestId('item-detail').textContent()) ?? '';
    if (!columns.includes('document')) expect(detail).toContain(`Document: ${item.docNo}`);
    const typeLabel = { invoice: 'Invoice', credit_note: 'Credit note', payment: 'Payment', journal: 'Journal' }[item.entryType];
    if (!columns.includes('type')) expect(detail).toContain(`Type: ${typeLabel}`);
    if (!columns.includes('dueDate')) expect(detail).toMatch(/Due date: \d\d\/\d\d\/\d{4}/);

    const sortOpen = page.getByTestId('sort-open');
    await sortOpen.click();
    await expect.poll(() => page.locator('[role="columnheader"][data-col="open"]').getAttribute('aria-sort')).toBe('descending');
    const expected = OPEN.filter((i) => i.ledger === 'AR')
      .map((i, n) => ({ i, n }))
      .sort((a, b) => b.i.openBase - a.i.openBase || b.i.open - a.i.open || a.n - b.n)
      .map(({ i }) => i.key);
    await expect.poll(async () => (await keysShown(page)).slice(0, 5)).toEqual(expected.slice(0, 5));
    await sortOpen.press('Enter');
    await expect.poll(() => page.locator('[role="columnheader"][data-col="open"]').getAttribute('aria-sort')).toBe('ascending');
    await expect.poll(async () => (await keysShown(page))[0]).toBe([...expected].reverse()[0]);
    expect(await cutCells(page)).toEqual([]);
    await page.close();
  });

  it('groups by party with subtotals per currency, and totals a selection', async () => {
    const page = await openGrid(width);
    await page.getByTestId('group-by-party').click();
    const groups = page.getByTestId('group-row');
    await groups.first().waitFor();
    const shown = await groups.evaluateAll((rows) => rows.map((r) => [r.getAttribute('data-party') ?? '', r.getAttribute('data-totals') ?? '']));
    expect(shown.length).toBeGreaterThan(1);
    for (const [party, totals] of shown) {
      expect(totals).toBe(perCurrency(OPEN.filter((i) => i.ledger === 'AR' && i.partyId === party)));
    }
    expect(await cutCells(page)).toEqual([]);

    const boxes = page.getByTestId('item-select');
    for (const n of [0, 1, 2]) await boxes.nth(n).click();
    const keys = (await keysShown(page)).slice(0, 3);
    const count = page.getByTestId('selection-count');
    await expect.poll(() => count.getAttribute('data-count')).toBe('3');
    expect(await count.getAttribute('data-totals')).toBe(perCurrency(keys.map((k) => BY_KEY.get(k) as Item)));
    await page.close();
  });

  it('keeps a "handled" set on several rows and the filters after a reload', async () => {
    const page = await openGrid(width);
    await page.getByTestId('side-AP').click();
    await page.getByTestId('sort-descending').waitFor();
    await page.getByTestId('item-row').first().waitFor();
    const keys = (await keysShown(page)).slice(0, 2);
    await page.getByTestId('item-select').nth(0).click();
    await page.getByTestId('item-select').nth(1).click();
    await page.getByTestId('action-handled').click();
    for (const key of keys) await page.locator(`[data-key="${key}"] [data-testid="item-handled-mark"]`).waitFor();
    await page.getByTestId('group-by-party').click();
    await page.getByTestId('sort-descending').click();
    await page.getByTestId('item-search').fill(BY_KEY.get(keys[0] ?? '')?.partyName ?? '');
    await expect.poll(() => page.getByTestId('sort-descending').getAttribute('aria-pressed')).toBe('true');

    await page.reload();
    await page.getByTestId('kf-AR-total').waitFor({ timeout: 30_000 });
    await page.getByTestId('tab-openItems').click();
    expect(await page.getByTestId('side-AP').getAttribute('aria-pressed')).toBe('true');
    expect(await page.getByTestId('group-by-party').isChecked()).toBe(true);
    expect(await page.getByTestId('item-search').inputValue()).toBe(BY_KEY.get(keys[0] ?? '')?.partyName);
    expect(await page.getByTestId('sort-descending').getAttribute('aria-pressed')).toBe('true');
    expect(await page.getByTestId('sort-column').textContent()).toContain('Due date');
    await expect.poll(() => page.locator(`[data-key="${keys[0]}"] [data-testid="item-handled-mark"]`).count()).toBe(1);
    await page.getByTestId('item-search').fill(BY_KEY.get(keys[1] ?? '')?.partyName ?? '');
    await expect.poll(() => page.locator(`[data-key="${keys[1]}"] [data-testid="item-handled-mark"]`).count()).toBe(1);
    await page.close();
  });
});

describe('all transactions', () => {
  it('shows a paid invoice with its amount, paid date and the payment that settled it, and the payment itself', async () => {
    // from the ledger's own rows: an AR invoice settled by exactly one payment
    const settlers = LEDGER.entries.filter((e) => e.ledger === 'AR' && e.entryType === 'payment' && e.settles !== undefined && e.entryDate <= ASOF);
    const invoice = [...BY_KEY.values()].find(
      (i) => i.ledger === 'AR' && i.entryType === 'invoice' && i.open === 0 && settlers.filter((p) => p.partyId === i.partyId && p.settles === i.docNo).length === 1,
    );
    if (!invoice) throw new Error('the demo has no invoice paid by one payment');
    const payment = settlers.find((p) => p.partyId === invoice.partyId && p.settles === invoice.docNo);
    if (!payment) throw new Error('no payment');
    const page = await openGrid(400);
    await page.getByTestId('status-filter').click();
    await page.getByRole('option', { name: 'All, including paid' }).click();
    await page.getByTestId('item-search').fill(invoice.docNo);
    const row = page.locator(`[data-testid="item-row"][data-key="${invoice.key}"]`);
    await row.waitFor();
    const date = (day: number) => new Date(day * 86_400_000).toLocaleDateString('en-US', { timeZone: 'UTC', year: 'numeric', month: '2-digit', day: '2-digit' });
    const paid = (await row.getByTestId('item-paid').textContent()) ?? '';
    expect(paid).toContain(`Paid ${date(payment.entryDate)}`);
    expect(paid).toContain(payment.docNo);
    const amount = (invoice.amount / 100).toLocaleString('en-US', { style: 'currency', currency: invoice.currency });
    expect(await row.textContent()).toContain(amount);
    const paymentRow = page.locator('[data-testid="item-row"][data-type="payment"]').filter({ hasText: `Settles ${invoice.docNo}` });
    await expect.poll(() => paymentRow.count()).toBeGreaterThanOrEqual(1);
    expect(await paymentRow.first().textContent()).toContain('Payment');
    // newest first by default
    expect(await page.getByTestId('sort-column').textContent()).toContain('Date');
    expect(await page.getByTestId('sort-descending').getAttribute('aria-pressed')).toBe('true');
    await page.close();
  });
});
