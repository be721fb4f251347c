// Every view of the pane in Dutch and in French at 400 px (the data-in card empty, the import
// preview and report of a Dutch export, the overview, the sheet choice, the Year-end pack, open
// items and the item dialog, a party, the paying account asked on first use and the payment plan
// with a refused item, settings with wrong values, the More menu): no visible text, label,
// placeholder or title may be an English text of the pane's dictionary (en.ts) that Dutch or French
// words differently, and axe-core finds no violation on any of them. Dates follow the region
// chosen (nl-BE and fr-BE: 27/11/2026). The README's Dutch and French screenshots are taken here
// (docs/overview-nl.png, docs/open-items-nl.png and the same in fr).
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { today } from '../../src/core/date';
import { openItemsAsOf } from '../../src/core/open-items';
import { demoLedger } from '../../src/import/demo';
import { DEMO_SEED } from '../../src/taskpane/actions/import';
import { BUCKET_LIMIT_TEXTS } from '../../src/core/aging';
import { CORE_ISSUE_TEXTS, MORE_OF_THE_SAME } from '../../src/core/issue-texts';
import { byKey, type Catalogue } from '../../src/core/words';
import { ACCOUNT_REASONS } from '../../src/export/iban';
import { REFERENCE_REASONS } from '../../src/export/references';
import { REFUSAL_TEXTS } from '../../src/export/refusals';
import { IMPORT_CATALOGUES } from '../../src/import/messages';
import { SHEET_CATALOGUES } from '../../src/sheets/i18n';
import { RECORD_CATALOGUES } from '../../src/store/record-problems';
import { DICTIONARIES, type Lang } from '../../src/taskpane/i18n';
import { ROOT } from './harness';
import { loadDemo, openPane, openTab, servePane, withoutToasts } from './pane';

const DEBTORS = path.join(ROOT, 'test/fixtures/taskpane/debtors.csv'); // a Dutch export of open items

const pane = servePane();

/**
 * Visible texts that are English on purpose. Kept short; each with its reason.
 */
const ALLOWED = new Set([
  'Subledger', // the product's name
  'Excel', // the host's name (in "runs in Excel")
]);

/**
 * Every catalogue of words the pane can show: its own dictionaries (en.ts, nl.ts, fr.ts) and the
 * engine's sentences it puts on screen (import issues, account and payment refusals, the sheets'
 * words such as entry types, the bucket limits, the stored records' problems).
 */
const CATALOGUES: Record<string, Catalogue> = {
  'en.ts': byKey(DICTIONARIES),
  ...SHEET_CATALOGUES,
  CORE_ISSUE_TEXTS,
  MORE_OF_THE_SAME: { 'more-of-the-same': MORE_OF_THE_SAME },
  ...IMPORT_CATALOGUES,
  ACCOUNT_REASONS,
  REFERENCE_REASONS,
  REFUSAL_TEXTS,
  BUCKET_LIMIT_TEXTS,
  ...RECORD_CATALOGUES,
};

/**
 * English words that no Dutch or French sentence uses: a text with two of them is English even
 * when no catalogue holds it (a sentence built in code, never put through a catalogue).
 */
const ENGLISH_WORDS = new Set(['the', 'not', 'has', 'have', 'with', 'which', 'cannot', 'must', 'should', 'there', 'this', 'that', 'from', 'given', 'only', 'when', 'nothing', 'its']);

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A catalogue text as a whole-text pattern: `{name}` matches anything, a `[… {name} …]` part may be absent. */
function pattern(template: string): RegExp {
  const source = template
    .split(/(\[[^[\]]*\{\w+\}[^[\]]*\]|\{\w+\})/)
    .map((part) => {
      if (/^\{\w+\}$/.test(part)) return '.+?';
      if (part.startsWith('[') && part.endsWith(']')) return `(?:${escape(part.slice(1, -1)).replace(/\\\{\w+\\\}/g, '.+?')})?`;
      return escape(part);
    })
    .join('');
  return new RegExp(`^${source}$`, 's');
}

/** The stretches of a template without placeholders that are long enough to tell a language (three words or more). */
function telltales(template: string): string[] {
  return template
    .split(/\[[^[\]]*\{\w+\}[^[\]]*\]|\{\w+\}/)
    .map((part) => part.trim())
    .filter((part) => part.split(/\s+/).length >= 3 && /[A-Za-z]{3}/.test(part));
}

interface English {
  key: string;
  whole: RegExp;
  parts: string[];
}

