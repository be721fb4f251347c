// Small helpers for the importer tests: files from text, and entries in a readable shape.
import { formatIsoDate } from '../../../src/core/date';
import type { Entry, ImportResult } from '../../../src/core/types';
import { importFile, type ImportOptions } from '../../../src/import/index';

export function textFile(name: string, text: string): { name: string; bytes: Uint8Array } {
  return { name, bytes: new TextEncoder().encode(text) };
}

export async function importText(name: string, text: string, options: ImportOptions = {}): Promise<ImportResult> {
  return importFile(textFile(name, text), options);
}

/** An entry as a user reads it in a list: side, party, type, doc, dates, amount in minor units. */
export function row(e: Entry): string {
  const parts = [e.ledger, e.partyId, e.entryType, e.docNo, formatIsoDate(e.entryDate), formatIsoDate(e.dueDate), String(e.amount), e.currency];
  if (e.settles !== undefined) parts.push(`settles ${e.settles}`);
  return parts.join(' ');
}

export function rows(result: ImportResult): string[] {
  return (result.ledger?.entries ?? []).map(row);
}

export function errors(result: ImportResult): string[] {
  return result.issues.filter((i) => i.severity === 'error').map((i) => i.code);
}
