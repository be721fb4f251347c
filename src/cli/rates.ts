// --rates FILE (cli.md): reading the closing rates through the rates readers, and turning a
// missing rate into the bad-input error it is (exit 1), named with the rates file, the currency
// and the date sought.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { RatesSource } from '../core/rates';
import { MissingRateError } from '../core/revaluation';
import { localizeIssue } from '../import/messages';
import { missingRateIssues, readRates } from '../import/rates/index';
import { InputError } from './io';

export async function readRatesFile(file: string): Promise<RatesSource> {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(file));
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : String(error);
    throw new InputError(`cannot read ${file}: ${reason}`);
  }
  const result = await readRates({ name: path.basename(file), bytes });
  if (result.rates === null) throw new InputError(result.issues.filter((i) => i.severity === 'error').map((i) => localizeIssue(i, 'en')).join('\n'));
  return result.rates;
}

/** Runs `compute`; a MissingRateError becomes an InputError naming the rates file. */
export function withRates<T>(ratesFile: string, compute: () => T): T {
  try {
    return compute();
  } catch (error) {
    if (!(error instanceof MissingRateError)) throw error;
    throw new InputError(missingRateIssues(error.missing, path.basename(ratesFile)).map((issue) => localizeIssue(issue, 'en')).join('\n'));
  }
}
