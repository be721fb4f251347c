// Matching a table's header to fields by the words of `vocabulary.ts`: an exact word scores 1, a
// header that starts with or contains a known word less; each column serves one field, each field
// one column, best scores first.
import { normalizeWord } from './vocabulary';

export interface ColumnChoice {
  /** Zero-based column index in the table. */
  column: number;
  header: string;
  /** 0..1: 1 for an exact header word, lower for a partial one or doubtful contents. */
  confidence: number;
}

function scoreHeader(header: string, words: readonly string[]): number {
  const h = normalizeWord(header);
  if (h === '') return 0;
  let best = 0;
  for (const w of words) {
    if (h === w) return 1;
    if (w.length >= 4 && h.startsWith(w)) best = Math.max(best, 0.7 + 0.2 * (w.length / h.length));
    else if (w.length >= 5 && h.includes(w)) best = Math.max(best, 0.5 + 0.2 * (w.length / h.length));
  }
  return best;
}

/** The best column for each field, each column used once. */
export function matchColumns<F extends string>(
  headers: readonly string[],
  words: Record<F, readonly string[]>,
): Partial<Record<F, ColumnChoice>> {
  const candidates: { field: F; column: number; score: number }[] = [];
  for (const field of Object.keys(words) as F[]) {
    headers.forEach((header, column) => {
      const score = scoreHeader(header, words[field]);
      if (score > 0) candidates.push({ field, column, score });
    });
  }
  candidates.sort((x, y) => y.score - x.score || x.column - y.column);
  const chosen: Partial<Record<F, ColumnChoice>> = {};
  const usedColumns = new Set<number>();
  for (const c of candidates) {
    if (chosen[c.field] || usedColumns.has(c.column)) continue;
    chosen[c.field] = { column: c.column, header: headers[c.column] ?? '', confidence: c.score };
    usedColumns.add(c.column);
  }
  return chosen;
}