/** The English texts a Dutch or French pane must not show: those it words differently. */
function englishOnly(lang: Lang): English[] {
  const texts = Object.entries(CATALOGUES).flatMap(([name, table]) => Object.entries(table).map(([key, words]) => ({ key: `${name} ${key}`, words })));
  const own = new Set(texts.map((t) => t.words[lang]));
  return texts
    .flatMap(({ key, words }) => (words.en === undefined ? [] : [{ key, text: words.en }]))
    .filter(({ text }) => !own.has(text) && !ALLOWED.has(text))
    // a template whose words outside the placeholders are too few to tell a language ("{a} · {b}")
    .filter(({ text }) => /[A-Za-z]{3}/.test(text.replace(/\{\w+\}/g, '')))
    .map(({ key, text }) => ({ key, whole: pattern(text), parts: telltales(text) }));
}

/** The texts a person sees: visible text nodes, and labels, placeholders and titles. */
async function visibleTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const shown = (el: Element) => {
      if (el.closest('[hidden], [aria-hidden="true"], script, style, template')) return false;
      const box = el.getBoundingClientRect();
      const style = getComputedStyle(el);
      return box.width > 0 && box.height > 0 && style.visibility !== 'hidden';
    };
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent?.trim() ?? '';
      if (text !== '' && node.parentElement && shown(node.parentElement)) out.push(text);
    }
    for (const el of document.querySelectorAll('[aria-label], [placeholder], [title]')) {
      for (const name of ['aria-label', 'placeholder', 'title']) {
        const value = el.getAttribute(name)?.trim();
        // what is not rendered (display: none, such as Fluent's unused "Clear selection" button of a
        // drop-down) is neither seen nor read out
        if (value && !el.closest('[data-tabster-dummy]') && shown(el)) out.push(value);
      }
    }
    return out;
  });
}

