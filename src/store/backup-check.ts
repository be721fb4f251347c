// Checks an annotations backup (backup.ts) before anything is written, against the records'
// schemas (records.ts): every problem is named by its path and field, in the user's language, e.g.
//   notes[2].editedAt: expected a time in milliseconds since 1970, got "yesterday"
// and only the known fields of each row are kept.
import * as v from 'valibot';
import type { Lang } from '../core/words';
import { list, time } from './record-fields';
import {
  describeProblem,
  ProblemsError,
  problemsOf,
  RECORD_WORDS,
  shown,
  type RecordProblem,
} from './record-problems';
import { AGREEMENT, FLAG, FOLLOW_UP, NOTE } from './records';
import { fill } from '../core/words';

export const ANNOTATIONS_FORMAT = 'subledger-annotations';
export const ANNOTATIONS_VERSION = 1;

/** A backup: the rows of an administration without its id (they are merged into any administration). */
const BACKUP = v.object({
  format: v.literal(ANNOTATIONS_FORMAT),
  version: v.literal(ANNOTATIONS_VERSION),
  exportedAt: time,
  notes: list(v.omit(NOTE, ['adminId'])),
  flags: list(v.omit(FLAG, ['adminId'])),
  followUps: list(v.omit(FOLLOW_UP, ['adminId'])),
  agreements: list(v.omit(AGREEMENT, ['adminId'])),
});

export type AnnotationsExport = v.InferOutput<typeof BACKUP>;

/** What is wrong with the file as a whole, before its rows are looked at. */
type FileProblem =
  { key: 'not-json'; reason: string } | { key: 'format' } | { key: 'version'; value: string };

export class AnnotationsFormatError extends ProblemsError {
  constructor(problems: FileProblem | RecordProblem[]) {
    const words = (lang: Lang): string[] =>
      Array.isArray(problems)
        ? problems.map((p) => describeProblem(p, lang))
        : [fileProblem(problems, lang)];
    super('backup', words('en'), words);
    this.name = 'AnnotationsFormatError';
  }
}

function fileProblem(problem: FileProblem, lang: Lang): string {
  const params = { ...problem, format: ANNOTATIONS_FORMAT, expected: ANNOTATIONS_VERSION };
  return fill(RECORD_WORDS[problem.key][lang], params);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parsed(data: unknown): unknown {
  if (typeof data !== 'string') return data;
  try {
    return JSON.parse(data) as unknown;
  } catch (error) {
    throw new AnnotationsFormatError({ key: 'not-json', reason: (error as Error).message });
  }
}

/** The backup, checked and cleaned; throws AnnotationsFormatError listing what is wrong. */
export function checkAnnotations(data: unknown): AnnotationsExport {
  const value = parsed(data);
  if (!isRecord(value) || value.format !== ANNOTATIONS_FORMAT)
    throw new AnnotationsFormatError({ key: 'format' });
  if (value.version !== ANNOTATIONS_VERSION)
    throw new AnnotationsFormatError({ key: 'version', value: shown(value.version) });
  const result = v.safeParse(BACKUP, value, { abortEarly: false });
  if (!result.success) throw new AnnotationsFormatError(problemsOf(BACKUP, result.issues));
  return result.output;
}
