// Closing rates from a file (ledger.md §9, cli.md `--rates FILE`): the ECB's eurofxref XML (daily
// or history, rates per EUR) or a CSV `currency,rate[,date]` (rates per base currency), told
// apart by content. Errors name the file, the line or element and the field; a file with an
// error gives no rates at all.
// A ledger whose base is not EUR is revalued at ECB rates crossed through EUR (core/rates.ts):
// GBP per USD = (GBP per EUR) / (USD per EUR), exactly, from the same file's USD quote.
import { formatIsoDate } from '../../core/date';
import type { MissingRate, RatesSource } from '../../core/rates';
import type { ImportIssue } from '../../core/types';
import { ImportAbort, importError } from '../issues';
import { sniffKind } from '../sniff';
import { readRatesCsv } from './csv';
import { GESMES_NAMESPACE, readEcbRates } from './ecb';

export interface RatesResult {
  rates: RatesSource | null;
  issues: ImportIssue[];
}

async function readKnown(file: { name: string; bytes: Uint8Array }): Promise<RatesResult> {
  const sniffed = sniffKind(file.bytes);
  switch (sniffed.kind) {
    case 'empty':
      return { rates: null, issues: [importError('empty-file', { file: file.name })] };
    case 'xml':
      if (sniffed.root !== 'Envelope' || sniffed.namespace !== GESMES_NAMESPACE) {
        const params = { root: sniffed.root || '(none)', ns: sniffed.namespace || '(none)' };
        return { rates: null, issues: [importError('not-rates-xml', { file: file.name }, params)] };
      }
      return readEcbRates(file.name, file.bytes);
    case 'text':
      return readRatesCsv(file.name, file.bytes);
    case 'xlsx':
    case 'cfb':
    case 'binary':
      return { rates: null, issues: [importError('bad-rates-file', { file: file.name })] };
  }
}

/** Reads a rates file of either kind. Never throws for bad input. */
export async function readRates(file: { name: string; bytes: Uint8Array }): Promise<RatesResult> {
  try {
    return await readKnown(file);
  } catch (error) {
    if (error instanceof ImportAbort) return { rates: null, issues: [error.issue] };
    throw error;
  }
}

/** A currency with open items and no rate (core/revaluation's MissingRateError) as an issue of the rates' file. */
export function missingRateIssues(missing: readonly MissingRate[], file: string): ImportIssue[] {
  return missing.map((m) => importError('missing-rate', { file }, { currency: m.currency, date: formatIsoDate(m.sought) }));
}
