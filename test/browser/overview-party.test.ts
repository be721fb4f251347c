// The overview and the party view as a controller uses them, in a 400 px pane (320 px for the
// tabs): the header stays compact, the tabs stay on one line (the rest in a More menu), the key
// figures are links reached by keyboard, each side has a labelled chart of overdue against not
// yet due and one of the aging buckets, whose amounts this test adds up itself from the engine's
// aging report; the party look-up takes the best match for "desmet k", shows its contact details
// from the parties file, opens its items in the item dialog and keeps the call note on it.
// docs/party.png is taken here.
import AxeBuilder from '@axe-core/playwright';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { agingReport } from '../../src/core/aging';
import { today } from '../../src/core/date';
import { keyFigures } from '../../src/core/key-figures';
import { SIDES, partyKey } from '../../src/core/types';
import { demoLedger } from '../../src/import/demo';
import { DEMO_SEED } from '../../src/taskpane/actions/import';
import { ROOT } from './harness';
import { loadDemo, openPane, openTab, servePane, withoutToasts } from './pane';

const DOCS = path.join(ROOT, 'docs');
const pane = servePane();
const ledger = demoLedger({ seed: DEMO_SEED });
/** The pane opens in the browser's locale, en-US here: "€34,465.69". */
const euro = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'EUR' });
const euros = (minor: number) => euro.format(minor / 100);

/** The tops of the tabs shown: one value when they all share a line. */
async function tabRows(page: Page): Promise<number> {
  const tops = await page.getByRole('tab').evaluateAll((tabs) =>
    tabs.filter((t) => (t as HTMLElement).offsetParent !== null).map((t) => Math.round(t.getBoundingClientRect().top)),
  );
  return new Set(tops).size;
}

async function shownTabs(page: Page): Promise<number> {
  return page.getByRole('tab').evaluateAll((tabs) => tabs.filter((t) => (t as HTMLElement).offsetParent !== null).length);
}

async function pickLanguage(page: Page, locale: string): Promise<void> {
  await openTab(page, 'settings');
  await page.getByTestId('language-picker').click();
  await page.getByTestId(`language-picker-${locale}`).click();
}

