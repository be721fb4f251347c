// "Did you mean …?": the known name closest to a mistyped one. A name the typed word begins
// (`--inp` → input) or one within two edits (a letter wrong, missing, extra or two swapped:
// `imput`, `ouT`, `partise` → input, out, parties) is offered; otherwise nothing.

/** Edits between two words: insertions, deletions, substitutions and swaps of neighbours. */
export function editDistance(a: string, b: string): number {
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    const row: number[] = [i];
    for (let j = 1; j <= b.length; j++) {
      if (i === 0) {
        row.push(j);
        continue;
      }
      const prev = rows[i - 1] ?? [];
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, (rows[i - 2]?.[j - 2] ?? 0) + 1);
      row.push(best);
    }
    rows.push(row);
  }
  return rows[a.length]?.[b.length] ?? Math.max(a.length, b.length);
}

/** The one name meant by `word`, or null when none is close enough (or two are equally close). */
export function closestName(word: string, names: readonly string[]): string | null {
  const typed = word.toLowerCase();
  if (typed === '') return null;
  const prefixed = names.filter((n) => n.startsWith(typed));
  if (prefixed.length === 1) return prefixed[0] ?? null;
  const limit = Math.min(2, Math.floor(typed.length / 2));
  const scored = names.map((name) => ({ name, distance: editDistance(typed, name) })).filter((s) => s.distance <= limit);
  scored.sort((x, y) => x.distance - y.distance);
  const [best, second] = scored;
  if (best === undefined || (second !== undefined && second.distance === best.distance)) return null;
  return best.name;
}
