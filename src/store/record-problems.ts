// What is wrong with a stored record, named by the record and the field, in the user's language:
//   notes[1].editedAt: expected a time in milliseconds since 1970, got "yesterday"     (a backup)
//   note AR·C1·F1·invoice, editedAt: verwacht een tijdstip in milliseconden sinds 1970, gevonden "yesterday"
// A problem is data (`RecordProblem`); `describeProblem` words it, the English text is the error's message.
import type * as v from 'valibot';
import { fill, WordedError, type Lang, type Words } from '../core/words';
import type { FieldCode } from './record-fields';
import { settingProblemText, type SettingProblem } from './setting-problems';

/** The tables whose rows have a schema (records.ts), by the name the database gives them. */
export type RecordTable =
  | 'administrations'
  | 'imports'
  | 'ledgerHeads'
  | 'ledgerChunks'
  | 'flags'
  | 'notes'
  | 'followUps'
  | 'agreements'
  | 'mappings'
  | 'settings'
  | 'paymentBatches'
  | 'syncLog'
  | 'sheetState';

export interface RecordProblem {
  /** The stored record it is in (absent for a backup, whose path names the record). */
  record?: { table: RecordTable; key: string };
  /** The field: `editedAt`, `history[0].at`, or in a backup `notes[1].editedAt`; '' the record itself. */
  path: string;
  /** What the field should hold; `setting`: a rule of the settings model (settings.ts) says no. */
  code: FieldCode | 'setting';
  /** The value found, shown short. */
  value: string;
  /** The choices of a `choice` field; the settings model's reason for `setting`, in English. */
  detail?: string;
  /** For `setting`: the settings model's problem, worded in the reader's language. */
  setting?: SettingProblem;
}

const EXPECTED: Record<FieldCode, Words> = {
  text: { en: 'text', nl: 'tekst', fr: 'du texte' },
  time: {
    en: 'a time in milliseconds since 1970',
    nl: 'een tijdstip in milliseconden sinds 1970',
    fr: 'un instant en millisecondes depuis 1970',
  },
  day: {
    en: 'a whole number of days since 1970-01-01',
    nl: 'een geheel aantal dagen sinds 1970-01-01',
    fr: 'un nombre entier de jours depuis le 1970-01-01',
  },
  minor: {
    en: 'a whole number of minor units (cents)',
    nl: 'een geheel aantal kleinste eenheden (centen)',
    fr: "un nombre entier d'unités mineures (centimes)",
  },
  count: {
    en: 'a whole number, 0 or more',
    nl: 'een geheel getal, 0 of meer',
    fr: 'un nombre entier, 0 ou plus',
  },
  number: { en: 'a number', nl: 'een getal', fr: 'un nombre' },
  boolean: { en: 'true or false', nl: 'true of false', fr: 'true ou false' },
  currency: {
    en: 'a three-letter ISO 4217 code',
    nl: 'een ISO 4217-code van drie letters',
    fr: 'un code ISO 4217 de trois lettres',
  },
  history: {
    en: 'a list of earlier versions',
    nl: 'een lijst van eerdere versies',
    fr: 'une liste de versions antérieures',
  },
  prepared: {
    en: 'a payment batch (batchId, date, at)',
    nl: 'een betaalbatch (batchId, date, at)',
    fr: 'un lot de paiement (batchId, date, at)',
  },
  object: { en: 'an object', nl: 'een object', fr: 'un objet' },
  list: { en: 'a list', nl: 'een lijst', fr: 'une liste' },
  choice: { en: 'one of {choices}', nl: 'een van {choices}', fr: "l'une des valeurs {choices}" },
  texts: {
    en: 'a list or table of texts',
    nl: 'een lijst of tabel van teksten',
    fr: 'une liste ou une table de textes',
  },
  numbers: {
    en: 'a list or table of numbers',
    nl: 'een lijst of tabel van getallen',
    fr: 'une liste ou une table de nombres',
  },
  column: {
    en: 'a column with one value per entry of the chunk',
    nl: 'een kolom met één waarde per boeking van het blok',
    fr: 'une colonne avec une valeur par écriture du bloc',
  },
};

