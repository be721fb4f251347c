// Paying suppliers from the built pane: payables selected in Open items become a SEPA pain.001
// file (with the company's IBAN from Settings), and the same items are refused the next time
// (never twice); the batch's payment proposal downloads as an .xlsx whose rows and total are the
// file's. And a bookkeeping office switches between administrations, each with its own data.
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { today } from '../../src/core/date';
import { openItemsAsOf } from '../../src/core/open-items';
import { demoLedger } from '../../src/import/demo';
import { DEMO_SEED } from '../../src/taskpane/actions/import';
import { loadDemo, openPane, servePane, setPayingAccount } from './pane';

/** Open payables in euros that the demo's suppliers can be paid (open > 0), by key. */
const PAYABLE = new Set(openItemsAsOf(demoLedger({ seed: DEMO_SEED }), today()).filter((i) => i.ledger === 'AP' && i.open > 0 && i.currency === 'EUR').map((i) => i.key));

/** Selects the first `n` payable rows shown in Open items and adds them to the payment. */
async function addToPayment(page: Page, n: number): Promise<void> {
  const rows = page.getByTestId('item-row');
  await rows.first().waitFor();
  const keys = await rows.evaluateAll((list) => list.map((r) => r.getAttribute('data-key') ?? ''));
  const chosen = keys.filter((k) => PAYABLE.has(k)).slice(0, n);
  for (const key of chosen) await page.locator(`[data-testid="item-row"][data-key="${key}"] [data-testid="item-select"]`).click();
  await page.getByTestId('action-add-payment').click();
  for (const key of chosen) await page.locator(`[data-testid="item-row"][data-key="${key}"] [data-testid="item-in-payment"]`).waitFor();
  await page.getByTestId('action-clear').click();
}

const cents = (euros: string): number => Math.round(Number(euros) * 100);
/** A reference without its layout: `+++120/2600/13956+++` (the sheet) and `120260013956` (the file) agree. */
const bare = (reference: string): string => reference.replace(/[^0-9A-Za-z]/g, '');

/** Each transfer of a pain.001 file: EndToEndId → amount in cents and remittance (structured or not). */
function transfersOf(xml: string): Map<string, { amount: number; reference: string }> {
  const transfers = new Map<string, { amount: number; reference: string }>();
  for (const [tx] of xml.matchAll(/<CdtTrfTxInf>.*?<\/CdtTrfTxInf>/gs)) {
    const id = /<EndToEndId>([^<]+)</.exec(tx)?.[1] ?? '';
    const amount = cents(/<InstdAmt Ccy="EUR">([\d.]+)</.exec(tx)?.[1] ?? '');
    const reference = /<(?:Ref|Ustrd)>([^<]+)</.exec(tx)?.[1] ?? '';
    transfers.set(id, { amount, reference: bare(reference) });
  }
  return transfers;
}

interface ProposalRow {
  docNo: string;
  amount: number;
  reference: string;
  payment: string;
}

/** Downloads the payment proposal and reads back its title lines, item rows and totals row. */
async function downloadProposal(page: Page) {
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.getByTestId('payments-proposal').click()]);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(readFileSync(await download.path()) as unknown as ArrayBuffer);
  const sheet = workbook.getWorksheet('Payment proposal');
  const titles: string[] = [];
  const rows: ProposalRow[] = [];
  let totals: ExcelJS.CellValue = null;
  let inTable = false;
  sheet?.eachRow((row) => {
    const first = row.getCell(1).text;
    if (!inTable && rows.length === 0 && first === 'Execution date') inTable = true;
    else if (inTable && first === 'Total') {
      totals = row.getCell(8).value;
      inTable = false;
    } else if (inTable) rows.push({ docNo: row.getCell(6).text, amount: Number(row.getCell(8).value), reference: row.getCell(9).text, payment: row.getCell(10).text });
    else if (rows.length === 0) titles.push(first);
  });
  return { name: download.suggestedFilename(), sheet, titles, rows, totals };
}

const pane = servePane();