async function englishOn(page: Page, lang: Lang, view: string): Promise<string[]> {
  const english = englishOnly(lang);
  const found: string[] = [];
  for (const text of await visibleTexts(page)) {
    const hit = english.find((e) => e.whole.test(text) || e.parts.some((part) => text.includes(part)));
    const words = new Set(text.toLowerCase().split(/[^a-z']+/).filter((w) => ENGLISH_WORDS.has(w)));
    if (hit) found.push(`${view}: "${text}" (${hit.key})`);
    else if (words.size >= 2) found.push(`${view}: "${text}" (English words ${[...words].join(', ')})`);
  }
  return found;
}

async function axeViolations(page: Page, view: string): Promise<string[]> {
  // Tabster's focus guards (<i data-tabster-dummy aria-hidden tabindex=0>) are a known false
  // positive of aria-hidden-focus (microsoft/tabster#288).
  const scan = () => new AxeBuilder({ page }).exclude('[data-tabster-dummy]');
  const results = [await scan().exclude('.fui-MenuPopover').analyze()];
  // An open menu is a popup Fluent renders at the end of <body>, outside the page's landmarks:
  // "region" (a best practice: all content in landmarks) does not apply to a popup that takes the
  // focus and returns it to its trigger; every other rule does.
  if ((await page.locator('.fui-MenuPopover').count()) > 0) results.push(await scan().include('.fui-MenuPopover').disableRules(['region']).analyze());
  return results.flatMap((result) => result.violations.map((v) => `${view}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`));
}

/** The calendar day of the pane's as-of date the way Belgians write it: 27/11/2026. */
function belgianToday(): string {
  const d = new Date(today() * 86_400_000);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(d.getUTCDate())}/${two(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`;
}

/** The demo's open payables by what the payment plan will do with them (computed from the demo itself). */
const DEMO_AP = openItemsAsOf(demoLedger({ seed: DEMO_SEED }), today()).filter((i) => i.ledger === 'AP' && i.open !== 0);
const PAYABLE = new Set(DEMO_AP.filter((i) => i.open > 0 && i.currency === 'EUR').map((i) => i.key));
const REFUSED = new Set(DEMO_AP.filter((i) => i.open < 0 || i.currency !== 'EUR').map((i) => i.key));

/** Selects a payable and an item the plan refuses (a credit or a foreign currency), and adds them to the payment. */
async function payOneAndRefuseOne(page: Page): Promise<void> {
  await page.getByTestId('side-AP').click();
  const rows = page.getByTestId('item-row');
  await rows.first().waitFor();
  const keys = await rows.evaluateAll((list) => list.map((r) => r.getAttribute('data-key') ?? ''));
  const chosen = [keys.find((k) => PAYABLE.has(k)), keys.find((k) => REFUSED.has(k))];
  expect(chosen.every((k) => k !== undefined), `a payable and a refused item among ${keys.length} rows`).toBe(true);
  for (const key of chosen) await page.locator(`[data-testid="item-row"][data-key="${key}"] [data-testid="item-select"]`).click();
  await page.getByTestId('action-add-payment').click();
  await page.getByTestId('action-clear').click();
}

describe.each([
  ['nl', 'nl-BE'],
  ['fr', 'fr-BE'],
] as const)('the pane in %s (%s)', (lang, locale) => {
  it('shows no English text and no accessibility violation in any view', async () => {
    const { page, errors } = await openPane(pane.session, pane.served.url);
    await page.setViewportSize({ width: 400, height: 900 });
    const found: string[] = [];
    const violations: string[] = [];
    const seen: string[] = [];
    const check = async (view: string) => {
      await page.locator('.fui-Toast').first().waitFor({ state: 'detached', timeout: 15_000 }).catch(() => undefined);
      found.push(...(await englishOn(page, lang, view)));
      violations.push(...(await axeViolations(page, view)));
      seen.push(view);
    };
    await openTab(page, 'settings');
    await page.getByTestId('language-picker').click();
    await page.getByTestId(`language-picker-${locale}`).click();
    await expect.poll(() => page.getByRole('tab', { name: DICTIONARIES[lang]['tab.overview'], exact: true }).count()).toBe(1);
    await openTab(page, 'overview');
    await check('data in (empty)');

    // A Dutch export: what was understood, before anything is loaded; then its report.
    await page.getByTestId('import-input').setInputFiles(DEBTORS);
    await page.getByTestId('import-preview').waitFor({ timeout: 30_000 });
    await check('import preview');
    await page.getByTestId('import-replace').click();
    await page.getByTestId('import-progress').waitFor({ state: 'detached', timeout: 30_000 });
    await page.getByTestId('import-report').getByRole('button').first().click();
    await page.getByTestId('import-report-sentences').waitFor();
    await check('import report');

    await loadDemo(page);
    await withoutToasts(page);
    await expect.poll(() => page.locator('header').textContent()).toContain(belgianToday());
    await check('overview');
    await page.screenshot({ path: path.join(ROOT, 'docs', `overview-${lang}.png`), fullPage: true });

    await page.getByTestId('sync-options').click();
    await page.getByRole('dialog').waitFor();
    await check('sheets and dates');
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'detached' });

    await page.getByTestId('open-year-end').click();
    await page.getByTestId('yearend').waitFor({ timeout: 30_000 });
    await check('year-end pack');

    await openTab(page, 'openItems');
    await page.getByTestId('item-row').first().waitFor();
    await check('open items');
    await page.screenshot({ path: path.join(ROOT, 'docs', `open-items-${lang}.png`), fullPage: true });
    await page.getByTestId('item-row').first().getByTestId('item-open-dialog').click();
    await page.getByTestId('item-dialog').waitFor();
    await check('item dialog');
    await page.keyboard.press('Escape');
    await page.getByTestId('item-dialog').waitFor({ state: 'detached' });
    await payOneAndRefuseOne(page);

    await openTab(page, 'parties');
    await page.getByTestId('party-search').pressSequentially('a');
    await page.getByRole('option').first().click();
    await page.getByTestId('party-card').waitFor();
    await check('parties');

    // First use: the paying account is asked in the tab; then the plan with a refused item.
    await openTab(page, 'payments');
    // (the pane in the other language, tested before in the same browser profile, saved the account)
    await page.getByTestId('debtor-form').or(page.getByTestId('debtor-change')).waitFor();
    if ((await page.getByTestId('debtor-form').count()) === 0) await page.getByTestId('debtor-change').click();
    await page.getByTestId('debtor-iban').fill('BE68 5390 0754 7035');
    await check('payments: paying account');
    await page.getByTestId('debtor-name').fill('Demo Trading BV');
    await page.getByTestId('debtor-iban').fill('BE68 5390 0754 7034');
    await page.getByTestId('debtor-save').click();
    await page.getByTestId('payments-refused').waitFor();
    await check('payments');

    await openTab(page, 'settings');
    await page.getByTestId('setting-iban').fill('BE68 5390 0754 7035');
    await page.getByTestId('setting-agingBuckets').fill('30, 20');
    await expect.poll(() => page.getByText(DICTIONARIES[lang]['settings.iban']).count()).toBeGreaterThan(0);
    await check('settings');

    if ((await page.getByTestId('tab-more').count()) > 0) {
      await page.getByTestId('tab-more').click();
      await page.getByRole('menu').waitFor();
      await check('more menu');
      await page.keyboard.press('Escape');
    }

    expect({ found, violations, errors }).toEqual({ found: [], violations: [], errors: [] });
    expect(seen.length).toBeGreaterThanOrEqual(13);
    await page.close();
  }, 600_000);
});
