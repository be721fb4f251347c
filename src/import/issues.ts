// Building import issues: every issue carries a stable code, its params, the place (file, line or
// element path, field) and an English sentence; `messages.ts` renders it in the user's language.
import type { ImportIssue, ImportResult, IssueSeverity } from '../core/types';
import { englishText } from './messages';

export interface IssuePlace {
  file: string;
  line?: number;
  path?: string;
  field?: string;
}

export function makeIssue(
  severity: IssueSeverity,
  code: string,
  place: IssuePlace,
  params: Record<string, string | number> = {},
): ImportIssue {
  const issue: ImportIssue = { severity, code, message: '', ...place };
  if (Object.keys(params).length > 0) issue.params = params;
  issue.message = englishText(issue);
  return issue;
}

type Params = Record<string, string | number>;

export const importError = (code: string, place: IssuePlace, params: Params = {}): ImportIssue => makeIssue('error', code, place, params);
export const importWarning = (code: string, place: IssuePlace, params: Params = {}): ImportIssue => makeIssue('warning', code, place, params);

/** A result that imports nothing, for a file that could not be read at all. */
export function failed(issues: ImportIssue[]): ImportResult {
  return { ledger: null, issues, report: null };
}

/** Thrown inside a reader to stop at the first fatal problem; caught at the importer's edge. */
export class ImportAbort extends Error {
  constructor(readonly issue: ImportIssue) {
    super(issue.message);
  }
}
