// Honest figures in the built pane with the demo ledger: "payments known up to" per side (the
// receivables' and the payables' own latest payment, not the later of the two) in the header, on
// each side's banner and in the party view; the last payment of a party that has nothing open;
// the credit limit with its amount and headroom. Expectations come from the ledger's entries.
import { describe, expect, it } from 'vitest';
import { today, type Day } from '../../src/core/date';
import { balanceList } from '../../src/core/balances';
import type { Ledger, Side } from '../../src/core/types';
import { demoLedger } from '../../src/import/demo';
import { DEMO_SEED } from '../../src/taskpane/actions/import';
import { loadDemo, openPane, servePane } from './pane';

const pane = servePane();

/** The latest payment entry_date on or before `asOf`, per side or per party, read from the entries. */
function lastPayment(ledger: Ledger, asOf: Day, keep: (side: Side, partyId: string) => boolean): Day | null {
  let last: Day | null = null;
  for (const e of ledger.entries) if (e.entryType === 'payment' && e.entryDate <= asOf && keep(e.ledger, e.partyId) && (last === null || e.entryDate > last)) last = e.entryDate;
  return last;
}

describe('honest figures', () => {
  it('shows "payments known up to" per side in the header, on each banner and in the party view', async () => {
    const { page } = await openPane(pane.session, pane.served.url);
    await loadDemo(page);
    const ledger = demoLedger({ seed: DEMO_SEED });
    const asOf = today();
    const known = { AR: lastPayment(ledger, asOf, (s) => s === 'AR'), AP: lastPayment(ledger, asOf, (s) => s === 'AP') };
    expect(known.AR).not.toBeNull();
    expect(known.AR).not.toBe(known.AP); // the demo's sides differ, so one date cannot pass for both
    for (const side of ['AR', 'AP'] as const) {
      expect(Number(await page.getByTestId(`header-known-${side}`).getAttribute('data-day'))).toBe(known[side]);
      expect(Number(await page.getByTestId(`banner-known-${side}`).getAttribute('data-day'))).toBe(known[side]);
    }
    // a party with payments and nothing open: its last payment is still shown
    const withOpen = new Set(balanceList(ledger, asOf).map((b) => `${b.ledger}|${b.partyId}`));
    const settled = [...ledger.parties.values()].find(
      (p) => !withOpen.has(`${p.ledger}|${p.partyId}`) && lastPayment(ledger, asOf, (s, id) => s === p.ledger && id === p.partyId) !== null,
    );
    if (!settled) throw new Error('the demo has no settled party with payments');
    await page.getByTestId('tab-parties').click();
    await page.getByTestId('party-search').pressSequentially(settled.partyId);
    await page.getByRole('option', { name: new RegExp(settled.partyId) }).click();
    const card = page.getByTestId('party-card');
    await expect.poll(() => card.textContent()).toContain(settled.partyId);
    const paid = lastPayment(ledger, asOf, (s, id) => s === settled.ledger && id === settled.partyId);
    expect(Number(await page.getByTestId('party-last-payment').getAttribute('data-day'))).toBe(paid);
    expect(Number(await page.getByTestId('party-known').getAttribute('data-day'))).toBe(known[settled.ledger]);
    await page.close();
  });

  it('shows the credit limit with its amount, the headroom and a warning when it is used up', async () => {
    const { page } = await openPane(pane.session, pane.served.url);
    await page.getByTestId('kf-AR-total').waitFor({ timeout: 30_000 });
    const ledger = demoLedger({ seed: DEMO_SEED });
    const limited = [...ledger.parties.values()].find((p) => p.ledger === 'AR' && p.creditLimit !== undefined);
    if (!limited?.creditLimit) throw new Error('the demo has no party with a credit limit');
    await page.getByTestId('tab-parties').click();
    await page.getByTestId('party-search').pressSequentially(limited.partyId);
    await page.getByRole('option', { name: new RegExp(limited.partyId) }).click();
    const limit = page.getByTestId('party-credit-limit');
    await expect.poll(() => limit.getAttribute('data-minor')).toBe(String(limited.creditLimit));
    expect(await limit.textContent()).toMatch(/€/);
    const balance = Number(await page.getByTestId('party-balance').getAttribute('data-minor'));
    const headroom = page.getByTestId('party-headroom');
    expect(Number(await headroom.getAttribute('data-minor'))).toBe(limited.creditLimit - balance);
    expect(await headroom.getAttribute('data-warning')).toBe(balance > limited.creditLimit ? 'over' : balance >= limited.creditLimit * 0.9 ? 'near' : 'none');
    await page.close();
  });
});