const RECORD_NAMES: Record<RecordTable, Words> = {
  administrations: { en: 'administration', nl: 'administratie', fr: 'administration' },
  imports: { en: 'import', nl: 'import', fr: 'import' },
  ledgerHeads: { en: 'cached ledger', nl: 'bewaard grootboek', fr: 'grand livre conservé' },
  ledgerChunks: {
    en: 'cached ledger part',
    nl: 'deel van het bewaarde grootboek',
    fr: 'partie du grand livre conservé',
  },
  flags: { en: 'handled mark', nl: 'afgehandeld-markering', fr: 'marque traité' },
  notes: { en: 'note', nl: 'notitie', fr: 'note' },
  followUps: { en: 'follow-up', nl: 'opvolging', fr: 'suivi' },
  agreements: { en: 'agreement', nl: 'afspraak', fr: 'accord' },
  mappings: { en: 'column mapping', nl: 'kolomkoppeling', fr: 'correspondance de colonnes' },
  settings: { en: 'settings', nl: 'instellingen', fr: 'paramètres' },
  paymentBatches: { en: 'payment batch', nl: 'betaalbatch', fr: 'lot de paiement' },
  syncLog: {
    en: 'sync log line',
    nl: 'regel van het synchronisatielogboek',
    fr: 'ligne du journal de synchronisation',
  },
  sheetState: { en: 'sheet state', nl: 'bladstatus', fr: 'état de la feuille' },
};

/** The sentences around a problem, and the headings of the errors that list problems. */
export const RECORD_WORDS = {
  where: {
    en: '{record} {key}[, {path}]',
    nl: '{record} {key}[, {path}]',
    fr: '{record} {key}[, {path}]',
  },
  expected: {
    en: '{where}: expected {expected}, got {value}',
    nl: '{where}: verwacht {expected}, gevonden {value}',
    fr: '{where} : attendu {expected}, trouvé {value}',
  },
  setting: { en: '{where}: {reason}', nl: '{where}: {reason}', fr: '{where} : {reason}' },
  refused: {
    en: 'Not saved, a record is not valid:',
    nl: 'Niet bewaard, een record is ongeldig:',
    fr: "Non enregistré, un enregistrement n'est pas valide :",
  },
  backup: {
    en: 'Not a usable Subledger annotations backup:',
    nl: 'Geen bruikbare back-up van Subledger-notities:',
    fr: 'Pas une sauvegarde de notes Subledger utilisable :',
  },
  'not-json': {
    en: '(file): not JSON — {reason}',
    nl: '(bestand): geen JSON — {reason}',
    fr: '(fichier) : pas du JSON — {reason}',
  },
  format: {
    en: 'format: expected "{format}", this is not a Subledger annotations backup',
    nl: 'format: verwacht "{format}", dit is geen back-up van Subledger-notities',
    fr: 'format : attendu "{format}", ce n\'est pas une sauvegarde de notes Subledger',
  },
  version: {
    en: 'version: expected {expected}, got {value} (made by another version of Subledger)',
    nl: 'version: verwacht {expected}, gevonden {value} (gemaakt door een andere versie van Subledger)',
    fr: 'version : attendu {expected}, trouvé {value} (faite par une autre version de Subledger)',
  },
  damaged: {
    en: 'A stored record could not be read; it is left out until it is repaired or restored: {problem}',
    nl: 'Een bewaard record kon niet gelezen worden; het blijft weg tot het hersteld of teruggezet is: {problem}',
    fr: "Un enregistrement conservé n'a pas pu être lu ; il est laissé de côté jusqu'à sa réparation ou restauration : {problem}",
  },
} satisfies Record<string, Words>;

export const RECORD_CATALOGUES = { EXPECTED, RECORD_NAMES, RECORD_WORDS };

/** At most this many problems are listed (a file of 10,000 bad rows says enough in 20). */
export const MAX_PROBLEMS = 20;

