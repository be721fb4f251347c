// The header of a table read from a file: a column the import reads (a canonical field, or a
// header word of `vocabulary.ts`) named twice leaves no way to know which of the two is meant.
import { ENTRY_FIELDS, PARTY_FIELDS } from './canonical';
import { ImportAbort, importError } from './issues';
import type { Table } from './table';
import { HEADER_WORDS, normalizeWord } from './tabular/vocabulary';

const READ_NAMES = new Set([...ENTRY_FIELDS, ...PARTY_FIELDS, ...Object.values(HEADER_WORDS).flat()].map(normalizeWord));

/**
 * Throws a `duplicate-column` error naming both positions (1-based) when the header names a
 * column the import reads twice; repeated names of columns nobody reads (DATEV's `Leerfeld`) pass.
 */
export function checkHeader(table: Table): void {
  const seen = new Map<string, number>();
  table.headers.forEach((header, column) => {
    const name = normalizeWord(header);
    if (!READ_NAMES.has(name)) return;
    const first = seen.get(name);
    if (first === undefined) seen.set(name, column);
    else throw new ImportAbort(importError('duplicate-column', { file: table.file }, { column: header.trim(), first: first + 1, second: column + 1 }));
  });
}
