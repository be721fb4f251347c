// Columns recognised by what they hold, where the header says nothing or something else: a column
// whose values are all side words (`Debiteuren`/`Crediteuren`, `Klant`/`Leverancier`, `AR`/`AP`)
// is the side, one of `S`/`H`, `D`/`C` or `Debit`/`Credit` a debit/credit indicator; a date or
// amount column is found the same way when no header named one, and in a parties export an IBAN column.
//   Grootboek: Debiteuren, Crediteuren, Debiteuren → ledger (confidence 0.9)
import { passesMod97_10 } from '../../core/check-digits';
import type { ColumnChoice } from './columns';
import { detectDateOrder, toIsoDate } from '../dates';
import { parseLocaleAmount } from '../numbers';
import { cellText, type Cell } from '../table';
import { signOfWord, sideOfWord, type TargetField } from './vocabulary';

type Fields = Partial<Record<TargetField, ColumnChoice>>;

export type ContentKind = 'side' | 'sign' | 'date' | 'amount' | 'iban';

/** An IBAN by its shape and mod-97 check digits (spaces allowed): `NL91 ABNA 0417 1643 00`. */
function isIban(text: string): boolean {
  const compact = text.replace(/\s/g, '').toUpperCase();
  return /^[A-Z]{2}\d{2}[A-Z0-9]{8,30}$/.test(compact) && passesMod97_10(compact);
}

export function columnTexts(samples: readonly Cell[][], column: number): string[] {
  return samples.map((r) => cellText(r[column])).filter((t) => t !== '');
}

/** What every sample value of a column reads as, or null. */
export function contentKind(values: readonly string[]): ContentKind | null {
  if (values.length === 0) return null;
  const words = values.every((v) => sideOfWord(v) !== null);
  // Single letters (`D`/`C`) say debit/credit more often than debtor/creditor.
  if (words && values.some((v) => v.trim().length > 1 && signOfWord(v) === null)) return 'side';
  if (values.every((v) => signOfWord(v) !== null)) return 'sign';
  if (values.every(isIban)) return 'iban';
  const order = detectDateOrder(values).order;
  if (values.every((v) => /\D/.test(v) && toIsoDate(v, order) !== null) || values.every((v) => /^\d{8}$/.test(v) && toIsoDate(v, order) !== null)) return 'date';
  const amounts = values.every((v) => parseLocaleAmount(v, ',') !== null || parseLocaleAmount(v, '.') !== null);
  return amounts && values.some((v) => /[.,]\d{2}\)?-?$/.test(v.trim())) ? 'amount' : null;
}

function take(fields: Fields, field: TargetField, column: number, header: string, confidence: number): void {
  for (const [f, choice] of Object.entries(fields) as [TargetField, ColumnChoice][]) if (choice.column === column) delete fields[f];
  fields[field] = { column, header, confidence };
}

/**
 * Adds to `fields` what the contents say: the side and the debit/credit indicator (over a
 * header match that the values contradict), a date and an amount column where none was found.
 */
export function recogniseByContent(headers: readonly string[], samples: readonly Cell[][], fields: Fields): Fields {
  if (samples.length === 0) return fields;
  const kinds = headers.map((_, column) => contentKind(columnTexts(samples, column)));
  const usedBy = (column: number): TargetField | undefined => (Object.entries(fields) as [TargetField, ColumnChoice][]).find(([, c]) => c.column === column)?.[0];
  const first = (kind: ContentKind, free: boolean): number => kinds.findIndex((k, c) => k === kind && (!free || usedBy(c) === undefined));
  const side = first('side', false);
  if (side >= 0 && (fields.ledger === undefined || kinds[fields.ledger.column] !== 'side')) take(fields, 'ledger', side, headers[side] ?? '', 0.9);
  const sign = first('sign', false);
  if (sign >= 0 && !fields.sign && usedBy(sign) !== 'ledger') take(fields, 'sign', sign, headers[sign] ?? '', 0.9);
  const date = first('date', true);
  if (date >= 0 && !fields.entry_date && !fields.doc_date) take(fields, 'entry_date', date, headers[date] ?? '', 0.5);
  const amount = kinds.findLastIndex((k, c) => k === 'amount' && usedBy(c) === undefined);
  if (amount >= 0 && !fields.amount && !fields.debit && !fields.credit) take(fields, 'amount', amount, headers[amount] ?? '', 0.4);
  return fields;
}
