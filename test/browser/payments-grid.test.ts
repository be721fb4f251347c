// Paying from the grid, in the built pane with the demo ledger: a payable added to the payment is
// still chosen after a reload; the supplier's advance (a debit balance on AP) is offered for
// netting, and netted the SEPA file pays the supplier once for the net amount (its total); the
// paid invoice then carries "In batch <date>" in Open items. Expectations come from the ledger.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { today } from '../../src/core/date';
import { openItemsAsOf } from '../../src/core/open-items';
import { partyKey } from '../../src/core/types';
import { demoLedger } from '../../src/import/demo';
import { DEMO_SEED } from '../../src/taskpane/actions/import';
import { loadDemo, openPane, servePane, setPayingAccount } from './pane';

const pane = servePane();
const LEDGER = demoLedger({ seed: DEMO_SEED });
const ASOF = today();
const PAYABLES = openItemsAsOf(LEDGER, ASOF).filter((i) => i.ledger === 'AP' && i.currency === 'EUR');

/** A supplier with an IBAN, an open advance or credit note, and an open invoice larger than it. */
function nettingCase() {
  for (const credit of PAYABLES.filter((i) => i.open < 0)) {
    const invoice = PAYABLES.find((i) => i.partyId === credit.partyId && i.entryType === 'invoice' && i.open + credit.open > 0);
    if (invoice && LEDGER.parties.get(partyKey('AP', credit.partyId))?.iban) return { credit, invoice };
  }
  throw new Error('the demo has no supplier with a credit and a larger invoice');
}

describe('paying from the grid', () => {
  it('keeps the payment selection over a reload, nets an advance, and marks the paid invoice "in batch"', async () => {
    const { credit, invoice } = nettingCase();
    const { page } = await openPane(pane.session, pane.served.url);
    await page.setViewportSize({ width: 400, height: 900 });
    await loadDemo(page);
    await setPayingAccount(page);
    await page.getByTestId('tab-openItems').click();
    await page.getByTestId('side-AP').click();
    await page.getByTestId('item-search').fill(invoice.docNo);
    const row = page.locator(`[data-testid="item-row"][data-key="${invoice.key}"]`);
    await row.getByTestId('item-select').click();
    await page.getByTestId('action-add-payment').click();
    await row.getByTestId('item-in-payment').waitFor();

    await page.reload();
    await page.getByTestId('kf-AR-total').waitFor({ timeout: 30_000 });
    await page.getByTestId('tab-payments').click();
    const selected = page.getByTestId('payments-selected');
    const eur = (minor: number) => (minor / 100).toLocaleString('en-US', { style: 'currency', currency: 'EUR' });
    await expect.poll(() => selected.textContent()).toBe(`1 payables selected, ${eur(invoice.open)}`);
    const offer = page.locator(`[data-testid="netting-offer"][data-key="${credit.key}"]`);
    expect(await offer.textContent()).toContain(credit.docNo);
    expect(await offer.textContent()).toContain(eur(credit.open));
    await offer.getByRole('checkbox').click();
    const net = invoice.open + credit.open;
    await expect.poll(() => selected.textContent()).toBe(`2 payables selected, ${eur(net)}`);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('payments-file').click()]);
    const xml = readFileSync(await download.path(), 'utf8');
    expect(/<NbOfTxs>(\d+)<\/NbOfTxs>/.exec(xml)?.[1]).toBe('1');
    expect(/<CtrlSum>([\d.]+)<\/CtrlSum>/.exec(xml)?.[1]).toBe((net / 100).toFixed(2));

    await page.getByTestId('tab-openItems').click();
    const mark = page.locator(`[data-testid="item-row"][data-key="${invoice.key}"] [data-testid="item-in-batch"]`);
    const tomorrow = new Date((ASOF + 1) * 86_400_000).toLocaleDateString('en-US', { timeZone: 'UTC', year: 'numeric', month: '2-digit', day: '2-digit' });
    await expect.poll(() => mark.textContent()).toBe(`In batch ${tomorrow}`);
    await page.close();
  });
});
