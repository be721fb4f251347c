// The Payments tab's "Payment proposal": the sheet is laid out from the very plan the SEPA file is
// written from; in Excel that one sheet is synced into the workbook, outside Excel it is an .xlsx
// download whose rows and total are the batch's.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { emptyHistory } from '../../../src/export/history';
import { syncSheets } from '../../../src/excel/render';
import { translate } from '../../../src/taskpane/i18n';
import { en } from '../../../src/taskpane/i18n/en';
import { proposalFailure, proposalFileName, proposalSheet, planSelected, writeProposal } from '../../../src/taskpane/actions/payments';
import { saveBytes } from '../../../src/taskpane/actions/workbook';
import { defaultSettings } from '../../../src/store/settings';
import { loadXlsx } from '../../fixtures/xlsx/check';
import { day } from '../core/fixture';
import { openPayables, payablesLedger } from '../export/payables';

vi.mock('../../../src/excel/render', async (original) => ({
  ...(await original<object>()),
  syncSheets: vi.fn(() => Promise.resolve([])),
}));
vi.mock('../../../src/taskpane/actions/workbook', async (original) => ({
  ...(await original<object>()),
  saveBytes: vi.fn(),
}));

const t = (key: keyof typeof en, params?: Record<string, string | number>) => translate(en, key, params);
const ledger = payablesLedger();
const items = openPayables(ledger);
const plan = planSelected(ledger, items, items.map((i) => i.key), day('2025-04-01'), emptyHistory(), false);
const settings = { ...defaultSettings('en'), companyName: 'Brasserie Elise', iban: 'BE71096123456769', sheetLanguage: 'nl' as const };
const planned = plan.payments.flatMap((p) => p.items.map((i) => [p.creditorName, i.docNo, i.amount]));

beforeEach(() => vi.clearAllMocks());

describe('the payment proposal of the Payments tab', () => {
  it('lays out the plan the SEPA file is written from, in the sheets\' language', () => {
    const sheet = proposalSheet(plan, settings, 'sepa-2025-04-01-X.xml');
    expect(sheet.name).toBe('Betalingsvoorstel');
    const [payments] = sheet.tables;
    const col = (key: string) => payments?.columns.findIndex((c) => c.key === key) ?? -1;
    expect(payments?.rows.map((r) => [r[col('supplier')], r[col('docNo')], r[col('amount')]])).toEqual(planned);
    expect(payments?.rowKeys).toEqual(plan.payments.flatMap((p) => p.items.map((i) => i.key)));
    expect(sheet.titleLines).toContain('Van: Brasserie Elise, BE71096123456769 · Bestand: sepa-2025-04-01-X.xml');
    expect(proposalSheet(plan, { ...settings, iban: '' }).titleLines.join('\n')).not.toMatch(/Van:|Bestand:/);
  });

  it('downloads an .xlsx outside Excel whose rows and total are the batch\'s', async () => {
    const message = await writeProposal({ host: null, settings, t }, plan);
    expect(syncSheets).not.toHaveBeenCalled();
    expect(saveBytes).toHaveBeenCalledTimes(1);
    const [bytes, name, type] = vi.mocked(saveBytes).mock.calls[0] ?? [];
    expect(name).toBe(proposalFileName(plan));
    expect(name).toMatch(/^payment-proposal-2025-04-01-.+\.xlsx$/);
    expect(type).toMatch(/spreadsheetml/);
    expect(message).toBe(`Payment proposal ${name} downloaded.`);
    const ws = (await loadXlsx(bytes as Uint8Array)).getWorksheet('Betalingsvoorstel');
    expect(ws).toBeDefined();
    const amounts: number[] = [];
    ws?.eachRow((row) => {
      const docNo = row.getCell(6).value;
      if (typeof docNo === 'string' && items.some((i) => i.docNo === docNo)) amounts.push(Number(row.getCell(8).value));
    });
    expect(amounts.reduce((s, a) => s + Math.round(a * 100), 0)).toBe(plan.total);
  });

  it('syncs the one proposal sheet into the workbook in Excel', async () => {
    const message = await writeProposal({ host: 'Excel', settings, t }, plan, 'sepa.xml');
    expect(saveBytes).not.toHaveBeenCalled();
    expect(syncSheets).toHaveBeenCalledTimes(1);
    const [specs] = vi.mocked(syncSheets).mock.calls[0] ?? [];
    expect(specs?.map((s) => s.kind)).toEqual(['payment-proposal']);
    expect(specs?.[0]).toEqual(proposalSheet(plan, settings, 'sepa.xml'));
    expect(message).toBe('Sheet "Betalingsvoorstel" written to the workbook.');
  });

  it('says why a proposal could not be written', () => {
    expect(proposalFailure({ t, lang: 'en' }, new Error('The workbook is read-only.'))).toBe(
      'The payment proposal could not be written: The workbook is read-only.',
    );
  });
});
