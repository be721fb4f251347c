// The Year-end tab outside Excel, at 400 px: the pack downloaded for the demo ledger with an
// auditor's sample of 3 drawn with a seed typed in, read back with ExcelJS: the sheets of
// sheets/year-end.ts's pack, the as-of date on every sheet, exactly 3 letters, the seed printed,
// and the same 3 parties the engine draws for `subledger yearend --confirm sample:3 --seed`.
import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { balanceConfirmations } from '../../src/core/confirmations';
import { today } from '../../src/core/date';
import { demoLedger } from '../../src/import/demo';
import { yearEndPackSpecs } from '../../src/sheets/year-end';
import { DEMO_SEED } from '../../src/taskpane/actions/import';
import { loadDemo, openPane, servePane } from './pane';
import { openYearEnd, yearEndAsOf } from './year-end-steps';

const pane = servePane();
const SEED = 4242;

/** Every cell's text of a sheet, row by row. */
function texts(sheet: ExcelJS.Worksheet): string[] {
  const out: string[] = [];
  sheet.eachRow((row) => row.eachCell((cell) => out.push(cell.text)));
  return out;
}

/** The party code of each letter, from its reference line in the party's language. */
const REFERENCE = /^(?:Your account with us|Uw rekening bij ons|Votre compte chez nous)\s?: (.+) \((?:customer|supplier|klant|leverancier|client|fournisseur)\)$/;

describe('the year-end pack downloaded outside Excel', () => {
  it('holds every sheet of the pack as of the last year end, with the sample of 3 the seed draws', async () => {
    const { page, errors } = await openPane(pane.session, pane.served.url);
    await page.setViewportSize({ width: 400, height: 900 });
    await loadDemo(page);
    await openYearEnd(page);
    const { iso, day, shown } = yearEndAsOf(today());
    expect(await page.getByTestId('yearend-asof').inputValue()).toBe(iso);
    await page.getByRole('radio', { name: 'A random sample (for the auditor)' }).check();
    await page.getByTestId('yearend-size').fill('3');
    await page.getByTestId('yearend-seed').fill(String(SEED));
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 120_000 }), page.getByTestId('yearend-run').click()]);
    expect(download.suggestedFilename()).toBe(`yearend-${iso}.xlsx`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync(await download.path()) as unknown as ArrayBuffer);

    const ledger = demoLedger({ seed: DEMO_SEED });
    const sample = { kind: 'sample' as const, size: 3, seed: SEED };
    const specs = yearEndPackSpecs(ledger, { asOf: day, lang: 'en', company: '', confirm: sample, functionsSheet: true });
    expect(workbook.worksheets.map((w) => w.name)).toEqual(specs.map((s) => s.name));
    expect(workbook.worksheets.map((w) => w.name)).toContain('Confirmations');
    for (const sheet of workbook.worksheets) {
      const title = [1, 2, 3].map((r) => sheet.getCell(r, 1).text).join(' | ');
      expect(title, sheet.name).toContain(shown);
    }

    const letters = texts(workbook.getWorksheet('Confirmations')!);
    const parties = letters.map((t) => REFERENCE.exec(t)?.[1]).filter((p) => p !== undefined);
    const drawn = balanceConfirmations(ledger, day, sample);
    expect(drawn).toHaveLength(3);
    expect(parties).toEqual(drawn.map((c) => c.partyId));
    for (const c of drawn) expect(letters.join('\n')).toContain(c.partyName);
    expect(letters.slice(0, 6).join('\n')).toContain(`a random sample of 3 parties with open items, seed ${SEED}`);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows the seed it will draw with, and refuses one that is not a whole number, saying why', async () => {
    const { page } = await openPane(pane.session, pane.served.url);
    await page.getByTestId('kf-AR-total').waitFor({ timeout: 60_000 });
    await openYearEnd(page);
    await page.getByRole('radio', { name: 'A random sample (for the auditor)' }).check();
    const seed = await page.getByTestId('yearend-seed').inputValue();
    expect(seed).toMatch(/^\d{1,6}$/);
    await page.getByTestId('yearend-seed').fill('12x');
    await expect.poll(() => page.getByTestId('yearend-run').isDisabled()).toBe(true);
    expect(await page.getByText('A whole number of at most 9 digits.').count()).toBe(1);
    await page.close();
  });
});
