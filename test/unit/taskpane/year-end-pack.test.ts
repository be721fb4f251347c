// The pane's year-end pack outside Excel: one download, yearend-<date>.xlsx, holding the sheets
// `subledger yearend` writes (every analysis as of the date, turnaround, revaluation at the
// closing rates of Settings, the confirmations of the sample), read back from the bytes.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { balanceConfirmations } from '../../../src/core/confirmations';
import { parseIsoDate, type Day } from '../../../src/core/date';
import { demoLedger } from '../../../src/import/demo';
import { yearEndJob } from '../../../src/taskpane/actions/year-end';
import { writeSheetJob } from '../../../src/taskpane/actions/write-sheets';
import { translate } from '../../../src/taskpane/i18n';
import { en } from '../../../src/taskpane/i18n/en';
import type { LedgerViews } from '../../../src/taskpane/state/ledger-views';
import { defaultSettings } from '../../../src/store/settings';
import type { SubledgerDb } from '../../../src/store/db';
import { loadXlsx } from '../../fixtures/xlsx/check';

/** The browser's download, stood in for: the file's bytes and name as the link offers them. */
let saved: { blob: Blob | null; name: string } = { blob: null, name: '' };
beforeEach(() => {
  saved = { blob: null, name: '' };
  vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => ((saved.blob = blob as Blob), 'blob:pack'));
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
  const link = { style: {}, click: () => undefined, remove: () => undefined, set download(name: string) { saved.name = name; }, href: '' };
  vi.stubGlobal('document', { createElement: () => link, body: { append: () => undefined } });
});

const asOf = parseIsoDate('2025-12-31') as Day;
const ledger = demoLedger({ today: asOf, seed: 7 });
const views = { handled: new Set<string>(), notes: new Map<string, string>() } as unknown as LedgerViews;
const t = (key: keyof typeof en, params?: Record<string, string | number>) => translate(en, key, params);
const rates = { quoteBase: null, source: 'rates.csv', rates: [{ currency: 'USD', rate: '1.0812', date: asOf }, { currency: 'GBP', rate: '0.8431', date: asOf }] };
const settings = { ...defaultSettings('en'), companyName: 'Demo BV', closingRates: rates };
const pane = { db: {} as SubledgerDb, adminId: 'a', host: null, loaded: { ledger, source: 'demo', report: null, warnings: [] }, settings, t, lang: 'en' as const };
const options = { onProgress: () => undefined, signal: new AbortController().signal };

async function download(job: ReturnType<typeof yearEndJob>) {
  const message = await writeSheetJob(pane, views, job, options);
  const bytes = new Uint8Array(await (saved.blob as Blob).arrayBuffer());
  return { message, name: saved.name, workbook: await loadXlsx(bytes) };
}

describe('the year-end pack in the pane', () => {
  it('downloads every sheet of the pack as of the date, with the sample’s letters', async () => {
    const confirm = { kind: 'sample' as const, size: 3, seed: 42 };
    const { message, name, workbook } = await download(yearEndJob(settings, { asOf, confirm }));
    expect(name).toBe('yearend-2025-12-31.xlsx');
    expect(message).toContain('yearend-2025-12-31.xlsx');
    expect(workbook.worksheets.map((w) => w.name)).toEqual([
      'Dashboard', 'Open items AR', 'Open items AP', 'Aging AR', 'Aging AP', 'Balances AR', 'Balances AP', 'Mutations',
      'Party cards', 'Turnaround', 'Payment behaviour', 'Revaluation', 'Confirmations', 'Functions',
    ]);
    const letters = workbook.getWorksheet('Confirmations');
    const text: string[] = [];
    letters?.eachRow((row) => row.eachCell((cell) => text.push(cell.text)));
    const sampled = balanceConfirmations(ledger, asOf, confirm);
    expect(sampled).toHaveLength(3);
    for (const c of sampled) expect(text.join('\n')).toContain(c.partyName);
    expect(text.join('\n')).toContain('42');
  });

  it('leaves the revaluation out without closing rates and the confirmations without a choice', async () => {
    const job = yearEndJob({ ...settings, closingRates: { quoteBase: null, source: null, rates: [] } }, { asOf, confirm: null });
    const { workbook } = await download(job);
    const names = workbook.worksheets.map((w) => w.name);
    expect(names).not.toContain('Revaluation');
    expect(names).not.toContain('Confirmations');
    expect(names).toContain('Turnaround');
  });

  it('stops with the currency and the date when a currency with open items has no closing rate', async () => {
    const onlyUsd = { ...rates, rates: rates.rates.filter((r) => r.currency === 'USD') };
    const job = yearEndJob({ ...settings, closingRates: onlyUsd }, { asOf, confirm: null });
    await expect(writeSheetJob({ ...pane, settings: { ...settings, closingRates: onlyUsd } }, views, job, options)).rejects.toThrow(
      'rates.csv: no closing rate for GBP on or before 2025-12-31',
    );
    expect(saved.blob).toBeNull();
  });
});