describe('overview', () => {
  it('keeps the header within 120 px and all tabs on one line at 400 px', async () => {
    const { page, errors } = await openPane(pane.session, pane.served.url);
    await page.setViewportSize({ width: 400, height: 900 });
    await loadDemo(page);
    const header = await page.getByTestId('pane-header').boundingBox();
    expect(header!.height).toBeLessThanOrEqual(120);
    expect(await tabRows(page)).toBe(1);
    expect(await shownTabs(page)).toBe(5);
    expect(await page.getByTestId('tab-more').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('keeps the tabs on one line at 320 px in English and in Dutch, every tab reachable through More', async () => {
    const { page } = await openPane(pane.session, pane.served.url);
    await page.setViewportSize({ width: 320, height: 800 });
    await loadDemo(page);
    try {
      for (const [locale, label] of [['en-GB', 'Parties'], ['nl-BE', 'Relaties']] as const) {
        await pickLanguage(page, locale);
        for (const id of ['overview', 'openItems', 'parties', 'payments', 'settings']) {
          await openTab(page, id);
          expect(await tabRows(page), `${locale} ${id}`).toBe(1);
          expect(await page.evaluate(() => document.documentElement.scrollWidth), `${locale} ${id}`).toBeLessThanOrEqual(320);
        }
        expect(await shownTabs(page), locale).toBeLessThan(5);
        await openTab(page, 'parties');
        expect(await page.getByRole('tab', { selected: true }).locator('span').first().textContent()).toBe(label);
      }
    } finally {
      // the browser keeps the choice for the next tests of this file
      await pickLanguage(page, 'en-GB');
    }
    await page.close();
  });

  it('shows the key figures as visible links that open the filtered open items, also by keyboard', async () => {
    const { page } = await openPane(pane.session, pane.served.url);
    await loadDemo(page);
    const figure = page.getByTestId('kf-AR-overdue');
    const amount = figure.locator('span').last();
    expect(await amount.evaluate((el) => getComputedStyle(el).textDecorationLine)).toContain('underline');
    const colours = await Promise.all([amount, figure.locator('span').first()].map((l) => l.evaluate((el) => getComputedStyle(el).color)));
    expect(colours[0]).not.toBe(colours[1]);
    await figure.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('tab', { selected: true }).getAttribute('data-testid')).toBe('tab-openItems');
    const overdue = keyFigures(ledger, today(), [3, 5]).AR.overdue;
    await expect.poll(() => page.getByTestId('item-count').getAttribute('data-total')).toBe(String(overdue));
    await page.close();
  });

  it('draws per side overdue against not yet due and the aging buckets of the settings, with a legend in words and amounts', async () => {
    const { page, errors } = await openPane(pane.session, pane.served.url);
    await page.setViewportSize({ width: 400, height: 900 });
    await loadDemo(page);
    const asOf = today();
    const figures = keyFigures(ledger, asOf, [3, 5]);
    const report = agingReport(ledger, { asOf, basis: 'due', buckets: [30, 60, 90, 120] });
    for (const side of SIDES) {
      const due = page.getByTestId(`chart-due-${side}`);
      expect(await due.locator('figcaption').textContent()).toBe('Overdue and not yet due');
      const dueLegend = await due.locator('li').allTextContents();
      expect(dueLegend).toEqual([
        expect.stringContaining(`Overdue: ${euros(figures[side].overdue)}`),
        expect.stringContaining(`Not yet due: ${euros(figures[side].notDue)}`),
      ]);
      expect(await due.getByRole('img').getAttribute('aria-label')).toContain(`Overdue ${euros(figures[side].overdue)}`);

      const aging = page.getByTestId(`chart-aging-${side}`);
      expect(await aging.locator('figcaption').textContent()).toBe('Aging by due date');
      const mine = report.rows.filter((r) => r.ledger === side);
      const expected = report.bucketLabels.map((_, b) => mine.reduce((sum, r) => sum + (r.buckets[b] ?? 0), 0));
      expect(expected.reduce((a, b) => a + b, 0)).toBe(figures[side].total);
      const words = ['Not yet due', '1-30 days', '31-60 days', '61-90 days', '91-120 days', '>120 days'];
      const legend = await aging.locator('li').allTextContents();
      expect(legend).toHaveLength(words.length);
      words.forEach((w, b) => expect(legend[b], w).toContain(`${w}: ${euros(expected[b] ?? NaN)}`));
    }
    await withoutToasts(page);
    const violations = (await new AxeBuilder({ page }).exclude('[data-tabster-dummy]').analyze()).violations.map((v) => `${v.id}: ${v.nodes[0]?.target.join(' ')}`);
    expect(violations).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('party view', () => {
  it('takes the best match for "desmet k", shows its contact details, opens its items and keeps the call note on it', async () => {
    const { page, errors } = await openPane(pane.session, pane.served.url);
    await page.setViewportSize({ width: 400, height: 900 });
    await loadDemo(page);
    const wanted = ledger.parties.get(partyKey('AR', 'D0034'))!;
    const supplier = [...ledger.parties.values()].find((p) => p.ledger === 'AP' && p.name?.startsWith('Desmet'))!;
    expect(wanted.name).toBe('Desmet Kantoorinrichting bvba');
    expect(supplier.name).toMatch(/^Desmet [^K]/);
    await openTab(page, 'parties');
    await page.getByTestId('party-search').pressSequentially('desmet k');
    const first = page.getByTestId('party-option').first();
    await first.waitFor();
    // each suggestion says its side; the supplier (only a "k" somewhere) comes after the debtor
    const options = await page.getByTestId('party-option').allTextContents();
    expect(options[0]).toBe(`${wanted.name} (D0034) · Receivables`);
    expect(options).toContain(`${supplier.name} (${supplier.partyId}) · Payables`);
    await page.keyboard.press('Enter');
    const card = page.getByTestId('party-card');
    await expect.poll(() => card.locator('h2').textContent()).toBe(`${wanted.name} (D0034) · Receivables`);
    expect(await page.getByTestId('party-phone').textContent()).toBe(wanted.phone);
    expect(await page.getByTestId('party-email').textContent()).toBe(wanted.email);
    expect(await page.getByTestId('party-email').locator('a').getAttribute('href')).toBe(`mailto:${wanted.email}`);
    expect(await page.getByTestId('party-vat').textContent()).toBe(wanted.vatNo);
    expect(await page.getByTestId('party-address').textContent()).toContain(wanted.country);

    // an item opens the item dialog; a note saved there is on that item
    const item = page.getByTestId('party-item').first();
    const docNo = (await item.textContent())!.split(' · ')[0]!;
    const key = await item.getAttribute('data-key');
    expect(key).toContain(docNo);
    await item.click();
    const dialog = page.getByTestId('item-dialog');
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain(docNo);
    await page.getByTestId('note-text').fill('Invoice copy sent again');
    await page.getByTestId('dialog-save').click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => item.evaluate((el) => el === document.activeElement)).toBe(true);
    await expect.poll(() => page.getByTestId('party-history').textContent()).toContain(`${docNo}: Invoice copy sent again`);

    await page.getByTestId('party-note').fill('Called: pays Friday');
    await page.getByTestId('party-note-save').click();
    await expect.poll(() => page.getByTestId('party-history').textContent()).toContain('Called: pays Friday');
    await withoutToasts(page);
    await page.screenshot({ path: path.join(DOCS, 'party.png'), fullPage: true });

    // in Open items, the note is on that row
    await openTab(page, 'openItems');
    await page.getByTestId('item-search').fill(docNo);
    await expect.poll(() => page.locator(`[data-key="${key}"] [data-testid="item-note"]`).textContent()).toBe('Invoice copy sent again');

    // neither note is on the supplier that also matched
    await openTab(page, 'parties');
    await page.getByTestId('party-search').fill('');
    await page.getByTestId('party-search').pressSequentially(supplier.partyId);
    await page.keyboard.press('Enter');
    await expect.poll(() => card.locator('h2').textContent()).toBe(`${supplier.name} (${supplier.partyId}) · Payables`);
    const history = page.getByTestId('party-history');
    const supplierHistory = (await history.count()) === 0 ? '' : await history.textContent();
    expect(supplierHistory).not.toContain('Called: pays Friday');
    expect(supplierHistory).not.toContain('Invoice copy sent again');
    expect(errors).toEqual([]);
    await page.close();
  });
});
