// What an import read, in sentences in the user's language: the one place the preview, the
// import report and the toast after an import take their counts and words from.
//   "Read as CSV export, 2 lines." "2 entries: 2 invoices." "2 parties, amounts in EUR."
//   "Entry dates from 01/03/2025 to 05/03/2025."
import { ledgerIndex } from '../../core/ledger-index';
import { ENTRY_TYPES, type EntryType, type ImportReport, type Ledger, type Side } from '../../core/types';
import { describeSource } from '../../import/messages';
import { formatDay } from '../format';
import type { Lang, MessageKey, Translate } from '../i18n';

export interface Words {
  t: Translate;
  lang: Lang;
  locale: string;
}

/** The nouns the sentences count, each with a singular and a plural key (`data.n.party.one`). */
export type Counted = 'entry' | 'party' | 'line' | 'amount' | 'warning' | EntryType;

/** "1 party", "4 parties", "1.234 boekingen": the count in the locale's digits with its noun. */
export function counted(words: Words, noun: Counted, n: number): string {
  const form = new Intl.PluralRules(words.locale).select(n) === 'one' ? 'one' : 'other';
  return words.t(`data.n.${noun}.${form}` as MessageKey, { n: new Intl.NumberFormat(words.locale).format(n) });
}

/** "a, b and c" in the locale's words. */
function listOf(words: Words, parts: readonly string[]): string {
  return new Intl.ListFormat(words.locale, { type: 'conjunction' }).format(parts);
}

/** The entries the report counts (all types). */
export function entryCount(report: ImportReport): number {
  return ENTRY_TYPES.reduce((sum, type) => sum + report.entriesByType[type], 0);
}

/** The report as sentences: what the file was taken for, entries by type, parties, dates, rounding. */
export function reportSentences(report: ImportReport, words: Words): string[] {
  const { t, locale } = words;
  const sentences: string[] = [];
  if (report.source) sentences.push(t('data.sum.source', { source: describeSource(report.source, words.lang) }));
  const entries = entryCount(report);
  if (entries === 0) sentences.push(t('data.sum.noEntries'));
  else {
    const types = ENTRY_TYPES.filter((type) => report.entriesByType[type] > 0).map((type) => counted(words, type, report.entriesByType[type]));
    sentences.push(t('data.sum.entries', { entries: counted(words, 'entry', entries), types: listOf(words, types) }));
  }
  const parties = counted(words, 'party', report.parties);
  sentences.push(report.currencies.length > 0 ? t('data.sum.parties', { parties, currencies: listOf(words, report.currencies) }) : t('data.sum.partiesOnly', { parties }));
  if (report.dateRange) sentences.push(t('data.sum.dates', { from: formatDay(report.dateRange.from, locale), to: formatDay(report.dateRange.to, locale) }));
  if (report.roundedAmounts > 0) sentences.push(t('data.sum.rounded', { amounts: counted(words, 'amount', report.roundedAmounts) }));
  return sentences;
}

/**
 * The entries of each side (what the preview's sides sentence counts), from the ledger's index:
 * the entries of a columnar read are not made for it.
 */
export function entriesBySide(ledger: Ledger): Record<Side, number> {
  const x = ledgerIndex(ledger);
  const sides = x.parties.map((p) => p.ledger);
  const bySide: Record<Side, number> = { AR: 0, AP: 0 };
  for (let i = 0; i < x.size; i++) bySide[sides[x.party[i] as number] as Side] += 1;
  return bySide;
}

/** "Receivables: 6 entries; Payables: none." for the entries of each side (`entriesBySide`). */
export function sidesSentence(bySide: Readonly<Record<Side, number>>, words: Words): string {
  const part = (side: Side) => words.t('data.sum.side', { side: words.t(`side.${side}`), entries: bySide[side] > 0 ? counted(words, 'entry', bySide[side]) : words.t('data.sum.sideNone') });
  return words.t('data.sum.sides', { sides: `${part('AR')}; ${part('AP')}` });
}

/** The message after a ledger is put in place: its entries and parties as the report counts them. */
export function loadedMessage(report: ImportReport, file: string, words: Words): string {
  return words.t('data.loaded', { entries: counted(words, 'entry', entryCount(report)), parties: counted(words, 'party', report.parties), file });
}