describe('payments and administrations', () => {
  it('makes a SEPA file of the selected payables and refuses them in a second batch', async () => {
    const { page } = await openPane(pane.session, pane.served.url);
    await loadDemo(page);
    await setPayingAccount(page);
    await page.getByTestId('tab-openItems').click();
    await page.getByTestId('side-AP').click();
    await addToPayment(page, 2);
    await page.getByTestId('tab-payments').click();
    await expect.poll(() => page.getByTestId('payments-selected').textContent()).toMatch(/^2 payables selected/);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('payments-file').click()]);
    const xml = readFileSync(await download.path(), 'utf8');
    expect(xml).toContain('<NbOfTxs>');
    expect(xml).toContain('BE68539007547034');
    const transfers = Number(/<NbOfTxs>(\d+)<\/NbOfTxs>/.exec(xml)?.[1]);
    expect(transfers).toBeGreaterThan(0);

    // The proposal of the batch just made: one row per paid item, per transfer the file's amount.
    await expect.poll(() => page.getByTestId('payments-proposal').textContent()).toBe('Download payment proposal');
    const proposal = await downloadProposal(page);
    const batchId = /<MsgId>([^<]+)<\/MsgId>/.exec(xml)?.[1] ?? '';
    const ctrlSum = /<CtrlSum>([\d.]+)<\/CtrlSum>/.exec(xml)?.[1] ?? '';
    expect(proposal.name).toMatch(new RegExp(`^payment-proposal-\\d{4}-\\d{2}-\\d{2}-${batchId}\\.xlsx$`));
    expect(proposal.sheet).toBeDefined();
    expect(proposal.titles).toContain('Demo Trading BV — Payment proposal');
    expect(proposal.titles.join('\n')).toContain(`Batch ${batchId} · `);
    expect(proposal.titles.join('\n')).toContain(`File: ${download.suggestedFilename()}`);
    expect(proposal.rows.length).toBeGreaterThanOrEqual(transfers);
    expect(proposal.rows.length).toBeLessThanOrEqual(2);
    expect(proposal.rows.every((r) => r.docNo !== '' && r.amount !== 0)).toBe(true);
    const perTransfer = new Map<string, { amount: number; reference: string }>();
    for (const r of proposal.rows) {
      const amount = (perTransfer.get(r.payment)?.amount ?? 0) + cents(r.amount.toFixed(2));
      perTransfer.set(r.payment, { amount, reference: bare(r.reference) });
    }
    expect(perTransfer).toEqual(transfersOf(xml));
    expect(proposal.rows.reduce((sum, r) => sum + cents(r.amount.toFixed(2)), 0)).toBe(cents(ctrlSum));
    expect(proposal.titles.join('\n')).toContain(`Total ${ctrlSum} EUR`);
    expect(proposal.totals).toMatchObject({ formula: 'SUBTOTAL(109,PaymentProposal[Amount (EUR)])' });
    await page.getByTestId('tab-openItems').click();
    await page.getByTestId('side-AP').click();
    await addToPayment(page, 1);
    await page.getByTestId('tab-payments').click();
    await expect.poll(() => page.getByTestId('payments-refused').textContent()).toMatch(/.+/);
    await page.close();
  });

  // The cause of a flaky run of the test above: the "Settings saved." message appeared over the
  // tab row between the press and the release of the click on "Open items", so the click went to
  // the message and the tab never switched. Messages now let clicks through to what is beneath.
  it('switches tabs with a click on a tab that a message covers', async () => {
    const { page } = await openPane(pane.session, pane.served.url);
    await page.setViewportSize({ width: 420, height: 560 });
    await loadDemo(page);
    await page.getByTestId('tab-settings').click();
    await page.getByTestId('settings-save').click();
    const toast = page.locator('.fui-Toast').first();
    await toast.waitFor();
    const tab = page.getByTestId('tab-openItems');
    const [tabBox, toastBox] = [await tab.boundingBox(), await toast.boundingBox()];
    if (!tabBox || !toastBox) throw new Error('no tab or message on screen');
    await page.evaluate((dy) => window.scrollBy(0, dy), tabBox.y + tabBox.height / 2 - (toastBox.y + toastBox.height / 2));
    const [under, over] = [await tab.boundingBox(), await toast.boundingBox()];
    if (!under || !over) throw new Error('no tab or message on screen');
    const x = Math.max(under.x, over.x) + 10;
    const y = Math.max(under.y, over.y) + 5;
    expect(x < Math.min(under.x + under.width, over.x + over.width) && y < Math.min(under.y + under.height, over.y + over.height)).toBe(true);
    await page.mouse.click(x, y);
    await page.getByTestId('side-AP').waitFor({ timeout: 5_000 });
    await page.close();
  });

  it('asks the paying account in the Payments tab on first use, checks it as the file does, and remembers it', async () => {
    const { page } = await openPane(pane.session, pane.served.url);
    await page.getByTestId('admin-new').click();
    await page.getByTestId('admin-name').fill('First use BV');
    await page.getByTestId('admin-create').click();
    await loadDemo(page);
    await page.getByTestId('tab-openItems').click();
    await page.getByTestId('side-AP').click();
    await addToPayment(page, 1);
    await page.getByTestId('tab-payments').click();
    const form = page.getByTestId('debtor-form');
    await form.waitFor();
    expect(await page.getByTestId('payments-file').count()).toBe(0);
    await page.getByTestId('debtor-name').fill('First use BV');
    await page.getByTestId('debtor-iban').fill('BE68 5390 0754 7035');
    await expect.poll(() => form.textContent()).toContain('IBAN BE68539007547035 is not valid: its national check digits are wrong');
    await page.getByTestId('debtor-iban').fill('be68 5390 0754 7034');
    await page.getByTestId('debtor-save').click();
    await expect.poll(() => page.getByTestId('payments-debtor').textContent()).toContain('BE68539007547034');
    await page.getByTestId('payments-file').waitFor();
    await page.getByTestId('tab-settings').click();
    expect(await page.getByTestId('setting-iban').inputValue()).toBe('BE68539007547034');
    await page.close();
  });

  it('refuses invalid settings in place with the reason and saves nothing', async () => {
    const { page } = await openPane(pane.session, pane.served.url);
    await page.getByTestId('tab-settings').click();
    const save = page.getByTestId('settings-save');
    await page.getByTestId('setting-agingBuckets').fill('30, 20');
    await expect.poll(() => page.getByText(/limits must be ascending/).count()).toBe(1);
    expect(await save.isDisabled()).toBe(true);
    await page.getByTestId('setting-agingBuckets').fill('0, 30');
    await expect.poll(() => page.getByText(/0 is not a whole number of days ≥ 1/).count()).toBe(1);
    await page.getByTestId('setting-agingBuckets').fill('30, 60');
    await page.getByTestId('setting-baseCurrency').fill('EURO');
    await expect.poll(() => page.getByText('"EURO" is not a currency code').count()).toBe(1);
    expect(await page.getByText(/baseCurrency/).count()).toBe(0);
    await page.getByTestId('setting-baseCurrency').fill('EUR');
    await page.getByTestId('setting-iban').fill('NL00 BANK 0000 0000 00');
    await expect.poll(() => page.getByText(/IBAN NL00BANK0000000000 is not valid/).count()).toBe(1);
    expect(await save.isDisabled()).toBe(true);
    await page.reload();
    await page.getByTestId('tab-settings').click();
    expect(await page.getByTestId('setting-iban').inputValue()).not.toContain('NL00');
    expect(await page.getByTestId('setting-agingBuckets').inputValue()).not.toBe('30, 60');
    await page.close();
  });

  it('switches between administrations, each with its own ledger', async () => {
    const { page } = await openPane(pane.session, pane.served.url);
    await loadDemo(page);
    await page.getByTestId('admin-new').click();
    await page.getByTestId('admin-name').fill('Bakkerij Peeters BV');
    await page.getByTestId('admin-create').click();
    await expect.poll(() => page.getByTestId('kf-AR-total').count()).toBe(0);
    await expect.poll(() => page.getByTestId('admin-picker').textContent()).toContain('Bakkerij Peeters BV');
    await page.getByTestId('admin-picker').click();
    await page.getByRole('option', { name: 'Administration 1' }).click();
    await page.getByTestId('kf-AR-total').waitFor({ timeout: 30_000 });
    await page.close();
  });
});
