// The last steps of every general-ledger import: allocation (by matching code or by document
// number), canonical records, the engine's validation, and the import report's description of
// what the file was taken for.
import type { CanonicalRecord, ImportIssue, ImportResult, ImportSource } from '../../core/types';
import type { ProgressOptions } from '../progress';
import { finishImport } from '../tabular/tabular';
import type { AccountChoice, AccountTally } from './accounts';
import { allocateByLettering } from './lettering';
import { allocateByNumber, glRecords, uniqueDocumentNumbers, type GlLine } from './lines';

export interface GlOptions extends AccountChoice, ProgressOptions {
  baseCurrency?: string;
  /** A master file of the parties (DATEV DebKred_Stamm). */
  parties?: { name: string; bytes: Uint8Array };
}

export interface GlFinish {
  /** Allocation by matching code (FEC) instead of by document number. */
  lettering?: boolean;
  parties?: CanonicalRecord[];
  issues?: ImportIssue[];
  /** The file's own base currency, when it states one. */
  fileBase?: string;
}

export function finishGlImport(file: string, kind: string, lines: GlLine[], tally: AccountTally, options: GlOptions, how: GlFinish = {}): ImportResult {
  let taken: GlLine[];
  let matched: number;
  if (how.lettering) {
    const used = uniqueDocumentNumbers(lines);
    const allocated = allocateByLettering(lines, used);
    taken = allocated.lines;
    matched = allocated.matched;
  } else {
    taken = allocateByNumber(lines);
    uniqueDocumentNumbers(taken);
    matched = taken.filter((l) => l.settles !== undefined).length;
  }
  const source: ImportSource = {
    kind, lines: tally.lines, taken: tally.taken, accounts: tally.accounts(),
    leftOut: { 'other-accounts': tally.lines - tally.taken }, matched,
  };
  const base = how.fileBase ?? options.baseCurrency;
  const result = finishImport(glRecords(taken), how.parties ?? [], how.issues ?? [], {
    file, format: kind, source, ...(base === undefined ? {} : { baseCurrency: base }),
  });
  options.onProgress?.(1);
  return result;
}
