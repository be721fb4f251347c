// Column mappings the user confirmed for a layout (another package's CSV or XLSX export), found
// again by the layout's header signature so the next file of that layout imports without asking.
//   headerSignature([' Factuurnr ', 'Datum']) → 'factuurnr␟datum'
import type { SubledgerDb } from './db';
import type { MappingRow, Timestamp } from './records';

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
  return db.mappings.get(headerSignature(headers));
}

/** Notes that a saved mapping was used again (most recently used first in lists). */
export async function touchMapping(db: SubledgerDb, signature: string, at: Timestamp = Date.now()): Promise<void> {
  await db.mappings.update(signature, { usedAt: at });
}

export async function listMappings(db: SubledgerDb): Promise<MappingRow[]> {
  const rows = await db.mappings.toArray();
  return rows.sort((a, b) => b.usedAt - a.usedAt);
}

export async function deleteMapping(db: SubledgerDb, signature: string): Promise<void> {
  await db.mappings.delete(signature);
}
