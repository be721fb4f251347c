// Column mappings the user confirmed for a layout (another package's CSV or XLSX export), found
// again by the layout's header signature so the next file of that layout imports without asking;
// beside them the answers the user gave for what such a file does not say (its side, the GL
// accounts of the debtors and creditors), kept in the row's options.
//   headerSignature([' Factuurnr ', 'Datum']) → 'factuurnr␟datum'
import type { Side } from '../core/types';
import type { SubledgerDb } from './db';
import type { MappingRow, Timestamp } from './records';
import { usableRow, usableRows } from './record-guard';

const SEPARATOR = '\u001f';

/** The headers of a layout, trimmed, lower-cased and with single spaces, as one key. */
export function headerSignature(headers: readonly string[]): string {
  return headers.map((h) => h.trim().toLowerCase().replace(/\s+/g, ' ')).join(SEPARATOR);
}

export async function saveMapping(
  db: SubledgerDb,
  headers: readonly string[],
  mapping: Record<string, string>,
  options: Record<string, string> = {},
  at: Timestamp = Date.now(),
): Promise<MappingRow> {
  const row: MappingRow = { signature: headerSignature(headers), headers: [...headers], mapping, options, savedAt: at, usedAt: at };
  await db.mappings.put(row);
  return row;
}

/** The saved mapping for a layout with these headers, or undefined. */
export async function findMapping(db: SubledgerDb, headers: readonly string[]): Promise<MappingRow | undefined> {
  return usableRow(db, 'mappings', await db.mappings.get(headerSignature(headers)));
}

/** Notes that a saved mapping was used again (most recently used first in lists). */
export async function touchMapping(db: SubledgerDb, signature: string, at: Timestamp = Date.now()): Promise<void> {
  await db.mappings.update(signature, { usedAt: at });
}

export async function listMappings(db: SubledgerDb): Promise<MappingRow[]> {
  const rows = usableRows(db, 'mappings', await db.mappings.toArray());
  return rows.sort((a, b) => b.usedAt - a.usedAt);
}

export async function deleteMapping(db: SubledgerDb, signature: string): Promise<void> {
  await db.mappings.delete(signature);
}

/** What the user answered for a layout: the side of a one-sided file, the GL accounts' prefixes. */
export interface LayoutAnswers {
  side?: Side;
  arAccounts?: string[];
  apAccounts?: string[];
}

const PREFIX_SEPARATOR = ',';

/** The answers kept in a mapping row's options (none for a row saved before they were kept). */
export function answersOf(row: Pick<MappingRow, 'options'> | undefined): LayoutAnswers {
  const options = row?.options ?? {};
  const answers: LayoutAnswers = {};
  if (options.side === 'AR' || options.side === 'AP') answers.side = options.side;
  const prefixes = (text: string | undefined) => (text ?? '').split(PREFIX_SEPARATOR).map((p) => p.trim()).filter((p) => p !== '');
  const ar = prefixes(options.arAccounts);
  const ap = prefixes(options.apAccounts);
  if (ar.length > 0) answers.arAccounts = ar;
  if (ap.length > 0) answers.apAccounts = ap;
  return answers;
}

function answerOptions(answers: LayoutAnswers): Record<string, string> {
  const options: Record<string, string> = {};
  if (answers.side) options.side = answers.side;
  if (answers.arAccounts?.length) options.arAccounts = answers.arAccounts.join(PREFIX_SEPARATOR);
  if (answers.apAccounts?.length) options.apAccounts = answers.apAccounts.join(PREFIX_SEPARATOR);
  return options;
}

/**
 * Remembers a layout: the confirmed column mapping when there is one (else the one saved before
 * stays), and the answers given now on top of those given before.
 */
export async function rememberLayout(
  db: SubledgerDb,
  headers: readonly string[],
  mapping: Record<string, string> | undefined,
  answers: LayoutAnswers,
  at: Timestamp = Date.now(),
): Promise<MappingRow> {
  const before = await findMapping(db, headers);
  const options = { ...before?.options, ...answerOptions(answers) };
  return saveMapping(db, headers, mapping ?? before?.mapping ?? {}, options, at);
}
