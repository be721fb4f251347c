// The party cards of the fixture ledger as an .xlsx, opened and printed by LibreOffice headless:
// every party's card on a page of its own, with its heading (side, code, name, currency) and its
// "Closing balance" subtotal, recalculated by LibreOffice to what the ledger booked on the party
// up to the period's end (computed here from the entries). Skipped when soffice is absent.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Ledger } from '../../../src/core/types';
import { buildWorkbookSpecs } from '../../../src/sheets/workbook';
import { renderXlsx } from '../../../src/xlsx/render';
import { bookedUpTo, day, fixtureLedger, fixtureOptions } from '../../fixtures/sheets/ledger';
import { convertWithLibreOffice, pdftotextAvailable, sofficeAvailable, type Converted } from '../../fixtures/xlsx/libreoffice';

if (!sofficeAvailable) console.warn('soffice is not installed: the printed party cards are not checked');

const PARTIES = [
  { key: 'AR/C1', heading: 'Customer C1 — Alpha NV · EUR', closing: '952.00' },
  { key: 'AR/C2', heading: 'Customer C2 — =HYPERLINK("http://x.example") · EUR, USD', closing: '42.50' },
  { key: 'AR/C3', heading: 'Customer C3 — +Plus BV · JPY', closing: '61.23' },
  { key: 'AP/S1', heading: 'Supplier S1 — Supplier & Sons · EUR', closing: '200.00' },
];

describe.skipIf(!sofficeAvailable)('the party cards printed by LibreOffice', () => {
  let ledger: Ledger;
  let converted: Converted;
  beforeAll(async () => {
    ledger = await fixtureLedger();
    converted = convertWithLibreOffice(await renderXlsx(buildWorkbookSpecs(ledger, fixtureOptions({ sheets: ['party-cards'] }))));
  }, 900_000);

  it('recalculates each card’s closing balance to what the ledger booked on the party', () => {
    const closing = bookedUpTo(ledger, day('2024-12-31'));
    expect(PARTIES.map((p) => (closing.get(p.key)! / 100).toFixed(2))).toEqual(PARTIES.map((p) => p.closing));
    const rows = converted.sheets.get('Party cards') ?? [];
    const subtotals = rows.filter((r) => r[0] === 'Closing balance').map((r) => Math.round(Number(r[6]) * 100));
    expect(subtotals).toEqual(PARTIES.map((p) => closing.get(p.key)));
    expect(rows.filter((r) => PARTIES.some((p) => p.heading === r[0])).map((r) => r[0])).toEqual(PARTIES.map((p) => p.heading));
  });

  it.skipIf(!pdftotextAvailable)('prints each card on its own page, its heading at the top and its closing balance under it', () => {
    const pages = converted.pdfText.split('\f').filter((page) => page.trim() !== '');
    expect(pages).toHaveLength(PARTIES.length);
    PARTIES.forEach((party, i) => {
      const page = pages[i] ?? '';
      expect(page).toContain(party.heading);
      for (const other of PARTIES.filter((p) => p !== party)) expect(page).not.toContain(other.heading);
      expect(page).toMatch(new RegExp(`Closing balance\\s+${party.closing.replace('.', '\\.')}`));
      expect(page).toContain(`Page ${i + 1} of ${PARTIES.length}`);
    });
  });
});
