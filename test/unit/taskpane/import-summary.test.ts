// The import report in sentences, in the pane's languages: the counts as a person would write them
// (one invoice, two invoices), the kind of file in the importer's own words, and the same party
// count in the message after the import as in the report.
import { describe, expect, it } from 'vitest';
import { parseIsoDate } from '../../../src/core/date';
import type { ImportReport } from '../../../src/core/types';
import { importFile } from '../../../src/import/index';
import { DICTIONARIES, translate, type Lang, type MessageKey, type Params } from '../../../src/taskpane/i18n';
import { counted, entriesBySide, loadedMessage, reportSentences, sidesSentence } from '../../../src/taskpane/model/import-summary';
import { ledgerOf, line } from '../store/helpers';

const words = (lang: Lang, locale: string) => ({ lang, locale, t: (key: MessageKey, params?: Params) => translate(DICTIONARIES[lang], key, params) });

const REPORT: ImportReport = {
  file: 'export.csv',
  format: 'csv',
  rowsRead: 6,
  entriesByType: { invoice: 5, credit_note: 1, payment: 0, journal: 0 },
  parties: 4,
  currencies: ['EUR'],
  dateRange: { from: parseIsoDate('2025-03-01')!, to: parseIsoDate('2025-03-31')! },
  roundedAmounts: 0,
  source: { kind: 'csv', lines: 6 },
};

describe('the import report in sentences', () => {
  it('reads in English', () => {
    expect(reportSentences(REPORT, words('en', 'en-GB'))).toEqual([
      'Read as CSV export, 6 lines.',
      '6 entries: 5 invoices and 1 credit note.',
      '4 parties, amounts in EUR.',
      'Entry dates from 01/03/2025 to 31/03/2025.',
    ]);
  });

  it('reads in Dutch, with Dutch plurals and digits', () => {
    const report: ImportReport = { ...REPORT, entriesByType: { invoice: 1200, credit_note: 2, payment: 1, journal: 0 }, currencies: ['EUR', 'USD'], roundedAmounts: 1 };
    expect(reportSentences(report, words('nl', 'nl-BE'))).toEqual([
      'Gelezen als CSV-export, 6 regels.',
      '1.203 boekingen: 1.200 facturen, 2 creditnota’s en 1 betaling.',
      '4 relaties, bedragen in EUR en USD.',
      'Boekdatums van 01/03/2025 tot 31/03/2025.',
      'Afgerond op de decimalen die de valuta toelaat: 1 bedrag.',
    ]);
  });

  it('reads in French', () => {
    expect(reportSentences(REPORT, words('fr', 'fr-FR'))[1]).toBe('6 écritures : 5 factures et 1 avoir.');
  });

  it('says "no entries" for an empty ledger and counts one of a kind in the singular', () => {
    const empty: ImportReport = { ...REPORT, entriesByType: { invoice: 0, credit_note: 0, payment: 0, journal: 0 }, parties: 1, dateRange: null };
    expect(reportSentences(empty, words('en', 'en-GB')).slice(1)).toEqual(['No entries.', '1 party, amounts in EUR.']);
    expect(counted(words('en', 'en-GB'), 'journal', 1)).toBe('1 journal entry');
  });

  it('counts the parties in the message after the import as the report does, not the party records', () => {
    expect(loadedMessage(REPORT, 'export.csv', words('en', 'en-GB'))).toBe('6 entries and 4 parties loaded from export.csv');
  });

  it('names the sides the ledger holds', () => {
    const ledger = ledgerOf([line('AR C1 invoice F1 2025-03-01 10.00'), line('AR C2 invoice F2 2025-03-02 5.00')]);
    expect(sidesSentence(entriesBySide(ledger), words('en', 'en-GB'))).toBe('Receivables: 2 entries; Payables: none.');
  });

  it('counts the entries of each side of a file read in columns as its lines say', async () => {
    const rows = ['AR,C1,invoice,F1,2025-03-01,10.00', 'AP,S1,invoice,A1,2025-03-02,5.00', 'AR,C2,invoice,F2,2025-03-03,1.00', 'AR,C1,payment,P1,2025-03-04,-10.00'];
    const csv = ['ledger,party_id,entry_type,doc_no,entry_date,amount', ...rows].join('\n');
    const { ledger } = await importFile({ name: 'sides.csv', bytes: new TextEncoder().encode(csv) });
    if (!ledger) throw new Error('the file did not import');
    expect(entriesBySide(ledger)).toEqual({ AR: 3, AP: 1 });
  });
});
