// Checks an annotations backup (backup.ts) before anything is written: every problem is named by
// its path and field in plain words, e.g.
//   notes[2].editedAt: expected a time in milliseconds since 1970, got "yesterday"
// and only the known fields of each row are kept.
import { isCurrencyCode } from '../core/money';
import type { AgreementRow, FlagRow, FollowUpRow, NoteRow } from './records';

export const ANNOTATIONS_FORMAT = 'subledger-annotations';
export const ANNOTATIONS_VERSION = 1;

export interface AnnotationsExport {
  format: typeof ANNOTATIONS_FORMAT;
  version: typeof ANNOTATIONS_VERSION;
  exportedAt: number;
  notes: Omit<NoteRow, 'adminId'>[];
  flags: Omit<FlagRow, 'adminId'>[];
  followUps: Omit<FollowUpRow, 'adminId'>[];
  agreements: Omit<AgreementRow, 'adminId'>[];
}

export class AnnotationsFormatError extends Error {
  constructor(readonly problems: string[]) {
    super(`Not a usable Subledger annotations backup:\n${problems.map((p) => `  ${p}`).join('\n')}`);
    this.name = 'AnnotationsFormatError';
  }
}

type Kind = 'string' | 'time' | 'day' | 'minor' | 'boolean' | 'source' | 'done' | 'status' | 'field' | 'reason' | 'currency' | 'history' | 'prepared';
type Spec = Record<string, Kind | `${Kind}?`>;

const KEYED: Spec = { itemKey: 'string', partyKey: 'string?' };
const VERSION: Spec = { field: 'field', text: 'string', at: 'time', by: 'source', replacedAt: 'time', reason: 'reason' };
const PREPARED: Spec = { batchId: 'string', date: 'day', at: 'time' };
const SPECS = {
  notes: { ...KEYED, text: 'string', createdAt: 'time', editedAt: 'time', by: 'source', history: 'history' },
  flags: { ...KEYED, handled: 'boolean', handledAt: 'time', paymentPrepared: 'prepared?', updatedAt: 'time' },
  followUps: {
    ...KEYED, id: 'string', dueDate: 'day', text: 'string', done: 'done', doneAt: 'time?', createdAt: 'time', updatedAt: 'time', by: 'source',
  },
  agreements: {
    ...KEYED, id: 'string', promisedDate: 'day', amount: 'minor', currency: 'currency', note: 'string', status: 'status',
    createdAt: 'time', updatedAt: 'time', by: 'source',
  },
} satisfies Record<string, Spec>;

const ENUMS: Partial<Record<Kind, readonly unknown[]>> = {
  source: ['pane', 'sheet', 'import', 'upgrade'],
  done: [0, 1],
  status: ['open', 'kept', 'broken', 'cancelled'],
  field: ['note', 'handled', 'followUp'],
  reason: ['edited', 'conflict'],
  boolean: [true, false],
};

const EXPECTED: Record<Kind, string> = {
  string: 'text',
  time: 'a time in milliseconds since 1970',
  day: 'a whole number of days since 1970-01-01',
  minor: 'a whole number of minor units (cents)',
  boolean: 'true or false',
  source: 'one of pane, sheet, import, upgrade',
  done: '0 or 1',
  status: 'one of open, kept, broken, cancelled',
  field: 'one of note, handled, followUp',
  reason: 'edited or conflict',
  currency: 'a three-letter ISO 4217 code',
  history: 'a list of earlier versions',
  prepared: 'a payment batch {batchId, date, at}',
};

const MAX_PROBLEMS = 20;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function show(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

class Checker {
  readonly problems: string[] = [];

  problem(path: string, message: string): void {
    if (this.problems.length < MAX_PROBLEMS) this.problems.push(`${path}: ${message}`);
  }

  /** The row with only the fields of `spec`, or null when a field is wrong. */
  row(value: unknown, spec: Spec, path: string): Record<string, unknown> | null {
    if (!isRecord(value)) {
      this.problem(path, `expected an object, got ${show(value)}`);
      return null;
    }
    const before = this.problems.length;
    const out: Record<string, unknown> = {};
    for (const [name, kindSpec] of Object.entries(spec)) {
      const optional = kindSpec.endsWith('?');
      const kind = kindSpec.replace('?', '') as Kind;
      const field = value[name];
      if (field === undefined && optional) continue;
      const checked = this.value(field, kind, `${path}.${name}`);
      if (checked !== undefined) out[name] = checked;
    }
    return this.problems.length === before ? out : null;
  }

  value(value: unknown, kind: Kind, path: string): unknown {
    if (kind === 'history') return this.list(value, VERSION, path);
    if (kind === 'prepared') return this.row(value, PREPARED, path) ?? undefined;
    if (!fits(value, kind)) {
      this.problem(path, `expected ${EXPECTED[kind]}, got ${show(value)}`);
      return undefined;
    }
    return value;
  }

  list(value: unknown, spec: Spec, path: string): Record<string, unknown>[] {
    if (!Array.isArray(value)) {
      this.problem(path, `expected a list, got ${show(value)}`);
      return [];
    }
    const rows: Record<string, unknown>[] = [];
    value.forEach((v, i) => {
      const row = this.row(v, spec, `${path}[${i}]`);
      if (row) rows.push(row);
    });
    return rows;
  }
}

function fits(value: unknown, kind: Kind): boolean {
  const allowed = ENUMS[kind];
  if (allowed) return allowed.includes(value);
  switch (kind) {
    case 'string':
      return typeof value === 'string';
    case 'currency':
      return typeof value === 'string' && isCurrencyCode(value);
    case 'time':
      return Number.isSafeInteger(value) && (value as number) >= 0;
    default:
      return Number.isSafeInteger(value);
  }
}

function parsed(data: unknown): unknown {
  if (typeof data !== 'string') return data;
  try {
    return JSON.parse(data) as unknown;
  } catch (error) {
    throw new AnnotationsFormatError([`(file): not JSON — ${(error as Error).message}`]);
  }
}

/** The backup, checked and cleaned; throws AnnotationsFormatError listing what is wrong. */
export function checkAnnotations(data: unknown): AnnotationsExport {
  const value = parsed(data);
  if (!isRecord(value) || value.format !== ANNOTATIONS_FORMAT) {
    throw new AnnotationsFormatError([`format: expected "${ANNOTATIONS_FORMAT}", this is not a Subledger annotations backup`]);
  }
  if (value.version !== ANNOTATIONS_VERSION) {
    throw new AnnotationsFormatError([`version: expected ${ANNOTATIONS_VERSION}, got ${show(value.version)} (made by another version of Subledger)`]);
  }
  const c = new Checker();
  const exportedAt = c.value(value.exportedAt, 'time', 'exportedAt');
  const tables = Object.fromEntries(
    Object.entries(SPECS).map(([name, spec]) => [name, c.list(value[name], spec, name)]),
  );
  if (c.problems.length > 0) throw new AnnotationsFormatError(c.problems);
  return { format: ANNOTATIONS_FORMAT, version: ANNOTATIONS_VERSION, exportedAt, ...tables } as AnnotationsExport;
}