/** A value as a problem shows it: JSON, cut at 40 characters. */
export function shown(value: unknown): string {
  const text = typeof value === 'bigint' ? String(value) : (JSON.stringify(value) ?? String(value));
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

/** `notes[1].editedAt` from an issue's path. */
function pathText(path: readonly { key: unknown }[] | undefined): string {
  return (path ?? [])
    .map((p, i) =>
      typeof p.key === 'number' ? `[${p.key}]` : `${i === 0 ? '' : '.'}${String(p.key)}`,
    )
    .join('');
}

/** The schema a path leads to inside `schema` (a missing field is reported on its record). */
function schemaAt(schema: v.GenericSchema, path: readonly { key: unknown }[]): unknown {
  let at: unknown = schema;
  for (const { key } of path) {
    const s = at as {
      entries?: Record<string, unknown>;
      item?: unknown;
      items?: unknown[];
      wrapped?: unknown;
      value?: unknown;
    };
    const inner = s.wrapped ?? s;
    const next = inner as typeof s;
    at =
      typeof key === 'number'
        ? (next.item ?? next.items?.[key] ?? next.value)
        : (next.entries?.[String(key)] ?? next.value);
  }
  const found = at as { wrapped?: unknown } | undefined;
  return found?.wrapped ?? found;
}

function codeOf(message: unknown): FieldCode {
  return (typeof message === 'string' && message in EXPECTED ? message : 'object') as FieldCode;
}

/** The choices of a picklist as a problem lists them: `pane, sheet, import, upgrade`. */
function choicesOf(schema: unknown): string | undefined {
  const options = (schema as { options?: unknown } | undefined)?.options;
  return Array.isArray(options) ? options.join(', ') : undefined;
}

/** The problems of a valibot result, with the record they are in. */
export function problemsOf(
  schema: v.GenericSchema,
  issues: readonly v.BaseIssue<unknown>[],
  record?: RecordProblem['record'],
): RecordProblem[] {
  return issues.slice(0, MAX_PROBLEMS).map((issue) => {
    const path = issue.path ?? [];
    if (issue.type === 'raw_check' && issue.message !== 'column') {
      return withRecord(
        { path: pathText(path), code: 'setting', value: shown(issue.input), detail: issue.message },
        record,
      );
    }
    const missing = issue.type === 'object' && issue.input === undefined && path.length > 0;
    const field = schemaAt(schema, path);
    const code = missing
      ? codeOf((field as { message?: unknown } | undefined)?.message)
      : codeOf(issue.message);
    const problem: RecordProblem = { path: pathText(path), code, value: shown(issue.input) };
    const choices = code === 'choice' ? choicesOf(field) : undefined;
    if (choices !== undefined) problem.detail = choices;
    return withRecord(problem, record);
  });
}

function withRecord(problem: RecordProblem, record: RecordProblem['record']): RecordProblem {
  return record ? { record, ...problem } : problem;
}

/** The problem in words: `note AR·C1·F1·invoice, editedAt: expected a time …, got "yesterday"`. */
export function describeProblem(problem: RecordProblem, lang: Lang = 'en'): string {
  const where = problem.record
    ? fill(RECORD_WORDS.where[lang], {
        record: RECORD_NAMES[problem.record.table][lang],
        key: problem.record.key,
        path: problem.path,
      })
    : problem.path;
  if (problem.code === 'setting') {
    const reason = problem.setting ? settingProblemText(problem.setting, lang) : (problem.detail ?? '');
    return fill(RECORD_WORDS.setting[lang], { where, reason });
  }
  const expected = fill(EXPECTED[problem.code][lang], { choices: problem.detail ?? '' });
  return fill(RECORD_WORDS.expected[lang], { where, expected, value: problem.value });
}

/** What the user is told of a damaged record a read left out. */
export function damagedRecordText(problem: RecordProblem, lang: Lang): string {
  return fill(RECORD_WORDS.damaged[lang], { problem: describeProblem(problem, lang) });
}

/** An error that lists problems, worded again in another language by `messageIn`. */
export class ProblemsError extends WordedError {
  constructor(
    heading: keyof typeof RECORD_WORDS,
    /** The problems in English (the lines of `message`). */
    readonly problems: string[],
    words: (lang: Lang) => string[],
  ) {
    super((lang) => `${RECORD_WORDS[heading][lang]}\n${(lang === 'en' ? problems : words(lang)).map((p) => `  ${p}`).join('\n')}`);
  }
}

/** A write refused because the record is not valid: nothing of it was stored. */
export class RecordError extends ProblemsError {
  constructor(readonly details: RecordProblem[]) {
    super(
      'refused',
      details.map((p) => describeProblem(p)),
      (lang) => details.map((p) => describeProblem(p, lang)),
    );
    this.name = 'RecordError';
  }
}
