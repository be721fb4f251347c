// A rates CSV (cli.md): `currency,rate[,date]`, with or without a header row (`currency`, `rate`,
// `date`, or their Dutch and French words, in any order). A rate is units of the currency per 1
// unit of the ledger's base currency; with `;` or a tab as the separator a decimal comma is
// allowed (`1,0565`). A row without a date gives the rate for any as-of date.
//   currency,rate,date
//   USD,1.0565,2024-12-31
import { parseIsoDate } from '../../core/date';
import type { RatesSource } from '../../core/rates';
import type { ImportIssue } from '../../core/types';
import { readCsvBytes } from '../csv-table';
import { importError } from '../issues';
import { cellText, type Cell } from '../table';
import { RatesCollector } from './collect';

const WORDS: Record<'currency' | 'rate' | 'date', readonly string[]> = {
  currency: ['currency', 'cur', 'code', 'valuta', 'munt', 'devise', 'monnaie'],
  rate: ['rate', 'closingrate', 'koers', 'slotkoers', 'wisselkoers', 'cours', 'taux', 'coursdecloture'],
  date: ['date', 'datum', 'ratedate', 'koersdatum'],
};

const normal = (h: string): string => h.toLowerCase().normalize('NFD').replace(/[^a-z]/g, '');

/** Column positions from a header row, or null when the first row is data (`USD,1.0565`). */
function columnsOf(headers: readonly string[]): { currency: number; rate: number; date: number } | null {
  const find = (words: readonly string[]): number => headers.findIndex((h) => words.includes(normal(h)));
  const currency = find(WORDS.currency);
  const rate = find(WORDS.rate);
  if (currency < 0 || rate < 0) return null;
  return { currency, rate, date: find(WORDS.date) };
}

export function readRatesCsv(file: string, bytes: Uint8Array): { rates: RatesSource | null; issues: ImportIssue[] } {
  const table = readCsvBytes(file, bytes);
  const named = columnsOf(table.headers);
  const columns = named ?? { currency: 0, rate: 1, date: 2 };
  const rows: { cells: Cell[]; line: number }[] = table.rows.map((cells, i) => ({ cells, line: table.lines[i] ?? i + 2 }));
  if (named === null && table.headers.some((h) => h !== '')) rows.unshift({ cells: table.headers, line: 1 });
  const decimalComma = table.delimiter !== ',';
  const collect = new RatesCollector();
  for (const { cells, line } of rows) {
    if (cells.every((c) => cellText(c) === '')) continue;
    const at = (field: string) => ({ file, line, field });
    const rateText = cellText(cells[columns.rate]);
    const dateText = columns.date < 0 ? '' : cellText(cells[columns.date]);
    const date = dateText === '' ? null : parseIsoDate(dateText);
    if (date === null && dateText !== '') {
      collect.issues.push(importError('bad-date', at('date'), { value: dateText }));
      continue;
    }
    collect.add(cellText(cells[columns.currency]), decimalComma ? rateText.replace(/^(\d*),(\d+)$/, '$1.$2') : rateText, date, at);
  }
  return { rates: collect.finish(file, null), issues: collect.issues };
}
