// Import issues (ledger.md §1.4): where a problem is (file, line or element path, field) and what
// is wrong in plain words, plus one line of text for a terminal or a message bar.
import { CORE_ISSUE_TEXTS, describePlace, issueSentence, type CoreIssueCode } from './issue-texts';
import type { ImportIssue, IssueSeverity, SourceRef } from './types';

/** An issue at a source position; `field` is omitted when none is concerned; `params` are the
 * values its sentence (core/issue-texts) names; `message` is that sentence in English. */
export function issueAt(
  severity: IssueSeverity,
  source: SourceRef,
  field: string | null,
  code: CoreIssueCode,
  params: Record<string, string | number> = {},
): ImportIssue {
  const issue: ImportIssue = { severity, file: source.file, code, message: '' };
  if (Object.keys(params).length > 0) issue.params = params;
  issue.message = issueSentence(CORE_ISSUE_TEXTS, issue, 'en') ?? code;
  if (source.line !== undefined) issue.line = source.line;
  if (source.path !== undefined) issue.path = source.path;
  if (field !== null) issue.field = field;
  return issue;
}

/** `ledger.csv, line 12, field amount: "abc" is not an amount …` */
export function formatIssue(issue: ImportIssue): string {
  return `${describePlace(issue, 'en')}: ${issue.message}`;
}

/** True when any issue is an error (the file is then imported not at all). */
export function hasErrors(issues: readonly ImportIssue[]): boolean {
  return issues.some((i) => i.severity === 'error');
}
